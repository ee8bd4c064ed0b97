/**
 * Worker-thread entry of the report writer: draws the document's charts (reportCharts.ts) and writes
 * the workbook (reportWriter.ts), telling the main side how far it is. Bundled by electron-vite as
 * `out/main/reportWorker.js` (and by the CLI's bundle beside it).
 */
import { availableParallelism } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { chartPng } from './reportCharts';
import { writeReport } from './reportWriter';
import type { ReportMainMessage, ReportWorkerMessage } from './reportWorkerProtocol';

const post = (m: ReportWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(m, transfer);

parentPort?.on('message', (m: ReportMainMessage) => {
  void (async () => {
    try {
      const charts = m.doc.sheets.flatMap((sheet, at) => sheet.charts.map((chart, index) => ({ at, index, sheet, chart })));
      const images: Uint8Array[][] = m.doc.sheets.map(() => []);
      let done = 0;
      // As many charts at once as there are cores: resvg draws each on libuv's thread pool.
      const draw = async (next: (typeof charts)[number]) => {
        try {
          images[next.at]![next.index] = await chartPng(next.chart);
        } catch (e) {
          // Say which chart: the renderer's own message points into SVG nobody sees.
          throw new Error(`${next.sheet.name} · ${next.chart.title}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
        post({ type: 'progress', stage: 'charts', done: ++done, total: charts.length });
      };
      const queue = [...charts];
      const lanes = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await draw(next);
      });
      await Promise.all(lanes);
      post({ type: 'progress', stage: 'writing', done: 0, total: 1 });
      // A fresh buffer of its own: the written one may share Node's pool, which cannot be transferred.
      const bytes = new Uint8Array(await writeReport(m.doc, images));
      post({ type: 'done', bytes }, [bytes.buffer]);
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
