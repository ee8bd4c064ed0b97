import { useMemo } from 'react';
import type { AdCostRow, ChannelRow } from '../../../src-main/contract';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { Chart, type ChartOption } from '../../components/Chart';
import { BelowFold } from '../../components/BelowFold';
import { DataGrid } from '../../components/DataGrid';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import { DefinitionToolbar } from '../../components/DefinitionToolbar';
import { gridHeight } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { currentAnswer, useDraft } from '../../components/useDraft';
import { channelsText, dimensionText } from '../../../src-main/locale/channels';
import { useScopeRequest } from '../../store/scope';
import { formatCount, formatMoney } from '../metrics/metricsFormat';
import { adCostColumns, channelColumns, channelGridRows } from './channelsColumns';
import { channelPeopleOption, channelRoiOption } from './channelsChartOption';
import { costColumns, fromEditRows, hasCostProblems, newCostRow, toEditRows, type CostEditRow } from './costGrid';
import { selectDimension, useChannels } from './channelsStore';
import './channels.css';

const dimensions = Object.keys(dimensionText) as ChannelRow['dimension'][];
const noCosts: CostEditRow[] = [];
const noAdCosts: AdCostRow[] = [];

/** 渠道: the people each acquisition channel brought, what became of them, and what they cost. */
export function ChannelsView() {
  const scope = useScopeRequest();
  const dimension = useChannels(selectDimension);
  const { setDimension } = useChannels.getState();
  // The typed costs are a definition: saving them re-asks the figures (store/dataVersion.ts).
  const { data: rows, isLoading } = useQuery('channels:query', { ...scope, dimension });
  const adCosts = useQuery('channels:adCosts', scope);
  const peopleOption = useMemo(() => channelPeopleOption(rows ?? []), [rows]);
  const roiOption = useMemo(() => channelRoiOption(rows ?? []), [rows]);

  return (
    <div className="channels-view" aria-busy={isLoading || adCosts.isLoading} data-testid="channels-view">
      <ScopeBar>
        <div className="segmented" role="radiogroup">
          {dimensions.map((d) => (
            <button key={d} type="button" role="radio" aria-checked={dimension === d} className={dimension === d ? 'active' : ''} data-testid={`channels-dimension-${d}`} onClick={() => setDimension(d)}>
              {dimensionText[d]}
            </button>
          ))}
        </div>
        {(isLoading || adCosts.isLoading) && <span className="muted">{channelsText.loading}</span>}
      </ScopeBar>
      <p className="muted channels-note">{channelsText.note}</p>
      <Totals rows={rows} />
      <div className="channels-charts">
        <ChartCard title={channelsText.chartPeople} option={peopleOption} testId="channels-people-chart" />
        <ChartCard title={channelsText.chartRoi} option={roiOption} testId="channels-roi-chart" />
      </div>
      <ChannelGrid rows={rows} />
      <CostPanel dimension={dimension} adCosts={adCosts.data ?? noAdCosts} />
    </div>
  );
}

function Totals({ rows }: { rows: ChannelRow[] | null }) {
  if (!rows) return null;
  if (rows.every((r) => r.added === 0)) return <div className="channels-totals muted" data-testid="channels-empty">{channelsText.empty}</div>;
  const sum = (f: (r: ChannelRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const costs = rows.filter((r) => r.cost !== null);
  return (
    <div className="channels-totals" data-testid="channels-totals" title={channelsText.gmvHint}>
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
        <BelowFold minHeight="100%">
          <DataGrid columns={columns} rows={gridRows} rowId={(r) => r.channel} testId="channels-grid" />
        </BelowFold>
      </div>
    </section>
  );
}

/** The typed cost table (editable, undoable, saved all at once) beside the imported costs of the range. */
function CostPanel({ dimension, adCosts }: { dimension: ChannelRow['dimension']; adCosts: AdCostRow[] }) {
  const costs = useDraft(currentAnswer(useQuery('channels:costs', {})), toEditRows, noCosts, 'channelCosts');
  const saver = useMutation('channels:saveCosts', { onDone: costs.takeSaved, invalidates: 'definitions' });
  const columns = useMemo(() => costColumns(), []);

  return (
    <section className="card channels-costs">
      <div className="channels-head">
        <h3>{channelsText.costsTitle}</h3>
        <DefinitionToolbar
          testId="channel-costs"
          text={channelsText}
          draft={costs}
          isSaving={saver.isRunning}
          canSave={!hasCostProblems(costs.value)}
          onSave={() => void saver.run({ costs: fromEditRows(costs.value) })}
          onRevert={costs.revert}
        />
      </div>
      <p className="muted channels-note">{channelsText.costNote}</p>
      <div className="channels-costs-body">
        <div className="channels-costs-grid">
          <BelowFold minHeight={200}>
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
          </BelowFold>
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
