/**
 * Questions and answers of an answer document. Questions open with `Vraag N` or `N.`; answers with
 * `Antwoord N`, `Antwoord vraag N:` or a shared header (`Antwoord vraag 3, 4 en 5:`). In the
 * numbered style an answer may follow without a header (`Zie hierboven.`). A question without an
 * answer is kept and flagged `no-answer`.
 */

import type { QaItem } from '../../dataset/types';
import type { Para } from '../layout/layout-types';
import { stripMarks } from '../layout/markers';
import { SourceError } from '../source/source-error';
import { matchAnswerHeader, matchNumberedQuestion, matchQuestionHeader } from './qa-headers';
import { questionShort } from './question-short';

/** Per paragraph: which question it belongs to and whether it is question, answer or header text. */
export interface QaPlace {
  qa: string | null;
  role: 'header' | 'question' | 'answer';
}

interface Draft {
  number: string;
  question: string[];
  answer: { paras: string[]; numbers: string[] } | null;
  flags: string[];
}

/** Read the questions and answers of `paras`. Throws on duplicate numbers or answers without a question. */
export function parseQa(file: string, paras: Para[]): { items: QaItem[]; places: QaPlace[] } {
  const headed = paras.some((para) => matchQuestionHeader(para.text) !== null);
  const drafts = new Map<string, Draft>();
  const places: QaPlace[] = [];
  let pending: Draft[] = [];
  let question: Draft | null = null;
  let answer: Draft['answer'] = null;
  let answerNumber: string | null = null;
  for (const para of paras) {
    const asked = headed ? matchQuestionHeader(para.text) : numberedQuestion(para.text, drafts.size + 1);
    if (asked) {
      if (drafts.has(asked.number))
        throw new SourceError(file, para.line, `question ${asked.number} appears twice`);
      question = { number: asked.number, question: asked.rest ? [asked.rest] : [], answer: null, flags: [] };
      drafts.set(asked.number, question);
      pending.push(question);
      answer = null;
      places.push({ qa: asked.number, role: 'question' });
      continue;
    }
    const answered = matchAnswerHeader(para.text);
    if (answered) {
      answer = { paras: answered.rest ? [answered.rest] : [], numbers: answered.numbers };
      for (const number of answered.numbers) {
        const target = drafts.get(number);
        if (!target)
          throw new SourceError(
            file,
            para.line,
            `answer to question ${number}, but there is no question ${number}`,
          );
        if (target.answer) throw new SourceError(file, para.line, `question ${number} is answered twice`);
        target.answer = answer;
      }
      pending = pending.filter((draft) => !answered.numbers.includes(draft.number));
      answerNumber = answered.numbers[0] as string;
      question = null;
      places.push({ qa: answerNumber, role: 'answer' });
      continue;
    }
    if (question && (headed || para.text.includes('?') || question.question.length === 0)) {
      question.question.push(para.text);
      places.push({ qa: question.number, role: 'question' });
    } else if (question) {
      // Numbered style: a paragraph without a question mark after a question answers it.
      answer = { paras: [para.text], numbers: [question.number] };
      question.answer = answer;
      question.flags.push('answer-without-heading');
      pending = pending.filter((draft) => draft !== question);
      answerNumber = question.number;
      places.push({ qa: question.number, role: 'answer' });
      question = null;
    } else if (answer) {
      answer.paras.push(para.text);
      places.push({ qa: answerNumber, role: 'answer' });
    } else places.push({ qa: null, role: 'header' });
  }
  return { items: [...drafts.values()].map(toItem), places };
}

function numberedQuestion(text: string, expected: number): { number: string; rest: string } | null {
  const match = matchNumberedQuestion(text);
  return match && Number(match.number) === expected ? match : null;
}

function toItem(draft: Draft): QaItem {
  const question = draft.question.map(stripMarks).join('\n\n');
  const answer = draft.answer ? draft.answer.paras.map(stripMarks).join('\n\n') : null;
  const flags = [...draft.flags];
  if (answer === null || answer === '') flags.push('no-answer');
  const refersTo = answer ? referredQuestion(answer) : null;
  if (answer && /^Zie hierboven\.?$/i.test(answer.trim())) flags.push('refers-above');
  const numbers = draft.answer?.numbers ?? [];
  return {
    number: draft.number,
    question,
    questionShort: questionShort(question),
    answer: answer === '' ? null : answer,
    sharedWith: numbers.length > 1 ? numbers : [],
    refersTo,
    flags,
  };
}

/** `Zie het antwoord op vraag 3.` → `3`. "Zie hierboven." names no question, so it stays null. */
function referredQuestion(answer: string): string | null {
  const match = /^Zie\s+(?:het\s+)?antwoord\s+(?:op|bij)\s+vraag\s+(\d{1,3})\b/i.exec(answer.trim());
  return match ? (match[1] as string) : null;
}
