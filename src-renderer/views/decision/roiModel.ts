// The ROI预测 scenario editor and the plain functions its view draws with.
import type { RoiBacktestRow, RoiChannel, RoiMode, RoiPlan, RoiScenario, RoiScenarioInput } from '../../../src-main/contract';
import { roiText } from '../../../src-main/locale/roi';
import type { ChartOption } from '../../components/chartTypes';
import type { DefinitionColumn } from '../../components/definitionGridTypes';
import type { GridColumn } from '../../components/gridTypes';
import { figureColumn, formatFigure } from './decisionFormat';

/** A scenario grid row: the scenario flat, with a key that survives edits and undo. */
export interface ScenarioRow {
  key: string;
  id: string;
  name: string;
  channel: string;
  mode: RoiMode;
  cost: number;
  addsPerYuan: number | null;
  joinRate: number | null;
  conversionRate: number | null;
  aov: number | null;
  repurchaseRate: number | null;
  price: number | null;
}

/** A scenario with its plan, a row of the side-by-side grid. */
export type ComparedRow = Pick<ScenarioRow, 'key' | 'name' | 'channel' | 'mode' | 'cost'> & Omit<RoiPlan, 'sensitivity'>;

let nextKey = 0;
const newKey = () => `r-${++nextKey}`;
const newId = () => `s${Date.now().toString(36)}${(++nextKey).toString(36)}`;

/** The grid rows of saved scenarios. */
export function toRows(saved: RoiScenario[]): ScenarioRow[] {
  return saved.map((s) => ({ key: newKey(), id: s.id, name: s.name, channel: s.channel, mode: s.mode, cost: s.cost, ...s.rates, price: s.price }));
}

/** A number a scenario may carry: finite and not negative, else unknown. */
const known = (v: number | null): number | null => (v === null || !Number.isFinite(v) || v < 0 ? null : v);
const percent = (v: number | null): number | null => {
  const n = known(v);
  return n === null ? null : Math.min(100, n);
};

/** The scenario inputs of a row, numbers out of range read as unknown (the grid flags them). */
export function toInput(r: ScenarioRow): RoiScenarioInput {
  return {
    channel: r.channel,
    mode: r.mode,
    cost: known(r.cost) ?? 0,
    rates: { addsPerYuan: known(r.addsPerYuan), joinRate: percent(r.joinRate), conversionRate: percent(r.conversionRate), aov: known(r.aov), repurchaseRate: percent(r.repurchaseRate) },
    price: known(r.price),
  };
}

/** The scenarios to save. */
export function toSaved(rows: ScenarioRow[]): RoiScenario[] {
  return rows.map((r) => ({ id: r.id, name: r.name.trim(), ...toInput(r) }));
}

/** A measured rate as a person would type it: at most `digits` decimals. */
const round = (v: number | null, digits: number): number | null => (v === null ? null : Number(v.toFixed(digits)));

/** A new scenario row from a measured channel (its mean weekly cost and its rates, rounded as typed), or blank. */
export function rowFromMeasured(c: RoiChannel | null): ScenarioRow {
  const channel = c?.channel ?? '';
  return {
    key: newKey(),
    id: newId(),
    name: roiText.scenarioName(channel),
    channel,
    mode: 'sales',
    cost: Math.round(c?.weeklyCost ?? 0),
    addsPerYuan: round(c?.rates.addsPerYuan ?? null, 4),
    joinRate: round(c?.rates.joinRate ?? null, 2),
    conversionRate: round(c?.rates.conversionRate ?? null, 2),
    aov: round(c?.rates.aov ?? null, 2),
    repurchaseRate: round(c?.rates.repurchaseRate ?? null, 2),
    price: null,
  };
}

/** Why the scenarios cannot be saved (a blank or repeated name), or null. */
export function scenariosProblem(rows: ScenarioRow[]): string | null {
  const names = rows.map((r) => r.name.trim());
  return names.some((n) => !n) || new Set(names).size !== names.length ? roiText.invalid : null;
}

const isPercent = (v: number | null) => v === null || (Number.isFinite(v) && v >= 0 && v <= 100);
const isAmount = (v: number | null) => v === null || (Number.isFinite(v) && v >= 0);

/** The editable columns of the scenario grid. */
export function scenarioColumns(): DefinitionColumn<ScenarioRow>[] {
  const c = roiText.columns;
  const r = roiText.rateLabels;
  const amount = (field: 'cost' | 'addsPerYuan' | 'aov' | 'price', headerName: string): DefinitionColumn<ScenarioRow> => ({
    field, headerName, type: 'number', width: 110, validate: (row) => (isAmount(row[field]) ? null : headerName),
  });
  const rate = (field: 'joinRate' | 'conversionRate' | 'repurchaseRate', headerName: string): DefinitionColumn<ScenarioRow> => ({
    field, headerName: `${headerName} %`, type: 'number', width: 100, validate: (row) => (isPercent(row[field]) ? null : `${headerName} 0–100`),
  });
  return [
    { field: 'name', headerName: c.name, type: 'text', width: 140, validate: (row, rows) => (row.name.trim() && rows.filter((x) => x.name.trim() === row.name.trim()).length === 1 ? null : roiText.invalid) },
    { field: 'channel', headerName: c.channel, type: 'text', width: 120 },
    { field: 'mode', headerName: c.mode, type: 'select', width: 100, options: (['sales', 'paid'] as const).map((m) => ({ value: m, label: roiText.modeLabels[m] })) },
    amount('cost', c.cost),
    amount('addsPerYuan', r.addsPerYuan),
    rate('joinRate', r.joinRate),
    rate('conversionRate', r.conversionRate),
    amount('aov', r.aov),
    rate('repurchaseRate', r.repurchaseRate),
    amount('price', c.price),
  ];
}

const figure = (v: unknown, digits = 2) => formatFigure(v as number | null, digits);

/** The columns of the side-by-side comparison. */
export function comparedColumns(): GridColumn<ComparedRow>[] {
  const c = roiText.columns;
  const num = figureColumn<ComparedRow>;
  return [
    { field: 'name', headerName: c.name, width: 140, isPinned: true },
    { field: 'channel', headerName: c.channel, width: 110 },
    { field: 'mode', headerName: c.mode, width: 90, format: (v) => roiText.modeLabels[v as RoiMode] },
    num('cost', c.cost),
    num('adds', c.adds, 1),
    num('members', c.members, 1),
    num('buyers', c.buyers, 1),
    num('gmv', c.gmv),
    num('profit', c.profit),
    num('roi', c.roi, 1),
    num('breakEvenRate', c.breakEvenRate),
    num('breakEvenPrice', c.breakEvenPrice),
  ];
}

/** The columns of the measured channels. */
export function measuredColumns(): GridColumn<RoiChannel>[] {
  const c = roiText.columns;
  const r = roiText.rateLabels;
  const num = figureColumn<RoiChannel>;
  const rate = (key: keyof RoiChannel['rates'], headerName: string, digits = 2): GridColumn<RoiChannel> => ({
    field: 'rates', headerName, isNumeric: true, width: 110, sortable: false, format: (_v, row) => figure(row.rates[key], digits),
  });
  return [
    { field: 'channel', headerName: c.channel, width: 130, isPinned: true },
    num('weeklyCost', c.weeklyCost),
    num('added', c.added, 0),
    num('joined', c.joined, 0),
    num('buyers', c.measuredBuyers, 0),
    num('gmv', c.measuredGmv),
    rate('addsPerYuan', r.addsPerYuan, 4),
    rate('joinRate', `${r.joinRate} %`),
    rate('conversionRate', `${r.conversionRate} %`),
    rate('aov', r.aov),
    rate('repurchaseRate', `${r.repurchaseRate} %`),
    num('mape', c.mape, 1),
  ];
}

/** The columns of a back-test. */
export function backtestColumns(): GridColumn<RoiBacktestRow>[] {
  const c = roiText.columns;
  const num = figureColumn<RoiBacktestRow>;
  return [
    { field: 'week', headerName: c.week, width: 110 },
    num('cost', c.cost),
    num('predictedBuyers', c.predictedBuyers, 1),
    num('actualBuyers', c.actualBuyers, 0),
    num('predictedGmv', c.predictedGmv),
    num('actualGmv', c.actualGmv),
    num('error', c.error, 1),
  ];
}

/** The sensitivity table as a heatmap: rows (conversion or join rate) down, columns (AOV or price) across, ROI in the cell. */
export function sensitivityOption(plan: RoiPlan, mode: RoiMode): ChartOption {
  const s = plan.sensitivity;
  const values = s.roi.flat().filter((v): v is number => v !== null);
  const reach = Math.max(1, ...values.map((v) => Math.abs(v)));
  const data = s.roi.flatMap((row, i) => row.map((v, j) => [j, i, v === null ? '-' : Number(v.toFixed(1))]));
  return {
    tooltip: { position: 'top' },
    grid: { left: 80, right: 20, top: 10, bottom: 70 },
    xAxis: { type: 'category', name: roiText.heatmapColumns(mode), nameLocation: 'middle', nameGap: 28, data: s.columns.map((v) => formatFigure(v, 2)) },
    yAxis: { type: 'category', name: roiText.heatmapRows(mode), nameLocation: 'middle', nameGap: 56, data: s.rows.map((v) => formatFigure(v, 2)) },
    visualMap: { min: -reach, max: reach, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160, formatter: '{value}%', inRange: { color: ['#e5533d', '#f7f7f7', '#07a35a'] } },
    series: [{ type: 'heatmap', data, label: { show: true, formatter: (p) => `${(p.value as [number, number, number | string])[2]}%` } }],
  };
}

/** Predicted against actual GMV of a channel's back-test, week by week. */
export function backtestOption(rows: RoiBacktestRow[]): ChartOption {
  const c = roiText.columns;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((r) => r.week) },
    yAxis: { type: 'value' },
    series: [
      { type: 'line', name: c.actualGmv, data: rows.map((r) => r.actualGmv) },
      { type: 'line', name: c.predictedGmv, data: rows.map((r) => r.predictedGmv), lineStyle: { type: 'dashed' } },
    ],
  };
}
