/**
 * Which files an import may read. Browser mode served `/etc/passwd` as rows to any page that
 * asked for its path, and a FIFO's path hung the server (opening a FIFO waits for a writer,
 * holding one of the file pool's four threads: five such requests and nothing read files any
 * more). Now a browser-mode page reads its uploads, or the folder configured for it, and every
 * mode reads regular files only.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants as fsConstants, openSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../src-main/api/context';
import { importHandlers } from '../../src-main/api/handlers/import';
import { uploadPath } from '../../src-main/api/uploads';
import type { AppMode, ImportJob } from '../../src-main/contract';
import { isAppError } from '../../src-main/contract/appError';
import { closeProjectFile, createProjectFile } from '../../src-main/db/projectFile';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';
import { tempDir, tempPaths } from '../support/tempDirs';

const MESSAGES_CSV = '发送人ID,发送时间,消息内容\nwm1,2026-09-01 10:00:00,hi\n';

let tmp: ReturnType<typeof tempDir>;
let importDir: string;
const fifos: string[] = [];
const contexts: AppContext[] = [];

beforeEach(async () => {
  tmp = tempDir('qunxi-import-sources-');
  importDir = path.join(tmp.dir, 'exports');
  await mkdir(importDir, { recursive: true });
});
afterEach(async () => {
  // Should a reader still wait on a FIFO (the bug), a writer lets it go, so the run can end.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, fsConstants.O_WRONLY | fsConstants.O_NONBLOCK));
    } catch {
      // nobody waiting
    }
  }
  for (const ctx of contexts.splice(0)) if (ctx.project) await closeProjectFile(ctx.project);
  tmp.cleanup();
});

/** A context of the given mode with a project open; browser mode may read `importDir`. */
async function contextOf(mode: AppMode): Promise<AppContext> {
  const ctx = createContext(mode, { ...tempPaths(tmp.dir), importDir });
  ctx.project = await createProjectFile(path.join(tmp.dir, `${mode}.qunxi`), undefined, withDerivedTables);
  contexts.push(ctx);
  return ctx;
}

/** The error code a call fails with (or 'ok'). */
async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.code;
  }
}

async function finish(h: ReturnType<typeof importHandlers>, started: ImportJob): Promise<ImportJob> {
  let job = started;
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    job = await h['import:status']({ jobId: job.jobId });
  }
  return job;
}

describe('browser mode reads uploads and the configured folder only', () => {
  it('refuses a path on the server, /etc/passwd, with IMPORT_PATH_NOT_ALLOWED, to inspect and to import', async () => {
    const h = importHandlers(await contextOf('browser'));
    await expect(h['import:inspect']({ source: { path: '/etc/passwd' } })).rejects.toMatchObject({ code: 'IMPORT_PATH_NOT_ALLOWED', message: expect.stringContaining('passwd') as string });
    expect(await codeOf(h['import:start']({ source: { path: '/etc/passwd' } }))).toBe('IMPORT_PATH_NOT_ALLOWED');
    expect(await h['import:history']({})).toEqual([]);
  });

  it('refuses every path when no folder is configured', async () => {
    const ctx = await contextOf('browser');
    ctx.paths = { ...ctx.paths, importDir: null };
    const file = path.join(importDir, '聊天记录.csv');
    await writeFile(file, MESSAGES_CSV);
    expect(await codeOf(importHandlers(ctx)['import:inspect']({ source: { path: file } }))).toBe('IMPORT_PATH_NOT_ALLOWED');
  });

  it('reads a file in the configured folder, but not through a link or a path leading out of it', async () => {
    const h = importHandlers(await contextOf('browser'));
    const file = path.join(importDir, '聊天记录.csv');
    await writeFile(file, MESSAGES_CSV);
    const preview = await h['import:inspect']({ source: { path: file } });
    expect(preview.tables[0]!.mapping.kind).toBe('messages');
    await symlink('/etc/passwd', path.join(importDir, 'link.csv'));
    expect(await codeOf(h['import:inspect']({ source: { path: path.join(importDir, 'link.csv') } }))).toBe('IMPORT_PATH_NOT_ALLOWED');
    await writeFile(path.join(tmp.dir, 'outside.csv'), MESSAGES_CSV);
    expect(await codeOf(h['import:inspect']({ source: { path: path.join(importDir, '..', 'outside.csv') } }))).toBe('IMPORT_PATH_NOT_ALLOWED');
  });

  it('reads its uploads', async () => {
    const ctx = await contextOf('browser');
    const id = '00000000-0000-4000-8000-000000000002';
    await mkdir(path.dirname(uploadPath(ctx.paths, id)), { recursive: true });
    await writeFile(uploadPath(ctx.paths, id), MESSAGES_CSV);
    const preview = await importHandlers(ctx)['import:inspect']({ source: { uploadId: id, name: '聊天记录.csv' } });
    expect(preview).toMatchObject({ fileName: '聊天记录.csv', tables: [{ mapping: { kind: 'messages' } }] });
  });

  it('the desktop app and the command line read any path the user gives', async () => {
    const file = path.join(tmp.dir, '聊天记录.csv');
    await writeFile(file, MESSAGES_CSV);
    for (const mode of ['electron', 'cli'] as const) {
      const preview = await importHandlers(await contextOf(mode))['import:inspect']({ source: { path: file } });
      expect(preview.tables[0]!.mapping.kind, mode).toBe('messages');
    }
  });
});

describe('regular files only, in every mode', () => {
  // Windows has no FIFOs to make (nor to wait on).
  it.skipIf(process.platform === 'win32')('a FIFO is refused at once, to inspect and to import, and leaves the file threads free', async () => {
    for (const mode of ['browser', 'electron', 'cli', 'test'] as const) {
      const fifo = path.join(importDir, `${mode}.csv`);
      execFileSync('mkfifo', [fifo]);
      fifos.push(fifo);
      const h = importHandlers(await contextOf(mode));
      // More than the file pool has threads: one FIFO held open per request hung them all.
      const codes = await Promise.all(Array.from({ length: 6 }, () => codeOf(h['import:inspect']({ source: { path: fifo } }))));
      expect(codes, mode).toEqual(Array(6).fill('IMPORT_NOT_A_FILE'));
      const job = await finish(h, await h['import:start']({ source: { path: fifo } }));
      expect(job, mode).toMatchObject({ state: 'failed', error: { code: 'IMPORT_NOT_A_FILE', message: expect.stringContaining('命名管道') as string } });
      // Files are still read.
      const file = path.join(importDir, `${mode}-ok.csv`);
      await writeFile(file, MESSAGES_CSV);
      expect((await h['import:inspect']({ source: { path: file } })).tables, mode).toHaveLength(1);
    }
  }, 60_000);

  it('a folder and a device are refused', async () => {
    const h = importHandlers(await contextOf('cli'));
    expect(await codeOf(h['import:inspect']({ source: { path: importDir } }))).toBe('IMPORT_NOT_A_FILE');
    if (process.platform !== 'win32') expect(await codeOf(h['import:inspect']({ source: { path: '/dev/zero' } }))).toBe('IMPORT_NOT_A_FILE');
  });
});
