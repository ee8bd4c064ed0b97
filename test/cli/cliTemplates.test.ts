import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../src-main/contract';
import { parseCliArgs } from '../../src-main/cli/args';
import { runCli } from '../../src-main/cli/run';
import { writeCsv, writeXlsx } from '../import/helpers';
import { tempDir } from '../support/tempDirs';
import { csvLines } from '../support/csvText';

const repoRoot = path.resolve(__dirname, '../..');
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('qunxi-cli-templates-');
});
afterAll(() => tmp.cleanup());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with every app folder inside the temp root. */
async function qunxi(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    isStderrTty: false,
    env: { QUNXI_CONFIG_DIR: path.join(tmp.dir, 'config'), QUNXI_PROJECTS_DIR: path.join(tmp.dir, 'projects'), QUNXI_TEMP_DIR: path.join(tmp.dir, 'tmp') },
    repoRoot,
  });
  return { code, stdout, stderr };
}

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1) ?? '';
const at = (name: string) => path.join(tmp.dir, name);

const ordersDoc = {
  format: 'qunxi-mapping-templates',
  version: 1,
  templates: [{ name: '自建商城订单', kind: 'orders', headers: ['单号', '时间', '金额'], fields: { 单号: 'order_no', 时间: 'paid_at', 金额: 'paid_amount' } }],
};

describe('command line: kinds, templates and import history', () => {
  it('parses the new commands and refuses bad ones with exit status 2', async () => {
    expect(parseCliArgs(['import', '--project', 'P', '--template', 't.json', 'a.csv'])).toEqual({ command: 'import', project: 'P', files: ['a.csv'], template: 't.json' });
    expect(parseCliArgs(['templates', '--project', 'P', 'export'])).toEqual({ command: 'templates', project: 'P', action: 'export' });
    expect(parseCliArgs(['templates', '--project', 'P', 'import', 't.json'])).toEqual({ command: 'templates', project: 'P', action: 'import', file: 't.json' });
    expect(parseCliArgs(['imports', '--project', 'P'])).toEqual({ command: 'imports', project: 'P', action: 'list', format: 'json' });
    expect(parseCliArgs(['imports', '--project', 'P', '--format', 'csv'])).toMatchObject({ action: 'list', format: 'csv' });
    expect(parseCliArgs(['imports', '--project', 'P', 'remove', '3'])).toEqual({ command: 'imports', project: 'P', action: 'remove', importId: 3 });
    const usage: [string[], RegExp][] = [
      [['imports', '--project', 'P', 'remove', 'abc'], /导入编号/],
      [['imports', '--project', 'P', 'drop'], /remove/],
      [['templates', '--project', 'P'], /export 或 import/],
      [['templates', '--project', 'P', 'import'], /模板文件/],
      [['metrics', '--project', 'P', '--period', 'day', '--template', 'x'], /不接受 --template/],
    ];
    for (const [argv, reason] of usage) {
      const r = await qunxi(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(lastLine(r.stderr)).toMatch(reason);
    }
  });

  it('--kind imports a file as the kind given', async () => {
    const file = await writeCsv(at('群成员.csv'), [
      ['群名称', '成员ID', '入群时间'],
      ['g', 'id1', '2026-09-01 08:00:00'],
    ]);
    const r = await qunxi('import', '--project', at('kind.qunxi'), '--kind', 'members', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('已导入 群成员.csv（群成员）：读取 1 行，新增 1 行');
  });

  it('lists the import history as JSON and CSV, removes an import, and fails on an unknown id', async () => {
    const project = at('history.qunxi');
    const a = await writeCsv(at('a.csv'), [['发送人ID', '发送时间', '消息内容'], ['wm1', '2026-09-01 10:00:00', 'hi']]);
    const b = await writeCsv(at('b.csv'), [['群名称', '成员ID', '入群时间'], ['g', 'id1', '2026-09-01 08:00:00']]);
    expect((await qunxi('import', '--project', project, a, b)).code).toBe(0);

    const json = await qunxi('imports', '--project', project);
    expect(json.code, json.stderr).toBe(0);
    const history = JSON.parse(json.stdout) as ImportRecord[];
    expect(history.map((h) => [h.importId, h.fileName, h.kind, h.rowsAdded])).toEqual([
      [1, 'a.csv', 'messages', 1],
      [2, 'b.csv', 'members', 1],
    ]);
    const csv = await qunxi('imports', '--project', project, '--format', 'csv');
    const lines = csvLines(csv.stdout);
    expect(lines[0]).toBe('importId,fileName,kind,importedAt,rowsRead,rowsAdded,rowsSkipped,problemCount');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['1,a.csv,messages', '2,b.csv,members']);

    const removed = await qunxi('imports', '--project', project, 'remove', '1');
    expect(removed.code, removed.stderr).toBe(0);
    const after = JSON.parse((await qunxi('imports', '--project', project)).stdout) as ImportRecord[];
    expect(after.map((h) => h.importId)).toEqual([2]);

    const unknown = await qunxi('imports', '--project', project, 'remove', '99');
    expect(unknown.code).toBe(1);
    expect(lastLine(unknown.stderr)).toMatch(/99|导入/);
  });

  it('templates import then export round-trips a document; a bad document fails with the reason last', async () => {
    const project = at('templates.qunxi');
    expect((await qunxi('import', '--project', project, await writeCsv(at('seed.csv'), [['发送人ID', '发送时间'], ['wm1', '2026-09-01 10:00:00']]))).code).toBe(0);
    const doc = at('orders-templates.json');
    await fs.writeFile(doc, JSON.stringify(ordersDoc));
    const imported = await qunxi('templates', '--project', project, 'import', doc);
    expect(imported.code, imported.stderr).toBe(0);
    expect(lastLine(imported.stderr)).toContain('1 个映射模板');

    const toStdout = await qunxi('templates', '--project', project, 'export');
    expect(toStdout.code).toBe(0);
    expect(JSON.parse(toStdout.stdout)).toMatchObject({ format: 'qunxi-mapping-templates', version: 1, templates: [ordersDoc.templates[0]] });
    const out = at('exported.json');
    const toFile = await qunxi('templates', '--project', project, 'export', out);
    expect(toFile.stdout).toBe('');
    expect(JSON.parse(await fs.readFile(out, 'utf8'))).toEqual(JSON.parse(toStdout.stdout));

    const bad = at('bad.json');
    await fs.writeFile(bad, JSON.stringify({ ...ordersDoc, version: 9 }));
    const refused = await qunxi('templates', '--project', project, 'import', bad);
    expect(refused.code).toBe(1);
    expect(lastLine(refused.stderr)).toMatch(/^模板文件无效：version/);
  });

  it('--template with a templates file maps a file with unknown headers; with an unknown name it fails', async () => {
    const project = at('template-file.qunxi');
    const doc = at('shop.json');
    await fs.writeFile(doc, JSON.stringify(ordersDoc));
    const file = await writeXlsx(at('商城.xlsx'), { Sheet1: [['时间', '金额', '单号'], ['2026-09-01 10:00:00', '¥12.50', 'N1'], ['2026-09-02 10:00:00', '8', 'N2']] });
    const r = await qunxi('import', '--project', project, '--template', doc, file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('使用映射模板“自建商城订单”');
    expect(r.stderr).toContain('已导入 商城.xlsx（订单）：读取 2 行，新增 2 行');

    const missing = await qunxi('import', '--project', project, '--template', '没有这个模板', file);
    expect(missing.code).toBe(1);
    expect(lastLine(missing.stderr)).toBe('项目中没有名为“没有这个模板”的映射模板');
  });
});
