import { useCallback, useMemo, useState } from 'react';
import type { AnalysisScope, ExportFileFormat, FunnelStage, LostPerson } from '../../../src-main/contract';
import { askPage } from '../../api/askPage';
import { BelowFold } from '../../components/BelowFold';
import { DataGrid } from '../../components/DataGrid';
import type { PageLoader } from '../../components/gridTypes';
import { apiDownload, exportDownload } from '../../components/useExport';
import { funnelText } from '../../../src-main/locale/funnel';
import { part } from '../../../src-main/locale/language';
import { selectLostStep, selectWindowDays, useFunnel } from '../../store/funnel';
import { selectDataVersion, useDataVersion } from '../../store/dataVersion';
import { lostColumns } from './funnelColumns';

const tx = part(funnelText, 'lost');

/** Props of {@link LostPanel}. */
export interface LostPanelProps {
  scope: AnalysisScope;
  /** The cohort's stages (per-person stages only). */
  stages: FunnelStage[];
  /** Index of the cohort's biggest drop: the step shown until the user picks one. */
  biggestDrop: number | null;
}

/**
 * 流失名单: pick a step of the cohort, see the people lost there (paged, sorted and filtered on the
 * Node side, funnel:lostPage: a large brand loses hundreds of thousands at a step), export them to xlsx.
 */
export function LostPanel({ scope, stages, biggestDrop }: LostPanelProps) {
  const step = useFunnel(selectLostStep);
  const windowDays = useFunnel(selectWindowDays);
  const dataVersion = useDataVersion(selectDataVersion);
  const { setLostStep } = useFunnel.getState();
  const columns = useMemo(() => lostColumns(), []);
  // The biggest drop until the user picks a step; a shorter path may leave the chosen step behind.
  const shown = Math.min(Math.max(1, step ?? biggestDrop ?? 1), stages.length - 1);
  const request = useMemo(() => ({ ...scope, windowDays, stageIndex: shown }), [scope, windowDays, shown]);
  // People matching the grid's filters (null until the first page of this step answers).
  const [matching, setMatching] = useState<{ key: string; n: number | null }>({ key: '', n: null });
  const reloadKey = `${JSON.stringify(request)}:${dataVersion}`;
  const loader = useCallback<PageLoader<LostPerson>>((query, signal) => askPage('funnel:lostPage', { ...request, ...query }, signal), [request]);
  const onTotal = useCallback((n: number | null) => setMatching({ key: reloadKey, n }), [reloadKey]);
  // The Node side's sheet of every person lost at the step: the step in its file name, times as dates, each person's last stage.
  const exportFile = useCallback((format: ExportFileFormat) => apiDownload('funnel:exportLost', { ...request, format }, exportDownload), [request]);
  // The step's people in all: the cohort's drop-off there (the list's own length).
  const total = stages[shown]?.dropOff ?? null;
  // A step that lost nobody shows no grid to ask: its count is known.
  const n = total === 0 ? 0 : matching.key === reloadKey ? matching.n : null;

  return (
    <section className="card funnel-lost" data-testid="funnel-lost">
      <div className="toolbar">
        <h3>{tx.title}</h3>
        <label className="field inline">
          <span>{tx.step}</span>
          <select value={shown} onChange={(e) => setLostStep(Number(e.currentTarget.value))} data-testid="funnel-lost-step">
            {stages.slice(1).map((s, i) => (
              <option key={s.id} value={i + 1}>
                {tx.stepOption(stages[i]!.name, s.name, s.dropOff)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="funnel-lost-count">
          {n === null ? funnelText.loading : total !== null && n < total ? tx.countFiltered(n, total) : tx.count(n)}
        </span>
      </div>
      {total === 0 ? (
        <p className="muted">{tx.empty}</p>
      ) : (
        <div className="grid-box funnel-lost-grid">
          {/* Below the funnel and its table: made, and its first page asked, once in sight or once the figures above stood a moment (BelowFold). */}
          <BelowFold minHeight="100%">
            <DataGrid columns={columns} loader={loader} reloadKey={reloadKey} onTotal={onTotal} rowId={(p) => p.pid} testId="funnel-lost-grid" exportFile={exportFile} />
          </BelowFold>
        </div>
      )}
    </section>
  );
}
