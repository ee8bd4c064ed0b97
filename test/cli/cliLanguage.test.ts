import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../support/cliInProcess';
import { tempDir } from '../support/tempDirs';

const demoDir = path.resolve(__dirname, '../../resources/demo');
const config = tempDir('qunxi-cli-lang-');
const english = tempDir('qunxi-cli-en-');
afterAll(() => [config, english].forEach((t) => t.cleanup()));
const dir = config.dir;
const work = english.dir;
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

  it('imports and analyses in English with no Chinese in its messages (data values aside)', async () => {
    // ASCII file names, so a Chinese character left in a message cannot come from the data.
    const files = ['客户列表', '群成员', '聊天记录', '订单'].map((name, i) => {
      const copy = path.join(work, `export${i}.xlsx`);
      copyFileSync(path.join(demoDir, `${name}.xlsx`), copy);
      return copy;
    });
    const project = path.join(work, 'p.qunxi');
    const imported = await runCliIn(dir, '--lang', 'en', 'import', '--project', project, ...files);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Imported export0.xlsx (Customer list): 600 rows read');
    expect(imported.stderr).not.toMatch(cjk);
    for (const command of [['metrics', '--period', 'week'], ['churn'], ['channels'], ['activity'], ['retention'], ['funnel'], ['behaviours', '--lift']]) {
      const r = await runCliIn(dir, '--lang', 'en', ...command, '--project', project);
      expect(r.code, `${command[0]}: ${r.stderr}`).toBe(0);
      expect(r.stderr, command[0]).not.toMatch(cjk);
    }
    const missing = await runCliIn(dir, '--lang', 'en', 'import', '--project', project, path.join(work, 'none.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Import failed none.xlsx: File "none.xlsx" not found\n');
    expect(lastLine(missing.stderr)).toBe('File "none.xlsx" not found');
    expect(missing.stderr).not.toMatch(cjk);
  }, 180_000);

  it('refuses a language it does not have', async () => {
    const r = await runCliIn(dir, '--lang', 'fr', 'help');
    expect(r.code).toBe(2);
    expect(lastLine(r.stderr)).toBe('--lang 只能是 zh-CN | en，收到“fr”');
  });
});
