import { describe, expect, it } from 'vitest';
import { type TextlessFields, textlessRecord } from '../../../../data/pipeline/record/textless-record';

const fields: TextlessFields = {
  id: 'kst-36600-XV-85',
  ids: ['kst-36600-XV-85'],
  type: 'kamerstuk',
  title: null,
  date: null,
  authors: [],
  askedBy: [],
  chamber: 'TK',
  vergaderjaar: '2024-2025',
  dossier: '36600',
  dossierSuffix: 'XV',
  dossierTitle: null,
  citation: null,
  officialUrl: 'https://zoek.officielebekendmakingen.nl/kst-36600-XV-85.html',
  provenance: null,
};

describe('textlessRecord', () => {
  it('is a stub with every text-derived field empty', () => {
    const record = textlessRecord(fields);
    expect(record).toMatchObject({ ...fields, stub: true, source: null, submitted: null, newsArticle: null });
    expect([record.summary, record.summarySource]).toEqual([null, null]);
    for (const list of [
      record.keyPoints,
      record.qa,
      record.sections,
      record.footnotes,
      record.references,
      record.citedBy,
    ]) {
      expect(list).toEqual([]);
    }
  });

  it('carries the open-data fields only when given, so stubs keep their shape', () => {
    expect('kind' in textlessRecord(fields)).toBe(false);
    const paper = textlessRecord({ ...fields, kind: null, subject: 'Begroting', addressees: [], zaken: [] });
    expect(paper).toMatchObject({ kind: null, subject: 'Begroting', addressees: [], zaken: [] });
  });

  it('gives every record its own arrays', () => {
    const a = textlessRecord(fields);
    const b = textlessRecord(fields);
    a.citedBy.push({ documentId: 'x', qa: null, context: '', raw: '', citedAs: null, location: null });
    expect(b.citedBy).toEqual([]);
  });
});
