import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveWorkerFile, runParseWorker } from '../../src-main/import/runWorker';
import { isAppError, type AppError } from '../../src-main/contract/appError';
import { getLanguage, setLanguage } from '../../src-main/locale/language';
import { writeXlsx } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qunxi-worker-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('finding the import worker script', () => {
  it('uses the TypeScript source next to the module under tsx and vitest', () => {
    expect(resolveWorkerFile()).toMatch(/src-main[\\/]import[\\/]worker\.ts$/);
  });

  it('uses importWorker.js beside the main bundle, also from a chunk one folder down', async () => {
    await mkdir(path.join(dir, 'chunks'));
    await writeFile(path.join(dir, 'importWorker.js'), '');
    expect(resolveWorkerFile(pathToFileURL(path.join(dir, 'index.js')).href)).toBe(path.join(dir, 'importWorker.js'));
    expect(resolveWorkerFile(pathToFileURL(path.join(dir, 'chunks', 'x.js')).href)).toBe(path.join(dir, 'importWorker.js'));
  });

  it('fails clearly when no worker script is there', () => {
    expect(() => resolveWorkerFile(pathToFileURL(path.join(dir, 'index.js')).href)).toThrow(/导入工作线程/);
  });
});

describe('a parse worker kept from the previous file', () => {
  const header = ['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请员工', '退群时间', '退群方式', 'unionid'];
  const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

  /** Parses a file into `out` and returns its row count and the text of its chunks, or the error it ended with. */
  async function parse(file: string, out: string): Promise<{ rowsRead: number; csv: string } | { error: AppError }> {
    await mkdir(out, { recursive: true });
    const chunks: string[] = [];
    try {
      const r = await runParseWorker({ filePath: file, fileName: path.basename(file), outDir: out, timeZone: 'Asia/Shanghai' }, { onChunk: async (c) => void chunks.push(await readFile(c.path, 'utf8')) });
      return { rowsRead: r.rowsRead, csv: chunks.join('') };
    } catch (e) {
      if (!isAppError(e)) throw e;
      return { error: e };
    }
  }

  it('parses the next file as a new thread would, and reports in the language of the moment', async () => {
    const good = await writeXlsx(path.join(dir, 'good.xlsx'), { Sheet1: [header, ...Array.from({ length: 50 }, (_, i) => ['群A', `成员${i}`, `wm${i}`, '', '2026-09-01 08:00:00'])] });
    const bytes = await readFile(good);
    const cut = path.join(dir, 'cut.xlsx');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = getLanguage();
    try {
      setLanguage('en');
      const first = await parse(good, path.join(dir, 'a'));
      expect(first).toMatchObject({ rowsRead: 50 });
      setLanguage('zh-CN');
      const zh = await parse(cut, path.join(dir, 'b'));
      expect('error' in zh && zh.error.code).toBe('IMPORT_TRUNCATED');
      expect('error' in zh && hasCjk(zh.error.message.replace('cut.xlsx', ''))).toBe(true);
      // After a failure (its thread ended) and after a success (its thread kept), the same file gives the same rows.
      expect(await parse(good, path.join(dir, 'c'))).toEqual(first);
      expect(await parse(good, path.join(dir, 'd'))).toEqual(first);
      setLanguage('en');
      const en = await parse(cut, path.join(dir, 'e'));
      expect('error' in en && en.error.code).toBe('IMPORT_TRUNCATED');
      expect('error' in en && hasCjk(en.error.message)).toBe(false);
    } finally {
      setLanguage(before);
    }
  });
});
