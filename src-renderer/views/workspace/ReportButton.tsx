import { useEffect, useRef, useState } from 'react';
import type { ReportJob, ReportPeriod } from '../../../src-main/contract';
import { reportText } from '../../../src-main/locale/report';
import { call } from '../../api/client';
import { ProgressBar } from '../../components/ProgressBar';
import { xlsxBlob } from '../../components/useExport';
import { platform } from '../../platform';
import { scopeRequest, useScope } from '../../store/scope';
import { reportError } from '../../store/toasts';

/** How often a running report is asked how far it is. */
const POLL_MS = 250;

/**
 * 导出周报 / 导出月报: starts the report workbook of the shared scope (groups; the latest full week
 * or month up to its end date), shows its progress with a cancel button, and saves the file.
 */
export function ReportButton() {
  const [period, setPeriod] = useState<ReportPeriod>('week');
  const [job, setJob] = useState<ReportJob | null>(null);
  const isMounted = useRef(true);
  useEffect(() => () => void (isMounted.current = false), []);

  async function run() {
    const started = await call('report:start', { period, ...scopeRequest(useScope.getState()) });
    if (!started.ok) return reportError(started.error);
    let state = started.value;
    setJob(state);
    while (state.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const next = await call('report:status', { jobId: state.jobId });
      if (!next.ok) {
        setJob(null);
        return reportError(next.error);
      }
      state = next.value;
      if (isMounted.current) setJob(state);
    }
    setJob(null);
    if (state.state === 'done' && state.file) platform.saveDownload(state.file.fileName, xlsxBlob(state.file.base64));
    else if (state.state === 'failed' && state.error) reportError(state.error);
  }

  const isRunning = job !== null;
  return (
    <span className="report-action" data-testid="report">
      <select aria-label={reportText.button} data-testid="report-period" value={period} disabled={isRunning} onChange={(e) => setPeriod(e.target.value === 'month' ? 'month' : 'week')}>
        <option value="week">{reportText.periodName.week}</option>
        <option value="month">{reportText.periodName.month}</option>
      </select>
      <button type="button" data-testid="report-export" title={reportText.buttonHint} disabled={isRunning} onClick={() => void run()}>
        {period === 'week' ? reportText.button : reportText.buttonMonth}
      </button>
      {job && (
        <span className="report-progress" data-testid="report-progress">
          <span className="muted">{reportText.running(reportText.stages[job.stage], Math.round(job.fraction * 100))}</span>
          <ProgressBar fraction={job.fraction} />
          <button type="button" className="small" data-testid="report-cancel" onClick={() => void call('report:cancel', { jobId: job.jobId })}>
            {reportText.cancel}
          </button>
        </span>
      )}
    </span>
  );
}
