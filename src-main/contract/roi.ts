/**
 * ROI预测与定价 and LTV / CAC per channel (DESIGN §4 Decision support): the planner's scenario
 * inputs and outputs, the rates measured per channel that prefill it, its back-test, the saved
 * scenarios, and the lifetime value of a channel's people against what acquiring them cost.
 */
import { z } from 'zod';
import { analysisScope, isoDate, shortText } from './common';

/** Which customer-list column a person's channel is read from (as 渠道分析's dimension). */
export const roiDimensions = ['source', 'channel_code', 'add_way'] as const;
export type RoiDimension = (typeof roiDimensions)[number];

/** 卖货 (buyers × AOV × repeat) or 付费社群 (members pay a price to join). */
export const roiModes = ['sales', 'paid'] as const;
export type RoiMode = (typeof roiModes)[number];

/** The expected rate of each step of the plan; null = unknown (the outputs that need it are empty). Rates in percent. */
export interface RoiRates {
  /** People added per ¥ spent. */
  addsPerYuan: number | null;
  /** Of the added, who join a group of the scope, %. */
  joinRate: number | null;
  /** Of those who joined, who buy (a paid order not fully refunded), %. */
  conversionRate: number | null;
  /** Net amount (paid − refunded) per paid order, ¥. */
  aov: number | null;
  /** Of the buyers, who buy a second time, %; each adds one order of the AOV. */
  repurchaseRate: number | null;
}

/** The inputs of one scenario of the planner. */
export interface RoiScenarioInput {
  /** The channel planned for (free text: a planned channel need not have data yet). */
  channel: string;
  mode: RoiMode;
  /** Planned cost, ¥. */
  cost: number;
  rates: RoiRates;
  /** 付费社群: the price a member pays to join, ¥ (unused in sales mode). */
  price: number | null;
}

/** A saved scenario. */
export interface RoiScenario extends RoiScenarioInput {
  id: string;
  name: string;
}

/** One cell of the sensitivity table: the ROI at a conversion rate and an AOV (or, 付费社群, a join rate and a price). */
export interface RoiSensitivity {
  /** The row values: conversion rate % (sales) or join rate % (paid). */
  rows: number[];
  /** The column values: AOV ¥ (sales) or price ¥ (paid). */
  columns: number[];
  /** ROI % per [row][column]; null where the cost is 0. */
  roi: (number | null)[][];
}

/** What a scenario gives. Empty (null) wherever an input it needs is unknown or a denominator is 0. */
export interface RoiPlan {
  /** People added: cost × adds per ¥. */
  adds: number | null;
  /** Members: adds × join rate. */
  members: number | null;
  /** Buyers: members × conversion rate (sales mode). */
  buyers: number | null;
  /** Orders: buyers × (1 + repurchase rate). */
  orders: number | null;
  /** Revenue: orders × AOV (sales) or members × price (paid), ¥. */
  gmv: number | null;
  /** GMV − cost, ¥. */
  profit: number | null;
  /** (GMV − cost) / cost, %. */
  roi: number | null;
  /** The conversion rate (sales) or join rate (paid) at which GMV = cost, %. */
  breakEvenRate: number | null;
  /** The AOV (sales) or price (paid) at which GMV = cost, ¥. */
  breakEvenPrice: number | null;
  sensitivity: RoiSensitivity;
  /** What it means and what to do, in plain language. */
  reading: string;
}

/** The counts of people added in a week or a run of weeks, each followed for the window. */
export interface RoiCounts {
  /** Imported 渠道投放 cost, ¥; null when none was imported. */
  cost: number | null;
  added: number;
  joined: number;
  buyers: number;
  orders: number;
  repeatBuyers: number;
  /** Net GMV of their orders in the window, ¥. */
  gmv: number;
}

/** One week of a channel as measured: the people added in it, followed for the window. */
export interface RoiWeek extends RoiCounts {
  /** Monday of the week, local. */
  week: string;
}

/** One week of the back-test: the planner on the week's cost with the rates of the N weeks before it. */
export interface RoiBacktestRow {
  week: string;
  cost: number | null;
  predictedBuyers: number | null;
  actualBuyers: number;
  predictedGmv: number | null;
  actualGmv: number;
  /** |predicted − actual| / actual GMV, %; null when actual GMV is 0 or nothing was predicted. */
  error: number | null;
}

/** A channel as measured over the last N weeks (the counts are their sums), with its back-test. */
export interface RoiChannel extends RoiCounts {
  channel: string;
  /** The measured weeks, oldest first (all of them, for the back-test). */
  weeks: RoiWeek[];
  /** The rates of the last N measured weeks, the planner's prefill. */
  rates: RoiRates;
  /** Mean weekly cost over the last N measured weeks (the planned cost's prefill), ¥. */
  weeklyCost: number | null;
  backtest: RoiBacktestRow[];
  /** Mean absolute percentage error of GMV over the back-test weeks with an actual GMV above 0, %. */
  mape: number | null;
  /** Back-test weeks left out of the MAPE because their actual GMV was 0. */
  zeroWeeks: number;
  reading: string;
}

/** The measured rates per channel. */
export interface RoiResult {
  dimension: RoiDimension;
  /** The last local day with data. */
  asOf: string;
  /** N: how many measured weeks the rates come from. */
  weeks: number;
  /** Days after being added in which a join or an order counts. */
  windowDays: number;
  /** First and last day of the last N measured weeks; null when no week has matured. */
  from: string | null;
  to: string | null;
  channels: RoiChannel[];
  reading: string;
}

/** One acquisition-month cohort of a channel. */
export interface LtvCohort {
  channel: string;
  /** YYYY-MM, local. */
  month: string;
  acquired: number;
  /** Cumulative GMV per acquired person in months 1, 2, … (month 1 = the acquisition month) up to the last complete month. */
  curve: number[];
}

/** LTV / CAC of one channel. */
export interface LtvChannel {
  channel: string;
  /** People acquired (first added) in the range, with a known add time. */
  acquired: number;
  /** Typed cost of the cost grid, else imported 渠道投放 in the range; null when neither. */
  cost: number | null;
  /** cost / acquired; null when no cost or nobody acquired. */
  cac: number | null;
  /** Cumulative GMV per person by month since acquisition (1 … 12): each month adds that month's GMV per person over the cohorts that completed it; null from the first month none did. */
  curve: (number | null)[];
  ltv3: number | null;
  ltv6: number | null;
  ltv12: number | null;
  /** LTV / CAC (a ratio, not %); null when either is unknown or CAC is 0. */
  ltvCac3: number | null;
  ltvCac6: number | null;
  ltvCac12: number | null;
  /** First month whose cumulative LTV ≥ CAC; null when never (yet) or no cost. */
  paybackMonth: number | null;
  reading: string;
}

/** LTV / CAC per channel. */
export interface LtvResult {
  dimension: RoiDimension;
  asOf: string;
  channels: LtvChannel[];
  cohorts: LtvCohort[];
  reading: string;
}

const rateNumber = z.number().finite().min(0).max(1e9).nullable();

/** Validator of a {@link RoiScenarioInput}. */
export const roiScenarioInputSchema = z.object({
  channel: shortText,
  mode: z.enum(roiModes),
  cost: z.number().finite().min(0).max(1e12),
  rates: z.object({
    addsPerYuan: rateNumber,
    joinRate: z.number().finite().min(0).max(100).nullable(),
    conversionRate: z.number().finite().min(0).max(100).nullable(),
    aov: rateNumber,
    repurchaseRate: z.number().finite().min(0).max(100).nullable(),
  }),
  price: rateNumber,
});

/** Validator of a saved scenario. */
export const roiScenarioSchema = roiScenarioInputSchema.extend({ id: z.string().min(1).max(64), name: shortText.min(1) });

/** Validator of the saved scenarios (the definitions table's `roiScenarios` document). */
export const roiScenariosSchema = z.array(roiScenarioSchema).max(500);

/** Validator of a measured-rates request. */
export const roiRequestSchema = z.object({
  groups: analysisScope.groups,
  dimension: z.enum(roiDimensions).default('source'),
  /** N, the weeks the rates come from. */
  weeks: z.number().int().min(1).max(52).default(4),
  windowDays: z.number().int().min(1).max(365).default(30),
});

/** Validator of an LTV / CAC request: people acquired in from–to (default all). */
export const ltvRequestSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  dimension: z.enum(roiDimensions).default('source'),
});
