/**
 * How questions and answers are laid out in the reader: a shared answer is shown once, after the
 * last question it answers, and every other question it answers links to it; an answer that only
 * points elsewhere ("Zie hierboven.") is resolved to the answer(s) it points at.
 */
import type { QaItem } from '../../data/dataset/types';
import { answerNumbers } from '../../data/search/index';

/** One answer as shown: the questions it answers and its text. */
export interface AnswerBlock {
  numbers: string[];
  text: string | null;
  /** Element id in the reader. */
  anchor: string;
}

/** One question in reading order, with the answer block shown after it (if it is the block's host). */
export interface QaRow {
  item: QaItem;
  block: AnswerBlock;
  /** True when the answer is shown after this question; false: it links to the shared answer. */
  hostsAnswer: boolean;
}

/** What a pointing answer resolves to: one answer, or all answers above it. */
export type Pointer = { kind: 'one'; block: AnswerBlock } | { kind: 'above'; blocks: AnswerBlock[] };

const POINTING_ANSWER =
  /^\s*(zie\s+(hier)?boven|zie\s+(het\s+)?antwoord\s+(op\s+)?vraag|zie\s+de\s+antwoorden)/i;

/** Element id of a question. */
export function questionAnchor(number: string): string {
  return `question-${number}`;
}

/** Rows of `qa` in order, with each group's answer block. */
export function layoutQa(qa: readonly QaItem[]): QaRow[] {
  const blocks = new Map<string, AnswerBlock>();
  const hostOf = new Map<string, string>();
  for (const item of qa) {
    const numbers = answerNumbers(item);
    const key = numbers.join(',');
    const block = blocks.get(key);
    if (block) block.text ??= item.answer;
    else blocks.set(key, { numbers, text: item.answer, anchor: `answer-${numbers.join('-')}` });
    hostOf.set(key, item.number); // the last question of the group in reading order
  }
  return qa.map((item) => {
    const key = answerNumbers(item).join(',');
    const block = blocks.get(key) ?? {
      numbers: [item.number],
      text: item.answer,
      anchor: `answer-${item.number}`,
    };
    return { item, block, hostsAnswer: hostOf.get(key) === item.number };
  });
}

/** The answer block a question number belongs to. */
export function blockOfQuestion(rows: readonly QaRow[], number: string): AnswerBlock | null {
  return rows.find((row) => row.item.number === number || row.block.numbers.includes(number))?.block ?? null;
}

/** For an answer that points elsewhere, what it points at; null for an answer that stands alone. */
export function resolvePointer(rows: readonly QaRow[], row: QaRow): Pointer | null {
  const pointing = row.item.refersTo !== null || POINTING_ANSWER.test(row.block.text ?? '');
  if (!pointing) return null;
  if (row.item.refersTo) {
    const block = blockOfQuestion(rows, row.item.refersTo);
    if (block && block !== row.block) return { kind: 'one', block };
  }
  const index = rows.indexOf(row);
  const above = rows.slice(0, index).filter((r) => r.hostsAnswer && r.block !== row.block && r.block.text);
  return above.length > 0 ? { kind: 'above', blocks: above.map((r) => r.block) } : null;
}
