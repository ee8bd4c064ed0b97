import { expect } from 'vitest';

/**
 * The lines of a CSV document as every writer of the app lays it out (a UTF-8 BOM first, CRLF
 * line ends, no bare LF), without the final empty line; fails the test when the layout differs.
 */
export function csvLines(text: string): string[] {
  expect(text.startsWith('\uFEFF'), 'CSV starts with a BOM').toBe(true);
  expect(text.endsWith('\r\n'), 'CSV ends with CRLF').toBe(true);
  expect(text.replaceAll('\r\n', '').includes('\n'), 'CSV has no bare LF').toBe(false);
  return text.slice(1, -2).split('\r\n');
}

/** Cells of a CSV document (RFC 4180 quoting; quoted fields may hold CR and LF). */
export function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  const body = text.replace(/^\uFEFF/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (isQuoted && ch === '"' && body[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      isQuoted = !isQuoted;
    } else if (isQuoted) {
      cell += ch;
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\r' && body[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}
