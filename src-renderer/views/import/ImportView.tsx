import { useEffect, useMemo, useRef } from 'react';
import { DataGrid } from '../../components/DataGrid';
import { ProgressBar } from '../../components/ProgressBar';
import { describeError, importKindText, importPhaseText, importStateText, t } from '../../locale/zh-CN';
import { platform } from '../../platform';
import { selectEntries, selectHistory, useImports, type ImportEntry } from '../../store/imports';
import { reportError } from '../../store/toasts';
import { pendingFromFiles } from './fileDrop';
import { historyColumns } from './historyColumns';

function JobRow({ entry }: { entry: ImportEntry }) {
  const { job, state } = entry;
  const isActive = state === 'queued' || state === 'uploading' || state === 'running';
  const status =
    state === 'queued' || state === 'uploading'
      ? state === 'uploading'
        ? t.import.uploading
        : '…'
      : state === 'running' && job
        ? `${importPhaseText[job.phase]} · ${t.import.rowsRead(job.rowsRead)}`
        : importStateText[state];
  return (
    <li className={`import-job import-job-${state}`} data-testid="import-job" data-state={state} data-file={entry.fileName}>
      <div className="import-job-head">
        <span className="import-job-name">{entry.fileName}</span>
        {job?.kind && <span className="badge">{importKindText[job.kind]}</span>}
        <span className="muted import-job-status">{status}</span>
        {isActive && (
          <button type="button" className="small" data-testid="import-cancel" onClick={() => void useImports.getState().cancel(entry.id)}>
            {t.import.cancel}
          </button>
        )}
      </div>
      {isActive && <ProgressBar fraction={state === 'running' && job ? job.fraction : null} />}
      {state === 'done' && job?.result && (
        <div className="import-job-result" data-testid="import-result">
          {t.import.result(job.result.rowsAdded, job.result.rowsSkipped)}
        </div>
      )}
      {(state === 'failed' || state === 'cancelled') && entry.error && (
        <div className="import-job-error" data-testid="import-error" data-code={entry.error.code}>
          {describeError(entry.error)}
        </div>
      )}
    </li>
  );
}

/** Import: drop zone, file picker, per-file progress, and the history of imports. */
export function ImportView() {
  const entries = useImports(selectEntries);
  const history = useImports(selectHistory);
  const inputRef = useRef<HTMLInputElement>(null);
  const columns = useMemo(() => historyColumns(), []);

  useEffect(() => {
    void useImports.getState().loadHistory();
  }, []);

  async function onChoose() {
    const r = await platform.pickFiles(() => inputRef.current?.click());
    if (!r.ok) return reportError(r.error);
    if (r.value.length) {
      useImports.getState().enqueue(
        r.value.map((source) => ({
          fileName: 'path' in source ? source.path.split(/[\\/]/).pop() || source.path : source.name,
          stage: async () => ({ ok: true as const, value: source }),
        })),
      );
    }
  }

  return (
    <div className="import-view">
      <section className="drop-zone" data-testid="import-drop-zone">
        <span>{t.import.dropHint}</span>
        <button type="button" className="primary" onClick={() => void onChoose()}>
          {t.import.choose}
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept=".xlsx,.xls,.csv"
          hidden
          data-testid="import-file-input"
          onChange={(e) => {
            const files = e.currentTarget.files;
            if (files && files.length) useImports.getState().enqueue(pendingFromFiles(files));
            e.currentTarget.value = '';
          }}
        />
      </section>
      {entries.length > 0 && (
        <section>
          <h3>{t.import.jobs}</h3>
          <ul className="import-jobs">
            {entries
              .slice()
              .reverse()
              .map((e) => (
                <JobRow key={e.id} entry={e} />
              ))}
          </ul>
        </section>
      )}
      <section className="history">
        <h3>{t.import.history}</h3>
        {history.length ? (
          <div className="grid-box grid-box-history">
            <DataGrid columns={columns} rows={history} testId="import-history" />
          </div>
        ) : (
          <p className="muted" data-testid="import-history-empty">
            {t.import.historyEmpty}
          </p>
        )}
      </section>
    </div>
  );
}
