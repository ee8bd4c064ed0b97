import { describe, expect, it } from 'vitest';
import type { ChurnEvent } from '../../../../src-main/contract';
import { churnColumns, churnListRows } from '../../../../src-renderer/views/churn/churnColumns';

const events: ChurnEvent[] = [
  { pid: 'carol', name: '小卡', left_at: '2024-01-07T23:59:59', how: 'removed', group_name: 'B', stage: 'joined_not_bought', channel: '公众号', tenure_days: 5 },
  { pid: null, name: '陌生人', left_at: '2024-01-06T09:00:00', how: 'customer_deleted_staff', group_name: null, stage: 'added_not_joined', channel: null, tenure_days: null },
];

describe('churn list', () => {
  it('carries the time as shown and the Chinese way and stage as fields, so the grid filters and sorts what the user reads', () => {
    expect(churnListRows(events).map((r) => [r.left_at, r.how_text, r.stage_text])).toEqual([
      ['2024-01-07 23:59:59', '被移出群', '已入群未购买'],
      ['2024-01-06 09:00:00', '客户删除员工', '已添加未入群'],
    ]);
  });

  it('shows times like the data grids and names what is missing', () => {
    const columns = churnColumns();
    expect(columns.map((c) => c.field)).toEqual(['left_at', 'name', 'how_text', 'group_name', 'stage_text', 'channel', 'tenure_days', 'pid']);
    const [, unmatched] = churnListRows(events);
    const shown = Object.fromEntries(columns.map((c) => [c.field, c.format ? c.format(unmatched![c.field] as never, unmatched!) : String(unmatched![c.field])]));
    expect(shown).toEqual({
      left_at: '2024-01-06 09:00:00',
      name: '陌生人',
      how_text: '客户删除员工',
      group_name: '-',
      stage_text: '已添加未入群',
      channel: '（未知渠道）',
      tenure_days: '-',
      pid: '未匹配',
    });
  });
});
