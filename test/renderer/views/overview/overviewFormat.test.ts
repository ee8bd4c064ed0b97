import { describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../../../src-main/contract';
import { changeView, overviewCards, weekChange, weekChurnRate } from '../../../../src-renderer/views/overview/overviewFormat';

const row = (over: Partial<MetricsRow>): MetricsRow => ({
  period_start: '2024-01-15',
  period_end: '2024-01-21',
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
  ...over,
});

describe('weekChange', () => {
  it('is (this − last) / last in percent', () => {
    expect(weekChange(120, 100)).toBe(20);
    expect(weekChange(75, 100)).toBe(-25);
    // 1 of 3: one division of an exact numerator, as the metrics compute their 环比
    expect(weekChange(4, 3)).toBe(100 / 3);
  });

  it('is empty when last week is 0 or unknown, or this week is unknown', () => {
    expect(weekChange(5, 0)).toBeNull();
    expect(weekChange(5, null)).toBeNull();
    expect(weekChange(5, undefined)).toBeNull();
    expect(weekChange(null, 40)).toBeNull();
  });
});

describe('changeView', () => {
  it('shows an arrow with two decimals and says whether the move is good news', () => {
    expect(changeView(12.5)).toEqual({ text: '↑12.50%', direction: 'up', isGood: true });
    expect(changeView(-3)).toEqual({ text: '↓3.00%', direction: 'down', isGood: false });
    expect(changeView(8, false)).toEqual({ text: '↑8.00%', direction: 'up', isGood: false });
  });

  it('says 持平 for no change and "-" for no base', () => {
    expect(changeView(0)).toEqual({ text: '持平', direction: 'flat', isGood: null });
    expect(changeView(0.001)).toEqual({ text: '持平', direction: 'flat', isGood: null });
    expect(changeView(null)).toEqual({ text: '-', direction: 'none', isGood: null });
  });
});

describe('overviewCards', () => {
  const last = row({ period_start: '2024-01-08', period_end: '2024-01-14', total_members: 4, new_members: 4, active_members: 2, active_rate: 50, churned_members: 1, converted_members: 2, conversion_rate: 50, gmv: 130 });
  const cur = row({ total_members: 4, new_members: 1, active_members: 1, active_rate: 25, churned_members: 0, converted_members: 1, conversion_rate: 25, gmv: 1260.5 });

  it('shows the seven figures of the week with last week beside them, in card order', () => {
    const cards = overviewCards(cur, last);
    expect(cards.map((c) => [c.label, c.value, c.last])).toEqual([
      ['社群总人数', '4', '4'],
      ['本周新增', '1', '4'],
      ['活跃率', '25.00%', '50.00%'],
      ['本周流失', '0', '1'],
      ['转化人数', '1', '2'],
      ['转化率', '25.00%', '50.00%'],
      ['贡献GMV', '¥1,260.50', '¥130.00'],
    ]);
  });

  it('computes each change against last week, churn falling being good news', () => {
    const change = Object.fromEntries(overviewCards(cur, last).map((c) => [c.id, c.change]));
    expect(change.total_members).toEqual({ text: '持平', direction: 'flat', isGood: null });
    expect(change.new_members).toEqual({ text: '↓75.00%', direction: 'down', isGood: false }); // (1 − 4) / 4
    expect(change.active_rate?.text).toBe('↓50.00%'); // (25 − 50) / 50
    expect(change.churned_members).toEqual({ text: '↓100.00%', direction: 'down', isGood: true }); // (0 − 1) / 1
    expect(change.gmv).toEqual({ text: '↑869.62%', direction: 'up', isGood: true }); // (1260.5 − 130) / 130 = 8.6962
  });

  it('shows "-" for every change and last-week figure when there is no last week', () => {
    const cards = overviewCards(cur, null);
    expect(cards.map((c) => c.last)).toEqual(['-', '-', '-', '-', '-', '-', '-']);
    expect(cards.map((c) => c.change.text)).toEqual(['-', '-', '-', '-', '-', '-', '-']);
  });

  it('shows "-" for a rate without members and for a change from a week of 0', () => {
    const cards = overviewCards(row({ new_members: 3 }), row({ period_start: '2024-01-08' }));
    const byId = Object.fromEntries(cards.map((c) => [c.id, c]));
    expect(byId.active_rate?.value).toBe('-');
    expect(byId.new_members?.change.text).toBe('-');
  });
});

describe('weekChurnRate', () => {
  it('is churned this week over members at the end of last week, empty without them', () => {
    expect(weekChurnRate(row({ churned_members: 3 }), row({ total_members: 40 }))).toBe(7.5);
    expect(weekChurnRate(row({ churned_members: 3 }), row({ total_members: 0 }))).toBeNull();
    expect(weekChurnRate(row({ churned_members: 3 }), null)).toBeNull();
  });
});
