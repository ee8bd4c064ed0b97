// The file name suggested for a grid's or a chart's export: view, what it shows, scope and the day.
import { safeFileName } from '../../src-main/contract/fileName';
import { t } from '../../src-main/locale/app';
import { exportsText } from '../../src-main/locale/exports';
import { useNavigation } from '../store/navigation';
import { useProject } from '../store/project';
import { useScope } from '../store/scope';
import { todayIn } from '../store/scopePresets';

/** What an export's name is made of. */
export interface ExportNameParts {
  /** The view's label (指标, 流失与留存 …). */
  view: string;
  /** What is exported within the view (a chart's or grid's title); may be ''. */
  title: string;
  groups: readonly string[];
  from: string;
  to: string;
  /** The day of the export, yyyy-mm-dd. */
  today: string;
}

/** `指标_社群趋势_群A_2026-10-01~2026-10-31_2026-12-03.png`: a name every platform accepts. Pure. */
export function exportFileName(p: ExportNameParts, extension: string): string {
  const x = exportsText;
  const groups = p.groups.length === 0 ? x.allGroups : p.groups.length === 1 ? p.groups[0]! : x.groups(p.groups[0]!, p.groups.length);
  const dates = p.from || p.to ? `${p.from}~${p.to}` : x.allDates;
  const parts = [p.view, p.title, groups, dates, p.today].filter((s) => s !== '');
  return safeFileName(`${parts.join('_')}.${extension}`, `Qunxi.${extension}`);
}

/** The export name of `title` in the view shown now, over the shared scope (read when the user asks, not on every render). */
export function currentExportName(title: string, extension: string): string {
  const { groups, from, to } = useScope.getState();
  const timeZone = useProject.getState().project?.timeZone ?? 'Asia/Shanghai';
  const view = t.tabs[useNavigation.getState().tab];
  return exportFileName({ view, title, groups, from, to, today: todayIn(timeZone) }, extension);
}
