/**
 * What an answer document contributes to its record: questions and answers, the header's authors,
 * asker and dates, the news article, and a title built from what the header says.
 */

import type { DocumentRecord, Person, QaItem, Section } from '../../dataset/types';
import type { Para } from '../layout/layout-types';
import { stripMarks } from '../layout/markers';
import type { Place } from '../references/references';
import { readAnswerHeader } from './answer-header';
import { findNewsArticle } from './news-article';
import { parseQa, type QaPlace } from './qa';

/** What the two document kinds contribute before the shared steps. */
export interface DocumentBody {
  title: string | null;
  date: string | null;
  authors: Person[];
  askedBy: Person[];
  submitted: string | null;
  newsArticle: DocumentRecord['newsArticle'];
  qa: QaItem[];
  sections: Section[];
  /** Per paragraph: where it stands, or null (header, signature). */
  places: (Place | null)[];
  /** Per paragraph: the question/section group it belongs to for summarizing, or null to skip it. */
  groups: (number | null)[];
}

/** Read questions, answers and header of an answer document. */
export function readAnswer(file: string, paras: Para[], footnoteTexts: string[]): DocumentBody {
  const { items, places } = parseQa(file, paras);
  const header = readAnswerHeader(
    paras
      .filter((_, i) => (places[i] as QaPlace).role === 'header')
      .map((para) => stripMarks(para.text))
      .join(' '),
  );
  const newsArticle = findNewsArticle(
    items.map((item) => item.question),
    footnoteTexts,
  );
  const order = items.map((item) => item.number);
  return {
    title: answerTitle(header, newsArticle),
    date: header.received,
    authors: header.authors,
    askedBy: header.askedBy,
    submitted: header.submitted,
    newsArticle,
    qa: items,
    sections: [],
    places: places.map((place) => (place.qa === null ? null : { qa: place.qa })),
    groups: places.map((place) =>
      place.role === 'answer' && place.qa !== null ? order.indexOf(place.qa) : null,
    ),
  };
}

function answerTitle(
  header: ReturnType<typeof readAnswerHeader>,
  article: DocumentRecord['newsArticle'],
): string | null {
  if (header.subject && header.askedBy.length > 0) {
    const members = header.askedBy.map((m) => (m.party ? `${m.name} (${m.party})` : m.name)).join(' en ');
    return `Antwoord op vragen van ${header.askedByLabel} ${members} over ${header.subject}`;
  }
  if (article)
    return `Antwoord op vragen over het bericht ‘${article.title}’${article.outlet ? ` uit ${article.outlet}` : ''}`;
  return null;
}
