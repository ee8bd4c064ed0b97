/**
 * ROI预测与定价's planner (pure): a scenario's inputs to its expected figures, the sensitivity table,
 * the rates of a run of measured weeks, and the back-test that replays the planner on past weeks.
 *
 * Sales mode: adds = cost × adds per ¥; members = adds × join rate; buyers = members × conversion
 * rate; orders = buyers × (1 + repurchase rate) (each repeat buyer one more order); GMV = orders × AOV.
 * Paid community (付费社群): GMV = members × price. ROI = (GMV − cost) / cost. Break-even: the
 * conversion rate (paid: join rate) and the AOV (paid: price) at which GMV = cost.
 */
import type { RoiBacktestRow, RoiCounts, RoiPlan, RoiRates, RoiScenarioInput, RoiSensitivity, RoiWeek } from '../../contract';
import { roiText } from '../../locale/roi';

/** The factors of the base conversion rate and AOV the sensitivity table tries. */
export const SENSITIVITY_FACTORS = [0.5, 0.75, 1, 1.25, 1.5] as const;

const ratio = (num: number | null, den: number | null): number | null => (num === null || den === null || den === 0 ? null : num / den);
const times = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a * b);

/** The figures of a scenario without its table and reading. */
export function planFigures(s: RoiScenarioInput): Omit<RoiPlan, 'sensitivity' | 'reading'> {
  const r = s.rates;
  const adds = times(s.cost, r.addsPerYuan);
  const members = times(adds, r.joinRate === null ? null : r.joinRate / 100);
  const isPaid = s.mode === 'paid';
  const buyers = isPaid ? null : times(members, r.conversionRate === null ? null : r.conversionRate / 100);
  const repeat = r.repurchaseRate === null ? null : 1 + r.repurchaseRate / 100;
  const orders = isPaid ? null : times(buyers, repeat);
  const gmv = isPaid ? times(members, s.price) : times(orders, r.aov);
  const profit = gmv === null ? null : gmv - s.cost;
  const roi = ratio(profit === null ? null : profit * 100, s.cost);
  // GMV is linear in the rate and the price, so each break-even is cost over GMV per unit of it.
  const breakEvenRate = isPaid
    ? ratio(s.cost * 100, times(adds, s.price))
    : ratio(s.cost * 100, times(times(members, repeat), r.aov));
  const breakEvenPrice = isPaid ? ratio(s.cost, members) : ratio(s.cost, orders);
  return { adds, members, buyers, orders, gmv, profit, roi, breakEvenRate, breakEvenPrice };
}

/** ROI at ± steps of the conversion rate and AOV (paid: join rate and price); empty while either base is unknown or 0. */
export function sensitivity(s: RoiScenarioInput): RoiSensitivity {
  const isPaid = s.mode === 'paid';
  const rowBase = isPaid ? s.rates.joinRate : s.rates.conversionRate;
  const colBase = isPaid ? s.price : s.rates.aov;
  if (!rowBase || !colBase) return { rows: [], columns: [], roi: [] };
  const rows = SENSITIVITY_FACTORS.map((f) => Math.min(100, rowBase * f));
  const columns = SENSITIVITY_FACTORS.map((f) => colBase * f);
  const roi = rows.map((rate) =>
    columns.map((price) => {
      const rates = isPaid ? { ...s.rates, joinRate: rate } : { ...s.rates, conversionRate: rate, aov: price };
      return planFigures({ ...s, rates, price: isPaid ? price : s.price }).roi;
    }),
  );
  return { rows, columns, roi };
}

/** What a scenario gives, with its sensitivity table and reading. */
export function plan(s: RoiScenarioInput): RoiPlan {
  const figures = planFigures(s);
  return { ...figures, sensitivity: sensitivity(s), reading: roiText.planReading(s, figures) };
}

/** Summed counts of a run of weeks. */
export type WeekTotals = RoiCounts;

/** The sums of weeks; the cost is null when no week has one. */
export function totalsOf(weeks: readonly RoiWeek[]): WeekTotals {
  const costs = weeks.map((w) => w.cost).filter((c): c is number => c !== null);
  const sum = (k: 'added' | 'joined' | 'buyers' | 'orders' | 'repeatBuyers' | 'gmv') => weeks.reduce((s, w) => s + w[k], 0);
  return {
    cost: costs.length ? costs.reduce((a, b) => a + b, 0) : null,
    added: sum('added'),
    joined: sum('joined'),
    buyers: sum('buyers'),
    orders: sum('orders'),
    repeatBuyers: sum('repeatBuyers'),
    gmv: sum('gmv'),
  };
}

/** The rates of pooled weeks (rates in percent). */
export function ratesOf(t: WeekTotals): RoiRates {
  const pct = (k: number, n: number) => ratio(k * 100, n);
  return {
    addsPerYuan: ratio(t.added, t.cost),
    joinRate: pct(t.joined, t.added),
    conversionRate: pct(t.buyers, t.joined),
    aov: ratio(t.gmv, t.orders),
    repurchaseRate: pct(t.repeatBuyers, t.buyers),
  };
}

/**
 * The planner replayed on each week that has `n` weeks before it: the rates of those n weeks, the
 * week's own cost; the GMV error against the week's actual. MAPE over the weeks with an actual GMV
 * above 0 and a prediction (weeks with 0 are counted in `zeroWeeks` and left out).
 */
export function backtest(weeks: readonly RoiWeek[], n: number): { rows: RoiBacktestRow[]; mape: number | null; zeroWeeks: number } {
  const rows: RoiBacktestRow[] = [];
  for (let i = n; i < weeks.length; i++) {
    const w = weeks[i]!;
    const rates = ratesOf(totalsOf(weeks.slice(i - n, i)));
    const p = w.cost === null ? null : planFigures({ channel: '', mode: 'sales', cost: w.cost, rates, price: null });
    const predictedGmv = p?.gmv ?? null;
    rows.push({
      week: w.week,
      cost: w.cost,
      predictedBuyers: p?.buyers ?? null,
      actualBuyers: w.buyers,
      predictedGmv,
      actualGmv: w.gmv,
      error: predictedGmv === null || w.gmv === 0 ? null : (Math.abs(predictedGmv - w.gmv) * 100) / w.gmv,
    });
  }
  const errors = rows.map((r) => r.error).filter((e): e is number => e !== null);
  return {
    rows,
    mape: errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : null,
    zeroWeeks: rows.filter((r) => r.actualGmv === 0).length,
  };
}
