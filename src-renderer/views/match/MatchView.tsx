import { useCallback, useMemo, useState } from 'react';
import type { Result, UnmatchedRow } from '../../../src-main/contract';
import { call } from '../../api/client';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { DataGrid } from '../../components/DataGrid';
import type { PageLoader } from '../../components/gridTypes';
import { useDownload, type Download } from '../../components/useExport';
import { t } from '../../../src-main/locale/app';
import { selectDataVersion, useDataVersion } from '../../store/dataVersion';
import { reportError } from '../../store/toasts';
import { unmatchedCsv } from './csv';
import { unmatchedColumns } from './matchColumns';

const loadUnmatched: PageLoader<UnmatchedRow> = async (query) => {
  const r = await call('identity:unmatched', query);
  if (r.ok) return r.value;
  reportError(r.error);
  return null;
};

const PAGE = 5000;

/** Every unmatched row, page by page, as a CSV file. */
async function unmatchedDownload(): Promise<Result<Download>> {
  const rows: UnmatchedRow[] = [];
  for (;;) {
    const r = await call('identity:unmatched', { offset: rows.length, limit: PAGE });
    if (!r.ok) return r;
    rows.push(...r.value.rows);
    if (!r.value.rows.length || rows.length >= r.value.total) break;
  }
  const csv = unmatchedCsv(rows);
  return { ok: true, value: { fileName: t.match.exportFile(new Date().toISOString().slice(0, 10)), content: new Blob([csv], { type: 'text/csv;charset=utf-8' }) } };
}

/** 匹配: the rows no member could be found for, and whether nicknames may match within a group. */
export function MatchView() {
  const dataVersion = useDataVersion(selectDataVersion);
  const settings = useQuery('identity:settings', {});
  // The user's choice while this view is open: shown at once, replaced by what the save answered
  // (a remembered answer read again meanwhile must not flip the box back).
  const [choice, setChoice] = useState<boolean | null>(null);
  // Matching changes who converted: the grid, the project summary and every figure are asked again.
  const saver = useMutation('identity:settings', { invalidates: 'data' });
  const exporter = useDownload(unmatchedDownload);
  const [total, setTotal] = useState<number | null>(null);
  const columns = useMemo(() => unmatchedColumns(), []);
  const onTotal = useCallback((n: number) => setTotal(n), []);
  const isNicknameAllowed = choice ?? settings.data?.allowNicknameMatch ?? null;

  async function onToggle(isAllowed: boolean) {
    setChoice(isAllowed);
    const saved = await saver.run({ allowNicknameMatch: isAllowed });
    setChoice(saved ? saved.allowNicknameMatch : null);
  }

  return (
    <div className="data-view match-view">
      <div className="toolbar">
        <strong>{t.match.title}</strong>
        {total !== null && (
          <span className="muted" data-testid="match-total">
            {t.data.total(total)}
          </span>
        )}
        <label className="field inline" title={t.match.allowNicknameHint}>
          <input
            type="checkbox"
            data-testid="match-allow-nickname"
            checked={isNicknameAllowed ?? false}
            disabled={isNicknameAllowed === null}
            onChange={(e) => void onToggle(e.currentTarget.checked)}
          />
          <span>{t.match.allowNickname}</span>
        </label>
        <span className="spacer" />
        <button type="button" data-testid="match-export" disabled={exporter.isExporting || !total} onClick={() => void exporter.run(undefined)}>
          {t.match.exportCsv}
        </button>
      </div>
      <p className="muted hint">{t.match.hint}</p>
      <div className="grid-box grid-box-fill">
        <DataGrid columns={columns} loader={loadUnmatched} reloadKey={dataVersion} onTotal={onTotal} testId="match-grid" />
      </div>
    </div>
  );
}
