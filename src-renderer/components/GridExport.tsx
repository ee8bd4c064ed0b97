import { exportsText } from '../../src-main/locale/exports';
import { currentExportName } from './exportName';
import { gridCsv, type GridTable } from './gridExport';
import type { ExportFileFormat, Result } from '../../src-main/contract';
import { apiDownload, useDownload, xlsxDownload, type Download } from './useExport';

/** Props of {@link GridExport}. */
export interface GridExportProps {
  /** The rows to write, as shown (all of them, sorted and filtered as the grid shows them). */
  table: () => Promise<GridTable>;
  /** What the grid shows, for the file name (the view and scope are added). */
  title: string;
  /** Test id prefix of the two buttons (`<prefix>-xlsx`, `<prefix>-csv`). */
  testId: string;
  /** Makes both files instead of `table`: the Node side writing the list's rows itself, the xlsx and the CSV from one row source. */
  file?: (format: ExportFileFormat) => Promise<Result<Download>>;
  /** Both buttons disabled (nothing to export yet, or a definition the Node side would refuse). */
  isDisabled?: boolean;
  /** The files hold the whole list, not the grid's sort and filters (the hint says so). */
  isWholeList?: boolean;
}

/** The 导出 xlsx / CSV control every DataGrid carries (one shared control, issue 11 item 15). */
export function GridExport({ table, title, testId, file, isDisabled = false, isWholeList = false }: GridExportProps) {
  const x = exportsText;
  const exporter = useDownload(async (kind: ExportFileFormat) => {
    if (file) return file(kind);
    const t = await table();
    const fileName = currentExportName(title, kind);
    if (kind === 'csv') return { ok: true, value: { fileName, content: new Blob([gridCsv(t)], { type: 'text/csv;charset=utf-8' }) } };
    return apiDownload('table:xlsx', { fileName, sheetName: title || x.sheet, columns: t.columns, rows: t.rows }, xlsxDownload);
  });
  return (
    <div className="grid-export" title={isWholeList ? x.exportWholeListHint : x.exportHint} data-testid={testId}>
      <button type="button" className="small" disabled={isDisabled || exporter.isExporting} onClick={() => void exporter.run('xlsx')} data-testid={`${testId}-xlsx`}>
        {exporter.isExporting ? x.exporting : x.exportXlsx}
      </button>
      <button type="button" className="small" disabled={isDisabled || exporter.isExporting} onClick={() => void exporter.run('csv')} data-testid={`${testId}-csv`}>
        {x.exportCsv}
      </button>
    </div>
  );
}
