import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliIn } from '../support/cliInProcess';

const dir = mkdtempSync(path.join(os.tmpdir(), 'qunxi-cli-lang-'));
const cjk = /[\u4e00-\u9fff]/;
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1);

describe('the command line language', () => {
  it('prints the usage in Chinese by default and in English with --lang en', async () => {
    const zh = await runCliIn(dir, 'help');
    expect(zh.stdout.startsWith('用法：\n')).toBe(true);
    expect(zh.stdout).toContain('[--group 群名称]');
    const en = await runCliIn(dir, '--lang', 'en', 'help');
    expect(en.code).toBe(0);
    expect(en.stdout.startsWith('Usage:\n')).toBe(true);
    expect(en.stdout).toContain('[--group GROUP]');
    expect(en.stdout).not.toMatch(cjk);
  });

  it('gives usage errors in English with --lang=en, and Chinese again without it', async () => {
    const en = await runCliIn(dir, '--lang=en', 'metrics');
    expect(en.code).toBe(2);
    expect(lastLine(en.stderr)).toBe('metrics needs --project FILE');
    expect(en.stderr).not.toMatch(cjk);
    const zh = await runCliIn(dir, 'metrics');
    expect(lastLine(zh.stderr)).toBe('metrics 命令需要 --project 项目文件');
  });

  it('refuses a language it does not have', async () => {
    const r = await runCliIn(dir, '--lang', 'fr', 'help');
    expect(r.code).toBe(2);
    expect(lastLine(r.stderr)).toBe('--lang 只能是 zh-CN | en，收到“fr”');
  });
});
