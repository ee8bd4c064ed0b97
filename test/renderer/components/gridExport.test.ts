import { describe, expect, it } from 'vitest';
import { gridCsv, gridTable, inferFormat } from '../../../src-renderer/components/gridExport';
import type { GridColumn } from '../../../src-renderer/components/gridTypes';

type Row = { day: string; left_at: string | null; name: string; members: number; rate: number | null; gmv: number; score: number; action?: undefined };

const pct = (v: unknown) => (v === null ? '-' : `${(v as number).toFixed(2)}%`);
const columns: GridColumn<Row>[] = [
  { field: 'day', headerName: '日期' },
  { field: 'left_at', headerName: '流失时间', format: (v) => (v as string | null)?.replace('T', ' ') ?? '' },
  { field: 'name', headerName: '昵称' },
  { field: 'members', headerName: '社群总人数', isNumeric: true },
  { field: 'rate', headerName: '活跃用户占比', isNumeric: true, format: pct },
  { field: 'gmv', headerName: 'GMV', isNumeric: true, format: (v) => `¥${(v as number).toFixed(2)}` },
  { field: 'score', headerName: '得分', isNumeric: true, format: (v) => (v as number).toFixed(1) },
  { field: 'action', headerName: '', render: () => null },
];
const rows: Row[] = [
  { day: '2026-10-01', left_at: '2026-10-01T09:30:00', name: '=cmd', members: 120, rate: null, gmv: 1323.1666666666667, score: 0.25 },
  { day: '2026-10-02', left_at: null, name: '小明', members: 121, rate: 12.5, gmv: 0, score: 3 },
];

describe('a grid as its 导出 writes it', () => {
  it('reads each column’s format from its values and what it shows', () => {
    expect(columns.map((c) => inferFormat(c, rows))).toEqual(['date', 'datetime', undefined, 'integer', 'percent', 'money', 'number', undefined]);
  });

  it('keeps figures and days as values for xlsx, drops button-only columns; CSV has figures as rounded numbers and the rest as shown', () => {
    const table = gridTable(columns, rows);
    expect(table.columns.map((c) => c.header)).toEqual(['日期', '流失时间', '昵称', '社群总人数', '活跃用户占比', 'GMV', '得分']);
    expect(table.rows[0]).toEqual(['2026-10-01', '2026-10-01T09:30:00', '=cmd', 120, null, 1323.1666666666667, 0.25]);
    expect(table.rows[1]).toEqual(['2026-10-02', null, '小明', 121, 12.5, 0, 3]);
    const csv = gridCsv(table);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF日期,流失时间,昵称,社群总人数,活跃用户占比 (%),GMV,得分',
      "2026-10-01,2026-10-01 09:30:00,'=cmd,120,,1323.17,0.25",
      '2026-10-02,,小明,121,12.5,0,3',
      '',
    ]);
  });

  it('a column may say how it is written', () => {
    expect(inferFormat({ ...columns[0]!, exportFormat: 'text' }, rows)).toBeUndefined();
  });
});
