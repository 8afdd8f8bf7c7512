/**
 * The document a passage belongs to, found from the documents' first passages instead of a table
 * with a slot per passage: that table (4 bytes a passage, 3.4 MB at 300,000 documents) was held
 * by the panel only to look up the passages a search touched.
 */

/** Passages per entry of the coarse table: a search within a block's few documents then. */
const BLOCK = 32;

/** `p → d` for passages numbered as `docFirstPassage` says (doc `d` has `[first[d], first[d + 1])`). */
export function docOfPassage(docFirstPassage: Uint32Array): (passage: number) => number {
  const docs = docFirstPassage.length - 1;
  const passages = docFirstPassage[docs] ?? 0;
  // The document of each block's first passage (of the last passage, past the end).
  const blockDoc = new Uint32Array(Math.ceil(passages / BLOCK) + 1);
  let d = 0;
  for (let b = 0; b < blockDoc.length; b++) {
    const p = Math.min(b * BLOCK, passages - 1);
    while (d + 1 < docs && (docFirstPassage[d + 1] as number) <= p) d++;
    blockDoc[b] = d;
  }
  return (p) => {
    const b = (p / BLOCK) | 0;
    // The last document starting at or before `p` (one without passages starts where the next does).
    let lo = blockDoc[b] as number;
    let hi = blockDoc[b + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((docFirstPassage[mid] as number) <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}
