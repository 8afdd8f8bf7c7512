/** Levenshtein distance for short strings (the ~32-character contexts around a quote). */

let row = new Int32Array(64);

/** Edit distance (insert, delete, substitute: cost 1 each) between `a` and `b`; O(|a|·|b|). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (row.length <= b.length) row = new Int32Array(b.length * 2 + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] as number;
      const substitute = diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const best = Math.min(substitute, up + 1, (row[j - 1] as number) + 1);
      diagonal = up;
      row[j] = best;
    }
  }
  return row[b.length] as number;
}

/** 1 for equal strings, 0 for nothing in common: 1 − distance / longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}
