/** A CSV file's rows as arrays of fields (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends). */
export type CsvRows = string[][];

/** Parses CSV text; an unterminated quote is reported with its line, never guessed at. */
export function readCsv(text: string): { ok: true; rows: CsvRows } | { ok: false; line: number; problem: string } {
  const rows: CsvRows = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += char;
  }
  if (quoted) return { ok: false, line: quoteLine, problem: 'a quoted field is never closed' };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { ok: true, rows: rows.filter((fields) => fields.some((value) => value.trim() !== '')) };
}
