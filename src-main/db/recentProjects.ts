import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ProjectEntry } from '../contract';
import { PROJECT_EXT } from './projectFile';
import { projectNameOf } from './projectTarget';

const MAX_RECENT = 12;

function recentFile(configDir: string): string {
  return path.join(configDir, 'recent.json');
}

async function fileExists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** The recent-projects list, newest first, each marked with whether the file still exists. */
export async function readRecent(configDir: string): Promise<ProjectEntry[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(recentFile(configDir), 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const entries = raw.filter((e): e is { path: string; at: string } => typeof e?.path === 'string' && typeof e?.at === 'string');
  return Promise.all(
    entries.map(async (e) => ({ path: e.path, name: projectNameOf(e.path), at: e.at, exists: await fileExists(e.path) })),
  );
}

/** Puts a project at the top of the recent list; written atomically (temp file + rename). */
export async function touchRecent(configDir: string, projectPath: string, now = new Date()): Promise<void> {
  const current = await readRecent(configDir);
  const next = [{ path: projectPath, at: now.toISOString() }, ...current.filter((e) => e.path !== projectPath).map((e) => ({ path: e.path, at: e.at }))].slice(0, MAX_RECENT);
  await fs.mkdir(configDir, { recursive: true });
  const tmp = `${recentFile(configDir)}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(next, null, 2));
  await fs.rename(tmp, recentFile(configDir));
}

/** The project files in a folder, newest first. */
export async function listProjects(dir: string): Promise<ProjectEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const entries = await Promise.all(
    names
      .filter((n) => n.toLowerCase().endsWith(PROJECT_EXT) && !n.startsWith('.'))
      .map(async (n) => {
        const p = path.join(dir, n);
        const st = await fs.stat(p);
        return { path: p, name: projectNameOf(n), at: st.mtime.toISOString(), exists: true };
      }),
  );
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}
