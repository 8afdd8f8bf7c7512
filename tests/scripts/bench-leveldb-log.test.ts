import { describe, expect, it } from 'vitest';
import { compactionsAgainst, parseLevelDbLog } from '../../scripts/bench/_leveldb-log';

// Lines as Chromium 156's LevelDB wrote them during a pack import (threads interleave).
const LOG = [
  '2026/12/05-01:06:32.832 4ee4 Creating DB /tmp/p/Default/IndexedDB/x.indexeddb.leveldb since it was missing.',
  '2026/12/05-01:06:38.446 4ee4 Level-0 table #5: started',
  '2026/12/05-01:06:38.488 4ee4 Level-0 table #5: 1835701 bytes OK',
  '2026/12/05-01:06:38.714 4ee4 Compacting 1@1 + 1@2 files',
  '2026/12/05-01:06:38.720 4ee3 Level-0 table #7: 1799656 bytes OK',
  '2026/12/05-01:06:38.730 4ee3 Compacting 1@0 + 4@1 files',
  '2026/12/05-01:06:38.796 4ee4 Compacted 1@1 + 1@2 files => 3489129 bytes',
  '2026/12/05-01:06:38.797 4ee4 compacted to: files[ 0 0 2 0 0 0 0 ]',
  '2026/12/05-01:06:39.030 4ee3 Compacted 1@0 + 4@1 files => 8992066 bytes',
  '2026/12/05-01:06:39.100 4ee3 Delete type=2 #5',
].join('\n');

const at = (time: string) => new Date(`2026-12-05T${time}`).getTime();

describe('the LevelDB log of an IndexedDB database', () => {
  it('gives each flush and each compaction, its end matched by the thread that started it', () => {
    const activity = parseLevelDbLog(LOG);
    expect(activity.flushes).toEqual([
      { at: at('01:06:38.488'), bytes: 1835701 },
      { at: at('01:06:38.720'), bytes: 1799656 },
    ]);
    expect(activity.compactions).toEqual([
      { from: at('01:06:38.714'), to: at('01:06:38.796'), inputs: '1@1 + 1@2', bytes: 3489129 },
      { from: at('01:06:38.730'), to: at('01:06:39.030'), inputs: '1@0 + 4@1', bytes: 8992066 },
    ]);
  });

  it('counts the lookups that overlapped a compaction, of all and of the slow ones', () => {
    const activity = parseLevelDbLog(LOG);
    const lookups: [number, number][] = [
      [at('01:06:38.600'), at('01:06:38.610')], // before any compaction
      [at('01:06:38.700'), at('01:06:38.760')], // slow, overlaps the first
      [at('01:06:39.050'), at('01:06:39.120')], // slow, after both
      [at('01:06:38.900'), at('01:06:38.905')], // overlaps the second
    ];
    const text = compactionsAgainst(activity, at('01:06:38.000'), at('01:06:40.000'), lookups);
    expect(text).toContain('4 MB flushed, compactions wrote 12 MB (3.4x) in 2 compactions');
    expect(text).toContain('lookups overlapping one: 50% of all, 50% of those over 50 ms (1 of 2)');
  });
});
