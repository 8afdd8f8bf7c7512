/** Dutch dates as written in the documents: `31 maart 2026`, `dinsdag 10 februari 2026`, `oktober 2024`. */

import { MONTHS } from '../../citations/months';

const MONTH = MONTHS.join('|');
/** `31 maart 2026` → `2026-03-31`; null when it is not a valid date. */
export function toIsoDate(day: string, month: string, year: string): string | null {
  const m = MONTHS.indexOf(month.toLowerCase() as (typeof MONTHS)[number]) + 1;
  const d = Number(day);
  const y = Number(year);
  if (m === 0 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The ISO date after a keyword: `ontvangen 31 maart 2026` → `2026-03-31`. */
export function dateAfter(text: string, keyword: string): string | null {
  const match = new RegExp(String.raw`\b${keyword}\s+(\d{1,2})\s+(${MONTH})\s+(\d{4})`, 'iu').exec(text);
  return match ? toIsoDate(match[1] as string, match[2] as string, match[3] as string) : null;
}
