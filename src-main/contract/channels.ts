/** Acquisition channels and their costs (DESIGN §4 Channel). */
import { z } from 'zod';
import { analysisScope, empty } from './common';
import { method } from './method';

/** One acquisition channel (DESIGN §4 Channel). */
export interface ChannelRow {
  /** What the value is: `source` a person's channel (渠道, DESIGN §4), else 添加方式 or 渠道活码 as imported. */
  dimension: 'add_way' | 'channel_code' | 'source';
  channel: string;
  added: number;
  joined: number;
  active: number;
  converted: number;
  gmv: number;
  churned: number;
  /** Cost in the period: typed in the cost grid, else imported 渠道投放; null when none. */
  cost: number | null;
  cost_per_acquisition: number | null;
  cost_per_conversion: number | null;
  /** (GMV − cost) / cost in percent. */
  roi: number | null;
}

/** A typed cost of a channel (the cost grid). */
export interface ChannelCost {
  dimension: 'add_way' | 'channel_code' | 'source';
  channel: string;
  cost: number;
}

/** Imported 渠道投放 totals of one channel over a date range (shown beside the cost grid). */
export interface AdCostRow {
  channel: string;
  /** Days with a row in the range. */
  days: number;
  impressions: number | null;
  clicks: number | null;
  /** Summed 花费; null when the rows carry no cost. */
  cost: number | null;
}

const channelDimension = z.enum(['add_way', 'channel_code', 'source']);

/** Validator of the typed channel costs (a definition: requests carry it, the store re-validates it). */
export const channelCostsSchema = z
  .array(z.object({ dimension: channelDimension, channel: z.string().min(1).max(500), cost: z.number().finite().min(0) }))
  .max(10000);

/** The `channels:*` methods. */
export const channelsMethods = {
  'channels:query': method<ChannelRow[]>()(z.object({ ...analysisScope, dimension: channelDimension.default('source') })),
  'channels:costs': method<ChannelCost[]>()(empty),
  'channels:saveCosts': method<ChannelCost[]>()(z.object({ costs: channelCostsSchema })),
  /** Imported 渠道投放 costs per channel in the date range (groups are ignored: ad costs have none). */
  'channels:adCosts': method<AdCostRow[]>()(z.object(analysisScope)),
};
