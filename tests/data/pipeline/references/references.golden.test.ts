/**
 * Every reference in the seeds with what the text calls it and where it stands, against a reviewed
 * golden file. Regenerate after a deliberate change with `UPDATE_GOLDEN=1` and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { seedBuild } from '../../../fixtures/seed-build';

const GOLDEN = 'tests/fixtures/documents/references.golden.json';

it('references of the seeds match the golden file', () => {
  const actual = seedBuild()
    .dataset.documents.filter((d) => !d.stub)
    .map((d) => ({
      source: d.source,
      references: d.references.map((r) => ({
        raw: r.raw,
        ids: r.ids,
        citedAs: r.citedAs,
        location: r.location,
      })),
    }));
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
});
