import { useCallback, useMemo, useState } from 'react';
import type { MemberRow, MessageRow } from '../../../src-main/contract';
import { call } from '../../api/client';
import { DataGrid } from '../../components/DataGrid';
import type { PageLoader } from '../../components/gridTypes';
import { t } from '../../../src-main/locale/app';
import { selectDataVersion, useDataVersion } from '../../store/dataVersion';
import { reportError } from '../../store/toasts';
import { memberColumns, messageColumns } from './dataColumns';

type Sub = 'members' | 'messages';

const loadMembers: PageLoader<MemberRow> = async (query) => {
  const r = await call('data:members', query);
  if (r.ok) return r.value;
  reportError(r.error);
  return null;
};

const loadMessages: PageLoader<MessageRow> = async (query) => {
  const r = await call('data:messages', query);
  if (r.ok) return r.value;
  reportError(r.error);
  return null;
};

/** The imported rows: 群成员 and 聊天记录, paged from the Node side. */
export function DataView() {
  const [sub, setSub] = useState<Sub>('members');
  const [total, setTotal] = useState<number | null>(null);
  const dataVersion = useDataVersion(selectDataVersion);
  const members = useMemo(() => memberColumns(), []);
  const messages = useMemo(() => messageColumns(), []);
  const onTotal = useCallback((n: number) => setTotal(n), []);

  return (
    <div className="data-view">
      <div className="toolbar">
        <div className="segmented" role="tablist">
          {(['members', 'messages'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={sub === id}
              className={sub === id ? 'active' : ''}
              data-testid={`data-${id}`}
              onClick={() => {
                setSub(id);
                setTotal(null);
              }}
            >
              {t.data[id]}
            </button>
          ))}
        </div>
        {total !== null && (
          <span className="muted" data-testid="data-total">
            {t.data.total(total)}
          </span>
        )}
      </div>
      <div className="grid-box grid-box-fill">
        {sub === 'members' ? (
          <DataGrid key="members" columns={members} loader={loadMembers} reloadKey={dataVersion} onTotal={onTotal} testId="data-grid-members" />
        ) : (
          <DataGrid key="messages" columns={messages} loader={loadMessages} reloadKey={dataVersion} onTotal={onTotal} testId="data-grid-messages" />
        )}
      </div>
    </div>
  );
}
