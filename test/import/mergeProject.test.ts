import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';
import { DATA_TABLES } from '../../src-main/db/importStore';
import { ProjectDb } from '../../src-main/db/projectDb';
import { closeProjectFile, openProjectFile } from '../../src-main/db/projectFile';
import { mergeProject } from '../../src-main/import/mergeProject';
import { runCliIn } from '../support/cliInProcess';
import { tempDir } from '../support/tempDirs';

/** A CSV export as the tools write it (UTF-8). */
function csv(file: string, rows: string[][]): string {
  writeFileSync(file, rows.map((r) => r.join(',')).join('\n') + '\n', 'utf8');
  return file;
}

const MEMBER_HEAD = ['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请人', '退群时间', 'unionid'];
const member = (g: string, name: string, id: string, join: string, inviter: string, leave = '') => [g, name, id, '外部联系人', join, '直接邀请入群', inviter, leave, `un-${id}`];
const ORDER_HEAD = ['订单号', '订单状态', '订单创建时间', '买家付款时间', '订单实付金额', '订单已退款金额', '买家昵称', '买家手机号'];
const MESSAGE_HEAD = ['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容'];

/** Every row of every data table and of the bookkeeping, the import time aside, in a stable order. */
async function contents(file: string): Promise<Record<string, string[]>> {
  const db = await ProjectDb.open(file, { readOnly: true });
  try {
    const out: Record<string, string[]> = {};
    const all = async (q: string) => (await db.all<{ j: string }>(`SELECT to_json(t)::VARCHAR AS j FROM (${q}) t`)).map((r) => r.j).sort();
    for (const table of DATA_TABLES) out[table] = await all(`SELECT * EXCLUDE (source_row) FROM ${table}`);
    out.imports = await all(`SELECT import_id, file_name, file_hash, kind FROM imports`);
    out.import_rows = await all(`SELECT * FROM import_rows`);
    out.row_updates = await all(`SELECT * FROM row_updates`);
    return out;
  } finally {
    await db.close();
  }
}

describe('merging a project (合并项目)', () => {
  const { dir, cleanup } = tempDir('qunxi-merge-');
  const files: Record<string, string> = {};
  const a = path.join(dir, 'A.qunxi');
  const b = path.join(dir, 'B.qunxi');
  beforeAll(async () => {
    files.members1 = csv(path.join(dir, '群成员_第1周.csv'), [
      MEMBER_HEAD,
      member('一群', '小一', 'u1', '2026-09-07 10:00:00', ''),
      member('一群', '小二', 'u2', '2026-09-07 11:00:00', '小一'),
      member('二群', '小三', 'u3', '2026-09-08 08:00:00', 'u1'),
    ]);
    files.members2 = csv(path.join(dir, '群成员_第2周.csv'), [
      MEMBER_HEAD,
      member('一群', '小一', 'u1', '2026-09-07 10:00:00', ''),
      member('一群', '小二', 'u2', '2026-09-07 11:00:00', '小一', '2026-09-12 09:00:00'),
      member('二群', '小三', 'u3', '2026-09-08 08:00:00', 'u1'),
      member('二群', '小四', 'u4', '2026-09-13 09:00:00', '小三'),
    ]);
    files.ordersX = csv(path.join(dir, '订单_甲.csv'), [
      ORDER_HEAD,
      ['E1', '已付款', '2026-09-08 10:00:00', '2026-09-08 10:01:00', '100', '0', '小一', '13800000001'],
      ['E2', '已付款', '2026-09-09 10:00:00', '2026-09-09 10:01:00', '50', '0', '小二', '13800000002'],
    ]);
    files.ordersY = csv(path.join(dir, '订单_乙.csv'), [
      ORDER_HEAD,
      ['E1', '已退款', '2026-09-08 10:00:00', '2026-09-08 10:01:00', '100', '100', '小一', '13800000001'],
      ['E3', '已付款', '2026-09-13 10:00:00', '2026-09-13 10:01:00', '80', '0', '小四', '13800000004'],
    ]);
    files.ordersZ = csv(path.join(dir, '订单_丙.csv'), [
      ORDER_HEAD,
      ['E1', '已付款', '2026-09-08 10:00:00', '2026-09-08 10:01:00', '100', '0', '小一', '13800000001'],
      ['E9', '已付款', '2026-09-10 10:00:00', '2026-09-10 10:01:00', '30', '0', '小三', '13800000003'],
    ]);
    files.messages1 = csv(path.join(dir, '聊天记录_1.csv'), [
      MESSAGE_HEAD,
      ['小一', 'u1', '一群', '2026-09-07 12:00:00', 'text', '打卡第1天'],
      ['小一', 'u1', '一群', '2026-09-07 12:00:00', 'text', '+1'],
      ['小一', 'u1', '一群', '2026-09-07 12:00:00', 'text', '+1'],
      ['小三', 'u3', '二群', '2026-09-09 15:00:00', 'text', '大家好'],
    ]);
    files.messages2 = csv(path.join(dir, '聊天记录_2.csv'), [
      MESSAGE_HEAD,
      ['小一', 'u1', '一群', '2026-09-07 12:00:00', 'text', '+1'],
      ['小三', 'u3', '二群', '2026-09-09 15:00:00', 'text', '大家好'],
      ['小四', 'u4', '二群', '2026-09-13 12:00:00', 'text', '打卡第1天'],
    ]);
    const imp = async (project: string, ...f: string[]) => {
      const run = await runCliIn(dir, 'import', '--project', project, ...f);
      expect(run.code, run.stderr).toBe(0);
    };
    // A: the second week's members, two order exports (the later refunds E1), the later messages, and one file B has too.
    await imp(a, files.members2, files.ordersX, files.ordersY, files.messages2, files.members1);
    // B: the first week's members and messages, another order export.
    await imp(b, files.members1, files.ordersZ, files.messages1);
  }, 120_000);
  afterAll(cleanup);

  it('merging A into B gives the same data and figures as importing A\'s files into B; merging twice changes nothing', async () => {
    const imported = path.join(dir, 'B-imported.qunxi');
    const merged = path.join(dir, 'B-merged.qunxi');
    copyFileSync(b, imported);
    copyFileSync(b, merged);
    for (const f of [files.members2, files.ordersX, files.ordersY, files.messages2, files.members1]) {
      const run = await runCliIn(dir, 'import', '--project', imported, f!);
      expect(run.code, run.stderr).toBe(0);
    }
    const project = await openProjectFile(merged, withDerivedTables);
    try {
      const summary = await mergeProject(project, a);
      expect(summary).toMatchObject({ imports: 4, skippedFiles: 1 });
      expect(summary.existing).toBeGreaterThan(0);
    } finally {
      await closeProjectFile(project);
    }
    const expected = await contents(imported);
    expect(expected.orders.some((o) => o.includes('已退款'))).toBe(true);
    expect(await contents(merged)).toEqual(expected);
    for (const args of [['metrics', '--period', 'day'], ['funnel', '--mode', 'cohort'], ['churn', '--period', 'week'], ['features']]) {
      const x = await runCliIn(dir, ...args, '--project', imported, '--format', 'json');
      const y = await runCliIn(dir, ...args, '--project', merged, '--format', 'json');
      expect(y.code, y.stderr).toBe(0);
      expect(y.stdout, args.join(' ')).toBe(x.stdout);
    }

    const again = await openProjectFile(merged, withDerivedTables);
    try {
      expect(await mergeProject(again, a)).toEqual({ imports: 0, skippedFiles: 5, added: 0, existing: 0 });
    } finally {
      await closeProjectFile(again);
    }
    expect(await contents(merged)).toEqual(expected);
  }, 180_000);

  it('a project is not merged into itself, and a failed merge leaves the project as it was', async () => {
    const project = await openProjectFile(b, withDerivedTables);
    try {
      await expect(mergeProject(project, b)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
      await expect(mergeProject(project, path.join(dir, 'missing.qunxi'))).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    } finally {
      await closeProjectFile(project);
    }
  });
});
