/** The numbering styles of written questions and answers: `Vraag 1`, `1.`, `Antwoord 1`, `Antwoord vraag 3, 4 en 5:`. */

const NUMBER_LIST = String.raw`\d{1,3}(?:\s*(?:,|en|t\/m|tot en met|[-–])\s*\d{1,3})*`;
// Inline text after a header only counts when a colon or full stop separates it ("Vraag 1: Heeft u…").
const QUESTION_HEADER = /^Vraag\s+(\d{1,3})\s*(?:$|[:.]\s*(.*)$)/is;
const ANSWER_HEADER = new RegExp(
  String.raw`^Antwoord(?:en)?(?:\s+op)?(?:\s+de)?(?:\s+vra(?:ag|gen))?\s+(${NUMBER_LIST})\s*(?:$|[:.]\s*(.*)$)`,
  'is',
);
const NUMBERED_QUESTION = /^(\d{1,3})[.)]\s+(\S.*)$/s;

/** `Vraag 4` (optionally with the question text after a colon) → number and inline text. */
export function matchQuestionHeader(text: string): { number: string; rest: string } | null {
  const match = QUESTION_HEADER.exec(text.trim());
  return match ? { number: match[1] as string, rest: (match[2] ?? '').trim() } : null;
}

/** `Antwoord vraag 3, 4 en 5:` → ["3","4","5"] and any inline answer text after the header. */
export function matchAnswerHeader(text: string): { numbers: string[]; rest: string } | null {
  const match = ANSWER_HEADER.exec(text.trim());
  return match ? { numbers: expandNumbers(match[1] as string), rest: (match[2] ?? '').trim() } : null;
}

/** `2. Deelt u de mening …?` → number and text; only question-like paragraphs (they contain a `?`). */
export function matchNumberedQuestion(text: string): { number: string; rest: string } | null {
  const match = NUMBERED_QUESTION.exec(text.trim());
  if (!match || !(match[2] as string).includes('?')) return null;
  return { number: match[1] as string, rest: (match[2] as string).trim() };
}

/** A line that is a question or answer header and so always stands on its own. */
export function isQaHeaderLine(text: string): boolean {
  const t = text.trim();
  return matchQuestionHeader(t)?.rest === '' || matchAnswerHeader(t)?.rest === '';
}

/** "3, 4 en 5" → ["3","4","5"]; "3 t/m 5" and "3-5" are ranges. */
export function expandNumbers(list: string): string[] {
  const numbers: string[] = [];
  const parts = list.split(/\s*(,|en|t\/m|tot en met|[-–])\s*/);
  for (let i = 0; i < parts.length; i += 2) {
    const value = Number(parts[i]);
    const joiner = parts[i - 1];
    const previous = Number(numbers[numbers.length - 1]);
    if (joiner && /t\/m|tot en met|[-–]/.test(joiner) && value > previous && value - previous < 50) {
      for (let n = previous + 1; n <= value; n++) numbers.push(String(n));
    } else numbers.push(String(value));
  }
  return numbers;
}
