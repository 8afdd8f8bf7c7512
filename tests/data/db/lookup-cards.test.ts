import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../data/dataset/types';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { cardOf, lookupCards } from '../../../data/db/lookup-cards';
import { lookupDocuments } from '../../../data/db/lookup-documents';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { replaceStoredDocument, storedDocument } from '../../fixtures/db/stored-records';

let db: KamerlensDB;
beforeEach(async () => {
  db = freshDB();
  const outcome = await importDataset(db, seedLikeDataset());
  expect(outcome.status).toBe('imported');
});

/** Every field a card carries: what the popover's components read, nothing more. */
const CARD_FIELDS = [
  'askedBy',
  'authors',
  'citation',
  'citedBy',
  'date',
  'dossier',
  'dossierSuffix',
  'id',
  'kind',
  'officialUrl',
  'qa',
  'stub',
  'submitted',
  'summary',
  'summarySource',
  'title',
  'type',
];

async function stored(id: string): Promise<DocumentRecord> {
  const record = await storedDocument(db, id);
  if (!record) throw new Error(`fixture changed: ${id}`);
  return record;
}

describe('lookupCards', () => {
  it('resolves ids and aliases like lookupDocuments, in input order, with duplicates and unknowns', async () => {
    const ids = ['2024Z15690', 'nope-1', 'kst-34352-349', '2024Z15690', 'kst-36600-XV-85', 'kst-34352-1', ''];
    const cards = await lookupCards(db, ids);
    const records = await lookupDocuments(db, ids);
    expect(cards.map((entry) => entry.id)).toEqual(ids);
    expect(cards.map((entry) => entry.document?.id ?? null)).toEqual(
      records.map((entry) => entry.document?.id ?? null),
    );
    expect(cards.map((entry) => entry.dossierTitle)).toEqual(records.map((entry) => entry.dossierTitle));
    expect(cards[1]).toEqual({ id: 'nope-1', document: null, dossierTitle: null, citingTitles: {} });
  });

  it('answers the card fields of the stored record and none of its bodies', async () => {
    const record = await stored('kst-34352-349');
    const [entry] = await lookupCards(db, ['2025D51855']);
    expect(Object.keys(entry?.document ?? {}).sort()).toEqual(CARD_FIELDS);
    const card = (entry?.document ?? {}) as Record<string, unknown>;
    for (const field of CARD_FIELDS.filter((name) => name !== 'qa' && name !== 'citedBy')) {
      expect(card[field], field).toEqual(record[field as keyof DocumentRecord]);
    }
    expect(JSON.stringify(entry)).not.toContain('Zie ook Kamerstuk 36 600 XV'); // an outgoing reference
  });

  it('keeps each question as number and one-line form only', async () => {
    const record = await stored('ah-tk-20242025-520');
    const qa = [1, 2, 3, 4, 5, 6].map((n) => ({
      number: String(n),
      question: `Vraag ${n} in volle lengte?`,
      questionShort: `Vraag ${n}`,
      answer: `Antwoord ${n} in volle lengte.`,
      sharedWith: [],
      refersTo: null,
      flags: [],
    }));
    await replaceStoredDocument(db, { ...record, type: 'antwoord', qa });
    const [entry] = await lookupCards(db, ['2024D43182']);
    expect(entry?.document?.qa).toEqual(qa.map(({ number, questionShort }) => ({ number, questionShort })));
  });

  it('answers the citing places with their sentence and the titles of the citing documents', async () => {
    const [full, stub] = await lookupCards(db, ['kst-34352-330', 'kst-36600-XV-85']);
    expect(full?.document?.citedBy).toEqual([
      {
        documentId: 'kst-34352-349',
        qa: null,
        context: 'Zoals gemeld in de voortgangsbrief (Kamerstukken II 2024/25, 34 352, nr. 330).',
        raw: 'Kamerstukken II 2024/25, 34 352, nr. 330',
      },
    ]);
    expect(full?.citingTitles).toEqual({ 'kst-34352-349': 'Monitoringsbrief Participatiewet 2025' });
    expect(stub?.document?.stub).toBe(true);
    expect(stub?.citingTitles).toEqual({ 'kst-34352-349': 'Monitoringsbrief Participatiewet 2025' });
  });

  it('takes citing titles from records of the same batch as well', async () => {
    const [cited, citing] = await lookupCards(db, ['kst-34352-330', '2025D51855']);
    expect(citing?.document?.id).toBe('kst-34352-349');
    expect(cited?.citingTitles).toEqual({ 'kst-34352-349': 'Monitoringsbrief Participatiewet 2025' });
  });

  it('gives null for a citing document the database does not hold', async () => {
    const record = await stored('kst-34352-330');
    const place = { documentId: 'kst-1-1', qa: '2', context: 'Zie nr. 330.', raw: 'nr. 330' };
    await replaceStoredDocument(db, { ...record, citedBy: [...record.citedBy, place] });
    const [entry] = await lookupCards(db, ['kst-34352-330']);
    expect(entry?.citingTitles).toEqual({
      'kst-34352-349': 'Monitoringsbrief Participatiewet 2025',
      'kst-1-1': null,
    });
  });

  it('never throws on values a forged message could carry', async () => {
    const forged = [null, 42, {}, ['kst-34352-349'], undefined] as unknown as string[];
    const entries = await lookupCards(db, forged);
    expect(entries.every((entry) => entry.document === null)).toBe(true);
    expect(await lookupCards(db, [])).toEqual([]);
  });
});

describe('cardOf', () => {
  it('copies exactly the card fields of a record', async () => {
    const record = await stored('kst-34352-330');
    const card = cardOf(record);
    expect(card).toEqual(
      Object.fromEntries(CARD_FIELDS.map((field) => [field, record[field as keyof DocumentRecord]])),
    );
  });
});
