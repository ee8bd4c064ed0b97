import { useCallback, useMemo, useState } from 'react';
import type { UnmatchedRow } from '../../../src-main/contract';
import { call } from '../../api/client';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { DataGrid } from '../../components/DataGrid';
import type { PageLoader } from '../../components/gridTypes';
import { t } from '../../../src-main/locale/app';
import { selectDataVersion, useDataVersion } from '../../store/dataVersion';
import { reportError } from '../../store/toasts';
import { unmatchedColumns } from './matchColumns';

const loadUnmatched: PageLoader<UnmatchedRow> = async (query) => {
  const r = await call('identity:unmatched', query);
  if (r.ok) return r.value;
  reportError(r.error);
  return null;
};

/** 匹配: the rows no member could be found for, and whether nicknames may match within a group. */
export function MatchView() {
  const dataVersion = useDataVersion(selectDataVersion);
  const settings = useQuery('identity:settings', {});
  // The user's choice while this view is open: shown at once, replaced by what the save answered
  // (a remembered answer read again meanwhile must not flip the box back).
  const [choice, setChoice] = useState<boolean | null>(null);
  // Matching changes who converted: the grid, the project summary and every figure are asked again.
  const saver = useMutation('identity:settings', { invalidates: 'data' });
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
    <div className="data-view match-view" data-testid="match-view">
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
      </div>
      <p className="muted hint">{t.match.hint}</p>
      <div className="grid-box grid-box-fill">
        <DataGrid columns={columns} loader={loadUnmatched} reloadKey={dataVersion} onTotal={onTotal} testId="match-grid" />
      </div>
    </div>
  );
}
