import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src-main/import/importFile';
import { closeProjectFile, createProjectFile, type OpenProject } from '../../src-main/db/projectFile';
import { tempDir } from '../support/tempDirs';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';

const samples = path.resolve(__dirname, '../../../shared/samples');
const demo = path.resolve(__dirname, '../../resources/demo');

describe('the openpyxl-written sample exports', () => {
  const tmp = tempDir();
  let project: OpenProject;
  beforeAll(async () => {
    project = await createProjectFile(path.join(tmp.dir, 'p.qunxi'), undefined, withDerivedTables);
    for (const f of ['群成员.xlsx', '聊天记录.xlsx']) {
      await importFile(project, { path: path.join(demo, f), fileName: f }, { tempDir: path.join(tmp.dir, 't') });
    }
  });
  afterAll(async () => {
    await closeProjectFile(project);
    tmp.cleanup();
  });

  it('the bundled demo exports are the shared samples', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    if (!existsSync(samples)) return; // shared/ is beside the checkout in development and CI
    for (const f of ['群成员.xlsx', '聊天记录.xlsx']) {
      expect(readFileSync(path.join(demo, f)).equals(readFileSync(path.join(samples, f))), f).toBe(true);
    }
  });

  it('no text cell turns into an object dump, even formula cells without a cached value', async () => {
    const rows = await project.db.all<{ n: number }>(
      `SELECT (SELECT count(*) FROM memberships WHERE member_name LIKE '%[object %' OR group_name LIKE '%[object %')
            + (SELECT count(*) FROM messages WHERE sender_name LIKE '%[object %' OR content LIKE '%[object %')::INTEGER AS n`,
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('emoji and rare CJK nicknames of the sample survive byte for byte', async () => {
    const rows = await project.db.all<{ member_name: string }>(`SELECT DISTINCT member_name FROM memberships WHERE member_id = 'wm11x00394'`);
    expect(rows.map((r) => r.member_name)).toContain('用户394𠮷');
  });
});
