/** The shape both extraction styles are reduced to before any meaning is read from them. */

/** One paragraph of cleaned text (furniture gone, lines joined, words de-hyphenated). */
export interface Para {
  /** Cleaned text; footnote marks (see markers.ts) still in place. */
  text: string;
  /** 1-based source line of the paragraph's first line. */
  line: number;
  /** Looks like a heading: short, no closing punctuation, starts a block. */
  headingLike: boolean;
}

/** A footnote's text as found in the source, before it is tied to its anchor. */
export interface RawFootnote {
  /** As printed: `4`, or `1)` for a trailing endnote. */
  number: string;
  text: string;
  /** 1-based source line where the footnote text starts. */
  line: number;
  /** A trailing note with no mark in the text (anchored later by what it quotes). */
  endnote: boolean;
}

/** A source read into paragraphs and footnotes, with the extraction style it was read as. */
export interface Layout {
  style: 'docx' | 'pdf';
  paras: Para[];
  footnotes: RawFootnote[];
}

/** A source line with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
  /** Set when a page began here but the marker that showed it (furniture, form feed) was removed. */
  pageStart?: boolean;
}
