/** Top-k selection for search results: a bounded min-heap instead of sorting every match. */

/** The `limit` best of `candidates`, best first: a bounded min-heap, not a sort of them all. */
export function selectTop(candidates: number[], score: (d: number) => number, limit: number): number[] {
  // Ties go to the lower doc index: the panel indexes its library newest first.
  const better = (a: number, sa: number, b: number, sb: number) => sa > sb || (sa === sb && a < b);
  const heap: number[] = [];
  const scores: number[] = [];
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j] ?? 0, heap[i] ?? 0];
    [scores[i], scores[j]] = [scores[j] ?? 0, scores[i] ?? 0];
  };
  const worse = (i: number, j: number) => better(heap[j] ?? 0, scores[j] ?? 0, heap[i] ?? 0, scores[i] ?? 0);
  for (const d of candidates) {
    const s = score(d);
    if (heap.length === limit) {
      if (limit === 0 || !better(d, s, heap[0] ?? 0, scores[0] ?? 0)) continue;
      heap[0] = d;
      scores[0] = s;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < heap.length && worse(l, least)) least = l;
        if (r < heap.length && worse(r, least)) least = r;
        if (least === i) break;
        swap(i, least);
        i = least;
      }
    } else {
      heap.push(d);
      scores.push(s);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    }
  }
  const order = heap.map((d, i) => ({ d, s: scores[i] ?? 0 }));
  order.sort((a, b) => (better(a.d, a.s, b.d, b.s) ? -1 : 1));
  return order.map((entry) => entry.d);
}
