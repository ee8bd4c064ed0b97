/**
 * A full disk during an import: said as such, naming the folder that is full (it was "内部错误：IO
 * Error … No space left on device", and a full temp folder was blamed on the input as "文件已
 * 损坏"), and the project file back at about its size before (it stayed grown to fill the disk).
 * Runs on a 20 MB tmpfs mounted for the test; skipped, saying why, where mounting is not allowed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../src-main/contract/appError';
import { closeProjectFile, createProjectFile, type OpenProject } from '../../src-main/db/projectFile';
import { importFile } from '../../src-main/import/importFile';
import { counts } from './helpers';

/** A small file system of its own, or why there is none. */
function mountSmall(): { dir: string; unmount: () => void } | { reason: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qx-small-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=20m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `cannot mount a 20 MB tmpfs (${(e as Error).message.split('\n')[0]})` };
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const small = mountSmall();
if ('reason' in small) console.log(`disk-full tests skipped: ${small.reason}`);

/** A message export as CSV: `rows` rows of varied text, some 90 bytes a row. */
async function messagesCsv(file: string, rows: number): Promise<string> {
  const lines = ['发送人,发送人ID,群名称,发送时间,消息类型,消息内容'];
  for (let i = 0; i < rows; i++) {
    const at = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
    lines.push(`用户${i % 5000},wm${i % 5000},群${i % 70},${at},text,消息内容${i}这是一条比较长的消息${(i * 7919) % 1000003}`);
  }
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

async function failure(run: Promise<unknown>): Promise<AppError> {
  const e = await run.then(
    () => null,
    (x: unknown) => x,
  );
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe.skipIf('reason' in small)('an import on a full disk', () => {
  let root: string;
  let work: string;
  let project: OpenProject | null = null;
  let bigCsv: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'qx-disk-full-'));
    bigCsv = await messagesCsv(path.join(root, '聊天记录.csv'), 600_000);
  }, 120_000);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    if (!('reason' in small)) small.unmount();
  });
  beforeEach(async () => {
    work = mkdtempSync(path.join((small as { dir: string }).dir, 'w-'));
  });
  afterEach(async () => {
    if (project) await closeProjectFile(project).catch(() => undefined);
    project = null;
    rmSync(work, { recursive: true, force: true });
  });

  it('a project on a full disk: DISK_FULL naming its folder, and the file back to about its size before', async () => {
    project = await createProjectFile(path.join(work, 'p.qunxi'));
    const before = (await stat(project.path)).size;
    const e = await failure(importFile(project, { path: bigCsv, fileName: '聊天记录.csv' }, { tempDir: path.join(root, 'tmp') }));
    const after = (await stat(project.path)).size;
    console.log(`project on a full 20 MB disk: ${e.code}, file ${before} → ${after} bytes; ${e.message}`);
    expect(e).toMatchObject({ code: 'DISK_FULL', details: { file: '聊天记录.csv', folder: work } });
    expect(e.message).toContain(work);
    expect(e.message).not.toMatch(/IO Error|内部错误/);
    // DuckDB's blocks are 256 KB: "about its size" is within a few of them.
    expect(after).toBeLessThanOrEqual(before + 2 * 1024 * 1024);
    expect(await counts(project)).toEqual({ memberships: 0, messages: 0, imports: 0 });
    // And the project goes on: a small import lands.
    const ok = await importFile(project, { path: await messagesCsv(path.join(root, 'small.csv'), 100), fileName: 'small.csv' }, { tempDir: path.join(root, 'tmp') });
    expect(ok).toMatchObject({ rowsAdded: 100 });
  }, 180_000);

  it('a full temp folder: DISK_FULL naming the temp folder, not the input blamed', async () => {
    project = await createProjectFile(path.join(root, `p-${Date.now()}.qunxi`));
    // Fill the small disk but for 1 MB: the import's chunk files go there.
    const free = execFileSync('df', ['-B1', '--output=avail', work]).toString().trim().split('\n').at(-1)!;
    await writeFile(path.join(work, 'filler'), Buffer.alloc(Number(free) - 1024 * 1024));
    const tempDir = path.join(work, 'tmp');
    await mkdir(tempDir);
    const e = await failure(importFile(project, { path: bigCsv, fileName: '聊天记录.csv' }, { tempDir }));
    console.log(`temp folder on a full disk: ${e.code}; ${e.message}`);
    expect(e.code).toBe('DISK_FULL');
    expect(String(e.details?.folder)).toContain(tempDir);
    expect(e.message).not.toContain('损坏');
    expect(await counts(project)).toEqual({ memberships: 0, messages: 0, imports: 0 });
  }, 180_000);
});
