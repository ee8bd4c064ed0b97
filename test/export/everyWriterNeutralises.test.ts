import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile, Result } from '../../src-main/contract';
import { createContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { runCliIn } from '../support/cliInProcess';
import { csvCells, csvLines } from '../support/csvText';
import { closeProject, insertImport, insertMessages, insertSpells, tempProject, type TempProject } from '../support/projectFixture';
import { tempPaths } from '../support/tempDirs';

/**
 * Issue 12 item 4: every writer of a spreadsheet — each CLI command with --format csv that prints
 * people and the xlsx exports — is fed nicknames a spreadsheet would run, and must write each of
 * them with a leading apostrophe while numbers stay numbers. The renderer's CSV download gets the
 * same nicknames in test/renderer/views/match/csv.test.ts (the renderer's tests type-check apart).
 */
const HOSTILE = ['=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '\t=1', '\r=1'];
const neutralised = HOSTILE.map((n) => `'${n}`);
/** A group name that looks like a formula too. */
const GROUP = '@群一';
// An XML parser reads a raw CR in a cell as LF (XML end-of-line handling), so the xlsx read back holds "'\n=1".
const neutralisedInXml = neutralised.map((n) => n.replaceAll('\r', '\n'));

/** Every cell a spreadsheet would run as a formula: text starting with = + - @ TAB CR that is not a plain number. */
const runnable = (cells: string[]) => cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !Number.isFinite(Number(c)));

function expectNeutralisedCsv(what: string, text: string): void {
  csvLines(text.replace(/"[^"]*"/g, '""')); // BOM and CRLF, quoted CRs aside
  const cells = csvCells(text).flat();
  expect(runnable(cells), what).toEqual([]);
  for (const n of neutralised) expect(cells, `${what}: ${JSON.stringify(n)}`).toContain(n);
}

async function expectNeutralisedXlsx(what: string, file: Result<ExportFile>): Promise<void> {
  if (!file.ok) throw new Error(`${what}: ${file.error.message}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.value.base64, 'base64') as unknown as ArrayBuffer);
  const values: unknown[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
  const texts = values.filter((v): v is string => typeof v === 'string');
  expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v), `${what} holds no formula cell`).toBe(false);
  expect(runnable(texts), what).toEqual([]);
  for (const n of neutralisedInXml) expect(texts, `${what}: ${JSON.stringify(n)}`).toContain(n);
  expect(values.some((v) => typeof v === 'number'), `${what} keeps numbers as numbers`).toBe(true);
}

let t: TempProject;
let file: string;

beforeAll(async () => {
  t = await tempProject();
  file = t.project.path;
  // Six members of one group, each with a hostile nickname, two messages each, all leaving on 03-10.
  await insertSpells(
    t.project,
    HOSTILE.map((name, i) => ({ group: GROUP, id: `m${i}`, name, join: '2026-03-01 10:00:00+08', leave: '2026-03-10 10:00:00+08'})),
  );
  await insertMessages(
    t.project,
    HOSTILE.flatMap((name, i) => [
      { id: `m${i}`, name, group: GROUP, at: `2026-03-0${2 + (i % 5)} 09:00:00+08` },
      { id: `m${i}`, name, group: GROUP, at: `2026-03-0${2 + (i % 5)} 10:00:00+08` },
    ]),
  );
  await insertImport(t.project, 1, '=cmd|x.xlsx', 'members');
  await closeProject(t);
});
afterAll(async () => t?.dispose());

describe('every spreadsheet writer neutralises formula-looking nicknames', () => {
  for (const args of [['features'], ['quadrant'], ['churn', '--list', '--from', '2026-03-01', '--to', '2026-03-31']]) {
    it(`CLI ${args[0]}${args[1] ? ` ${args[1]}` : ''} --format csv`, async () => {
      const r = await runCliIn(t.dir, ...args, '--project', file, '--format', 'csv');
      expect(r.code, r.stderr).toBe(0);
      expectNeutralisedCsv(args.join(' '), r.stdout);
    });
  }

  // The other commands print figures beside group, channel and stage names: none of those may run either.
  const others = [
    ['metrics', '--period', 'week'], ['retention'], ['churn'], ['churn', '--survival', 'group'], ['channels'], ['activity'],
    ['funnel'], ['behaviours'], ['community-effect'],
  ];
  for (const args of others) {
    it(`CLI ${args.join(' ')} --format csv`, async () => {
      const r = await runCliIn(t.dir, ...args, '--project', file, '--format', 'csv');
      expect(r.code, r.stderr).toBe(0);
      csvLines(r.stdout);
      expect(runnable(csvCells(r.stdout).flat())).toEqual([]);
    });
  }

  it('CLI prints a group name neutralised', async () => {
    const survival = await runCliIn(t.dir, 'churn', '--survival', 'group', '--project', file, '--format', 'csv');
    expect(csvCells(survival.stdout).flat()).toContain(`'${GROUP}`);
  });

  it('CLI imports --format csv neutralises a file name', async () => {
    const r = await runCliIn(t.dir, 'imports', '--project', file, '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(csvCells(r.stdout)[1]![1]).toBe("'=cmd|x.xlsx");
  });

  it('the xlsx exports of features, quadrant and churn', async () => {
    const ctx = createContext('test', tempPaths(t.dir));
    const call = inProcessClient(createHandlers(ctx));
    expect((await call('project:open', { path: file })).ok).toBe(true);
    try {
      await expectNeutralisedXlsx('features:export', await call('features:export', {}));
      const quadrant = await call('quadrant:query', {});
      if (!quadrant.ok) throw new Error(quadrant.error.message);
      // All six land in one type or another: export each type and pool the cells.
      const exports = await Promise.all((['loyal', 'needy', 'bargain', 'low', 'unclassified'] as const).map((type) => call('quadrant:export', { type })));
      const pooled = exports.map((e) => (e.ok ? e.value.base64 : ''));
      expect(exports.every((e) => e.ok)).toBe(true);
      const values = await Promise.all(pooled.map(async (b64) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
        const texts: string[] = [];
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value)))));
        return texts;
      }));
      expect(runnable(values.flat())).toEqual([]);
      for (const n of neutralisedInXml) expect(values.flat()).toContain(n);
      await expectNeutralisedXlsx('churn:export', await call('churn:export', { from: '2026-03-01', to: '2026-03-31' }));
    } finally {
      await call('project:close', {});
    }
  });

  it('the same exports written as CSV (导出 CSV of a list the Node side writes)', async () => {
    const ctx = createContext('test', tempPaths(t.dir));
    const call = inProcessClient(createHandlers(ctx));
    expect((await call('project:open', { path: file })).ok).toBe(true);
    const csvText = (what: string, r: Result<ExportFile>): string => {
      if (!r.ok) throw new Error(`${what}: ${r.error.message}`);
      expect(r.value.fileName, what).toMatch(/\.csv$/);
      return Buffer.from(r.value.base64, 'base64').toString('utf8');
    };
    try {
      expectNeutralisedCsv('features:export csv', csvText('features', await call('features:export', { format: 'csv' })));
      expectNeutralisedCsv('churn:export csv', csvText('churn', await call('churn:export', { from: '2026-03-01', to: '2026-03-31', format: 'csv' })));
      const types = ['loyal', 'needy', 'bargain', 'low', 'unclassified'] as const;
      const quadrant = await Promise.all(types.map(async (type) => csvText(type, await call('quadrant:export', { type, format: 'csv' }))));
      for (const text of quadrant) csvLines(text.replace(/"[^"]*"/g, '""'));
      const cells = quadrant.flatMap((text) => csvCells(text).flat());
      expect(runnable(cells)).toEqual([]);
      for (const n of neutralised) expect(cells).toContain(n);
    } finally {
      await call('project:close', {});
    }
  });
});
