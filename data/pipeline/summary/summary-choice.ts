/** The summary a record carries: the editorial one when written, otherwise an extractive one. */

import type { DocumentRecord } from '../../dataset/types';
import type { Para } from '../layout/layout-types';
import { stripMarks } from '../layout/markers';
import type { EditorialSummary } from '../source/editorial';
import { splitSentences } from './sentences';
import { type Candidate, summarize } from './summarize';

/** The summary a record carries, with its provenance. */
export interface ChosenSummary {
  summary: string | null;
  keyPoints: string[];
  source: DocumentRecord['summarySource'];
}

/** `editorial` when given; else sentences of the paragraphs that have a summary group (answers, section text). */
export function pickSummary(
  editorial: EditorialSummary | null,
  body: { groups: (number | null)[] },
  paras: Para[],
): ChosenSummary {
  if (editorial) return { summary: editorial.summary, keyPoints: editorial.keyPoints, source: 'editorial' };
  const extractive = summarize(summaryCandidates(body.groups, paras));
  return extractive
    ? { summary: extractive.summary, keyPoints: extractive.keyPoints, source: 'extractive' }
    : { summary: null, keyPoints: [], source: null };
}

/** Sentences of every paragraph with a group, in order, marked where they open a paragraph or group. */
function summaryCandidates(groups: (number | null)[], paras: Para[]): Candidate[] {
  const candidates: Candidate[] = [];
  let lastGroup: number | null = null;
  paras.forEach((para, i) => {
    const group = groups[i];
    if (group === null || group === undefined) return;
    const sentences = splitSentences(stripMarks(para.text));
    sentences.forEach((sentence, j) => {
      candidates.push({
        text: sentence.text,
        group,
        opensParagraph: j === 0,
        opensGroup: j === 0 && group !== lastGroup,
      });
    });
    lastGroup = group;
  });
  return candidates;
}
