import { useMemo, useRef, useState } from 'react';
import type { ImportBatchJob, ImportRecord, KindInfo } from '../../../src-main/contract';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { DataGrid } from '../../components/DataGrid';
import { gridHeight } from '../../components/gridTypes';
import { ProgressBar } from '../../components/ProgressBar';
import { t } from '../../../src-main/locale/app';
import { importKindText, importPhaseText, importStateText, punctuation } from '../../../src-main/locale/common';
import { describeError } from '../../../src-main/locale/errors';
import { projectFileText } from '../../../src-main/locale/projectFile';
import { platform } from '../../platform';
import { entryBlockers, isEntryQuickReady, selectBatch, selectEntries, useImports, type ImportEntry } from '../../store/imports';
import type { QuickBlocker } from '../../store/mappingRules';
import { selectProject, useProject } from '../../store/project';
import { reportError } from '../../store/toasts';
import { pendingFromFiles } from './fileDrop';
import { historyColumns } from './historyColumns';
import { ImportResult } from './ImportResult';
import { MappingPanel } from './MappingPanel';
import { TemplatesPanel } from './TemplatesPanel';

function JobRow({ entry }: { entry: ImportEntry }) {
  const { job, state } = entry;
  const isActive = state === 'queued' || state === 'uploading' || state === 'inspecting' || state === 'waiting' || state === 'running';
  const status =
    state === 'running'
      ? job
        ? `${importPhaseText[job.phase]} · ${t.import.rowsRead(job.rowsRead)}`
        : importStateText.running
      : state === 'done' || state === 'failed' || state === 'cancelled'
        ? importStateText[state]
        : t.import.entryState[state];
  return (
    <li id={entryAnchor(entry.id)} className={`import-job import-job-${state}`} data-testid="import-job" data-state={state} data-file={entry.fileName}>
      <div className="import-job-head">
        <span className="import-job-name">{entry.fileName}</span>
        {job?.kind && <span className="badge">{importKindText[job.kind]}</span>}
        <span className="muted import-job-status">{status}</span>
        {isActive && !entry.batchId && (
          <button type="button" className="small" data-testid="import-cancel" onClick={() => void useImports.getState().cancel(entry.id)}>
            {t.import.cancel}
          </button>
        )}
      </div>
      {/* A file of 导入全部 shows its progress in the batch's one bar. */}
      {isActive && !entry.batchId && <ProgressBar fraction={state === 'running' && job ? job.fraction : null} />}
      {(state === 'review' || state === 'inspecting') && entry.preview && <MappingPanel entry={entry} />}
      {state === 'done' && job?.result && <ImportResult record={job.result} />}
      {(state === 'failed' || state === 'cancelled') && entry.error && (
        <div className="import-job-error" data-testid="import-error" data-code={entry.error.code}>
          {describeError(entry.error)}
        </div>
      )}
    </li>
  );
}

/** The one progress bar of 导入全部 over all its files, with which file is in progress, and its cancel. */
function BatchProgress({ batch }: { batch: ImportBatchJob }) {
  const current = batch.files[batch.current];
  return (
    <div className="card import-batch" data-testid="import-batch" data-state={batch.state} data-current={batch.current + 1} data-fraction={batch.fraction}>
      <div className="import-job-head">
        <span className="import-job-name" data-testid="import-batch-file">
          {current ? t.import.batchFile(batch.current + 1, batch.files.length, current.fileName) : ''}
        </span>
        <span className="muted import-job-status" data-testid="import-batch-rows" data-rows={batch.rowsRead}>{`${importPhaseText[batch.phase]} · ${t.import.batchRowsRead(batch.rowsRead)}`}</span>
        <button type="button" className="small" data-testid="import-batch-cancel" onClick={() => void useImports.getState().cancelBatch()}>
          {t.import.cancel}
        </button>
      </div>
      <ProgressBar fraction={batch.fraction} />
    </div>
  );
}

/** The element id of a file's row, for the links of the pending list. */
const entryAnchor = (id: number) => `import-entry-${id}`;

function blockerText(b: QuickBlocker): string {
  return b.reason === 'missing' ? t.import.pendingMissing(b.labels) : t.import.pendingDoubtful(b.confidence);
}

/** Every file still under review after 导入全部 took what it could, with why each needs the user. */
function PendingDecisions({ pending }: { pending: { entry: ImportEntry; blockers: QuickBlocker[] }[] }) {
  return (
    <div className="card import-pending" role="status" data-testid="import-pending">
      <strong>{t.import.pendingTitle(pending.length)}</strong>
      <ul>
        {pending.map(({ entry, blockers }) => (
          <li key={entry.id} data-testid="import-pending-file" data-file={entry.fileName}>
            <span className="import-job-name">{entry.fileName}</span>
            {entry.preview && <span className="badge">{importKindText[entry.mappings[entry.tableIndex]?.kind ?? 'members']}</span>}
            <span data-testid="import-pending-reason">{blockers.map(blockerText).join(punctuation.clauses)}</span>
            <button type="button" className="link" onClick={() => document.getElementById(entryAnchor(entry.id))?.scrollIntoView({ block: 'start' })}>
              {t.import.pendingShow} →
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const noHistory: ImportRecord[] = [];
const noKinds: KindInfo[] = [];

/** Import: drop zone, file picker, per-file progress, and the history of imports. */
export function ImportView() {
  const entries = useImports(selectEntries);
  const batch = useImports(selectBatch);
  // A project open read-only takes no imports: the server refuses them, the view says why first.
  const isReadOnly = !!useProject(selectProject)?.isReadOnly;
  // A finished or removed import changes the data, which asks the history again.
  const history = useQuery('import:history', {}).data ?? noHistory;
  const kinds = useQuery('import:kinds', {}).data ?? noKinds;
  const remover = useMutation('import:remove', { invalidates: 'data' });
  const inputRef = useRef<HTMLInputElement>(null);
  const [problemsOf, setProblemsOf] = useState<number | null>(null);
  const [skippedOf, setSkippedOf] = useState<number | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<number | null>(null);
  const columns = useMemo(
    () =>
      historyColumns({
        skipped: (r) =>
          r.rowsSkipped ? (
            <button type="button" className="link" data-testid="history-skipped" onClick={() => setSkippedOf((x) => (x === r.importId ? null : r.importId))}>
              {r.rowsSkipped.toLocaleString('zh-CN')}
            </button>
          ) : (
            <span>0</span>
          ),
        problems: (r) =>
          r.problemCount ? (
            <button type="button" className="link" data-testid="history-problems" onClick={() => setProblemsOf((x) => (x === r.importId ? null : r.importId))}>
              {t.import.problems(r.problemCount)}
            </button>
          ) : (
            <span className="muted">{t.import.noProblems}</span>
          ),
        actions: (r) => (
          <button type="button" className="small" data-testid="history-remove" data-import-id={r.importId} onClick={() => setConfirmRemove(r.importId)}>
            {t.import.remove}
          </button>
        ),
      }),
    [],
  );
  const readyCount = entries.filter((e) => isEntryQuickReady(e, kinds)).length;
  const pending = entries.map((entry) => ({ entry, blockers: entryBlockers(entry, kinds) })).filter((p) => p.blockers.length > 0);
  const shownProblems = history.find((r) => r.importId === problemsOf);
  const shownSkipped = history.find((r) => r.importId === skippedOf);
  const toRemove = history.find((r) => r.importId === confirmRemove);

  async function onRemove(r: ImportRecord) {
    setConfirmRemove(null);
    if (problemsOf === r.importId) setProblemsOf(null);
    await remover.run({ importId: r.importId });
  }

  async function onChoose() {
    if (isReadOnly) return;
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
        <span>{isReadOnly ? projectFileText.readOnlyBanner : t.import.dropHint}</span>
        <button type="button" className="primary" data-testid="import-choose" disabled={isReadOnly} onClick={() => void onChoose()}>
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
          <div className="section-head">
            <h3>{t.import.jobs}</h3>
            {readyCount > 0 && (
              <>
                <button type="button" className="primary" data-testid="import-all" onClick={() => useImports.getState().startAllReady(kinds)}>
                  {t.import.importAll}
                </button>
                <span className="muted">{t.import.importAllHint(readyCount)}</span>
              </>
            )}
          </div>
          {batch?.state === 'running' && <BatchProgress batch={batch} />}
          {pending.length > 0 && <PendingDecisions pending={pending} />}
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
        {toRemove && (
          <div className="confirm card" data-testid="history-remove-confirm">
            <span>{t.import.removeConfirm(toRemove.importId, toRemove.fileName)}</span>
            <button type="button" className="primary danger" data-testid="history-remove-ok" onClick={() => void onRemove(toRemove)}>
              {t.import.removeOk}
            </button>
            <button type="button" onClick={() => setConfirmRemove(null)}>
              {t.import.removeCancel}
            </button>
          </div>
        )}
        {history.length ? (
          <div className="grid-box" style={{ height: gridHeight(history.length, 320) }}>
            <DataGrid columns={columns} rows={history} rowId={(r) => String(r.importId)} testId="import-history" />
          </div>
        ) : (
          <p className="muted" data-testid="import-history-empty">
            {t.import.historyEmpty}
          </p>
        )}
        {shownSkipped && (
          <div className="problem-list card" data-testid="history-skipped-list">
            <strong>{`#${shownSkipped.importId} ${shownSkipped.fileName}`}</strong>
            <ImportResult key={shownSkipped.importId} record={shownSkipped} />
          </div>
        )}
        {shownProblems && (
          <div className="problem-list card" data-testid="history-problem-list">
            <div className="section-head">
              <strong>{t.import.problemsOf(shownProblems.importId, shownProblems.fileName)}</strong>
              <button type="button" className="small" onClick={() => setProblemsOf(null)}>
                {t.import.hide}
              </button>
            </div>
            <ul>
              {(shownProblems.problems ?? []).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <TemplatesPanel />
    </div>
  );
}
