import { expect } from 'vitest';

export { csvCells } from './csvCells';

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
