import type { RoiDimension, RoiScenarioInput } from '../../contract';
import { AppError } from '../../contract/appError';
import { cliText } from '../../locale/cli';
import { roiText } from '../../locale/roi';
import { mustCall, type AnalysisCommandSpec, type CliValues } from './types';

/** The dimensions of `--dimension` (the contract's list, repeated: the CLI's start-up loads no zod). */
export const dimensions: readonly RoiDimension[] = ['source', 'channel_code', 'add_way'];

const planColumns = [
  'channel', 'from', 'to', 'cost', 'added', 'joined', 'buyers', 'orders', 'gmv',
  'adds_per_yuan', 'join_rate', 'conversion_rate', 'aov', 'repurchase_rate',
  'mode', 'planned_cost', 'price', 'expected_adds', 'expected_members', 'expected_buyers', 'expected_gmv', 'expected_profit', 'roi',
  'break_even_rate', 'break_even_price', 'backtest_weeks', 'mape', 'zero_weeks', 'reading', 'plan_reading',
];
const backtestColumns = ['channel', 'week', 'cost', 'predicted_buyers', 'actual_buyers', 'predicted_gmv', 'actual_gmv', 'error'];

interface RoiParams {
  table: 'plan' | 'backtest';
  dimension?: RoiDimension;
  weeks?: number;
  window?: number;
  cost?: number;
  price?: number;
}

/** A number option within [min, max] (whole when asked); undefined when absent. */
export function numberOption(values: CliValues, name: string, min: number, max: number, isWhole: boolean): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n < min || n > max || (isWhole && !Number.isInteger(n))) {
    throw new AppError('INVALID_REQUEST', roiText.cliBadNumber(name, `${min}–${max}`, String(raw)));
  }
  return n;
}

/** A `--dimension` option; undefined when absent. */
export function dimensionOption(values: CliValues): RoiDimension | undefined {
  const d = values.dimension;
  if (d === undefined) return undefined;
  if (typeof d !== 'string' || !(dimensions as readonly string[]).includes(d)) throw new AppError('INVALID_REQUEST', cliText.oneOf('dimension', dimensions.join(' | '), String(d)));
  return d as RoiDimension;
}

/**
 * `roi`: ROI预测 (DESIGN §4 Decision support). `--table plan` (default): one row per channel with the
 * rates measured over the last `--weeks` N measured weeks (rates in percent, AOV ¥, adds per ¥) and
 * the planner run on them at the planned cost (`--cost`, default the channel's mean weekly cost; with
 * `--price` a paid community at that price), with the back-test's MAPE. `--table backtest`: one row
 * per channel and back-tested week, predicted against actual.
 */
export const roiCommand: AnalysisCommandSpec<RoiParams> = {
  name: 'roi',
  usage: `roi      --project P.qunxi [--dimension ${dimensions.join('|')}] [--weeks N] [--window DAYS]
                             [--cost ¥] [--price ¥] [--table plan|backtest] [--group GROUP]… [--format json|csv]`,
  options: { dimension: { type: 'string' }, weeks: { type: 'string' }, window: { type: 'string' }, cost: { type: 'string' }, price: { type: 'string' }, table: { type: 'string' } },
  hasRange: false,
  parse(values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', roiText.cliNoArgs(positionals[0]!));
    const table = values.table ?? 'plan';
    if (table !== 'plan' && table !== 'backtest') throw new AppError('INVALID_REQUEST', cliText.oneOf('table', 'plan | backtest', String(table)));
    return {
      table,
      dimension: dimensionOption(values),
      weeks: numberOption(values, 'weeks', 1, 52, true),
      window: numberOption(values, 'window', 1, 365, true),
      cost: numberOption(values, 'cost', 0, 1e12, false),
      price: numberOption(values, 'price', 0, 1e9, false),
    };
  },
  async run(call, params, scope) {
    const r = await mustCall(call, 'decision:roi', {
      ...(scope.groups ? { groups: scope.groups } : {}),
      ...(params.dimension ? { dimension: params.dimension } : {}),
      ...(params.weeks !== undefined ? { weeks: params.weeks } : {}),
      ...(params.window !== undefined ? { windowDays: params.window } : {}),
    });
    if (params.table === 'backtest') {
      const rows = r.channels.flatMap((c) =>
        c.backtest.map((b) => ({
          channel: c.channel, week: b.week, cost: b.cost, predicted_buyers: b.predictedBuyers, actual_buyers: b.actualBuyers,
          predicted_gmv: b.predictedGmv, actual_gmv: b.actualGmv, error: b.error,
        })),
      );
      return { columns: backtestColumns, rows, summary: r.reading };
    }
    const scenarios: RoiScenarioInput[] = r.channels.map((c) => ({
      channel: c.channel,
      mode: params.price !== undefined ? 'paid' : 'sales',
      cost: params.cost ?? c.weeklyCost ?? 0,
      rates: c.rates,
      price: params.price ?? null,
    }));
    const plans = scenarios.length ? await mustCall(call, 'decision:roiPlan', { scenarios }) : [];
    const rows = r.channels.map((c, i) => {
      const p = plans[i]!;
      const s = scenarios[i]!;
      return {
        channel: c.channel, from: r.from, to: r.to, cost: c.cost, added: c.added, joined: c.joined, buyers: c.buyers, orders: c.orders, gmv: c.gmv,
        adds_per_yuan: c.rates.addsPerYuan, join_rate: c.rates.joinRate, conversion_rate: c.rates.conversionRate, aov: c.rates.aov, repurchase_rate: c.rates.repurchaseRate,
        mode: s.mode, planned_cost: s.cost, price: s.price, expected_adds: p.adds, expected_members: p.members, expected_buyers: p.buyers, expected_gmv: p.gmv,
        expected_profit: p.profit, roi: p.roi, break_even_rate: p.breakEvenRate, break_even_price: p.breakEvenPrice,
        backtest_weeks: c.backtest.length, mape: c.mape, zero_weeks: c.zeroWeeks, reading: c.reading, plan_reading: p.reading,
      };
    });
    return { columns: planColumns, rows, summary: r.reading };
  },
};
