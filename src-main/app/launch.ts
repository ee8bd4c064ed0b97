/**
 * What to do with the files and flags the app is started with (command line, a second
 * instance, macOS 'open-file'): open a project, import exports, or open the demo. The plan is
 * pure; running it goes through the API like any other caller.
 */
import path from 'node:path';
import type { ApiClient, ImportJob, ProjectInfo } from '../contract';
import { PROJECT_EXT } from '../db/projectFile';

/** Exports the importer reads when a file is double-clicked or dropped on the app icon. */
const SHEET_EXT = /\.(xlsx|xls|csv)$/i;

/** One thing to do at launch. */
export type LaunchAction = { kind: 'demo' } | { kind: 'open'; path: string } | { kind: 'import'; paths: string[] };

/**
 * Reads argv (as Electron passes it: executable, maybe the app path, then arguments) into
 * actions. The last project named wins; spreadsheets are imported after it; `--demo` applies
 * only when no project is named.
 */
export function planLaunch(argv: readonly string[], cwd: string): LaunchAction[] {
  let project: string | null = null;
  const sheets: string[] = [];
  let isDemo = false;
  for (const arg of argv.slice(1)) {
    if (arg === '--demo') isDemo = true;
    else if (arg.startsWith('-')) continue; // Chromium and Electron switches
    else if (arg.toLowerCase().endsWith(PROJECT_EXT)) project = path.resolve(cwd, arg);
    else if (SHEET_EXT.test(arg)) sheets.push(path.resolve(cwd, arg));
  }
  const actions: LaunchAction[] = [];
  if (project) actions.push({ kind: 'open', path: project });
  else if (isDemo) actions.push({ kind: 'demo' });
  if (sheets.length > 0) actions.push({ kind: 'import', paths: sheets });
  return actions;
}

/** A name for the project a double-clicked export is imported into when none is open. */
export function projectNameForImport(file: string, now = new Date(), p: Pick<typeof path, 'basename'> = path): string {
  const stem = p.basename(file).replace(/\.[^.]+$/, '');
  const stamp = now.toISOString().slice(0, 10);
  return `${stem} ${stamp}`;
}

/** What running the actions led to, for the shell to report. */
export interface LaunchOutcome {
  /** Import jobs started. */
  jobs: ImportJob[];
  /** One-line messages of what failed, for an error box. */
  errors: string[];
}

/**
 * Runs launch actions through the API. An export opened with no project open gets a new
 * project named after it, so a double-click on an `.xlsx` always ends in a project.
 */
export async function runLaunch(call: ApiClient, actions: readonly LaunchAction[]): Promise<LaunchOutcome> {
  const outcome: LaunchOutcome = { jobs: [], errors: [] };
  for (const action of actions) {
    if (action.kind === 'demo') {
      const r = await call('project:openDemo', {});
      if (!r.ok) outcome.errors.push(r.error.message);
    } else if (action.kind === 'open') {
      const r = await call('project:open', { path: action.path });
      if (!r.ok) outcome.errors.push(r.error.message);
    } else {
      const current = await call('project:current', {});
      let project: ProjectInfo | null = current.ok ? current.value : null;
      if (!project) {
        const created = await call('project:new', { name: projectNameForImport(action.paths[0]) });
        if (!created.ok) {
          outcome.errors.push(created.error.message);
          continue;
        }
        project = created.value;
      }
      for (const file of action.paths) {
        const r = await call('import:start', { source: { path: file } });
        if (r.ok) outcome.jobs.push(r.value);
        else outcome.errors.push(r.error.message);
      }
    }
  }
  return outcome;
}
