/** The dataset schema: the built dataset passes; each kind of damage is reported with its path. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DatasetFile } from '../../../data/dataset/types';
import { validateDataset, validateDatasetInSlices } from '../../../data/dataset/validate';
import { seedBuild } from '../../fixtures/seed-build';

const copy = (): DatasetFile => structuredClone(seedBuild().dataset);

describe('validateDataset', () => {
  it('accepts the built dataset and its JSON round trip', () => {
    const dataset = copy();
    expect(validateDataset(dataset)).toEqual({ ok: true, value: dataset });
    expect(validateDataset(JSON.parse(JSON.stringify(dataset))).ok).toBe(true);
  });
  it.each<[string, (d: DatasetFile & Record<string, unknown>) => void, string]>([
    ['not an object', (d) => Object.assign(d, { documents: 'x' }), 'documents: must be a list'],
    ['schema version', (d) => Object.assign(d, { schemaVersion: 99 }), 'schemaVersion: must be 1'],
    ['content hash', (d) => Object.assign(d, { contentHash: 'abc' }), 'contentHash: must be 64 hex digits'],
    [
      'date',
      (d) => Object.assign(d.documents[0] as object, { date: '31-03-2026' }),
      'documents[0].date: must be an ISO date',
    ],
    [
      'missing field',
      (d) => delete (d.documents[0] as Partial<DatasetFile['documents'][0]>).title,
      'documents[0].title: is missing (use null)',
    ],
    [
      'duplicate id',
      (d) => Object.assign(d.documents[1] as object, { id: d.documents[0]?.id, ids: d.documents[0]?.ids }),
      'duplicate id',
    ],
    [
      'stub with a source',
      (d) => Object.assign(d.documents[5] as object, { source: 'x.txt' }),
      'documents[5].source: must be null for a stub',
    ],
    [
      'dangling target',
      (d) => Object.assign(d.documents[1]?.references[0] as object, { targets: ['kst-1-1'] }),
      'kst-1-1 is not a record in the dataset',
    ],
    [
      'citedBy out of step',
      (d) => d.documents[4]?.citedBy.pop(),
      'references and citedBy disagree (missing in citedBy)',
    ],
    [
      'no-answer flag',
      (d) => Object.assign(d.documents[0]?.qa[0] as object, { answer: null }),
      'must contain no-answer exactly when answer is null',
    ],
    [
      'shared answer names a missing question',
      (d) => Object.assign(d.documents[2]?.qa[2] as object, { sharedWith: ['3', '44'] }),
      'names question 44',
    ],
    [
      'summary source without summary',
      (d) => Object.assign(d.documents[0] as object, { summary: null }),
      'must be null exactly when summary is null',
    ],
  ])('reports %s, in one go and in time slices alike', async (_name, damage, message) => {
    const dataset = copy() as DatasetFile & Record<string, unknown>;
    damage(dataset);
    const result = validateDataset(dataset);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
    expect(await validateDatasetInSlices(dataset)).toEqual(result);
  });
  it('in time slices accepts what it accepts in one go', async () => {
    const dataset = copy();
    expect(await validateDatasetInSlices(dataset)).toEqual({ ok: true, value: dataset });
  });
  it('rejects non-objects', () => {
    expect(validateDataset(null)).toEqual({
      ok: false,
      error: 'Dataset is not valid. dataset: must be an object',
    });
  });
  it('is pure: the validator and hash helpers import no Node modules', () => {
    for (const file of ['validate.ts', 'validate-graph.ts', 'canonical-json.ts', 'types.ts']) {
      const source = readFileSync(`data/dataset/${file}`, 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(
        imports.every((path) => path?.startsWith('.')),
        file,
      ).toBe(true);
    }
  });
});
