import { t } from '../../src-main/locale/app';
import { DateField } from './DateField';
import { selectProject, useProject } from '../store/project';
import { selectScopeFrom, selectScopeGroups, selectScopeTo, useScope } from '../store/scope';
import { GroupSelect } from '../views/metrics/GroupSelect';

/** Props of {@link ScopeBar}. */
export interface ScopeBarProps {
  /** Whether the date range applies to this view (the quadrant and features use all the data). */
  hasRange?: boolean;
  /** Extra controls shown after the scope (period, mode …). */
  children?: React.ReactNode;
}

/** Groups and date range of the shared analysis scope, as one toolbar. */
export function ScopeBar({ hasRange = true, children }: ScopeBarProps) {
  const project = useProject(selectProject);
  const groups = useScope(selectScopeGroups);
  const from = useScope(selectScopeFrom);
  const to = useScope(selectScopeTo);
  const { setGroups, setRange } = useScope.getState();
  return (
    <div className="toolbar scope-bar" data-testid="scope-bar">
      <GroupSelect groups={project?.groups ?? []} selected={groups} onChange={setGroups} />
      {hasRange && (
        <>
          <label className="field inline">
            <span>{t.metrics.from}</span>
            <DateField value={from} max={to || undefined} onChange={(v) => setRange(v, to)} ariaLabel={t.metrics.from} testId="scope-from" />
          </label>
          <label className="field inline">
            <span>{t.metrics.to}</span>
            <DateField value={to} min={from || undefined} onChange={(v) => setRange(from, v)} ariaLabel={t.metrics.to} testId="scope-to" />
          </label>
          {(from || to) && (
            <button type="button" className="link" onClick={() => setRange('', '')} data-testid="scope-clear-range">
              {t.scope.allDates}
            </button>
          )}
        </>
      )}
      {children}
    </div>
  );
}
