// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../data/dataset/canonical-json';
import { readPack } from '../../../../data/dataset/read-pack';
import { buildWithOpenData } from '../../../../data/pipeline/opendata/build-opendata';
import { packBytes, splitDataset, writePacks } from '../../../../data/pipeline/packs/write-packs';
import { streamOf } from '../../../fixtures/opendata/fixture-packs';
import { fixtureStore, tempDir } from '../../../fixtures/opendata/fixture-store';

const { dataset } = buildWithOpenData({ opendataDir: fixtureStore() });

describe('dataset packs', () => {
  it.each(['vergaderjaar', 'dossier'] as const)(
    'split by %s: every record in exactly one pack, round trip intact',
    async (split) => {
      const dir = tempDir();
      const list = writePacks(dataset, split, dir);
      const read = await Promise.all(
        list.packs.map(async (entry) => {
          const bytes = readFileSync(join(dir, entry.file));
          const result = await readPack(streamOf(bytes));
          if (!result.ok) throw new Error(result.error);
          expect(result.value).toMatchObject({ id: entry.id, version: entry.version, counts: entry.counts });
          expect(bytes.length).toBe(entry.bytes);
          return result.value;
        }),
      );
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
});
