/**
 * Worker-thread entry of the report writer: draws the document's charts (reportCharts.ts) and writes
 * the workbook (reportWriter.ts), telling the main side how far it is. Bundled by electron-vite as
 * `out/main/reportWorker.js` (and by the CLI's bundle beside it).
 */
import { parentPort } from 'node:worker_threads';
import { chartPng } from './reportCharts';
import { writeReport } from './reportWriter';
import type { ReportMainMessage, ReportWorkerMessage } from './reportWorkerProtocol';

const post = (m: ReportWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(m, transfer);

parentPort?.on('message', (m: ReportMainMessage) => {
  void (async () => {
    try {
      const total = m.doc.sheets.reduce((n, s) => n + s.charts.length, 0);
      let done = 0;
      const images = m.doc.sheets.map((sheet) =>
        sheet.charts.map((chart) => {
          let png: Uint8Array;
          try {
            png = chartPng(chart);
          } catch (e) {
            // Say which chart: the renderer's own message points into SVG nobody sees.
            throw new Error(`${sheet.name} · ${chart.title}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
          }
          post({ type: 'progress', stage: 'charts', done: ++done, total });
          return png;
        }),
      );
      post({ type: 'progress', stage: 'writing', done: 0, total: 1 });
      // A fresh buffer of its own: the written one may share Node's pool, which cannot be transferred.
      const bytes = new Uint8Array(await writeReport(m.doc, images));
      post({ type: 'done', bytes }, [bytes.buffer]);
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
