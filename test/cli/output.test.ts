import { describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../src-main/contract';
import { importSummary, metricsToCsv, metricsToJson } from '../../src-main/cli/output';

const rows: MetricsRow[] = [
  {
    period_start: '2026-09-07',
    period_end: '2026-09-13',
    total_members: 3,
    new_members: 4,
    active_members: 1,
    active_rate: 100 / 3,
    churned_members: 1,
    converted_members: 1,
    conversion_rate: 100 / 3,
    gmv: 1234.5,
    converted_wow: -50,
    gmv_wow: 200 / 3,
  },
  {
    period_start: '2026-09-14',
    period_end: '2026-09-20',
    total_members: 0,
    new_members: 0,
    active_members: 0,
    active_rate: null,
    churned_members: 0,
    converted_members: 0,
    conversion_rate: null,
    gmv: 0,
    converted_wow: null,
    gmv_wow: null,
  },
];

describe('metrics output', () => {
  it('prints one JSON array with numbers, unrounded rates and null for an empty rate or 环比', () => {
    const parsed = JSON.parse(metricsToJson(rows)) as unknown[];
    expect(parsed).toEqual(rows);
    expect(Object.keys(parsed[0] as object)).toEqual([
      'period_start', 'period_end', 'total_members', 'new_members', 'active_members', 'active_rate', 'churned_members',
      'converted_members', 'conversion_rate', 'gmv', 'converted_wow', 'gmv_wow',
    ]);
  });

  it('prints CSV (BOM, CRLF) with a header, a negative 环比 as a number and an empty cell for an empty rate or 环比', () => {
    expect(metricsToCsv(rows)).toBe(
      '\uFEFFperiod_start,period_end,total_members,new_members,active_members,active_rate,churned_members,converted_members,conversion_rate,gmv,converted_wow,gmv_wow\r\n' +
        `2026-09-07,2026-09-13,3,4,1,${100 / 3},1,1,${100 / 3},1234.5,-50,${200 / 3}\r\n` +
        '2026-09-14,2026-09-20,0,0,0,,0,0,,0,,\r\n',
    );
  });

  it('summarises an import in one Chinese line', () => {
    expect(
      importSummary({ importId: 1, fileName: '群成员.xlsx', fileHash: 'x', kind: 'members', importedAt: '', rowsRead: 10, rowsAdded: 8, rowsSkipped: 2 }),
    ).toBe('已导入 群成员.xlsx（群成员）：读取 10 行，新增 8 行，跳过 2 行');
  });

  it('adds the skipped rows\' totals by reason and the command that lists them', () => {
    const record = { importId: 3, fileName: '群成员.xlsx', fileHash: 'x', kind: 'members' as const, importedAt: '', rowsRead: 10, rowsAdded: 7, rowsSkipped: 3 };
    const byReason = [{ reason: 'known' as const, count: 2 }, { reason: 'missing_key' as const, count: 1 }];
    expect(importSummary({ ...record, skippedByReason: byReason }, 'a.qunxi').split('\n')).toEqual([
      '已导入 群成员.xlsx（群成员）：读取 10 行，新增 7 行，跳过 3 行',
      '跳过原因：已在项目中（重复导入） 2 行；缺少标识列的值 1 行',
      '逐行列出跳过的行：npm run qunxi -- imports --project a.qunxi skipped 3',
    ]);
    // A file imported before: every row skipped as that, and no list to point to.
    expect(importSummary({ ...record, rowsAdded: 0, rowsSkipped: 10, skippedByReason: [{ reason: 'same_file', count: 10 }] }).split('\n')).toEqual([
      '已导入 群成员.xlsx（群成员）：读取 10 行，新增 0 行，跳过 10 行',
      '跳过原因：同一文件已导入过 10 行',
    ]);
  });
});
