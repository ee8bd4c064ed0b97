/**
 * This process's temporary files: browser-mode uploads and the chunk files of imports (which
 * hold imported data). Several processes may share the temp folder (two browser-mode servers,
 * the CLI, the app), so each keeps to a folder of its own, `<tempDir>/run-<pid>-<random>/`,
 * removed when the process exits; a killed process cannot remove it, so every start removes
 * the folders of processes that are gone, and what versions before these folders left.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, promises as fs } from 'node:fs';
import path from 'node:path';

/** This process's folder under each temp folder it used. */
const runDirs = new Map<string, string>();

const RUN_DIR = /^run-(\d+)-[0-9a-f]+$/;

/** What versions before run folders wrote straight into the temp folder. */
const LEGACY_DIRS = ['uploads', 'imports'];

function removeOnExit(): void {
  for (const dir of runDirs.values()) rmSync(dir, { recursive: true, force: true });
}

/** This process's own folder under `tempDir` (created by whoever writes into it first). */
export function runTempDir(tempDir: string): string {
  const root = path.resolve(tempDir);
  let dir = runDirs.get(root);
  if (!dir) {
    if (runDirs.size === 0) process.once('exit', removeOnExit);
    dir = path.join(root, `run-${process.pid}-${randomBytes(4).toString('hex')}`);
    runDirs.set(root, dir);
  }
  return dir;
}

/** Whether a process with this id is running (one that exists but is not ours counts: it may be). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes from `tempDir` the run folders of processes that are no longer running and the
 * folders older versions used; returns what it removed. Another running process's folder is
 * left alone (a process id reused since a crash keeps a leftover until that process ends too).
 */
export async function sweepTempDir(tempDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(tempDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const run = RUN_DIR.exec(name);
    if (run ? isRunning(Number(run[1])) : !LEGACY_DIRS.includes(name)) continue;
    const target = path.join(tempDir, name);
    await fs.rm(target, { recursive: true, force: true });
    removed.push(target);
  }
  return removed;
}

/** Removes this process's folder under `tempDir` now (it is made again when next needed). */
export async function removeRunTempDir(tempDir: string): Promise<void> {
  const dir = runDirs.get(path.resolve(tempDir));
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}
