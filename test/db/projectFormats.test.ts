import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../src-main/contract';
import { FORMAT_VERSION } from '../../src-main/db/schema';
import { goldenFile } from '../cli/goldenCases';
import { runCliIn } from '../support/cliInProcess';
import { tempDir } from '../support/tempDirs';

const fixtures = path.resolve(__dirname, '../fixtures/projects');

describe('project files of every past format version', () => {
  const tmp = tempDir('qunxi-formats-');
  afterAll(tmp.cleanup);

  it('has a committed fixture for every version before the current one', () => {
    const missing = Array.from({ length: FORMAT_VERSION - 1 }, (_, i) => i + 1).filter((v) => !existsSync(path.join(fixtures, `format-v${v}.qunxi`)));
    expect(missing).toEqual([]);
  });

  // format-v2.qunxi is the demo exports (resources/demo) imported by the format-2 code (commit dc42b77^).
  it('a format-2 project of the demo exports, migrated on open, gives the weekly metrics of the demo imported today', async () => {
    const copy = path.join(tmp.dir, 'old-v2.qunxi');
    copyFileSync(path.join(fixtures, 'format-v2.qunxi'), copy);
    const run = await runCliIn(tmp.dir, 'metrics', '--project', copy, '--period', 'week', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(goldenFile('demo', 'metrics-week'), 'utf8'));
  });
});

describe('a format-4 project (before skipped rows were recorded)', () => {
  const tmp = tempDir('qunxi-format4-');
  afterAll(tmp.cleanup);

  // format-v4.qunxi is format-v4.members.csv (one member, a repeat of it, a row without 成员ID) imported by the format-4 code (78e7f62).
  it('opens migrated: its import keeps its counts, its skipped rows count as not listed, and a new import lists its own', async () => {
    const copy = path.join(tmp.dir, 'old-v4.qunxi');
    copyFileSync(path.join(fixtures, 'format-v4.qunxi'), copy);
    const history = await runCliIn(tmp.dir, 'imports', '--project', copy);
    expect(history.code, history.stderr).toBe(0);
    const [old] = JSON.parse(history.stdout) as ImportRecord[];
    expect(old).toMatchObject({ importId: 1, rowsRead: 3, rowsAdded: 1, rowsSkipped: 2, skippedByReason: [{ reason: 'not_recorded', count: 2 }] });
    const none = await runCliIn(tmp.dir, 'imports', '--project', copy, 'skipped', '1');
    expect(JSON.parse(none.stdout)).toEqual([]);

    const later = path.join(tmp.dir, '群成员.csv');
    writeFileSync(later, '群名称,成员ID,群成员昵称,入群时间\nA群,u1,甲,2026-09-01 10:00:00\nA群,u2,乙,2026-09-02 10:00:00\n', 'utf8');
    const imported = await runCliIn(tmp.dir, 'import', '--project', copy, later);
    expect(imported.stderr).toContain('读取 2 行，新增 1 行，跳过 1 行');
    const listed = await runCliIn(tmp.dir, 'imports', '--project', copy, 'skipped', '2');
    expect(JSON.parse(listed.stdout)).toEqual([{ sheet: null, row: 2, reason: 'known', detail: '已由导入 #1 导入' }]);
  });
});
