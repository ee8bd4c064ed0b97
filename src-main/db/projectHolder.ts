/**
 * Who holds a project open (DESIGN §7 "Working as a team"). DuckDB's lock on the file says only
 * that someone does, and a second process cannot even read the file meanwhile; so the process
 * that opens a project for writing records itself in a small hidden file beside it — OS user,
 * machine, since when — and removes it on close. Another process that finds the file locked reads
 * that record to say by whom. A record left by a killed process is never trusted on its own: it is
 * read only when the lock is really held, and overwritten by the next opener.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Who holds a project open. */
export interface LockHolder {
  /** OS user name. */
  user: string;
  /** Machine host name. */
  host: string;
  /** ISO time the project was opened. */
  since: string;
  /** Process id on that machine. */
  pid: number;
}

/** The hidden record of a project's holder, beside the project file. */
export function holderFile(projectPath: string): string {
  return path.join(path.dirname(projectPath), `.${path.basename(projectPath)}.holder.json`);
}

/** This process as a holder. */
export function thisHolder(now = new Date()): LockHolder {
  let user = process.env.USER ?? process.env.USERNAME ?? '';
  try {
    user = os.userInfo().username || user;
  } catch {
    // No passwd entry (a container's numeric user): the environment's name, or none.
  }
  return { user: user || '?', host: os.hostname() || '?', since: now.toISOString(), pid: process.pid };
}

/** Records this process as the holder; a folder that refuses the record only loses the courtesy. */
export async function recordHolder(projectPath: string, holder: LockHolder = thisHolder()): Promise<void> {
  await fs.writeFile(holderFile(projectPath), `${JSON.stringify(holder)}\n`, 'utf8').catch(() => undefined);
}

/** The recorded holder, or null when there is none or it cannot be read. */
export async function readHolder(projectPath: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(holderFile(projectPath), 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.user !== 'string' || typeof parsed.host !== 'string' || typeof parsed.since !== 'string') return null;
    return { user: parsed.user, host: parsed.host, since: parsed.since, pid: Number(parsed.pid) || 0 };
  } catch {
    return null;
  }
}

/** Removes the record if it is this process's (another opener may have replaced a stale one meanwhile). */
export async function clearHolder(projectPath: string): Promise<void> {
  const holder = await readHolder(projectPath);
  const me = thisHolder();
  if (holder && holder.pid === me.pid && holder.host === me.host) await fs.rm(holderFile(projectPath), { force: true }).catch(() => undefined);
}

/** A holder's `since` as a person reads it: local date and time to the minute. */
export function formatSince(since: string): string {
  const d = new Date(since);
  if (Number.isNaN(d.getTime())) return since;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
