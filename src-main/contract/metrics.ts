/** Community metrics over time (DESIGN §4). */
import { z } from 'zod';
import { analysisScope, period } from './common';
import { method } from './method';

/** One row of community metrics (DESIGN §4); ids are the DESIGN metric ids. */
export interface MetricsRow {
  /** First day of the period, ISO date. */
  period_start: string;
  /** Last day of the period, ISO date, inclusive. */
  period_end: string;
  /** 社群总人数: members of the scope at the end of the period. */
  total_members: number;
  /** 新增入群人数: distinct people with a join into the scope in the period. */
  new_members: number;
  /** 活跃用户数: distinct members with an active behaviour in the period. */
  active_members: number;
  /** 活跃用户占比 in percent; null when total_members is 0. */
  active_rate: number | null;
  /** 流失用户数: distinct people who left and are not members at the end of the period. */
  churned_members: number;
  /** 转化人数: distinct members with a paid, not fully refunded order in the period. */
  converted_members: number;
  /** 转化率 in percent; null when total_members is 0. */
  conversion_rate: number | null;
  /** 贡献GMV: paid minus refunded of orders paid in the period by people who were members when they paid. */
  gmv: number;
  /** 环比 of converted_members in percent; null when the previous period's figure is 0 or unknown. */
  converted_wow: number | null;
  /** 环比 of gmv in percent; null when the previous period's figure is 0 or unknown. */
  gmv_wow: number | null;
}

/** The `metrics:*` methods. */
export const metricsMethods = {
  'metrics:query': method<MetricsRow[]>()(z.object({ period, ...analysisScope })),
};
