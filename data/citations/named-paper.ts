/**
 * A paper named by a word before its dossier, without brackets: `de motie 31070, nr. 18`,
 * `amendement 36067, nr. 61`, and the metadata row of the parliamentary monitor sites
 * (`Kenmerk 28331, nr. I`, `Kenmerk | 35746, nr. 3 |`; `Reference 35526, nr. 60` on the English twin). Read from the `nr.` anchor by looking a few
 * characters back, so the scan needs no new anchor. The dossier must look like a real one (five
 * digits, issued so far): `Kenmerk 2024-0000933473` and other reference numbers do not pass.
 */
import { isLineBreak } from './chars';
import { emptyParts, makeCitation } from './citation';
import { parseDossier } from './dossier';
import { skipSpaces } from './gap';
import { kamerstukId } from './ids';
import { readNumberToken } from './numbers';
import type { Citation } from './types';

/** How far before `nr.` the keyword may stand (`Kenmerk | 35746-XIII, `). */
const LOOK_BACK = 40;
/** The keyword, the dossier (with an optional suffix) and the comma just before `nr.`. */
const NAMED_BEFORE =
  /(?:^|[^A-Za-z\u00c0-\u024f-])([Mm]otie|[Aa]mendement|Kenmerk|Reference)[ \u00a0]{1,2}(?:\|[ \u00a0]{1,2})?(\d{5}(?:-[A-Z]{1,5}|-\d{1,2})?),[ \u00a0]?$/;

/**
 * At the `nr.` keyword `at` (ending at `keywordEnd`): the paper it numbers when a keyword and a
 * dossier stand right before it. Pushes the citation (from the keyword, or from the dossier in a
 * `Kenmerk`/`Reference` row) and returns its end, or -1.
 */
export function parseNamedPaper(text: string, at: number, keywordEnd: number, out: Citation[]): number {
  const from = Math.max(0, at - LOOK_BACK);
  const m = NAMED_BEFORE.exec(text.slice(from, at));
  if (m === null) return -1;
  const keyword = m[1] ?? '';
  const dossierText = m[2] ?? '';
  const keywordOffset = m[0].indexOf(keyword);
  const keywordAt = from + m.index + keywordOffset;
  const dossierAt = from + m.index + m[0].indexOf(dossierText, keywordOffset + keyword.length);
  const row = keyword === 'Kenmerk' || keyword === 'Reference';
  if (row && !startsRow(text, keywordAt)) return -1;
  const d = parseDossier(text, dossierAt, 'weak', true);
  if (d === null || d.compactNumber !== null || d.end !== dossierAt + dossierText.length) return -1;
  const numberStart = skipSpaces(text, keywordEnd, 2);
  const numberEnd = readNumberToken(text, numberStart, row);
  if (numberEnd < 0) return -1;
  const number = text.slice(numberStart, numberEnd);
  const parts = emptyParts('kamerstuk', [kamerstukId(d.dossier, d.suffix, number)]);
  parts.dossier = d.dossier;
  parts.dossierSuffix = d.suffix;
  parts.numbers = [number];
  out.push(makeCitation(text, parts, row ? dossierAt : keywordAt, numberEnd));
  return numberEnd;
}

/** Whether `i` starts a line or a table cell (only spaces and one `|` between). */
function startsRow(text: string, i: number): boolean {
  let k = i;
  while (k > 0 && i - k < 4 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 160)) k--;
  return k === 0 || isLineBreak(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 124;
}
