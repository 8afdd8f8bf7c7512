/**
 * Links whose href is a reference (`<a href="…/kst-36600-XV-85.html">Brief over de begroting</a>`):
 * the visible text is a title, the reference is in the address. Such a link's text is marked with
 * the href's citation; the mark sits inside the link, so the link stays the keyboard stop and Enter
 * or a click still follows it. Text the recognizer marks inside the link wins: one mark, not two.
 */
import { findCitations } from '../../../data/citations';
import type { Citation } from '../../../data/citations/types';
import { hasBlockDescendant } from './element-kinds';
import { hrefMayCite, type TextBlock } from './text-blocks';

/**
 * The reference an address names, or undefined. Only web addresses count: `javascript:`, `data:`,
 * `mailto:` and links to an extension's own pages are never read.
 */
export function citationOfHref(href: string, base: string): Citation | undefined {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return findCitations(url.href).find((citation) => citation.ids.length > 0);
}

/** The link a text node belongs to: its nearest `a[href]`, if that link holds no block of its own. */
function linkOf(node: Text, blockLinks: Map<Element, boolean>): Element | null {
  const link = node.parentElement?.closest('a[href]');
  if (!link) return null;
  let inline = blockLinks.get(link);
  if (inline === undefined) {
    // A link around whole blocks (a card) would be marked once per block: leave it to the text scan.
    inline = !hasBlockDescendant(link);
    blockLinks.set(link, inline);
  }
  return inline ? link : null;
}

/**
 * Citations for the block's links whose href is a reference, with `start`/`end` set to the link's
 * text in the block (`raw` stays the address it was read from). Links that overlap one of
 * `textCitations` are left out, so a reference is marked once.
 */
export function linkCitations(block: TextBlock, textCitations: readonly Citation[]): Citation[] {
  // A text node's nearest link lies inside the run, where `textBlocks` entered it and noted whether
  // its href may cite, or around the run's block element, where it holds a block and is left to the
  // text scan (`linkOf`). So a run without such a link has none to mark, and each of its text nodes
  // need not look up its ancestors (most runs on a page: on the scanner bench's 1 MB page, every
  // block of the 1,783 but the 62 with a link).
  if (!block.linked) return [];
  const ranges = new Map<Element, { start: number; end: number }>();
  const blockLinks = new Map<Element, boolean>();
  block.nodes.forEach((node, i) => {
    const link = linkOf(node, blockLinks);
    if (!link || !hrefMayCite(link)) return;
    const start = block.starts[i] as number;
    const end = start + node.data.length;
    const range = ranges.get(link);
    if (range) range.end = end;
    else ranges.set(link, { start, end });
  });
  const found: Citation[] = [];
  for (const [link, { start, end }] of ranges) {
    if (textCitations.some((c) => c.start < end && c.end > start)) continue;
    const citation = citationOfHref(link.getAttribute('href') ?? '', link.baseURI);
    if (citation) found.push({ ...citation, start, end });
  }
  return found;
}
