import type { DomainHandlers } from '../../contract';
import { exportFile } from '../../export/xlsx';
import type { AppContext, CallContext } from '../context';

/** Any grid's rows as xlsx (the renderer's 导出 control), through the same worker-thread writer as the analyses' exports. */
export function tableHandlers(_ctx: AppContext): DomainHandlers<'table'> {
  return {
    'table:xlsx': async (req, call?: CallContext) => {
      // Rows cross as arrays (half the JSON of objects); the writer reads them by column key.
      const columns = req.columns.map((c, i) => ({ key: String(i), header: c.header, format: c.format }));
      const rows = req.rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v])));
      return exportFile({ fileName: req.fileName, sheets: [{ name: req.sheetName, columns, rows }] }, call);
    },
  };
}
