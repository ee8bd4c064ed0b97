import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerPath } from '../../../src-main/contract';
import { createContext } from '../../../src-main/api/context';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { createHandlers } from '../../../src-main/api/handlers';
import { closeProjectFile, openProjectFile } from '../../../src-main/db/projectFile';
import { tempPaths } from '../../support/tempDirs';
import { buildFunnelFixture, fullPath, insertFullCustomers } from './funnelFixture';
import { insertSpells, tempProject, type TempProject } from '../../support/projectFixture';
import { withDerivedTables } from '../../../src-main/analysis/base/derivedTables';
import { KEPT_SOURCES_SCHEMA } from '../../../src-main/analysis/funnel/pathQueries';

let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

function clientFor(project: TempProject['project']) {
  const ctx = createContext('test', tempPaths(t.dir));
  ctx.project = project;
  return inProcessClient(createHandlers(ctx));
}

beforeAll(async () => {
  t = await tempProject();
  await buildFunnelFixture(t.project);
  call = clientFor(t.project);
});
afterAll(async () => {
  // The path test reopens the file: close the project it left open, then remove the folder.
  if (t) await closeProjectFile(t.project).catch(() => undefined);
  await t?.dispose();
});

const errorCode = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error!.code);

describe('path:get and path:save', () => {
  it('offers a default path from the data and what each source holds', async () => {
    const r = await call('path:get', {});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.isSaved).toBe(false);
    // The fixture has 广告, 公众号 and a customer list, so the default keeps all five stages.
    expect(r.value.path.stages.map((s) => s.source)).toEqual(['ad_impressions', 'oa_new_follows', 'person_added', 'person_joined', 'person_first_paid']);
    expect(r.value.defaultPath).toEqual(r.value.path);
    const held = Object.fromEntries(r.value.sources.map((s) => [s.source, s.available]));
    expect(held).toEqual({
      ad_impressions: 3, // days 03-04, 03-05, 03-11
      ad_clicks: 3,
      oa_new_follows: 3, // 03-03, 03-04, 03-10
      contact_new: 3, // 03-04, 03-05, 03-06
      person_added: 10, // u1 (two rows), u2, u3, u4, un5, the row, u8, u9, u10, u11
      person_joined: 8, // u7, u1, u2, u3, u12, u8, u9, u10
      person_active: 5, // u7, u1, u12, u3, u2
      person_first_paid: 3, // u1, u3 (03-25), u8
      person_repurchase: 1, // u1
      person_referral: 2, // u7, u3
    });
    expect(r.value.sources.find((s) => s.source === 'person_joined')).toMatchObject({ label: '入群（群成员·入群时间）', kind: 'person' });
  });

  it('refuses a path of one stage, an empty name and a repeated name', async () => {
    const one = await call('path:save', { path: { stages: [fullPath.stages[0]] } });
    expect(errorCode(one)).toBe('DEFINITION_INVALID');
    const blank = await call('path:save', { path: { stages: [fullPath.stages[0], { ...fullPath.stages[1], name: '  ' }] } });
    expect(errorCode(blank)).toBe('DEFINITION_INVALID');
    const twice = await call('path:save', { path: { stages: [fullPath.stages[0], { ...fullPath.stages[1], name: '广告曝光' }] } });
    expect(errorCode(twice)).toBe('DEFINITION_INVALID');
    expect(twice.ok ? '' : twice.error.message).toContain('广告曝光');
    const unknownSource = await call('path:save', { path: { stages: [fullPath.stages[0], { id: 'x', name: 'x', source: 'likes' }] } });
    expect(errorCode(unknownSource)).toBe('INVALID_REQUEST');
  });

  it('keeps a saved path (a source bound twice allowed) across closing and reopening the project file', async () => {
    const own: CustomerPath = {
      stages: [
        { id: 'add', name: ' 加好友 ', source: 'person_added' },
        { id: 'join', name: '进群', source: 'person_joined' },
        { id: 'join2', name: '再进群', source: 'person_joined' },
      ],
    };
    const saved = await call('path:save', { path: own });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.isSaved).toBe(true);
    expect(saved.value.path.stages.map((s) => s.name)).toEqual(['加好友', '进群', '再进群']);
    // The default to reset to stays the one built from the data
    expect(saved.value.defaultPath.stages.map((s) => s.id)).toEqual(['ad', 'follow', 'add', 'join', 'pay']);

    await closeProjectFile(t.project);
    const reopened = await openProjectFile(path.join(t.dir, 'p.qunxi'), withDerivedTables);
    t.project = reopened;
    call = clientFor(reopened);
    const r = await call('path:get', {});
    expect(r.ok && r.value).toMatchObject({ isSaved: true, path: { stages: [{ id: 'add', name: '加好友' }, { id: 'join', name: '进群' }, { id: 'join2', name: '再进群' }] } });

    // The funnel follows the saved path: added 8 in the week, joined 5, the same source again 5
    const f = await call('funnel:query', { mode: 'period', from: '2024-03-04', to: '2024-03-10' });
    expect(f.ok && f.value.stages.map((s) => [s.name, s.count])).toEqual([
      ['加好友', 8],
      ['进群', 5],
      ['再进群', 5],
    ]);
    await call('path:save', { path: fullPath });
  });
});

describe('what each source holds, kept in the project file per state of the data', () => {
  it('follows the data: a new member and a new customer row are counted at the next path:get, also after reopening', async () => {
    const s = await tempProject();
    let reopened: TempProject['project'] | null = null;
    try {
      await insertSpells(s.project, [{ group: 'G', id: 'm1', join: '2024-05-01 10:00:00+08' }]);
      const held = async (c: ReturnType<typeof clientFor>) => {
        const r = await c('path:get', {});
        if (!r.ok) throw new Error(r.error.message);
        return Object.fromEntries(r.value.sources.map((x) => [x.source, x.available]));
      };
      const c = clientFor(s.project);
      expect(await held(c)).toMatchObject({ person_joined: 1, person_added: 0, person_active: 0 });
      // m2 joins twice (one person), c1 is a contact who never joined.
      await insertSpells(s.project, [
        { group: 'G', id: 'm2', join: '2024-05-02 10:00:00+08', leave: '2024-05-02 11:00:00+08' },
        { group: 'H', id: 'm2', join: '2024-05-03 10:00:00+08' },
      ]);
      await insertFullCustomers(s.project, [{ name: '丙', externalUserid: 'c1', addedAt: '2024-05-01 09:00:00+08' }]);
      expect(await held(c)).toMatchObject({ person_joined: 2, person_added: 1, person_active: 0 });
      // Reopened, the file's kept counts are read as they are.
      await closeProjectFile(s.project);
      reopened = await openProjectFile(path.join(s.dir, 'p.qunxi'), withDerivedTables);
      expect(await held(clientFor(reopened))).toMatchObject({ person_joined: 2, person_added: 1, person_active: 0 });
      // One table kept: the first state's was dropped when the second was counted.
      const kept = await reopened.db.use((sql) => sql.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = ?`, [KEPT_SOURCES_SCHEMA]));
      expect(kept).toHaveLength(1);
    } finally {
      if (reopened) await closeProjectFile(reopened);
      await s.dispose();
    }
  });
});

describe('funnel:query, funnel:lost and funnel:exportLost', () => {
  it('validates the request and the range', async () => {
    expect(errorCode(await call('funnel:query', { mode: 'period', from: '2024-03-10', to: '2024-03-04' }))).toBe('INVALID_REQUEST');
    expect(errorCode(await call('funnel:query', { mode: 'cohort', windowDays: 0 }))).toBe('INVALID_REQUEST');
    expect(errorCode(await call('funnel:query', { mode: 'sideways' }))).toBe('INVALID_REQUEST');
    expect(errorCode(await call('funnel:lost', { stageIndex: 0 }))).toBe('INVALID_REQUEST');
  });

  it('answers the cohort over the saved path with its defaults (14 days, no breakdown)', async () => {
    const r = await call('funnel:query', { mode: 'cohort', from: '2024-03-04', to: '2024-03-10' });
    if (!r.ok) throw new Error(r.error.message);
    // fullPath: four aggregate stages skipped; 添加 8 → 入群 4 → 发言 after joining: u1 03-05, u2 03-11 00:00:00,
    // u3 03-10 23:59:59 (u8 never writes) → 首次付费 u1 (u2, u3 do not pay in time) → 复购 u1 → 推荐: u1 invited nobody
    expect(r.value.skipped.map((s) => s.id)).toEqual(['ad', 'click', 'follow', 'contact']);
    expect(r.value.stages.map((s) => s.count)).toEqual([8, 4, 3, 1, 1, 0]);
    expect(r.value.breakdown).toBeNull();
  });

  it('exports the lost list as xlsx with the same rows', async () => {
    const req = { from: '2024-03-04', to: '2024-03-10', stageIndex: 1 };
    const listed = await call('funnel:lost', req);
    const file = await call('funnel:exportLost', req);
    if (!listed.ok || !file.ok) throw new Error('lost list failed');
    expect(file.value.fileName).toMatch(/^流失名单.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.value.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '成员ID', '昵称', '渠道', '员工', '进入时间', '最后到达阶段']);
    const body = ws.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    // 进入时间 is a date cell of the local wall clock (issue 11 item 13), which exceljs hands back as UTC.
    expect(body).toEqual(listed.value.map((p) => [p.pid, p.name, p.channel, p.staff, new Date(`${p.entered_at}Z`), p.last_stage]));
    expect(body.map((r) => r[0])).toEqual(['u4', 'un5', 'u9', 'row:11:7']);
  });

  it('pages the lost list (funnel:lostPage): the same people in the same order, sorted and filtered on the Node side', async () => {
    await call('path:save', { path: fullPath });
    const req = { from: '2024-03-04', to: '2024-03-10', stageIndex: 1 };
    const page = async (q: { offset: number; limit: number; sort?: { colId: string; sort: 'asc' | 'desc' }[]; filter?: Record<string, unknown> }, stageIndex = 1) => {
      const r = await call('funnel:lostPage', { ...req, stageIndex, sort: [], filter: {}, ...q });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const listed = await call('funnel:lost', req);
    if (!listed.ok) throw new Error(listed.error.message);
    const first = await page({ offset: 0, limit: 3 });
    const rest = await page({ offset: 3, limit: 3 });
    expect([first.total, rest.total]).toEqual([4, 4]);
    // Every column as funnel:lost gives it, in its order (by entry time, then id: the fixture's four, above).
    expect([...first.rows, ...rest.rows]).toEqual(listed.value);
    expect(first.rows.map((p) => p.pid)).toEqual(['u4', 'un5', 'u9']);
    expect((await page({ offset: 0, limit: 10, sort: [{ colId: 'pid', sort: 'desc' }] })).rows.map((p) => p.pid)).toEqual(['un5', 'u9', 'u4', 'row:11:7']);
    const filtered = await page({ offset: 0, limit: 10, filter: { pid: { filterType: 'text', type: 'startsWith', filter: 'u' } } });
    expect([filtered.total, filtered.rows.map((p) => p.pid)]).toEqual([3, ['u4', 'un5', 'u9']]);
    expect(errorCode(await call('funnel:lostPage', { ...req, offset: 0, limit: 10, sort: [{ colId: 't0', sort: 'asc' }], filter: {} }))).toBe('INVALID_REQUEST');
    // Another step is another list, with its own last stage: 入群 → 发言 loses u8 (count 4 → 3 above).
    const step2 = await page({ offset: 0, limit: 10 }, 2);
    const listed2 = await call('funnel:lost', { ...req, stageIndex: 2 });
    if (!listed2.ok) throw new Error(listed2.error.message);
    expect(step2.rows).toEqual(listed2.value);
    expect(step2.rows.map((p) => [p.pid, p.last_stage])).toEqual([['u8', '入群']]);
  });
});

describe('exported names', () => {
  it('neutralises a nickname that looks like a formula', async () => {
    const s = await tempProject();
    try {
      await insertSpells(s.project, [{ group: 'G', id: 'm1', join: '2024-05-01 10:00:00+08' }]);
      await insertFullCustomers(s.project, [{ name: '=HYPERLINK("x")', externalUserid: 'c1', addedAt: '2024-05-01 09:00:00+08' }]);
      const c = clientFor(s.project);
      await c('path:save', { path: { stages: [{ id: 'add', name: '添加', source: 'person_added' }, { id: 'join', name: '入群', source: 'person_joined' }] } });
      const file = await c('funnel:exportLost', { stageIndex: 1 });
      if (!file.ok) throw new Error(file.error.message);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.value.base64, 'base64') as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.getCell('B2').value).toBe(`'=HYPERLINK("x")`);
    } finally {
      await s.dispose();
    }
  });
});
