// Qunxi's own xlsx reader alone (sniff + zip directory + row scanner), touching every cell:
// the part of an import that competes with the exceljs and LibreOffice readers directly.
import path from 'node:path';
import { defaultLimits } from '../../src-main/import/reader/limits';
import { xlsxRows } from '../../src-main/import/rowSource';
import { sniffFile } from '../../src-main/import/sniff';
import { reportPhase } from './report';

const file = process.argv[2]!;
const ctx = { fileName: path.basename(file), limits: defaultLimits };
const started = performance.now();
const sniffed = await sniffFile(file, ctx.fileName, ctx.limits);
if (sniffed.format !== 'xlsx') throw new Error(`${file} is not an xlsx`);
let rows = 0;
let cells = 0;
for await (const batch of xlsxRows(file, sniffed.entries, ctx).batches) {
  for (const row of batch) {
    rows++;
    for (const v of row.cells) if (v !== undefined && v !== null) cells++;
  }
}
reportPhase({ rows: rows - 1, cells, ms: performance.now() - started });
