/** The customer path: the stages the funnel counts (DESIGN §2 step 1). */
import { z } from 'zod';
import { empty, shortText } from './common';
import { method } from './method';

/** What a customer-path stage counts (DESIGN §2 step 1, §4 Funnel). */
export const stageSources = [
  // Aggregate daily figures of imported tables (period-count mode only).
  'ad_impressions', // 渠道投放.曝光
  'ad_clicks', // 渠道投放.点击
  'oa_new_follows', // 公众号用户分析.新关注
  'contact_new', // 联系客户统计.新增客户数
  // Per-person events (cohort mode can follow these).
  'person_added', // 添加为客户（客户列表.添加时间）
  'person_joined', // 入群（群成员.入群时间，范围内任一群）
  'person_active', // 在群内发言
  'person_first_paid', // 首次付费下单（未全额退款）
  'person_repurchase', // 复购（第二笔付费订单）
  'person_referral', // 推荐：邀请的人入群
] as const;
export type StageSource = (typeof stageSources)[number];

/** One stage of the customer path. */
export interface PathStage {
  /** Stable id within the path. */
  id: string;
  /** Name shown to the user (renamable). */
  name: string;
  source: StageSource;
}

/** The customer path, saved in the project. */
export interface CustomerPath {
  stages: PathStage[];
}

/** The path as the editor gets it: the saved (or default) path, the bindable sources, the default to reset to. */
export interface CustomerPathInfo {
  path: CustomerPath;
  sources: StageSourceInfo[];
  /** Whether `path` is saved in the project (false: it is the default). */
  isSaved: boolean;
  /** The default path built from the project's data (for 恢复默认路径). */
  defaultPath: CustomerPath;
}

/** A data source a stage can be bound to, with what the project holds of it. */
export interface StageSourceInfo {
  source: StageSource;
  /** Chinese label. */
  label: string;
  /** aggregate: a daily figure; person: one event per person. */
  kind: 'aggregate' | 'person';
  /** Rows / people the project holds for it (0 = no data yet). */
  available: number;
}

/** Validator of a {@link CustomerPath} (a definition: requests carry it, the store re-validates it). */
export const customerPathSchema = z.object({
  stages: z.array(z.object({ id: z.string().min(1).max(64), name: shortText.min(1), source: z.enum(stageSources) })).max(30),
});

/** The `path:*` methods. */
export const pathMethods = {
  /** The saved customer path (a default built from the project's data when none is saved) and the sources it can bind. */
  'path:get': method<CustomerPathInfo>()(empty),
  'path:save': method<CustomerPathInfo>()(z.object({ path: customerPathSchema })),
};
