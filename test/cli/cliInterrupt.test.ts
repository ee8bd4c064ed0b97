// Ctrl+C during a several-file import, in a real process of the built command line: the batch is
// cancelled (import:batchCancel), not the process killed mid-write.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { tempDir, tempPaths } from '../support/tempDirs';

const repoRoot = path.resolve(__dirname, '../..');

/** A chat log export of `rows` messages as CSV, every message its own (distinct content). */
function writeChatLog(file: string, rows: number, tag: string): void {
  const lines = ['发送人,发送人ID,群名称,发送时间,消息类型,消息内容'];
  for (let i = 0; i < rows; i++) {
    const who = i % 300;
    const at = `2026-09-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    lines.push(`用户${who},wm${who},社群${who % 5}群,${at},text,${tag}-${i}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs `qunxi args…` as `npm run qunxi --` does and sends SIGINT once stderr shows `cue`. */
function runAndInterrupt(root: string, cue: string, args: string[]): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/qunxi.mjs', ...args], {
      cwd: repoRoot,
      env: { ...process.env, QUNXI_CONFIG_DIR: path.join(root, 'config'), QUNXI_PROJECTS_DIR: path.join(root, 'projects'), QUNXI_TEMP_DIR: path.join(root, 'tmp') },
    });
    let stderr = '';
    let isSent = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (!isSent && stderr.includes(cue)) {
        isSent = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('Ctrl+C during `qunxi import` of several files', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('qunxi-cli-interrupt-');
    writeChatLog(path.join(tmp.dir, 'first.csv'), 200, 'first');
    // Long enough (300,000 rows, some seconds) to be in progress when the signal lands.
    writeChatLog(path.join(tmp.dir, 'second.csv'), 300_000, 'second');
    writeChatLog(path.join(tmp.dir, 'third.csv'), 200, 'third');
  });
  afterAll(() => tmp.cleanup());

  it('cancels the batch: the first file stays imported, the second rolls back, the third never starts; it says so and exits 130', async () => {
    const project = path.join(tmp.dir, 'interrupted.qunxi');
    const files = ['first.csv', 'second.csv', 'third.csv'].map((f) => path.join(tmp.dir, f));
    // The first file's summary is printed once the second file is under way.
    const run = await runAndInterrupt(tmp.dir, '已导入 first.csv', ['import', '--project', project, ...files]);

    expect(run.signal, run.stderr).toBeNull();
    expect(run.code, run.stderr).toBe(130);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toContain('收到 Ctrl+C，正在取消导入…');
    expect(lines).toContain('已取消 second.csv：该文件的行已全部撤回，未导入');
    expect(lines).toContain('third.csv 未导入：导入在此之前已停止');
    expect(lines.at(-1)).toBe('导入已按 Ctrl+C 取消：3 个文件中已完成的 1 个已导入并保留，进行中的文件未导入，其后的文件未开始');

    // The project as the app opens it: the first file's 200 messages and its import, nothing of the second.
    const call = inProcessClient(createHandlers(createContext('test', tempPaths(path.join(tmp.dir, 'reader')))));
    const opened = await call('project:open', { path: project });
    if (!opened.ok) throw new Error(opened.error.message);
    const history = await call('import:history', {});
    await call('project:close', {});
    expect(opened.value.counts.messages).toBe(200);
    expect(history.ok && history.value.map((r) => [r.fileName, r.rowsAdded])).toEqual([['first.csv', 200]]);
  }, 120_000);
});
