import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src-main/cli/args';
import { runCli } from '../../src-main/cli/run';
import { writeDefinition } from '../../src-main/db/definitionsStore';
import { expectedAddWayAll, expectedSourceMarch, insertChannelFixture, typedCosts } from '../analysis/channels/channelFixture';
import { closeProject, tempProject, type TempProject } from '../support/projectFixture';
import { tempDir } from '../support/tempDirs';
import { csvLines } from '../support/csvText';

const repoRoot = path.resolve(__dirname, '../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let tmp: ReturnType<typeof tempDir>;
let fixture: TempProject;
let project: string;

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

beforeAll(async () => {
  tmp = tempDir('qunxi-cli-channels-');
  fixture = await tempProject();
  await insertChannelFixture(fixture.project);
  await fixture.project.db.use((sql) => writeDefinition(sql, 'channelCosts', typedCosts));
  project = fixture.project.path;
  await closeProject(fixture);
});
afterAll(async () => {
  await fixture?.dispose();
  tmp?.cleanup();
});

describe('qunxi channels', () => {
  it('prints one JSON object per channel with the ChannelRow fields, ROI in percent and empty figures as null', async () => {
    const r = await qunxi('channels', '--project', project, '--dimension', 'source', '--from', '2024-03-01', '--to', '2024-03-31');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expectedSourceMarch);
    expect(Object.keys(JSON.parse(r.stdout)[0])).toEqual(Object.keys(expectedSourceMarch[0]!));
    expect(lastLine(r.stderr)).toBe('按渠道：4 个渠道，新增客户 7 人');
  });

  it('defaults to the person channel, shows 添加方式 under its own name, and writes CSV with empty cells for null', async () => {
    const byDefault = await qunxi('channels', '--project', project, '--from', '2024-03-01', '--to', '2024-03-31');
    expect(JSON.parse(byDefault.stdout)).toEqual(expectedSourceMarch);
    const json = await qunxi('channels', '--project', project, '--dimension', 'add_way');
    expect(JSON.parse(json.stdout)).toEqual(expectedAddWayAll);
    expect(lastLine(json.stderr)).toBe('按添加方式：4 个渠道，新增客户 9 人');
    const csv = await qunxi('channels', '--project', project, '--dimension', 'add_way', '--format', 'csv');
    expect(csv.code, csv.stderr).toBe(0);
    expect(csvLines(csv.stdout)).toEqual([
      'dimension,channel,added,joined,active,converted,gmv,churned,cost,cost_per_acquisition,cost_per_conversion,roi',
      'add_way,扫描二维码,5,2,1,2,290.5,2,,,,',
      'add_way,名片分享,3,2,2,1,30,1,0,0,0,',
      'add_way,抖音,0,0,0,0,0,0,50,,,-100',
      'add_way,（未知渠道）,1,0,0,0,0,0,,,,',
    ]);
  });

  it('limits to the groups given', async () => {
    const r = await qunxi('channels', '--project', project, '--dimension', 'source', '--from', '2024-03-01', '--to', '2024-03-31', '--group', 'B');
    expect(r.code, r.stderr).toBe(0);
    // In group B only: 朋友圈海报 cat (still in B, wrote there) and dan (left B); 直播间 nobody joined B.
    const rows = JSON.parse(r.stdout) as { channel: string; joined: number; active: number; churned: number }[];
    expect(rows.map((x) => [x.channel, x.joined, x.active, x.churned])).toEqual([
      ['朋友圈海报', 2, 2, 1],
      ['直播间', 0, 0, 1],
      ['抖音', 0, 0, 0],
      ['（未知渠道）', 0, 0, 0],
    ]);
  });

  it('refuses an unknown dimension and a stray argument with exit status 2', async () => {
    const bad = await qunxi('channels', '--project', project, '--dimension', 'staff');
    expect(bad.code).toBe(2);
    expect(lastLine(bad.stderr)).toBe('--dimension 只能是 source | channel_code | add_way，收到“staff”');
    const stray = await qunxi('channels', '--project', project, 'extra');
    expect(stray.code).toBe(2);
    expect(parseCliArgs(['channels', '--project', 'P', '--dimension', 'channel_code', '--group', 'A'])).toMatchObject({ name: 'channels', groups: ['A'], params: { dimension: 'channel_code' } });
  });
});
