import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MappingTemplate } from '../../src-main/contract';
import { chooseHeader, headerConfidence, matchHeader, withRivalry } from '../../src-main/import/headers';
import { inspectFile } from '../../src-main/import/inspect';

/** The confidence at which the import view offers 导入全部 (src-renderer/store/mappingRules.ts CONFIDENT). */
const CONFIDENT = 0.8;

/** The header rows of the four usual exports, as the sample files carry them. */
const sampleHeaders = {
  members: ['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请员工', '退群时间', 'unionid'],
  messages: ['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容'],
  customers: ['客户名称', '备注', '所属员工', '添加时间', '添加方式', '渠道', '标签', '客户状态', '手机号', 'unionid', 'external_userid'],
  orders: ['订单号', '订单状态', '订单创建时间', '买家付款时间', '订单实付金额', '订单已退款金额', '买家昵称', '买家手机号', '全部商品名称'],
} as const;

describe('confidence of header recognition', () => {
  for (const [kind, header] of Object.entries(sampleHeaders)) {
    it(`is certain of the usual ${kind} export, every column of which it explains`, () => {
      const choice = chooseHeader([[...header]]);
      expect(choice?.kind).toBe(kind);
      expect(choice?.missing).toEqual([]);
      expect(choice?.confidence).toBe(1);
    });
  }

  it('stays certain of a wide order export by its telltale headers among many columns of no interest', () => {
    const other = Array.from({ length: 40 }, (_, i) => `自定义字段${i + 1}`);
    const choice = chooseHeader([['订单号', ...other, '买家付款时间', '订单实付金额', '订单已退款金额']]);
    expect(choice?.kind).toBe('orders');
    // Four distinctive headers matched exactly: 4 × (2 + 1) = 12, the certain score.
    expect(choice?.score).toBe(12);
    expect(choice?.confidence).toBe(1);
  });

  it('doubts a table that shares one column name with a kind and nothing else', () => {
    const m = matchHeader(['客户', '甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬'], 'customers');
    expect(m.missing).toEqual([]);
    // One exact header (score 2) among ten: max(1/10, 2/12).
    expect(m.confidence).toBeCloseTo(2 / 12, 10);
    expect(m.confidence).toBeLessThan(CONFIDENT);
  });

  it('counts headers matched only through a substring for less than exact ones', () => {
    const m = matchHeader(['所在群名称', '成员ID（external_userid）', '入群时间(北京时间)'], 'members');
    expect(Object.keys(m.columns)).toHaveLength(3);
    expect(m.confidence).toBeCloseTo(0.75, 10);
  });

  it('is zero when no header matches', () => {
    expect(matchHeader(['甲', '乙'], 'orders').confidence).toBe(0);
    expect(headerConfidence(5, 0, 0, 0)).toBe(0);
  });

  it('is lowered when another kind fits the same header nearly as well', () => {
    expect(withRivalry(1, 10, 5)).toBe(1);
    expect(withRivalry(1, 10, 7.5)).toBeCloseTo(0.5, 10);
    expect(withRivalry(1, 10, 10)).toBe(0);
    expect(withRivalry(0.9, 10, 0)).toBe(0.9);
  });
});

describe('confidence of the sample exports as the import view inspects them', () => {
  const opts = { timeZone: 'Asia/Shanghai', templates: [] as MappingTemplate[] };
  const files = { '群成员.xlsx': 'members', '聊天记录.xlsx': 'messages', '客户列表.xlsx': 'customers', '订单.xlsx': 'orders' } as const;
  for (const [name, kind] of Object.entries(files)) {
    it(`recognises ${name} as ${kind} confidently with nothing missing`, async () => {
      const file = path.resolve('resources/demo', name);
      const preview = await inspectFile({ path: file, fileName: name }, opts);
      const [table] = preview.tables;
      expect(table.mapping.kind).toBe(kind);
      expect(table.missing).toEqual([]);
      expect(table.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    });
  }
});
