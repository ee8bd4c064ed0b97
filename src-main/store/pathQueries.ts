/**
 * The customer path (DESIGN §2 step 1): the saved one, or a default made of the stages the
 * project has data for, and what the project holds for each source a stage can bind.
 */
import type { CustomerPath, StageSource, StageSourceInfo } from '../api/contract';
import { readSavedDefinition } from './definitionsStore';
import { identityCtes } from './identity';
import type { Sql } from './projectDb';

/** Chinese labels and kinds of the stage sources. */
export const stageSourceText: Record<StageSource, { label: string; kind: 'aggregate' | 'person' }> = {
  ad_impressions: { label: '广告曝光（渠道投放·曝光）', kind: 'aggregate' },
  ad_clicks: { label: '广告点击（渠道投放·点击）', kind: 'aggregate' },
  oa_new_follows: { label: '公众号新关注（公众号用户分析）', kind: 'aggregate' },
  contact_new: { label: '新增客户（联系客户统计）', kind: 'aggregate' },
  person_added: { label: '添加为客户（客户列表·添加时间）', kind: 'person' },
  person_joined: { label: '入群（群成员·入群时间）', kind: 'person' },
  person_active: { label: '在群内发言（聊天记录）', kind: 'person' },
  person_first_paid: { label: '首次付费下单（订单）', kind: 'person' },
  person_repurchase: { label: '复购（第二笔付费订单）', kind: 'person' },
  person_referral: { label: '推荐好友入群（群成员·邀请人）', kind: 'person' },
};

/** How much data the project holds per source: rows of an aggregate table, people of a per-person event. */
export async function stageSourceInfo(sql: Sql): Promise<StageSourceInfo[]> {
  const row = await sql.one<Record<StageSource, number>>(`
    WITH ${identityCtes()},
    paid AS (SELECT pid, count(*) AS n FROM id_orders WHERE pid IS NOT NULL AND paid_at IS NOT NULL AND refunded < paid GROUP BY pid)
    SELECT
      (SELECT count(*) FROM ad_costs WHERE impressions IS NOT NULL)::INTEGER AS ad_impressions,
      (SELECT count(*) FROM ad_costs WHERE clicks IS NOT NULL)::INTEGER AS ad_clicks,
      (SELECT count(*) FROM official_account_daily WHERE new_follows IS NOT NULL)::INTEGER AS oa_new_follows,
      (SELECT count(*) FROM contact_stats WHERE new_customers IS NOT NULL)::INTEGER AS contact_new,
      (SELECT count(*) FROM customers WHERE added_at IS NOT NULL)::INTEGER AS person_added,
      (SELECT count(DISTINCT member_id) FROM memberships WHERE join_time IS NOT NULL)::INTEGER AS person_joined,
      (SELECT count(DISTINCT sender_id) FROM messages WHERE group_name IS NOT NULL)::INTEGER AS person_active,
      (SELECT count(*) FROM paid)::INTEGER AS person_first_paid,
      (SELECT count(*) FROM paid WHERE n >= 2)::INTEGER AS person_repurchase,
      (SELECT count(*) FROM memberships WHERE nullif(trim(inviter), '') IS NOT NULL)::INTEGER AS person_referral`);
  return (Object.keys(stageSourceText) as StageSource[]).map((source) => ({
    source,
    label: stageSourceText[source].label,
    kind: stageSourceText[source].kind,
    available: Number(row?.[source] ?? 0),
  }));
}

/** The default stages, in path order (DESIGN §2: 广告曝光 → 公众号关注 → 添加客服微信 → 入群 → 付费下单). */
const defaultStages: { id: string; name: string; source: StageSource; always: boolean }[] = [
  { id: 'ad', name: '广告曝光', source: 'ad_impressions', always: false },
  { id: 'follow', name: '公众号关注', source: 'oa_new_follows', always: false },
  { id: 'add', name: '添加客服微信', source: 'person_added', always: false },
  { id: 'join', name: '入群', source: 'person_joined', always: true },
  { id: 'pay', name: '付费下单', source: 'person_first_paid', always: true },
];

/** The default path over what the project holds: stages without data are left out, 入群 and 付费下单 always stay. */
export function defaultPath(sources: StageSourceInfo[]): CustomerPath {
  const has = new Map(sources.map((s) => [s.source, s.available > 0]));
  return { stages: defaultStages.filter((s) => s.always || has.get(s.source)).map(({ id, name, source }) => ({ id, name, source })) };
}

/** The saved path, or the default when none is saved. */
export async function readPath(sql: Sql): Promise<{ path: CustomerPath; sources: StageSourceInfo[]; isSaved: boolean }> {
  const sources = await stageSourceInfo(sql);
  const saved = await readSavedDefinition(sql, 'path');
  return { path: saved ?? defaultPath(sources), sources, isSaved: saved !== null };
}
