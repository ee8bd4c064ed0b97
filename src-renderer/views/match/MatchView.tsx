import { useCallback, useEffect, useMemo, useState } from 'react';
import type { UnmatchedRow } from '../../../src-main/contract';
import { call } from '../../api/client';
import { DataGrid } from '../../components/DataGrid';
import type { PageLoader } from '../../components/gridTypes';
import { t } from '../../../src-main/locale/app';
import { platform } from '../../platform';
import { notifyDataChanged, selectDataVersion, useImports } from '../../store/imports';
import { reportError } from '../../store/toasts';
import { toCsv } from './csv';
import { unmatchedColumns, unmatchedFields, unmatchedText } from './matchColumns';

const loadUnmatched: PageLoader<UnmatchedRow> = async (query) => {
  const r = await call('identity:unmatched', query);
  if (r.ok) return r.value;
  reportError(r.error);
  return null;
};

const PAGE = 5000;

/** Every unmatched row, page by page, for the export. */
async function loadAll(): Promise<UnmatchedRow[] | null> {
  const rows: UnmatchedRow[] = [];
  for (;;) {
    const r = await call('identity:unmatched', { offset: rows.length, limit: PAGE });
    if (!r.ok) {
      reportError(r.error);
      return null;
    }
    rows.push(...r.value.rows);
    if (!r.value.rows.length || rows.length >= r.value.total) return rows;
  }
}

/** 匹配: the rows no member could be found for, and whether nicknames may match within a group. */
export function MatchView() {
  const dataVersion = useImports(selectDataVersion);
  const [isNicknameAllowed, setNicknameAllowed] = useState<boolean | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [isExporting, setExporting] = useState(false);
  const columns = useMemo(() => unmatchedColumns(), []);
  const onTotal = useCallback((n: number) => setTotal(n), []);

  useEffect(() => {
    void call('identity:settings', {}).then((r) => {
      if (r.ok) setNicknameAllowed(r.value.allowNicknameMatch);
      else reportError(r.error);
    });
  }, []);

  async function onToggle(isAllowed: boolean) {
    setNicknameAllowed(isAllowed);
    const r = await call('identity:settings', { allowNicknameMatch: isAllowed });
    if (!r.ok) {
      reportError(r.error);
      setNicknameAllowed(!isAllowed);
      return;
    }
    setNicknameAllowed(r.value.allowNicknameMatch);
    // Matching changes who converted: the grid, the project summary and the metrics reload.
    notifyDataChanged();
  }

  async function onExport() {
    setExporting(true);
    const rows = await loadAll();
    setExporting(false);
    if (!rows) return;
    const csv = toCsv(
      unmatchedFields.map((f) => t.match.col[f]),
      rows.map((r) => unmatchedFields.map((f) => unmatchedText(r, f))),
    );
    platform.saveDownload(t.match.exportFile(new Date().toISOString().slice(0, 10)), new Blob([csv], { type: 'text/csv;charset=utf-8' }));
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
        <button type="button" data-testid="match-export" disabled={isExporting || !total} onClick={() => void onExport()}>
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
