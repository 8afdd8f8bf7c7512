/**
 * CSV writing per RFC 4180 (CRLF rows, fields with `"`, `,`, CR or LF quoted, quotes doubled),
 * safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, tab or CR would be run
 * as a formula, so it gets a leading apostrophe (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralized when it could start a formula, quoted when needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV document: a header row and the data rows, CRLF line endings, final CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
