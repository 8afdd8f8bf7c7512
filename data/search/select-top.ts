/** Top-k selection for search results: a bounded min-heap instead of sorting every match. */

/** The best documents offered to it, kept in a bounded min-heap over typed arrays. */
export interface TopK {
  /** Offers doc `d` with score `s`; ties go to the lower doc index (the library is newest first). */
  offer(d: number, s: number): void;
  /** The kept docs with their scores, best first; empties the heap. */
  take(): { doc: number; score: number }[];
}

/**
 * A top-k of at most `limit` docs. A search offers tens of thousands of matches per keystroke: most
 * are rejected by one comparison with the heap's worst, with no closure call or array growth.
 */
export function createTopK(limit: number): TopK {
  const docs = new Uint32Array(Math.max(limit, 0));
  const scores = new Float64Array(Math.max(limit, 0));
  let size = 0;
  /** Whether the entry at `i` ranks below the entry at `j` (the heap keeps the worst on top). */
  const worse = (i: number, j: number) => {
    const si = scores[i] as number;
    const sj = scores[j] as number;
    return si < sj || (si === sj && (docs[i] as number) > (docs[j] as number));
  };
  const swap = (i: number, j: number) => {
    const d = docs[i] as number;
    const s = scores[i] as number;
    docs[i] = docs[j] as number;
    scores[i] = scores[j] as number;
    docs[j] = d;
    scores[j] = s;
  };
  function siftDown(from: number): void {
    for (let i = from; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < size && worse(l, least)) least = l;
      if (r < size && worse(r, least)) least = r;
      if (least === i) return;
      swap(i, least);
      i = least;
    }
  }
  return {
    offer(d, s) {
      if (size < limit) {
        docs[size] = d;
        scores[size] = s;
        for (let i = size++; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!worse(i, parent)) break;
          swap(i, parent);
          i = parent;
        }
        return;
      }
      if (size === 0) return;
      const s0 = scores[0] as number;
      if (s < s0 || (s === s0 && d > (docs[0] as number))) return;
      docs[0] = d;
      scores[0] = s;
      siftDown(0);
    },
    take() {
      const order = Array.from({ length: size }, (_, i) => ({
        doc: docs[i] as number,
        score: scores[i] as number,
      }));
      size = 0;
      return order.sort((a, b) => b.score - a.score || a.doc - b.doc);
    },
  };
}
