/**
 * Word-export footnotes: `[footnoteRef:N]` where the number stood and `[N: text]` somewhere later
 * (often on the same line). Reads both, checks they pair up, and returns the text with marks in
 * place of the references, without the footnote texts and Word bookmarks, line numbers kept.
 */

import { SourceError } from '../source/source-error';
import type { RawFootnote, SourceLine } from './layout-types';
import { footnoteMark } from './markers';

const TOKEN = /\[bookmark:[^\]\n]*\]|\[footnoteRef:\s*(\d+)\s*\]|\[(\d+):/g;

/** Split `text` into lines without footnote texts and bookmarks, plus the footnotes found. */
export function extractDocxFootnotes(
  file: string,
  text: string,
): { lines: SourceLine[]; footnotes: RawFootnote[] } {
  const lines: SourceLine[] = [];
  const footnotes: RawFootnote[] = [];
  const refs = new Map<string, number>();
  let current: SourceLine = { text: '', line: 1 };
  let sourceLine = 1;
  let at = 0;
  const copy = (chunk: string) => {
    const parts = chunk.split('\n');
    current.text += parts[0];
    for (const part of parts.slice(1)) {
      lines.push(current);
      sourceLine++;
      current = { text: part, line: sourceLine };
    }
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    copy(text.slice(at, match.index));
    at = match.index + match[0].length;
    if (match[1] !== undefined) {
      const number = match[1];
      if (refs.has(number))
        throw new SourceError(file, sourceLine, `footnote mark [footnoteRef:${number}] appears twice`);
      refs.set(number, sourceLine);
      current.text += footnoteMark(number);
    } else if (match[2] !== undefined) {
      const number = match[2];
      const close = closingBracket(text, at);
      if (close === -1)
        throw new SourceError(file, sourceLine, `footnote text [${number}: … is not closed with ']'`);
      const body = text.slice(at, close);
      if (footnotes.some((note) => note.number === number)) {
        throw new SourceError(file, sourceLine, `footnote text [${number}: …] appears twice`);
      }
      footnotes.push({ number, text: body.replace(/\s+/g, ' ').trim(), line: sourceLine, endnote: false });
      sourceLine += body.split('\n').length - 1;
      at = close + 1;
      TOKEN.lastIndex = at;
    }
  }
  copy(text.slice(at));
  lines.push(current);
  checkPairs(file, refs, footnotes);
  return { lines, footnotes };
}

function closingBracket(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function checkPairs(file: string, refs: Map<string, number>, footnotes: RawFootnote[]): void {
  const defined = new Set(footnotes.map((note) => note.number));
  for (const [number, line] of refs) {
    if (!defined.has(number)) {
      throw new SourceError(
        file,
        line,
        `footnote mark [footnoteRef:${number}] has no footnote text [${number}: …]`,
      );
    }
  }
  for (const note of footnotes) {
    if (!refs.has(note.number)) {
      throw new SourceError(
        file,
        note.line,
        `footnote text [${note.number}: …] has no mark [footnoteRef:${note.number}]`,
      );
    }
  }
}
