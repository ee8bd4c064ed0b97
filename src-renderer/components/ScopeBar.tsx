import { useEffect } from 'react';
import { t } from '../../src-main/locale/app';
import { DateField } from './DateField';
import { selectProject, useProject } from '../store/project';
import { selectScopeFrom, selectScopeGroups, selectScopePreset, selectScopeTo, useScope } from '../store/scope';
import { scopePresets, todayIn, type ScopePreset } from '../store/scopePresets';
import { GroupSelect } from '../views/metrics/GroupSelect';

/** Props of {@link ScopeBar}. */
export interface ScopeBarProps {
  /** Whether the date range applies to this view (the quadrant and features use all the data). */
  hasRange?: boolean;
  /** Controls shown before the scope (the period switch of 指标). */
  leading?: React.ReactNode;
  /** Extra controls shown after the scope (period, mode …). */
  children?: React.ReactNode;
}

/** Groups and date range of the shared analysis scope (one for every view, remembered per project), as one toolbar. */
export function ScopeBar({ hasRange = true, leading, children }: ScopeBarProps) {
  const project = useProject(selectProject);
  const groups = useScope(selectScopeGroups);
  const from = useScope(selectScopeFrom);
  const to = useScope(selectScopeTo);
  const preset = useScope(selectScopePreset);
  const { setGroups, setRange, applyPreset } = useScope.getState();
  const projectGroups = project?.groups;

  // Groups that vanished from the project (a remembered choice, data undone) leave the scope.
  useEffect(() => {
    if (!projectGroups) return;
    const kept = groups.filter((g) => projectGroups.includes(g));
    if (kept.length !== groups.length) setGroups(kept);
  }, [projectGroups, groups, setGroups]);

  const onPreset = (value: string) => {
    if (value === '') return setRange('', '');
    applyPreset(value as ScopePreset, todayIn(project?.timeZone ?? 'Asia/Shanghai'));
  };

  return (
    <div className="toolbar scope-bar" data-testid="scope-bar">
      {leading}
      <GroupSelect groups={projectGroups ?? []} selected={groups} onChange={setGroups} />
      {hasRange && (
        <>
          <select className="scope-preset" aria-label={t.scope.range} value={preset ?? ''} onChange={(e) => onPreset(e.currentTarget.value)} data-testid="scope-preset">
            <option value="">{t.scope.allDates}</option>
            {scopePresets.map((p) => (
              <option key={p} value={p}>
                {t.scope.presets[p]}
              </option>
            ))}
          </select>
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
