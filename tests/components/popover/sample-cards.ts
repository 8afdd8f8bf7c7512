/** Documents and ready cards the popover tests show: a letter, answers to written questions and a stub. */
import type { CardModel } from '../../../components/popover/card-model';
import type { Citation } from '../../../data/citations/types';
import type { DocumentRecord } from '../../../data/dataset/types';
import { makeDocument } from '../../fixtures/builders';

export const LETTER = makeDocument({
  id: 'kst-34352-349',
  ids: ['kst-34352-349', '2025D51855'],
  source: '004_1bc47c291b0e2824.txt',
  type: 'brief',
  title: 'Monitoringsbrief Participatiewet 2025',
  date: '2025-12-12',
  authors: [
    { name: 'J.N.J. Nobel', role: 'staatssecretaris', portfolio: 'Participatie en Integratie', party: null },
  ],
  chamber: 'TK',
  vergaderjaar: '2025-2026',
  dossier: '34352',
  citation: 'Kamerstukken II 2025/26, 34352, nr. 349',
  officialUrl: 'https://zoek.officielebekendmakingen.nl/kst-34352-349.html',
  summary: 'De staatssecretaris deelt het onderzoek van Significant naar re-integratie door gemeenten.',
  summarySource: 'extractive',
  citedBy: [
    {
      documentId: 'local-002',
      qa: '2',
      context:
        'In de monitoringsbrief (Kamerstukken II 2025/26, 34352, nr. 349) staat hoe gemeenten dit doen.',
      raw: 'Kamerstukken II 2025/26, 34352, nr. 349',
    },
  ],
});

export const ANSWERS = makeDocument({
  id: 'ah-tk-20242025-520',
  ids: ['ah-tk-20242025-520', '2024D43182', '2024Z15690'],
  source: '001_6be19fef0512fa7b.txt',
  type: 'antwoord',
  title: 'Antwoorden op vragen over re-integratiedienstverlening in de Participatiewet',
  date: '2024-11-11',
  authors: [
    { name: 'J.N.J. Nobel', role: 'staatssecretaris', portfolio: 'Participatie en Integratie', party: null },
  ],
  askedBy: [{ name: 'De Kort', role: 'lid', portfolio: null, party: 'VVD' }],
  submitted: '2024-10-11',
  chamber: 'TK',
  vergaderjaar: '2024-2025',
  citation: 'Aanhangsel Handelingen II 2024/25, nr. 520',
  officialUrl: 'https://zoek.officielebekendmakingen.nl/ah-tk-20242025-520.html',
  summary: 'De staatssecretaris reageert op het NLA-rapport over re-integratie.',
  summarySource: 'editorial',
  qa: Array.from({ length: 7 }, (_, i) => ({
    number: String(i + 1),
    question: `Volledige vraag ${i + 1}?`,
    questionShort: `Korte vraag ${i + 1}`,
    answer: `Antwoord ${i + 1}.`,
    sharedWith: [],
    refersTo: null,
    flags: [],
  })),
});

export const STUB = makeDocument({
  id: 'kst-34352-327',
  stub: true,
  type: 'kamerstuk',
  title: null,
  chamber: 'TK',
  vergaderjaar: '2024-2025',
  dossier: '34352',
  citation: 'Kamerstukken II 2024/25, 34352, nr. 327',
  officialUrl: 'https://zoek.officielebekendmakingen.nl/kst-34352-327.html',
  citedBy: [
    {
      documentId: 'kst-34352-330',
      qa: null,
      context: 'Zoals gemeld in de Monitoringsbrief Participatiewet van 15 oktober 2024 (TK 34 352, nr 327).',
      raw: 'TK 34 352, nr 327',
    },
  ],
});

/** A ready card for one citation with the given lookup answers. */
export function card(
  c: Citation,
  documents: (DocumentRecord | null)[],
  extra: Partial<CardModel> = {},
): CardModel {
  return {
    citation: c,
    papers: c.ids.map((id, i) => ({
      id,
      document: documents[i] ?? null,
      dossierTitle: c.dossier === '34352' ? 'Uitvoering en evaluatie Participatiewet' : null,
    })),
    lookupOk: true,
    citingTitles: {},
    ...extra,
  };
}
