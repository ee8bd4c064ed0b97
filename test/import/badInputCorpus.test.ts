/**
 * The bad-input corpus through the real command line, one process per file, with the figures
 * printed: each file is refused with a message naming it, and no process grows past 500 MB at
 * its peak (a 4 MB workbook of 60 million small shared strings took 3.5 GB; one of a 1.4 GB
 * string kept the CLI busy for 14 minutes). The peak is the process's own high-water mark (all
 * threads), written by a module loaded before the CLI: VmHWM of /proc/self/status, the memory of
 * this program since it started. Not getrusage's maxRSS (`process.resourceUsage().maxRSS`): Linux
 * keeps that across exec, so it held the forking vitest worker's RSS at spawn (a child of a 600 MB
 * parent reported 604 MB where VmHWM said 40 MB); it stays only where there is no /proc.
 * Through `import:inspect` the same files are read in the worker, never in the serving thread.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/context';
import { importHandlers } from '../../src-main/api/handlers/import';
import { isAppError } from '../../src-main/contract/appError';
import { buildCfb, buildZip, pngBytes, workbookParts } from '../fixtures/bad/builders';
import { worstRatio, writeHugeRowWorkbook, writeHugeStringWorkbook, writeManyStringsWorkbook } from '../fixtures/bad/bombs';
import { tempPaths } from '../support/tempDirs';
import { writeXlsx } from './helpers';

const repoRoot = path.resolve(__dirname, '../..');
const MB = 1024 * 1024;
const PEAK_RSS_LIMIT_MB = 500;

/** Written by each CLI process as it exits: its own peak RSS in kB (see the file's comment). */
const PEAK_RSS_MODULE = `import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const ownPeakKb = () => {
  const status = '/proc/self/status';
  const hwm = existsSync(status) ? /^VmHWM:\\s+(\\d+) kB$/m.exec(readFileSync(status, 'utf8')) : null;
  return hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
};
process.on('exit', () => writeFileSync(process.env.QX_RSS_FILE, String(ownPeakKb())));
`;

let root: string;
/** Each corpus file, by name. */
const corpus: string[] = [];

async function add(name: string, bytes: Buffer | ((file: string) => Promise<unknown>)): Promise<void> {
  const file = path.join(root, 'corpus', name);
  if (Buffer.isBuffer(bytes)) await writeFile(file, bytes);
  else await bytes(file);
  corpus.push(file);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'qunxi-bad-corpus-'));
  await import('node:fs/promises').then((fs) => fs.mkdir(path.join(root, 'corpus')));
  await writeFile(path.join(root, 'rss.mjs'), PEAK_RSS_MODULE);
  const whole = await writeXlsx(path.join(root, 'whole.xlsx'), { Sheet1: [['群名称', '成员ID', '入群时间'], ['g', 'id1', '2026-09-01 08:00:00']] });
  const wholeBytes = await readFile(whole);
  const zip = buildZip(workbookParts());
  const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  const declared = workbookParts();
  declared[3] = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64), declaredSize: 3 * 1024 ** 3 };
  const squeezed = workbookParts();
  squeezed[3] = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(32 * MB) };
  const lying = workbookParts('<row r="1"><c r="A1" t="inlineStr"><is><t>群名称</t></is></c></row>'.repeat(2000));
  lying[3]!.declaredSize = 1000;
  await add('空.xlsx', Buffer.alloc(0));
  await add('半截.xlsx', wholeBytes.subarray(0, Math.floor(wholeBytes.length / 2)));
  await add('缺数据.xlsx', Buffer.concat([zip.subarray(0, 40), zip.subarray(cd)]));
  await add('加密.xlsx', buildCfb(['EncryptionInfo', 'EncryptedPackage']));
  await add('旧版.xls', buildCfb(['Workbook']));
  await add('截图.xlsx', pngBytes());
  await add('报表.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'));
  await add('方案.xlsx', buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]));
  await add('乱码.xlsx', randomBytes(100_000));
  await add('假表格.xlsx', Buffer.from('not,a\nzip,file\n'));
  await add('炸弹.xlsx', buildZip(declared));
  await add('高压缩.xlsx', buildZip(squeezed));
  await add('谎报.xlsx', buildZip(lying));
  // Under the 500:1 cap, so only the reader's budgets stand in their way.
  await add('巨串.xlsx', async (f) => expect(worstRatio(await writeHugeStringWorkbook(f, 64))).toBeLessThan(500));
  await add('万串.xlsx', async (f) => expect(worstRatio(await writeManyStringsWorkbook(f, 12_000_000))).toBeLessThan(500));
  await add('巨行.xlsx', async (f) => expect(worstRatio(await writeHugeRowWorkbook(f, 48))).toBeLessThan(500));
  await add('长行.csv', Buffer.concat([Buffer.from('发送人ID,发送时间,消息内容\nwm1,2026-09-01 10:00:00,'), Buffer.alloc(40 * MB, 0x61)]));
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface CliRun {
  code: number;
  stderr: string;
  ms: number;
  peakMb: number;
}

/** `qunxi import --project P FILE` in a process of its own, with its time and peak RSS. */
function importInCli(file: string, project: string): Promise<CliRun> {
  const rssFile = path.join(root, `rss-${path.basename(file)}.txt`);
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', pathToFileURL(path.join(root, 'rss.mjs')).href, 'bin/qunxi.mjs', 'import', '--project', project, file],
      {
        cwd: repoRoot,
        env: { ...process.env, QX_RSS_FILE: rssFile, QUNXI_CONFIG_DIR: path.join(root, 'config'), QUNXI_PROJECTS_DIR: path.join(root, 'projects'), QUNXI_TEMP_DIR: path.join(root, 'tmp') },
        maxBuffer: 16 * MB,
      },
      (err, _stdout, stderr) => {
        const ms = performance.now() - started;
        void readFile(rssFile, 'utf8').then((kb) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr, ms, peakMb: Number(kb) / 1024 }));
      },
    );
  });
}

describe('the bad-input corpus through the command line', () => {
  it('refuses every file, naming it, within 500 MB of peak memory', async () => {
    // Builds the command line's bundle if a source changed, outside the measured runs.
    await importInCli(corpus[0]!, path.join(root, 'warm-up.qunxi'));
    const rows: string[] = [];
    const peaks: Record<string, number> = {};
    for (const file of corpus) {
      const run = await importInCli(file, path.join(root, 'p.qunxi'));
      const name = path.basename(file);
      const reason = run.stderr.trimEnd().split('\n').at(-1) ?? '';
      rows.push(`${name.padEnd(10)} ${(run.ms / 1000).toFixed(1).padStart(6)} s ${run.peakMb.toFixed(0).padStart(5)} MB  ${reason}`);
      peaks[name] = run.peakMb;
      expect(run.code, name).not.toBe(0);
      expect(reason, name).toContain(name);
    }
    console.log(`bad-input corpus (time, peak RSS, reason):\n${rows.join('\n')}`);
    for (const [name, mb] of Object.entries(peaks)) expect(mb, name).toBeLessThan(PEAK_RSS_LIMIT_MB);
  }, 600_000);
});

describe('inspecting a string bomb through the API', () => {
  it('is IMPORT_TOO_LARGE naming the file, read in the worker: the serving thread does not hold it', async () => {
    const ctx = createContext('browser', { ...tempPaths(root), importDir: path.join(root, 'corpus') });
    const h = importHandlers(ctx);
    for (const name of ['万串.xlsx', '巨串.xlsx', '巨行.xlsx']) {
      const heapBefore = process.memoryUsage().heapUsed;
      let heapPeak = heapBefore;
      const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
      const started = performance.now();
      const e: unknown = await h['import:inspect']({ source: { path: path.join(root, 'corpus', name) } }).catch((x: unknown) => x);
      clearInterval(sampler);
      const grew = (heapPeak - heapBefore) / MB;
      console.log(`import:inspect ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s, serving thread's heap +${grew.toFixed(0)} MB, ${isAppError(e) ? e.message : String(e)}`);
      expect(isAppError(e) && { code: e.code, file: e.details?.file }, name).toEqual({ code: 'IMPORT_TOO_LARGE', file: name });
      // Read in this thread, five million strings alone took some 200 MB of its heap.
      expect(grew, name).toBeLessThan(64);
    }
  }, 300_000);
});
