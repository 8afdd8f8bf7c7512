/**
 * Sorting many strings (by UTF-16 code units, as `Array.prototype.sort` does) without one long
 * blocking call: runs of `RUN` are sorted natively, then merged bottom-up, yielding between runs
 * and every `RUN` merged items. Same order as `[...items].sort()`.
 */

const RUN = 4096;

/** Sorts `items` in place, in steps; returns the sorted array (maybe a different one). */
export function* sortInSteps(items: string[]): Generator<undefined, string[], void> {
  const n = items.length;
  let from = items;
  for (let start = 0; start < n; start += RUN) {
    const run = from.slice(start, start + RUN).sort();
    for (let i = 0; i < run.length; i++) from[start + i] = run[i] as string;
    yield;
  }
  let to: string[] = new Array(n);
  for (let width = RUN; width < n; width *= 2) {
    let sinceYield = 0;
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(left + width, n);
      const end = Math.min(left + 2 * width, n);
      let i = left;
      let j = middle;
      for (let k = left; k < end; k++) {
        const a = from[i] as string;
        const b = from[j] as string;
        if (i < middle && (j >= end || a <= b)) {
          to[k] = a;
          i++;
        } else {
          to[k] = b;
          j++;
        }
        if (++sinceYield === RUN) {
          sinceYield = 0;
          yield;
        }
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
