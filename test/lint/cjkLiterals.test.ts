// The lint rule of issue 10: Chinese text outside src-main/locale fails `npm run lint`, unless it is
// data vocabulary marked as such. Runs ESLint with the project's own config on made-up files.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

/** The rule ids ESLint reports for `code` as if it were the file `file`. */
async function ruleIds(file: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => m.ruleId);
}

describe('Chinese text outside the locale', () => {
  it('fails in a string, each part of a template and JSX text of src-main and src-renderer', async () => {
    expect(await ruleIds('src-main/api/probe.ts', "export const a = '未找到';\n")).toEqual(['no-restricted-syntax']);
    expect(await ruleIds('src-main/db/probe.ts', 'export const b = (n: number) => `共 ${n} 行`;\n')).toEqual(['no-restricted-syntax', 'no-restricted-syntax']);
    expect(await ruleIds('src-renderer/views/Probe.tsx', 'export const C = () => <p>保存</p>;\n')).toEqual(['no-restricted-syntax']);
    // Full-width punctuation is Chinese text too.
    expect(await ruleIds('src-renderer/views/probe.ts', "export const d = (x: string) => x + '：';\n")).toEqual(['no-restricted-syntax']);
  });

  it('passes in src-main/locale, in English, and as marked data vocabulary', async () => {
    expect(await ruleIds('src-main/locale/probe.ts', "export const a = '未找到';\n")).toEqual([]);
    expect(await ruleIds('src-main/api/probe.ts', "export const a = 'Not found';\n")).toEqual([]);
    const marked = "// eslint-disable-next-line no-restricted-syntax -- header words of the exports (data)\nexport const words = ['群名称'];\n";
    expect(await ruleIds('src-main/import/probe.ts', marked)).toEqual([]);
  });

  it('reports a marker that no longer marks anything', async () => {
    const stale = "// eslint-disable-next-line no-restricted-syntax -- data\nexport const words = ['group'];\n";
    expect(await ruleIds('src-main/import/probe.ts', stale)).toEqual([null]);
  });
});
