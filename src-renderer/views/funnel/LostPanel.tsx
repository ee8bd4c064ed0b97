import { useCallback, useMemo } from 'react';
import type { AnalysisScope, ExportFileFormat, FunnelStage } from '../../../src-main/contract';
import { useQuery } from '../../api/useQuery';
import { DataGrid } from '../../components/DataGrid';
import { apiDownload, exportDownload } from '../../components/useExport';
import { funnelText } from '../../../src-main/locale/funnel';
import { part } from '../../../src-main/locale/language';
import { selectLostStep, selectWindowDays, useFunnel } from '../../store/funnel';
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

/** 流失名单: pick a step of the cohort, see the people lost there, export them to xlsx. */
export function LostPanel({ scope, stages, biggestDrop }: LostPanelProps) {
  const step = useFunnel(selectLostStep);
  const windowDays = useFunnel(selectWindowDays);
  const { setLostStep } = useFunnel.getState();
  const columns = useMemo(() => lostColumns(), []);
  // The biggest drop until the user picks a step; a shorter path may leave the chosen step behind.
  const shown = Math.min(Math.max(1, step ?? biggestDrop ?? 1), stages.length - 1);
  const request = useMemo(() => ({ ...scope, windowDays, stageIndex: shown }), [scope, windowDays, shown]);
  const { data: lost, isLoading } = useQuery('funnel:lost', request);
  // The Node side's sheet: the step in its file name, times as dates, each person's last stage.
  const exportFile = useCallback((format: ExportFileFormat) => apiDownload('funnel:exportLost', { ...request, format }, exportDownload), [request]);

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
          {isLoading || !lost ? funnelText.loading : tx.count(lost.length)}
        </span>
      </div>
      {lost && lost.length === 0 && !isLoading ? (
        <p className="muted">{tx.empty}</p>
      ) : (
        <div className="grid-box funnel-lost-grid">
          <DataGrid columns={columns} rows={lost ?? []} rowId={(p) => p.pid} testId="funnel-lost-grid" exportFile={exportFile} isExportDisabled={!lost || lost.length === 0} />
        </div>
      )}
    </section>
  );
}
