/**
 * Worker-thread entry of the xlsx writer: collects the sheets the main side posts
 * (xlsxWorkerProtocol.ts), serialises them and hands back the bytes. Bundled by electron-vite as
 * `out/main/xlsxWorker.js`.
 */
import { parentPort } from 'node:worker_threads';
import type { ExportSheet } from '../analysis/base/exportSheet';
import { writeXlsx } from './xlsxWriter';
import type { XlsxMainMessage, XlsxRow, XlsxWorkerMessage } from './xlsxWorkerProtocol';

const sheets: (ExportSheet<XlsxRow> & { rows: XlsxRow[] })[] = [];

async function finish(): Promise<void> {
  try {
    const written = await writeXlsx(sheets);
    // A fresh buffer of its own: the written one may share Node's pool, which cannot be transferred.
    const bytes = new Uint8Array(written);
    parentPort?.postMessage({ type: 'done', bytes } satisfies XlsxWorkerMessage, [bytes.buffer]);
  } catch (e) {
    parentPort?.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies XlsxWorkerMessage);
  }
}

parentPort?.on('message', (m: XlsxMainMessage) => {
  if (m.type === 'sheet') sheets.push({ name: m.name, columns: m.columns, rows: [] });
  else if (m.type === 'rows') sheets.at(-1)?.rows.push(...m.rows);
  else void finish();
});
