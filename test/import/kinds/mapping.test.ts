import { describe, expect, it } from 'vitest';
import { importKinds, type TableMapping } from '../../../src-main/contract';
import { isAppError } from '../../../src-main/contract/appError';
import { kindInfo, kindSpecs } from '../../../src-main/import/kinds';
import { parseExport, type ParsedRecord } from '../../../src-main/import/parseExport';
import type { RowSource, SourceRow } from '../../../src-main/import/rowSource';

/** A row source over in-memory sheets, rows numbered as a spreadsheet shows them. */
function sheets(content: Record<string, unknown[][]>): RowSource {
  const rows: SourceRow[] = Object.entries(content).flatMap(([sheet, rs]) => rs.map((cells, i) => ({ sheet, rowNumber: i + 1, cells })));
  return {
    // One row a batch, so every batch boundary a reader can produce is crossed.
    batches: (async function* () {
      for (const row of rows) yield [row];
    })(),
    isDate1904: () => false,
    fraction: () => null,
  };
}

async function parse(source: RowSource, mapping?: TableMapping) {
  const records: ParsedRecord[] = [];
  const summary = await parseExport(source, { fileName: 'x.xlsx', isCsv: false, mapping, emit: (r) => void records.push(r) });
  return { summary, records };
}

describe('an explicit mapping', () => {
  it('overrides detection: only the mapped sheet and its continuations, the given header row, the given columns', async () => {
    const source = sheets({
      说明: [['群名称', '成员ID', '入群时间'], ['g', 'id', '2026-09-01']],
      data0: [['导出时间 2026-09-30'], ['编号', '姓名', '金额', '备注'], ['A1', '小美', '¥10', '忽略'], ['合计', '', '¥10', '']],
      data1: [['A2', '阿强', '20', '']],
      other: [['A3', '不读', '30', '']],
    });
    const mapping: TableMapping = {
      kind: 'orders',
      sheet: 'data0',
      headerRow: 2,
      columns: [
        { index: 0, header: '编号', field: 'order_no' },
        { index: 1, header: '姓名', field: 'buyer_name' },
        { index: 2, header: '金额', field: 'paid_amount' },
        { index: 3, header: '备注', field: null },
      ],
    };
    const { summary, records } = await parse(source, mapping);
    expect(summary).toMatchObject({ kind: 'orders', rowsRead: 2 });
    expect(records.map((r) => [r.sheet, r.source_row, r.order_no, r.buyer_name, r.paid_amount])).toEqual([
      ['data0', 3, 'A1', '小美', 10],
      ['data1', 1, 'A2', '阿强', 20],
    ]);
  });

  it('refuses a mapping that lacks a required field, naming it', async () => {
    const source = sheets({ s: [['a', 'b'], ['1', '2']] });
    const mapping: TableMapping = { kind: 'orders', sheet: 's', headerRow: 1, columns: [{ index: 0, header: 'a', field: 'buyer_name' }] };
    const e = await parse(source, mapping).catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe('IMPORT_UNRECOGNISED');
    expect((e as Error).message).toContain('订单号');
  });

  it('fills a blank header cell from the merged cell above it', async () => {
    const source = sheets({ s: [['日期', '渠道', '投放'], [null, null, '花费'], ['2026-09-01', 'A', '5']] });
    const mapping: TableMapping = {
      kind: 'ad_costs',
      sheet: 's',
      headerRow: 2,
      columns: [
        { index: 0, header: '日期', field: 'stat_date' },
        { index: 1, header: '渠道', field: 'channel' },
        { index: 2, header: '花费', field: 'cost' },
      ],
    };
    const { records } = await parse(source, mapping);
    expect(records).toEqual([{ seq: 1, sheet: 's', source_row: 3, stat_date: '2026-09-01', channel: 'A', cost: 5, impressions: null, clicks: null }]);
  });
});

describe('the kind registry', () => {
  it('lists every kind with its Chinese name and typed fields, ids marked required through their alternatives', () => {
    const info = kindInfo();
    expect(info.map((k) => k.label)).toEqual(['群成员', '聊天记录', '客户列表', '客户群列表', '群统计', '联系客户统计', '流失客户', '订单', '公众号用户分析', '渠道投放', '满意度问卷']);
    const members = info.find((k) => k.kind === 'members')!;
    expect(members.fields.filter((x) => x.isRequired).map((x) => x.id)).toEqual(['group_name', 'member_id', 'unionid']);
    expect(kindSpecs.contact_stats.fields.find((x) => x.id === 'reply_rate')?.type).toBe('percent');
  });

  it("lists the kinds in the contract's order (the registry does not load the contract's values)", () => {
    expect(kindInfo().map((k) => k.kind)).toEqual([...importKinds]);
  });
});
