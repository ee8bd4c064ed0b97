import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQuadrant } from '../../src-main/db/definitionDefaults';
import { parseCliArgs } from '../../src-main/cli/args';
import { writeDefinition } from '../../src-main/db/definitionsStore';
import { closeProject, insertMessages, insertSpells, tempProject, type TempProject } from '../support/projectFixture';
import { runCliIn } from '../support/cliInProcess';


/**
 * Three members, quadrant saved as x = messages (raw) ≥ 2, y = messages (percentile) ≥ 0.5:
 *   m1 group 一群, 3 messages; m2 一群 and 二群, 1 message in 二群; m3 二群, none.
 * All groups: messages 3, 1, 0 → percent rank 1, 0.5, 0 →
 *   m1 (3, 1) 忠实型; m2 (1, 0.5) 羊毛型; m3 (0, 0) 低需求.
 * 二群 only: m2 1 message, m3 none → ranks 1, 0 → m2 (1, 1) 羊毛型, m3 (0, 0) 低需求.
 */
let t: TempProject;
let file: string;

beforeAll(async () => {
  t = await tempProject();
  file = path.join(t.dir, 'p.qunxi');
  await insertSpells(t.project, [
    { group: '一群', id: 'm1', name: '阿一', join: '2026-05-01 10:00:00+08' },
    { group: '一群', id: 'm2', name: '阿二', join: '2026-05-01 10:00:00+08' },
    { group: '二群', id: 'm2', name: '阿二', join: '2026-05-02 10:00:00+08' },
    { group: '二群', id: 'm3', name: '阿三', join: '2026-05-02 10:00:00+08' },
  ]);
  await insertMessages(t.project, [
    { id: 'm1', group: '一群', at: '2026-05-03 09:00:00+08' },
    { id: 'm1', group: '一群', at: '2026-05-03 09:01:00+08' },
    { id: 'm1', group: '一群', at: '2026-05-03 09:02:00+08' },
    { id: 'm2', group: '二群', at: '2026-05-03 10:00:00+08' },
  ]);
  await t.project.db.use((sql) =>
    writeDefinition(sql, 'quadrant', {
      ...defaultQuadrant(),
      x: { terms: [{ feature: 'messages', weight: 1, normalise: 'raw' }], threshold: { kind: 'fixed', value: 2 } },
      y: { terms: [{ feature: 'messages', weight: 1, normalise: 'percentile' }], threshold: { kind: 'fixed', value: 0.5 } },
    }),
  );
  await closeProject(t);
});
afterAll(async () => t?.dispose());

/** The command line in-process, its folders under the test's. */
function qunxi(...argv: string[]) {
  return runCliIn(t.dir, ...argv);
}

describe('quadrant command', () => {
  it('prints one JSON row per person with both values, the type id and its label', async () => {
    const r = await qunxi('quadrant', '--project', file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { pid: 'm1', name: '阿一', x: 3, y: 1, type: 'loyal', type_label: '忠实型' },
      { pid: 'm2', name: '阿二', x: 1, y: 0.5, type: 'bargain', type_label: '羊毛型' },
      { pid: 'm3', name: '阿三', x: 0, y: 0, type: 'low', type_label: '低需求' },
    ]);
    expect(r.stderr).toContain('3 人：忠实型 1，羊毛型 1，低需求 1，需求型 0');
  });

  it('limits to --group and writes CSV', async () => {
    const r = await qunxi('quadrant', '--project', file, '--group', '二群', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('\uFEFFpid,name,x,y,type,type_label\r\nm2,阿二,1,1,bargain,羊毛型\r\nm3,阿三,0,0,low,低需求\r\n');
  });

  it('takes no date range and no stray arguments', () => {
    expect(() => parseCliArgs(['quadrant', '--project', 'P', '--from', '2026-05-01'])).toThrow();
    expect(() => parseCliArgs(['quadrant', '--project', 'P', 'extra'])).toThrow(/不接受参数/);
    expect(parseCliArgs(['quadrant', '--project', 'P', '--group', 'A'])).toMatchObject({ command: 'analysis', name: 'quadrant', groups: ['A'], format: 'json' });
  });
});
