/**
 * DESIGN §4: key-behaviour rules match the content after Unicode NFKC, so `\s` matches the
 * full-width space and ＃ is #. The default topic rule is `#[^#\s]+`.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyBehaviour } from '../../../src-main/contract';
import { queryBehaviourCounts } from '../../../src-main/analysis/behaviours/behaviourQueries';
import { nfkcPattern } from '../../../src-main/analysis/base/behaviourHits';
import { withDerivedTables } from '../../../src-main/analysis/base/derivedTables';
import { defaultBehaviours } from '../../../src-main/db/definitionDefaults';
import { contentNfkc } from '../../../src-main/db/messageText';
import { closeProjectFile, openProjectFile, type OpenProject } from '../../../src-main/db/projectFile';
import { FORMAT_VERSION, readMeta } from '../../../src-main/db/schema';
import { importRows } from '../../import/kinds/kindHelpers';
import { tempProject, type TempProject } from '../../support/projectFixture';

const TZ = 'Asia/Shanghai';
const topic = defaultBehaviours().find((b) => b.id === 'topic')!;
const rule = (over: Partial<KeyBehaviour>): KeyBehaviour => ({ ...topic, id: 'x', name: 'x', ...over });

/** The people and occurrences of each rule over the whole project. */
async function counts(project: OpenProject, rules: KeyBehaviour[], scope: { from?: string; to?: string } = {}) {
  const rows = await project.db.use((sql) => queryBehaviourCounts(sql, rules, scope, TZ));
  return rows.map((r) => [r.people, r.occurrences, r.error]);
}

describe('NFKC of message content and of rules', () => {
  it('turns full-width forms and the ideographic space into ASCII, and leaves Chinese and ASCII as they are', () => {
    expect(contentNfkc('#　全角空格开头')).toBe('# 全角空格开头');
    expect(contentNfkc('＃话题讨论')).toBe('#话题讨论');
    expect(contentNfkc('ｈｅｌｌｏ　＃ｔｅｓｔ')).toBe('hello #test');
    expect(contentNfkc('活动（报名），谢谢！')).toBe('活动(报名),谢谢!');
    expect([contentNfkc('打卡第3天 ok'), contentNfkc('好的。'), contentNfkc(null)]).toEqual([null, null, null]);
  });

  it('reads a rule in NFKC too, a full-width character that becomes RE2 syntax staying a literal', () => {
    expect(nfkcPattern('＃[^＃\\s]+')).toBe('#[^#\\s]+');
    expect(nfkcPattern('（报名）|ＶＩＰ')).toBe('\\(报名\\)|VIP');
    expect(nfkcPattern('[０－９]+元')).toBe('[0\\-9]+元');
    expect(nfkcPattern('#[^#\\s]+')).toBe('#[^#\\s]+');
  });
});

describe('messages imported from an export', () => {
  let t: TempProject;
  beforeAll(async () => {
    t = await tempProject(TZ);
    const header = ['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容'];
    const row = (id: string, at: string, content: string) => [id, id, '一群', `2024-03-01 ${at}`, 'text', content];
    const result = await importRows(t.project, t.dir, [
      header,
      row('s1', '10:00:00', '#　全角空格开头'),
      row('s1', '10:01:00', '＃话题讨论'),
      row('s2', '10:02:00', '#普通话题'),
      row('s2', '10:03:00', 'ｈｅｌｌｏ　＃ｔｅｓｔ'),
      row('s3', '10:04:00', '活动（报名）已开始'),
      row('s3', '10:05:00', '全角　空格'),
    ]);
    expect(result.kind).toBe('messages');
  });
  afterAll(async () => t?.dispose());

  it('keep their content as written and its NFKC form where that differs', async () => {
    const rows = await t.project.db.all<{ content: string; content_nfkc: string | null }>(`SELECT content, content_nfkc FROM messages ORDER BY sent_at`);
    expect(rows.map((r) => r.content_nfkc)).toEqual(['# 全角空格开头', '#话题讨论', null, 'hello #test', '活动(报名)已开始', '全角 空格']);
    expect(rows[0]!.content).toBe('#　全角空格开头');
  });

  it('#　全角 is not a topic; ＃话题 is', async () => {
    // Topics: s1 ＃话题讨论, s2 #普通话题 and ＃ｔｅｓｔ → 2 people, 3 messages.
    expect(await counts(t.project, [topic])).toEqual([[2, 3, null]]);
  });

  it('matches full-width keywords and literals of a rule against any width in the content', async () => {
    const rules = [
      rule({ id: 'kw', isRegex: false, pattern: 'ＨＥＬＬＯ' }),
      rule({ id: 'paren', isRegex: true, pattern: '（报名）' }),
      rule({ id: 'space', isRegex: true, pattern: '全角\\s空格' }),
    ];
    expect(await counts(t.project, rules)).toEqual([[1, 1, null], [1, 1, null], [1, 1, null]]);
  });
});

describe('a format-3 project', () => {
  // format-v3.qunxi: the demo exports and format-v3.messages.csv imported by the format-3 code
  // (commit 8f6f9c9), whose messages hold no NFKC form yet.
  let project: OpenProject;
  let dir: TempProject;
  beforeAll(async () => {
    dir = await tempProject(TZ);
    const copy = path.join(dir.dir, 'old-v3.qunxi');
    copyFileSync(path.resolve(__dirname, '../../fixtures/projects/format-v3.qunxi'), copy);
    project = await openProjectFile(copy, withDerivedTables);
  });
  afterAll(async () => {
    await closeProjectFile(project).catch(() => undefined);
    await dir?.dispose();
  });

  it('is migrated on open: every message gets its NFKC form, so the topic rule counts as on a fresh import', async () => {
    expect(await project.db.use((sql) => readMeta(sql, 'format_version'))).toBe(String(FORMAT_VERSION));
    const rows = await project.db.all<{ content: string | null; content_nfkc: string | null }>(`SELECT content, content_nfkc FROM messages`);
    expect(rows).toHaveLength(2787);
    expect(rows.filter((r) => r.content_nfkc !== contentNfkc(r.content))).toEqual([]);
    // The rows of format-v3.messages.csv, the last import.
    const extra = await project.db.all<{ content_nfkc: string | null }>(
      `SELECT content_nfkc FROM messages WHERE import_id = (SELECT max(import_id) FROM imports) ORDER BY sent_at`,
    );
    expect(extra.map((r) => r.content_nfkc)).toEqual(['# 全角空格开头', '#新品试用#', null, 'hello #test', '打卡 第1天']);
    // The week of 2026-10-05: format 3 counted 2 people and 2 topics (#\u3000全角空格开头, #护肤心得);
    // now ＃新品试用＃, #护肤心得 and ＃ｔｅｓｔ of the same 2 people.
    expect(await counts(project, [topic], { from: '2026-10-05', to: '2026-10-11' })).toEqual([[2, 3, null]]);
  });

  it('gets the column for the staff member responsible for a join', async () => {
    const cols = await project.db.all<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'memberships'`);
    expect(cols.map((c) => c.name)).toContain('staff');
  });
});
