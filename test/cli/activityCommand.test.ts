import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import { writeCsv } from '../import/helpers';
import { tempDir } from '../support/tempDirs';
import { csvLines } from '../support/csvText';

const repoRoot = path.resolve(__dirname, '../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('qunxi-cli-activity-');
});
afterAll(() => tmp.cleanup());

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

describe('qunxi activity', () => {
  it('imports members and epoch-millisecond messages, then prints the 168 cells in local time', async () => {
    const members = await writeCsv(path.join(tmp.dir, '群成员.csv'), [
      ['群名称', '群成员昵称', '成员ID', '入群时间', '退群时间'],
      ['一群', '小一', 'u1', '2024-01-01 00:00:00', ''],
      ['一群', '小二', 'u2', '2024-01-01 00:00:00', ''],
    ]);
    // 1704643199000 = 2024-01-07 15:59:59 UTC = Sunday 23:59:59 local; 1704643200000 = Monday 00:00:00 local;
    // 1704783600000 = 2024-01-09 07:00 UTC = Tuesday 15 时 local. The one-to-one chat (no 群名称) is left out.
    const messages = await writeCsv(path.join(tmp.dir, '聊天记录.csv'), [
      ['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容'],
      ['小一', 'u1', '一群', '1704643199000', 'text', '晚安'],
      ['小一', 'u1', '一群', '1704643200000', 'text', '早'],
      ['小二', 'u2', '一群', '1704643200000', 'text', '早上好'],
      ['小二', 'u2', '', '1704643200000', 'text', '私聊'],
      ['小二', 'u2', '一群', '1704783600000', 'text', '下午好'],
    ]);
    const imported = await qunxi('import', '--project', path.join(tmp.dir, 'activity.qunxi'), members, messages);
    expect(imported.code, imported.stderr).toBe(0);

    const r = await qunxi('activity', '--project', path.join(tmp.dir, 'activity.qunxi'));
    expect(r.code, r.stderr).toBe(0);
    const cells = JSON.parse(r.stdout) as { weekday: number; hour: number; messages: number; people: number }[];
    expect(cells).toHaveLength(168);
    expect(Object.keys(cells[0]!)).toEqual(['weekday', 'hour', 'messages', 'people']);
    expect(cells.filter((c) => c.messages > 0)).toEqual([
      { weekday: 1, hour: 0, messages: 2, people: 2 },
      { weekday: 2, hour: 15, messages: 1, people: 1 },
      { weekday: 7, hour: 23, messages: 1, people: 1 },
    ]);
    expect(lastLine(r.stderr)).toBe('168 个时段，群消息 4 条，最活跃：周一 0 时（2 人）');

    const monday = await qunxi('activity', '--project', path.join(tmp.dir, 'activity.qunxi'), '--from', '2024-01-08', '--to', '2024-01-08', '--format', 'csv');
    const lines = csvLines(monday.stdout);
    expect(lines).toHaveLength(169);
    expect(lines[0]).toBe('weekday,hour,messages,people');
    expect(lines.filter((l) => !l.endsWith(',0,0'))).toEqual(['weekday,hour,messages,people', '1,0,2,2']);
  });

  it('refuses options of other commands and stray arguments with exit status 2', async () => {
    const dimension = await qunxi('activity', '--project', path.join(tmp.dir, 'x.qunxi'), '--dimension', 'source');
    expect(dimension.code).toBe(2);
    expect(lastLine(dimension.stderr)).toBe('activity 命令不接受 --dimension');
    const stray = await qunxi('activity', '--project', path.join(tmp.dir, 'x.qunxi'), 'extra');
    expect(stray.code).toBe(2);
    expect(lastLine(stray.stderr)).toBe('activity 命令不接受参数“extra”');
  });
});
