// Baseline: LibreOffice converting the same workbook to CSV, in its own process tree, timed from
// outside. A fresh user profile is made for the run and warmed with a tiny file first, so
// profile creation is not charged to the conversion. Peak RSS comes from GNU time (the largest
// process of the tree: soffice.bin under oosplash) or, without it, from polling /proc.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Time and peak memory of one LibreOffice conversion. */
export interface SofficeResult {
  ms: number;
  maxRssMB: number | null;
}

/** Whether `soffice` is on the PATH. */
export function hasSoffice(): boolean {
  return spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
}

/** A fresh, warmed LibreOffice profile; remove it with the returned cleanup. */
export function freshProfile(workDir: string): { arg: string; cleanup: () => void } {
  const dir = path.join(os.tmpdir(), `qunxi-bench-lo-${process.pid}-${Date.now()}`);
  const arg = `-env:UserInstallation=file://${dir}`;
  const warm = path.join(workDir, 'warm.csv');
  writeFileSync(warm, 'a,b\n1,2\n');
  mkdirSync(path.join(workDir, 'warm'), { recursive: true });
  spawnSync('soffice', [arg, '--headless', '--convert-to', 'xlsx', '--outdir', path.join(workDir, 'warm'), warm], { stdio: 'ignore' });
  return { arg, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Peak RSS of a process tree rooted at `pid`, by polling /proc (kB). */
function treeRssKb(pid: number): number {
  const kids = (p: number): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]);
    } catch {
      // gone already
    }
    stack.push(...kids(p));
  }
  return total;
}

/** Converts `file` to CSV in `outDir` with LibreOffice. */
export async function sofficeConvert(file: string, outDir: string, profileArg: string): Promise<SofficeResult> {
  const args = [profileArg, '--headless', '--convert-to', 'csv', '--outdir', outDir, file];
  const hasGnuTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const child = hasGnuTime ? spawn('/usr/bin/time', ['-v', 'soffice', ...args], { stdio: ['ignore', 'ignore', 'pipe'] }) : spawn('soffice', args, { stdio: 'ignore' });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let polledKb = 0;
  const poll = hasGnuTime ? null : setInterval(() => (polledKb = Math.max(polledKb, treeRssKb(child.pid!))), 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - started;
  if (poll) clearInterval(poll);
  if (code !== 0) throw new Error(`soffice exited with ${code}: ${stderr.slice(-500)}`);
  const timed = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const kb = timed ? Number(timed[1]) : polledKb;
  return { ms, maxRssMB: kb > 0 ? Math.round(kb / 1024) : null };
}
