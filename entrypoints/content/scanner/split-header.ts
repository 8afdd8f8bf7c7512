/**
 * An official-publication header split over elements: the dossier line, its title and the
 * `Nr. 57` line each in their own block (`<div>31 234</div><div>Wijziging …</div><div>Nr. 57</div>`).
 * The recognizer reads a header only as one text, so for a short block that starts with a number
 * line, the few small blocks just before it are joined as lines above it; a header found that way
 * is marked on the number line, the block that says which paper it is.
 */
import { findCitations } from '../../../data/citations';
import type { Citation } from '../../../data/citations/types';
import { elementKind, hasBlockDescendant } from './element-kinds';
import type { TextBlock } from './text-blocks';

/** A number line: `Nr. 57`, as the recognizer's header form starts it. */
const NUMBER_LINE = /^\s*Nr\.?[ \u00a0]?[1-9]/;
/** Where a header's dossier line starts: a line start, then the dossier number (not a label). */
const DOSSIER_LINE_START = /(?:^|\n)\d$/;
/** Rows, items and cells are not a publication's header: their neighbours are other rows. */
const NOT_HEADER_TAGS = new Set(['li', 'dt', 'dd', 'td', 'th', 'tr']);
/** A dossier number alone in its element (`31 234`, `36 600 XV`): its title follows in the next one. */
const BARE_DOSSIER = /^[1-9]\d{0,2}[ \u00a0.]?\d{3}(?:[ \u00a0]+[A-Z]{1,5})?$/;
/** Longest number line read: a header line, not a paragraph that happens to start with "Nr.". */
const MAX_NUMBER_LINE = 300;
/** Most blocks read above the number line (four dossier lines, each with a title). */
const MAX_LINES_ABOVE = 8;
/** Longest text of one block above (bill titles run long). */
const MAX_LINE = 1500;

/** The block element whose text the run is. */
function blockElement(block: TextBlock): Element | null {
  for (let el = block.nodes[0]?.parentElement ?? null; el; el = el.parentElement) {
    if (elementKind(el) === 'block') return el;
  }
  return null;
}

/** The text of a small block on its own, or null (a container, an empty or a long block). */
function lineOf(el: Element | null): string | null {
  if (!el || elementKind(el) !== 'block' || hasBlockDescendant(el)) return null;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text === '' || text.length > MAX_LINE ? null : text;
}

/** The texts of the small blocks just before `element`, joined as the header's lines above it. */
function linesAbove(element: Element): string {
  const lines: string[] = [];
  for (
    let el = element.previousElementSibling;
    el && lines.length < MAX_LINES_ABOVE;
    el = el.previousElementSibling
  ) {
    const text = lineOf(el);
    if (text === null) break;
    lines.unshift(text);
  }
  let joined = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    joined += BARE_DOSSIER.test(lines[i - 1] as string) ? ` ${lines[i]}` : `\n${lines[i]}`;
  }
  return joined;
}

/**
 * The header a number-line block completes, with `start`/`end` set to the number line's part of
 * it in the block (`raw` stays the joined header text). Empty when the block is no number line or
 * the blocks above do not make a header.
 */
export function splitHeaderCitations(block: TextBlock): Citation[] {
  if (block.text.length > MAX_NUMBER_LINE || !NUMBER_LINE.test(block.text)) return [];
  const element = blockElement(block);
  if (!element || NOT_HEADER_TAGS.has(element.localName)) return [];
  const above = linesAbove(element);
  if (above === '') return [];
  const offset = above.length + 1;
  const start = block.text.length - block.text.trimStart().length;
  // The paper's title may be the next block (`<div>Nr. 57</div><div>BRIEF VAN …</div>`).
  const below = lineOf(element.nextElementSibling);
  const lineLength = block.text.length - start;
  const text = `${above}\n${block.text.slice(start)}${below === null ? '' : `\n${below}`}`;
  return findCitations(text)
    .filter(
      (c) =>
        c.kind === 'kamerstuk' &&
        DOSSIER_LINE_START.test(text.slice(Math.max(0, c.start - 1), c.start + 1)) &&
        c.ids.length > 0 &&
        c.start < above.length &&
        c.end > offset &&
        c.end <= offset + lineLength,
    )
    .slice(0, 1)
    .map((c) => ({ ...c, start, end: start + c.end - offset }));
}
