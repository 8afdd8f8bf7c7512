// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../data/dataset/canonical-json';
import { buildWithOpenData } from '../../../../data/pipeline/opendata/build-opendata';
import { readPack } from '../../../../data/pipeline/packs/read-pack';
import { packBytes, splitDataset, writePacks } from '../../../../data/pipeline/packs/write-packs';
import { fixtureStore, tempDir } from '../../../fixtures/opendata/fixture-store';

const { dataset } = buildWithOpenData({ opendataDir: fixtureStore() });

describe('dataset packs', () => {
  it.each(['vergaderjaar', 'dossier'] as const)(
    'split by %s: every record in exactly one pack, round trip intact',
    (split) => {
      const dir = tempDir();
      const list = writePacks(dataset, split, dir);
      const read = list.packs.map((entry) => {
        const bytes = readFileSync(join(dir, entry.file));
        const result = readPack(bytes);
        if (!result.ok) throw new Error(result.error);
        expect(result.value).toMatchObject({ id: entry.id, version: entry.version, counts: entry.counts });
        expect(bytes.length).toBe(entry.bytes);
        return result.value;
      });
      const ids = read.flatMap((p) => p.documents.map((d) => d.id)).sort();
      expect(ids).toEqual(dataset.documents.map((d) => d.id).sort());
      const byId = new Map(read.flatMap((p) => p.documents).map((d) => [d.id, d]));
      for (const record of dataset.documents)
        expect(canonicalJson(byId.get(record.id))).toBe(canonicalJson(record));
      expect(JSON.parse(readFileSync(join(dir, 'packs.json'), 'utf8'))).toEqual(list);
    },
  );

  it('names packs by what they hold and gives each the dossiers its records name', () => {
    const packs = splitDataset(dataset, 'dossier');
    expect(packs.map((p) => p.id)).toContain('dossier-36600-XV');
    expect(packs.map((p) => p.id)).toContain('dossier-onbekend');
    const budget = packs.find((p) => p.id === 'dossier-36600-XV');
    expect(budget?.dossiers.map((d) => d.id)).toEqual(['36600-XV']);
    expect(budget?.documents.every((d) => d.dossier === '36600' && d.dossierSuffix === 'XV')).toBe(true);
    const years = splitDataset(dataset, 'vergaderjaar').map((p) => p.id);
    expect(years).toContain('vergaderjaar-2024-2025');
  });

  it('is byte-for-byte reproducible', () => {
    const once = splitDataset(dataset, 'vergaderjaar').map((p) => packBytes(p).toString('base64'));
    const again = splitDataset(dataset, 'vergaderjaar').map((p) => packBytes(p).toString('base64'));
    expect(again).toEqual(once);
  });

  it('a changed record changes the version of its pack only', () => {
    const before = splitDataset(dataset, 'vergaderjaar');
    const edited = {
      ...dataset,
      documents: dataset.documents.map((d) => (d.id === '2025D09876' ? { ...d, title: 'Andere titel' } : d)),
    };
    const after = splitDataset(edited, 'vergaderjaar');
    const changed = after.filter((p, i) => p.version !== before[i]?.version).map((p) => p.id);
    expect(changed).toEqual(['vergaderjaar-2024-2025']);
  });

  const pack = packBytes(splitDataset(dataset, 'vergaderjaar')[0] ?? (null as never));
  it.each([
    ['a truncated file', pack.subarray(0, Math.floor(pack.length / 2)), 'not a complete gzip file'],
    ['a corrupt file', Buffer.from(pack.map((b, i) => (i === 40 ? b ^ 0xff : b))), 'Not a usable pack'],
    ['something else entirely', Buffer.from('{"documents": []}'), 'not a complete gzip file'],
    ['gzip of something that is not a pack', gzipSync('{"format":"other"}'), 'not a Kamerlens pack'],
    ['gzip of text that is not JSON', gzipSync('hello'), 'not JSON'],
  ])('refuses %s', (_, bytes, message) => {
    const result = readPack(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('refuses a pack whose records were changed after hashing', () => {
    const original = splitDataset(dataset, 'vergaderjaar')[0];
    if (!original) throw new Error('no pack');
    const tampered = { ...original, documents: original.documents.map((d) => ({ ...d, title: 'Vervalst' })) };
    const result = readPack(gzipSync(canonicalJson(tampered)));
    expect(result).toEqual({ ok: false, error: 'Not a usable pack: its content does not match its hash.' });
  });
});
