/**
 * CSV writing per RFC 4180 (CRLF rows, fields with `"`, `,`, CR or LF quoted, quotes doubled),
 * safe to open in a spreadsheet: a cell that could start a formula gets a leading apostrophe (OWASP
 * "CSV injection"). Spreadsheets skip leading whitespace and line breaks and read full-width
 * `＝＋－＠` as their ASCII forms, so the test runs on the NFKC-normalized, left-trimmed text.
 */

const FORMULA_START = /^[=+\-@]/;
const CONTROL_START = /^[\t\r\n]/;

/** Whether a spreadsheet could read `value` as a formula. */
function startsFormula(value: string): boolean {
  return CONTROL_START.test(value) || FORMULA_START.test(value.normalize('NFKC').trimStart());
}

/** One cell: neutralized when it could start a formula, quoted when needed. */
export function csvCell(value: string): string {
  const safe = startsFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV document: a header row and the data rows, CRLF line endings, final CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
