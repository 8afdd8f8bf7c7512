/** Summaries state no number, date, percentage, amount or name their document does not. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourceDocument } from '../../../../data/pipeline/record/parse-document';
import { defaultRecognizer } from '../../../../data/pipeline/references/pipeline-recognizer';
import { decodeSource } from '../../../../data/pipeline/source/decode-source';
import { checkFaithfulness } from '../../../../data/pipeline/summary/faithfulness';
import { seedBuild } from '../../../fixtures/seed-build';

const SOURCE =
  'Minister Aartsen schreef op 31 maart 2026 dat 52.000 mensen (6,8%) werk vonden; € 100 miljoen extra, zie juli 2024.';

describe('checkFaithfulness', () => {
  it.each([
    ['Minister Aartsen schreef dit.', []],
    ['Het ging om 52000 mensen in juli 2024 en maart 2026.', []],
    ['Op 31 maart schreef Aartsen over 6,8 procent en € 100 miljoen.', []],
    ['Minister Rutte schreef dit.', [['name', 'Rutte']]],
    ['Op 30 maart 2026 gebeurde het.', [['date', '30 maart 2026']]],
    ['Het ging om 7%.', [['percentage', '7%']]],
    ['Er was € 200 miljoen.', [['amount', '€ 200 miljoen']]],
    ['Het gebeurde in 2025.', [['number', '2025']]],
    ['Het ging om 52.001 mensen.', [['number', '52.001']]],
    ['Zij schreven aan Trouw.', [['name', 'Trouw']]],
    ['Kamerleden schreven het.', [['name', 'Kamerleden']]],
    ['Het kabinet (NLA) schreef.', [['name', 'NLA']]],
  ])('%s', (summary, expected) => {
    expect(checkFaithfulness(summary, SOURCE).map((issue) => [issue.kind, issue.value])).toEqual(expected);
  });
});

const { parsed } = seedBuild();
const records = seedBuild().dataset.documents.filter((d) => !d.stub);

describe('every summary of the seed dataset is faithful', () => {
  it.each(records.map((r) => [r.source, r] as const))('%s: summary and key points', (_source, record) => {
    const text = parsed.find((p) => p.record.id === record.id)?.text ?? '';
    expect(record.summary).not.toBeNull();
    for (const part of [
      record.summary ?? '',
      ...record.keyPoints,
      ...record.qa.map((q) => q.questionShort),
    ]) {
      expect(checkFaithfulness(part, text), part).toEqual([]);
    }
  });
  it('the seeds carry their editorial summaries (2–4 sentences, with key points)', () => {
    expect(records.map((r) => r.summarySource)).toEqual([
      'editorial',
      'editorial',
      'editorial',
      'editorial',
      'editorial',
    ]);
    expect(records.every((r) => r.keyPoints.length >= 2)).toBe(true);
  });
  it.each(records.map((r) => [r.source as string]))(
    '%s: the extractive summary is faithful too',
    (source) => {
      const dir = resolve('data/sources');
      const text = decodeSource(source, readFileSync(resolve(dir, source)));
      const { record, text: cleaned } = parseSourceDocument(
        { file: source, text, manifest: null, editorial: null },
        defaultRecognizer,
      );
      expect(record.summarySource).toBe('extractive');
      expect(record.keyPoints.length).toBeGreaterThan(0);
      for (const part of [record.summary ?? '', ...record.keyPoints])
        expect(checkFaithfulness(part, cleaned), part).toEqual([]);
    },
  );
});
