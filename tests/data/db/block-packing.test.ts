// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, DossierRecord } from '../../../data/dataset/types';
import {
  blocksOf,
  cardBlocksOf,
  parseStored,
  type StoredCard,
  storedJson,
  titlesOf,
  withBody,
} from '../../../data/db/block-packing';
import { makeDocument } from '../../fixtures/builders';
import { generatedDataset } from '../../fixtures/db/generated-dataset';
import { seedLikeDataset } from '../../fixtures/db/seed-like';

describe('how records are stored in blocks', () => {
  it('gives every document of the seeds and of a generated dataset back as it was', () => {
    const documents = [...seedLikeDataset().documents, ...generatedDataset(300).documents];
    for (const document of documents) expect(parseStored(storedJson(document))).toEqual(document);
  });

  it('stores a document without its empty fields, and reads each back as the field it was', () => {
    const document = makeDocument({ id: 'kst-36410-1', title: 'Brief', summary: null, qa: [] });
    const json = storedJson(document);
    for (const key of ['summary', 'qa', 'citedBy', 'askedBy', 'newsArticle', 'source'])
      expect(json).not.toContain(`"${key}"`);
    expect(JSON.parse(json)).toMatchObject({ id: 'kst-36410-1', title: 'Brief', stub: false });
    const read = parseStored<DocumentRecord>(json);
    expect(read).toEqual(document);
    expect(read.summary).toBeNull();
    expect(read.qa).toEqual([]);
  });

  it('keeps fields that are not empty, false values and optional fields as they are', () => {
    const document = makeDocument({
      id: 'kst-36410-2',
      stub: false,
      keyPoints: ['een'],
      dossierTitle: null,
      addressees: [],
    });
    const read = parseStored<DocumentRecord>(storedJson(document));
    expect(read).toEqual(document);
    // Optional fields are not the reader's to add or drop: present and empty, they stay.
    expect(read).toHaveProperty('dossierTitle', null);
    expect(read).toHaveProperty('addressees', []);
    expect('zaken' in read).toBe(false);
  });

  it('gives each read its own empty lists (a reader may change what it gets)', () => {
    const json = storedJson(makeDocument({ id: 'kst-36410-3' }));
    const first = parseStored<DocumentRecord>(json);
    first.qa.push({
      number: '1',
      question: 'Vraag',
      questionShort: 'Vraag',
      answer: null,
      sharedWith: [],
      refersTo: null,
      flags: [],
    });
    expect(parseStored<DocumentRecord>(json).qa).toEqual([]);
  });

  it('reads what an earlier build stored whole, and stores dossiers whole', () => {
    const document = makeDocument({ id: 'kst-36410-4' });
    expect(parseStored(JSON.stringify(document))).toEqual(document);
    const dossier: DossierRecord = { id: '36410', title: 'Participatiewet' };
    expect(storedJson(dossier)).toBe(JSON.stringify(dossier));
    expect(parseStored(storedJson(dossier))).toEqual(dossier);
  });

  it('packs more documents into a block when their empty fields are left out', () => {
    const documents = Array.from({ length: 200 }, (_, i) => makeDocument({ id: `kst-36410-${i + 1}` }));
    const whole = documents.reduce((sum, document) => sum + JSON.stringify(document).length, 0);
    const blocks = blocksOf('pakket', 1, documents);
    const stored = blocks.reduce(
      (sum, block) => sum + block.entries.reduce((n, e) => n + e.json.length, 0),
      0,
    );
    expect(stored).toBeLessThan(whole / 2);
  });

  it('stores a long body in a row of its own and a short one in the entry, and gives both back whole', () => {
    const text = 'Tekst van de brief over de uitvoering. '.repeat(100);
    const long = makeDocument({
      id: 'kst-36410-5',
      title: 'Lang',
      sections: [{ heading: null, paragraphs: [text] }],
      qa: [
        {
          number: '1',
          question: text,
          questionShort: 'Vraag 1',
          answer: text,
          sharedWith: [],
          refersTo: null,
          flags: [],
        },
      ],
    });
    const cited = makeDocument({
      id: 'kst-36410-6',
      stub: true,
      citedBy: [{ documentId: 'kst-36410-5', qa: null, context: 'Zie nr. 6.', raw: 'nr. 6' }],
    });
    const short = makeDocument({
      id: 'kst-36410-7',
      title: 'Kort',
      sections: [{ heading: null, paragraphs: ['Kort.'] }],
    });
    const documents = [long, cited, short];
    const { blocks, bodies } = cardBlocksOf('pakket', 1, documents, titlesOf(documents));
    expect(bodies.map((body) => body.id)).toEqual(['kst-36410-5']);
    const entries = blocks.flatMap((block) => block.entries);
    expect(entries.map((entry) => entry.body ?? false)).toEqual([true, false, false]);
    const [card, stub, whole] = entries.map((entry) => parseStored<StoredCard>(entry.json));
    // The card part: about what a card shows, the questions in their one-line form.
    expect(entries[0]?.json.length).toBeLessThan(500);
    expect(card?.qa).toEqual([{ number: '1', questionShort: 'Vraag 1' }]);
    expect(stub?.citingTitles).toEqual({ 'kst-36410-5': 'Lang' });
    expect(withBody(card as StoredCard, bodies[0]?.json)).toEqual(long);
    expect(withBody(stub as StoredCard, undefined)).toEqual(cited);
    expect(withBody(whole as StoredCard, undefined)).toEqual(short);
  });
});
