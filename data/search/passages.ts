/**
 * The searchable passages of a document, each saying where it sits ("Vraag 4", "Antwoord 3–5",
 * a section heading), so a hit can be shown and opened at that place.
 */
import type { DocumentRecord, QaItem } from '../dataset/types';

/** Where in a document a passage sits. `numbers` lists every question a shared answer answers. */
export type PassageWhere =
  | { kind: 'title' }
  | { kind: 'meta' }
  | { kind: 'summary' }
  | { kind: 'question'; number: string }
  | { kind: 'answer'; numbers: string[] }
  | { kind: 'section'; index: number; heading: string | null }
  | { kind: 'footnote'; number: string };

export type PassageKind = PassageWhere['kind'];

/** One searchable piece of text of a document. */
export interface Passage {
  where: PassageWhere;
  text: string;
}

/** Ranking weight per kind: a word in the title says more about a document than one in a footnote. */
export const PASSAGE_BOOST: Readonly<Record<PassageKind, number>> = {
  title: 3,
  meta: 1.5,
  summary: 1.5,
  question: 1.3,
  answer: 1,
  section: 1,
  footnote: 0.6,
};

/** Numeric codes for `PassageKind`, for compact storage in the index. */
export const PASSAGE_KINDS: readonly PassageKind[] = [
  'title',
  'meta',
  'summary',
  'question',
  'answer',
  'section',
  'footnote',
];

/** The question numbers an item's answer belongs to (itself, or every question sharing it). */
export function answerNumbers(item: QaItem): string[] {
  return item.sharedWith.length > 0 ? item.sharedWith : [item.number];
}

function metaText(doc: DocumentRecord): string {
  const people = [...doc.authors, ...doc.askedBy].map((p) =>
    [p.name, p.role, p.portfolio, p.party].filter(Boolean).join(' '),
  );
  const article = doc.newsArticle ? [doc.newsArticle.title, doc.newsArticle.outlet ?? ''] : [];
  return [...people, ...article, doc.citation ?? '', ...doc.ids].filter(Boolean).join('\n');
}

function qaPassages(qa: QaItem[]): Passage[] {
  const passages: Passage[] = [];
  const answered = new Set<string>();
  for (const item of qa) {
    passages.push({ where: { kind: 'question', number: item.number }, text: item.question });
    const numbers = answerNumbers(item);
    const key = numbers.join(',');
    // A shared answer is one text: index it once, under all the questions it answers.
    if (item.answer === null || answered.has(key)) continue;
    answered.add(key);
    passages.push({ where: { kind: 'answer', numbers }, text: item.answer });
  }
  return passages;
}

/** Every searchable passage of `doc`, in reading order. Stubs have only their title and meta. */
export function passagesOf(doc: DocumentRecord): Passage[] {
  const passages: Passage[] = [];
  if (doc.title) passages.push({ where: { kind: 'title' }, text: doc.title });
  const meta = metaText(doc);
  if (meta) passages.push({ where: { kind: 'meta' }, text: meta });
  const summary = [doc.summary ?? '', ...doc.keyPoints].filter(Boolean).join('\n');
  if (summary) passages.push({ where: { kind: 'summary' }, text: summary });
  passages.push(...qaPassages(doc.qa));
  doc.sections.forEach((section, index) => {
    const where: PassageWhere = { kind: 'section', index, heading: section.heading };
    if (section.heading) passages.push({ where, text: section.heading });
    for (const paragraph of section.paragraphs) passages.push({ where, text: paragraph });
  });
  for (const note of doc.footnotes)
    passages.push({ where: { kind: 'footnote', number: note.number }, text: note.text });
  return passages;
}
