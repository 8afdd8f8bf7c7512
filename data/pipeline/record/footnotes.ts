/**
 * Ties each footnote to the place it annotates: the paragraph and sentence carrying its mark. A
 * trailing endnote has no mark; it is tied to the sentence that quotes the title it cites.
 */

import type { Footnote } from '../../dataset/types';
import type { Para, RawFootnote } from '../layout/layout-types';
import { marksIn, stripMarks } from '../layout/markers';
import { splitSentences } from '../summary/sentences';

/** A footnote with where its mark stands. */
export interface PlacedFootnote {
  footnote: Footnote;
  /** Index of the paragraph holding the mark, or null. */
  para: number | null;
  /** Text of the anchor sentence before the mark (marks removed): what the footnote annotates. */
  before: string;
  /** Offset of the mark in the paragraph text without marks, for reading order. */
  offset: number;
}

/** Place every footnote of `notes` in `paras`. */
export function placeFootnotes(paras: Para[], notes: RawFootnote[]): PlacedFootnote[] {
  return notes.map((note) => (note.endnote ? placeEndnote(paras, note) : placeMarked(paras, note)));
}

function placeMarked(paras: Para[], note: RawFootnote): PlacedFootnote {
  for (const [index, para] of paras.entries()) {
    const mark = marksIn(para.text).find((m) => m.number === note.number);
    if (!mark) continue;
    const sentence = splitSentences(para.text).find((s) => s.start <= mark.index && mark.index < s.end);
    const sentenceText = sentence?.text ?? para.text;
    const sentenceStart = sentence?.start ?? 0;
    return {
      footnote: { number: note.number, text: note.text, anchor: stripMarks(sentenceText) },
      para: index,
      before: stripMarks(para.text.slice(sentenceStart, mark.index)),
      offset: stripMarks(para.text.slice(0, mark.index)).length,
    };
  }
  return {
    footnote: { number: note.number, text: note.text, anchor: null },
    para: null,
    before: '',
    offset: 0,
  };
}

function placeEndnote(paras: Para[], note: RawFootnote): PlacedFootnote {
  const quoted = /[‘'"“]([^’'"”]{12,})/.exec(note.text)?.[1]?.trim().slice(0, 40).toLowerCase();
  if (quoted) {
    for (const [index, para] of paras.entries()) {
      const text = stripMarks(para.text);
      const at = text.toLowerCase().indexOf(quoted);
      if (at === -1) continue;
      const sentence = splitSentences(text).find((s) => s.start <= at && at < s.end);
      return {
        footnote: { number: note.number, text: note.text, anchor: sentence?.text ?? text },
        para: index,
        before: '',
        offset: sentence?.end ?? text.length,
      };
    }
  }
  return {
    footnote: { number: note.number, text: note.text, anchor: null },
    para: null,
    before: '',
    offset: 0,
  };
}
