// Baseline: the bare exceljs streaming read of a workbook, touching every cell value.
import ExcelJS from 'exceljs';
import { reportPhase } from './report';

const file = process.argv[2]!;
const started = performance.now();
let rows = 0;
let cells = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
for await (const sheet of reader) {
  for await (const row of sheet) {
    rows++;
    const values = row.values as unknown[];
    for (const v of values) if (v !== undefined && v !== null) cells++;
  }
}
reportPhase({ rows: rows - 1, cells, ms: performance.now() - started });
