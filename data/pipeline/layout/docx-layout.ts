/**
 * Layout of Word-exported text: one paragraph per line, footnotes inline, bookmarks. Some exports
 * still wrap long lines; a line that stops mid-sentence and runs on in lower case is joined back.
 */

import { isQaHeaderLine } from '../record/qa-headers';
import { extractDocxFootnotes } from './docx-footnotes';
import type { Layout, Para, RawFootnote, SourceLine } from './layout-types';
import { endsSentence, looksLikeHeading, startsBlock } from './line-kinds';
import { stripMarks } from './markers';
import { tidySpaces } from './normalize-text';
import { dropFurniture } from './page-furniture';

/** Paragraphs and footnotes of a Word-exported source text (already char-normalized). */
export function readDocxLayout(file: string, text: string): Layout {
  const { lines, footnotes } = extractDocxFootnotes(file, text);
  const joined = joinWrappedLines(dropFurniture(lines));
  const { body, endnotes } = splitEndnotes(joined);
  const paras: Para[] = body.map((line, i) => ({
    text: line.text,
    line: line.line,
    headingLike: looksLikeHeading(line.text, body[i + 1]?.text ?? null),
  }));
  return { style: 'docx', paras, footnotes: [...footnotes, ...endnotes] };
}

/** Non-empty lines, with soft-wrapped continuations joined to the line they belong to. */
function joinWrappedLines(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let previousBlank = true;
  for (const line of lines) {
    const text = tidySpaces(line.text);
    if (text === '') {
      previousBlank = true;
      continue;
    }
    const last = out[out.length - 1];
    if (last && !previousBlank && continues(last.text, text)) last.text = `${last.text} ${text}`;
    else out.push({ text, line: line.line });
    previousBlank = false;
  }
  return out;
}

function continues(previous: string, next: string): boolean {
  if (endsSentence(previous) || isQaHeaderLine(previous) || startsBlock(next)) return false;
  return stripMarks(previous).length > 100 || /^[\p{Ll}\d-]/u.test(next);
}

/** Notes after the last paragraph, numbered `1)`, that cite a source (a year or a link). */
function splitEndnotes(lines: SourceLine[]): { body: SourceLine[]; endnotes: RawFootnote[] } {
  let start = lines.length;
  while (start > 0 && /^\d{1,2}\)\s+\S/.test(lines[start - 1]?.text ?? '')) start--;
  const candidates = lines.slice(start);
  const looksLikeNotes =
    candidates.length > 0 &&
    start > 0 &&
    candidates[0]?.text.startsWith('1)') &&
    candidates.every((line) => /\b(?:1[89]|20)\d\d\b|https?:\/\//.test(line.text));
  if (!looksLikeNotes) return { body: lines, endnotes: [] };
  const endnotes = candidates.map((line) => {
    const match = /^(\d{1,2}\))\s+([\s\S]*)$/.exec(line.text) as RegExpExecArray;
    return { number: match[1] as string, text: match[2] as string, line: line.line, endnote: true };
  });
  return { body: lines.slice(0, start), endnotes };
}
