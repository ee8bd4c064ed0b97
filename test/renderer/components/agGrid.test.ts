import { describe, expect, it } from 'vitest';
import { headerFit } from '../../../src-renderer/components/agGrid';

describe('headerFit', () => {
  it('makes a short header one line wide and does not measure it for a second line', () => {
    const fit = headerFit('社群总人数');
    expect(fit.autoHeaderHeight).toBe(false);
    expect(fit.minWidth).toBeGreaterThanOrEqual(5 * 13);
  });

  it('measures a header that may need a second line at the width limit, with or without a filter', () => {
    expect(headerFit('近三十天内至少下单两次的复购用户占比（按渠道）').autoHeaderHeight).toBe(true);
    expect(headerFit('Conversion rate of first-time buyers', true).autoHeaderHeight).toBe(true);
    expect(headerFit('Total members', true).autoHeaderHeight).toBe(false);
  });
});
