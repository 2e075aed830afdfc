export type CsvValue = string | number | null | undefined;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. Text that a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`, also after spaces, or with a tab or a
 * carriage return) gets a leading apostrophe, so it shows as text (OWASP's advice on CSV injection). Numbers are
 * written as numbers; null and undefined as an empty cell.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^\s*[=+\-@]|^[\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text, each line ending CRLF. */
export function toCsv(rows: ReadonlyArray<readonly CsvValue[]>): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
