/** The one-line form of a question for the popover: its first question sentence, shortened at a word. */
import { splitSentences } from '../summary/sentences';

const MAX = 140;

/** First sentence of `question` that asks something (ends in `?`), at most ~140 characters. */
export function questionShort(question: string): string {
  const flat = question.replace(/\s+/g, ' ').trim();
  const sentences = splitSentences(flat).map((sentence) => sentence.text);
  const asking = sentences.find((sentence) => sentence.trimEnd().endsWith('?')) ?? sentences[0] ?? flat;
  if (asking.length <= MAX) return asking;
  const cut = asking.slice(0, MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}
