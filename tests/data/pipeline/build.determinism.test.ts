/** Two builds give the same bytes; the content hash can be checked with Web Crypto alone. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHashOf, verifyContentHash } from '../../../data/dataset/canonical-json';
import { buildDataset } from '../../../data/pipeline/build';
import { datasetText, writeDataset } from '../../../data/pipeline/write-dataset';

describe('determinism', () => {
  it('two builds write byte-identical files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamerlens-dataset-'));
    writeDataset(buildDataset().dataset, join(dir, 'a.json'));
    writeDataset(buildDataset().dataset, join(dir, 'b.json'));
    const a = readFileSync(join(dir, 'a.json'));
    expect(a.equals(readFileSync(join(dir, 'b.json')))).toBe(true);
    expect(a.toString('utf8')).not.toMatch(/"(?:builtAt|timestamp|generated)"/);
  });
  it('the content hash matches a Web Crypto hash of the canonical content, and version derives from it', async () => {
    const { dataset } = buildDataset();
    expect(await contentHashOf(dataset)).toBe(dataset.contentHash);
    expect(await verifyContentHash(dataset)).toBe(true);
    expect(await verifyContentHash({ ...dataset, dossiers: [] })).toBe(false);
    expect(dataset.datasetVersion).toBe(`1-${dataset.contentHash.slice(0, 12)}`);
  });
  it('the file is canonical JSON that parses back to the same dataset', () => {
    const { dataset } = buildDataset();
    const text = datasetText(dataset);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(dataset)));
    expect(dataset.sources.map((s) => s.file)).toEqual([
      '000_5b0e6dc1a4e276c7.txt',
      '001_6be19fef0512fa7b.txt',
      '002_6b02423d140da90b.txt',
      '003_3f2138dee2da73f1.txt',
      '004_1bc47c291b0e2824.txt',
    ]);
  });
});
