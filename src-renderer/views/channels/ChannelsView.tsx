import { useEffect, useMemo } from 'react';
import type { AdCostRow, ChannelRow } from '../../../src-main/contract';
import { Chart, type ChartOption } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import { gridHeight } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { useUndoable } from '../../components/useUndoable';
import { channelsText, dimensionText } from '../../../src-main/locale/channels';
import { selectProject, useProject } from '../../store/project';
import { scopeRequest, selectDataVersion, selectScopeFrom, selectScopeGroups, selectScopeTo, useScope } from '../../store/scope';
import { formatCount, formatMoney } from '../metrics/metricsFormat';
import { adCostColumns, channelColumns, channelGridRows } from './channelsColumns';
import { channelPeopleOption, channelRoiOption } from './channelsChartOption';
import { costColumns, fromEditRows, hasCostProblems, newCostRow, toEditRows, type CostEditRow } from './costGrid';
import { selectAdCosts, selectChannelRows, selectCostsVersion, selectDimension, selectIsLoading, selectIsSaving, selectSavedCosts, useChannels } from './channelsStore';
import './channels.css';

const dimensions = Object.keys(dimensionText) as ChannelRow['dimension'][];

/** 渠道: the people each acquisition channel brought, what became of them, and what they cost. */
export function ChannelsView() {
  const projectPath = useProject(selectProject)?.path ?? null;
  const groups = useScope(selectScopeGroups);
  const from = useScope(selectScopeFrom);
  const to = useScope(selectScopeTo);
  const dataVersion = useScope(selectDataVersion);
  const dimension = useChannels(selectDimension);
  const rows = useChannels(selectChannelRows);
  const isLoading = useChannels(selectIsLoading);
  const costsVersion = useChannels(selectCostsVersion);
  const { setDimension, load, loadCosts } = useChannels.getState();
  const peopleOption = useMemo(() => channelPeopleOption(rows ?? []), [rows]);
  const roiOption = useMemo(() => channelRoiOption(rows ?? []), [rows]);

  useEffect(() => {
    if (projectPath) void load(scopeRequest({ groups, from, to }));
  }, [projectPath, groups, from, to, dataVersion, dimension, costsVersion, load]);

  useEffect(() => {
    if (projectPath) void loadCosts();
  }, [projectPath, loadCosts]);

  return (
    <div className="channels-view" aria-busy={isLoading} data-testid="channels-view">
      <ScopeBar>
        <div className="segmented" role="radiogroup">
          {dimensions.map((d) => (
            <button key={d} type="button" role="radio" aria-checked={dimension === d} className={dimension === d ? 'active' : ''} data-testid={`channels-dimension-${d}`} onClick={() => setDimension(d)}>
              {dimensionText[d]}
            </button>
          ))}
        </div>
        {isLoading && <span className="muted">{channelsText.loading}</span>}
      </ScopeBar>
      <p className="muted channels-note">{channelsText.note}</p>
      <Totals rows={rows} />
      <div className="channels-charts">
        <ChartCard title={channelsText.chartPeople} option={peopleOption} testId="channels-people-chart" />
        <ChartCard title={channelsText.chartRoi} option={roiOption} testId="channels-roi-chart" />
      </div>
      <ChannelGrid rows={rows} />
      <CostPanel />
    </div>
  );
}

function Totals({ rows }: { rows: ChannelRow[] | null }) {
  if (!rows) return null;
  if (rows.every((r) => r.added === 0)) return <div className="channels-totals muted" data-testid="channels-empty">{channelsText.empty}</div>;
  const sum = (f: (r: ChannelRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const costs = rows.filter((r) => r.cost !== null);
  return (
    <div className="channels-totals" data-testid="channels-totals">
      {channelsText.totals(
        formatCount(sum((r) => r.added)),
        formatCount(sum((r) => r.converted)),
        formatMoney(sum((r) => r.gmv)),
        costs.length ? formatMoney(costs.reduce((n, r) => n + (r.cost ?? 0), 0)) : '-',
      )}
    </div>
  );
}

function ChartCard({ title, option, testId }: { title: string; option: ChartOption; testId: string }) {
  return (
    <section className="card chart-card">
      <h3>{title}</h3>
      <Chart option={option} testId={testId} height={300} />
    </section>
  );
}

function ChannelGrid({ rows }: { rows: ChannelRow[] | null }) {
  const columns = useMemo(() => channelColumns(), []);
  const gridRows = useMemo(() => channelGridRows(rows ?? []), [rows]);
  return (
    <section className="card channels-grid-card">
      <h3>{channelsText.gridTitle}</h3>
      <div className="grid-box" style={{ height: gridHeight(gridRows.length, 420) }}>
        <DataGrid columns={columns} rows={gridRows} rowId={(r) => r.channel} testId="channels-grid" />
      </div>
    </section>
  );
}

/** The typed cost table (editable, undoable, saved all at once) beside the imported costs of the range. */
function CostPanel() {
  const savedCosts = useChannels(selectSavedCosts);
  const isSaving = useChannels(selectIsSaving);
  const adCosts = useChannels(selectAdCosts);
  const dimension = useChannels(selectDimension);
  const costs = useUndoable<CostEditRow[]>([]);
  const { reset } = costs;

  // A fresh copy of what is saved: after a load, a save, or another project.
  useEffect(() => {
    if (savedCosts) reset(toEditRows(savedCosts));
  }, [savedCosts, reset]);

  const columns = useMemo(() => costColumns(), []);
  const hasProblems = hasCostProblems(costs.value);
  const save = async () => {
    // On success the store's savedCosts change, which resets the grid and reloads the figures.
    await useChannels.getState().saveCosts(fromEditRows(costs.value));
  };

  return (
    <section className="card channels-costs">
      <div className="channels-head">
        <h3>{channelsText.costsTitle}</h3>
        {costs.isDirty && <span className="badge badge-warn" data-testid="channel-costs-dirty">{channelsText.unsaved}</span>}
        <span className="spacer" />
        {costs.isDirty && (
          <button type="button" onClick={() => savedCosts && reset(toEditRows(savedCosts))} data-testid="channel-costs-revert">
            {channelsText.revert}
          </button>
        )}
        <button type="button" className="primary" disabled={!costs.isDirty || hasProblems || isSaving} onClick={() => void save()} data-testid="channel-costs-save">
          {isSaving ? channelsText.saving : channelsText.save}
        </button>
      </div>
      <p className="muted channels-note">{channelsText.costNote}</p>
      <div className="channels-costs-body">
        <div className="channels-costs-grid">
          <DefinitionGrid
            rows={costs.value}
            columns={columns}
            onChange={costs.set}
            newRow={() => newCostRow(dimension)}
            rowId={(r) => r.id}
            history={costs}
            maxRows={10000}
            testId="channel-costs"
          />
        </div>
        <AdCosts rows={adCosts} />
      </div>
    </section>
  );
}

function AdCosts({ rows }: { rows: AdCostRow[] }) {
  const columns = useMemo(() => adCostColumns(), []);
  return (
    <div className="channels-adcosts">
      <h4>{channelsText.adCostsTitle}</h4>
      {rows.length === 0 ? (
        <div className="muted channels-adcosts-empty" data-testid="channel-ad-costs-empty">
          {channelsText.adCostsEmpty}
        </div>
      ) : (
        <div className="grid-box" style={{ height: gridHeight(rows.length, 320) }}>
          <DataGrid columns={columns} rows={rows} rowId={(r) => r.channel} testId="channel-ad-costs" />
        </div>
      )}
    </div>
  );
}
