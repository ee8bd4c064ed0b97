import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src-main/cli/args';

function reason(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (e) {
    return (e as Error).message;
  }
  return 'parsed';
}

describe('parseCliArgs', () => {
  it('reads an import of several files into a project, kind optional', () => {
    expect(parseCliArgs(['import', '--project', 'P.qunxi', 'a.xlsx', 'b.csv'])).toEqual({
      command: 'import',
      project: 'P.qunxi',
      files: ['a.xlsx', 'b.csv'],
    });
    expect(parseCliArgs(['import', 'a.xlsx', '--kind', 'messages', '--project=P.qunxi'])).toEqual({
      command: 'import',
      project: 'P.qunxi',
      files: ['a.xlsx'],
      kind: 'messages',
    });
  });

  it('reads a metrics query with repeated groups and dates', () => {
    expect(
      parseCliArgs(['metrics', '--project', 'P.qunxi', '--period', 'week', '--from', '2026-09-01', '--to', '2026-09-30', '--group', '一群', '--group', '二群', '--format', 'csv']),
    ).toEqual({ command: 'metrics', project: 'P.qunxi', period: 'week', from: '2026-09-01', to: '2026-09-30', groups: ['一群', '二群'], format: 'csv' });
  });

  it('defaults metrics to json over all groups', () => {
    expect(parseCliArgs(['metrics', '--project', 'P.qunxi', '--period', 'day'])).toEqual({
      command: 'metrics',
      project: 'P.qunxi',
      period: 'day',
      groups: [],
      format: 'json',
    });
  });

  it('answers help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['help'])).toEqual({ command: 'help' });
  });

  it('refuses bad command lines with a one-line reason', () => {
    const cases: [string[], RegExp][] = [
      [[], /缺少命令/],
      [['export', '--project', 'P'], /未知的命令/],
      [['metrics', '--period', 'day'], /--project/],
      [['metrics', '--project', 'P'], /--period/],
      [['metrics', '--project', 'P', '--period', 'year'], /--period 只能是/],
      [['metrics', '--project', 'P', '--period', 'day', '--format', 'xml'], /--format 只能是/],
      [['metrics', '--project', 'P', '--period', 'day', '--from', '2026-02-30'], /--from 需要/],
      [['metrics', '--project', 'P', '--period', 'day', '--from', '2026-09-02', '--to', '2026-09-01'], /晚于/],
      [['metrics', '--project', 'P', '--period', 'day', 'extra.xlsx'], /不接受文件/],
      [['metrics', '--project', 'P', '--period', 'day', '--kind', 'members'], /不接受 --kind/],
      [['import', '--project', 'P'], /至少一个/],
      [['import', '--project', 'P', 'a.xlsx', '--kind', 'pictures'], /--kind 只能是/],
      [['import', '--project', 'P', 'a.xlsx', '--period', 'day'], /不接受 --period/],
      [['metrics', '--project', 'P', '--period', 'day', '--verbose'], /命令行参数有误/],
    ];
    for (const [argv, expected] of cases) {
      const r = reason(argv);
      expect(r, argv.join(' ')).toMatch(expected);
      expect(r).not.toContain('\n');
    }
  });
});
