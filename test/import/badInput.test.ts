import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile, type ImportOptions } from '../../src-main/import/importFile';
import { runParseWorker } from '../../src-main/import/runWorker';
import type { ErrorCode } from '../../src-main/contract';
import { isAppError, type AppError } from '../../src-main/contract/appError';
import { buildCfb, buildZip, pngBytes, workbookParts } from '../fixtures/bad/builders';
import { counts, tempProject, writeXlsx } from './helpers';

const memberHeader = ['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请员工', '退群时间', '退群方式', 'unionid'];

let env: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  env = await tempProject();
});
afterEach(async () => env.cleanup());

/** Imports `file`, expects the given code, a message naming the file, and an untouched project. */
async function refused(file: string, code: ErrorCode, opts: Partial<ImportOptions> = {}): Promise<AppError> {
  const before = await counts(env.project);
  let error: AppError | null = null;
  try {
    await importFile(env.project, { path: file, fileName: path.basename(file) }, { ...opts, tempDir: env.tempDir });
  } catch (e) {
    if (!isAppError(e)) throw e;
    error = e;
  }
  if (!error) throw new Error(`expected ${path.basename(file)} to be refused`);
  expect({ code: error.code, message: error.message }).toMatchObject({ code, message: expect.stringContaining(path.basename(file)) as string });
  expect(error.message).not.toContain('\n');
  expect(error.details).toMatchObject({ file: path.basename(file) });
  expect(await counts(env.project)).toEqual(before);
  return error;
}

async function write(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(env.dir, name);
  await writeFile(file, bytes);
  return file;
}

describe('refusing bad input with a stable code and a message naming the file', () => {
  it('an empty file is IMPORT_EMPTY_FILE', async () => {
    await refused(await write('空.xlsx', Buffer.alloc(0)), 'IMPORT_EMPTY_FILE');
    await refused(await write('空.csv', Buffer.alloc(0)), 'IMPORT_EMPTY_FILE');
  });

  it('an xlsx cut short (a half-finished download) is IMPORT_TRUNCATED', async () => {
    const whole = await writeXlsx(path.join(env.dir, 'whole.xlsx'), { Sheet1: [memberHeader, ['g', 'a', 'id1', '', '2026-09-01 08:00:00']] });
    const bytes = await readFile(whole);
    await refused(await write('半截.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2))), 'IMPORT_TRUNCATED');
  });

  it('a zip whose directory survives but whose part data is gone is IMPORT_TRUNCATED', async () => {
    const zip = buildZip(workbookParts());
    // Keep the directory, drop the first part's body: the directory then points past the data.
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const cut = Buffer.concat([zip.subarray(0, 40), zip.subarray(cd)]);
    await refused(await write('缺数据.xlsx', cut), 'IMPORT_TRUNCATED');
  });

  it('a password-protected workbook (CFB with EncryptionInfo / EncryptedPackage) is IMPORT_PASSWORD_PROTECTED', async () => {
    const e = await refused(await write('加密.xlsx', buildCfb(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'])), 'IMPORT_PASSWORD_PROTECTED');
    expect(e.message).toContain('密码');
  });

  it('a legacy .xls (CFB with a Workbook stream) is IMPORT_LEGACY_XLS, asking to save as .xlsx', async () => {
    const e = await refused(await write('旧版.xls', buildCfb(['Workbook', '\u0005SummaryInformation'])), 'IMPORT_LEGACY_XLS');
    expect(e.message).toContain('请在 Excel/WPS 中另存为 .xlsx 后再导入');
    await refused(await write('更旧.xls', buildCfb(['Book'])), 'IMPORT_LEGACY_XLS');
  });

  it('a PNG renamed to .xlsx is IMPORT_NOT_SPREADSHEET and says it is an image', async () => {
    const e = await refused(await write('截图.xlsx', pngBytes()), 'IMPORT_NOT_SPREADSHEET');
    expect(e.message).toContain('PNG 图片');
  });

  it('a PDF, a JPEG and a GIF are IMPORT_NOT_SPREADSHEET', async () => {
    await refused(await write('报表.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')), 'IMPORT_NOT_SPREADSHEET');
    await refused(await write('照片.xlsx', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])), 'IMPORT_NOT_SPREADSHEET');
    await refused(await write('动图.csv', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')), 'IMPORT_NOT_SPREADSHEET');
  });

  it('a docx (a zip without xl/workbook.xml) and a plain zip are IMPORT_NOT_SPREADSHEET', async () => {
    const docx = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect((await refused(await write('方案.xlsx', docx), 'IMPORT_NOT_SPREADSHEET')).message).toContain('Word');
    await refused(await write('打包.xlsx', buildZip([{ name: 'readme.txt', data: 'hello' }])), 'IMPORT_NOT_SPREADSHEET');
  });

  it('random bytes are IMPORT_NOT_SPREADSHEET', async () => {
    await refused(await write('乱码.xlsx', randomBytes(100_000)), 'IMPORT_NOT_SPREADSHEET');
    await refused(await write('乱码.csv', randomBytes(100_000)), 'IMPORT_NOT_SPREADSHEET');
  });

  it('a text file named .xlsx is IMPORT_NOT_SPREADSHEET rather than a guess at CSV', async () => {
    await refused(await write('假表格.xlsx', Buffer.from('not,a\nzip,file\n')), 'IMPORT_NOT_SPREADSHEET');
  });

  it('a zip bomb declaring more uncompressed bytes than the limit is IMPORT_TOO_LARGE before anything is inflated', async () => {
    const parts = workbookParts();
    parts[3] = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64), declaredSize: 3 * 1024 ** 2 };
    const e = await refused(await write('炸弹.xlsx', buildZip(parts)), 'IMPORT_TOO_LARGE', { limits: { maxUncompressedBytes: 2 * 1024 ** 2 } });
    expect(e.message).toContain('2 MB');
  });

  it('a part compressed beyond the ratio limit is IMPORT_TOO_LARGE', async () => {
    const parts = workbookParts();
    parts[3] = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1024 ** 2) };
    const e = await refused(await write('高压缩.xlsx', buildZip(parts)), 'IMPORT_TOO_LARGE', { limits: { ratioFloorBytes: 1024 ** 2, maxCompressionRatio: 100 } });
    expect(e.message).toContain('100:1');
    expect(e.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('a part that inflates past the size its directory declares is IMPORT_TOO_LARGE', async () => {
    const parts = workbookParts('<row r="1"><c r="A1" t="inlineStr"><is><t>群名称</t></is></c></row>'.repeat(2000));
    parts[3]!.declaredSize = 1000;
    await refused(await write('谎报.xlsx', buildZip(parts)), 'IMPORT_TOO_LARGE');
  });

  it('more cells than the cell limit is IMPORT_TOO_LARGE, naming the limit, the sheet and the row', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ['g', `a${i}`, `id${i}`, '', '2026-09-01 08:00:00', '', '', '', '', `oU${i}`]);
    const file = await writeXlsx(path.join(env.dir, '超限.xlsx'), { 成员: [memberHeader, ...rows] });
    const e = await refused(file, 'IMPORT_TOO_LARGE', { limits: { maxCells: 55 } });
    expect(e.message).toContain('55');
    expect(e.details).toMatchObject({ sheet: '成员', row: 6 });
  });

  it('more CSV fields than the cell limit is IMPORT_TOO_LARGE', async () => {
    const text = [memberHeader, ...Array.from({ length: 20 }, (_, i) => ['g', `a${i}`, `id${i}`, '', '2026-09-01', '', '', '', '', ''])].map((r) => r.join(',')).join('\n');
    await refused(await write('超限.csv', Buffer.from(text)), 'IMPORT_TOO_LARGE', { limits: { maxCells: 55 } });
  });
});

describe('a crashing parse worker', () => {
  it('ends as IMPORT_FILE_UNREADABLE naming the file, not as a crash', async () => {
    const crash = path.join(env.dir, 'crash.mjs');
    await writeFile(crash, "throw new Error('boom');\n");
    const exit = path.join(env.dir, 'exit.mjs');
    await writeFile(exit, 'process.exit(3);\n');
    for (const workerFile of [crash, exit]) {
      const task = { filePath: path.join(env.dir, 'x.xlsx'), fileName: '群成员.xlsx', outDir: env.dir };
      const e: unknown = await runParseWorker(task, { workerFile }).catch((err: unknown) => err);
      expect(isAppError(e) && { code: e.code, message: e.message }).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: expect.stringContaining('群成员.xlsx') as string });
    }
  });

  it('running out of its heap ends as IMPORT_TOO_LARGE', async () => {
    const hog = path.join(env.dir, 'hog.mjs');
    await writeFile(hog, 'const keep = []; for (;;) keep.push(new Array(1e5).fill({ x: 1 }));\n');
    const task = { filePath: hog, fileName: '大文件.xlsx', outDir: env.dir, limits: { workerHeapMb: 32 } };
    const e: unknown = await runParseWorker(task, { workerFile: hog }).catch((err: unknown) => err);
    expect(isAppError(e) && e.code).toBe('IMPORT_TOO_LARGE');
  });
});
