/** The report workbook (DESIGN §7 周报 / 月报): a period's key figures and every analysis in one xlsx, written as a background job. */
import { z } from 'zod';
import { analysisScope, type ApiError, type ExportFile } from './common';
import type { DateRange } from './growth';
import { method } from './method';

/** The length of the report's period: a Monday–Sunday week or a calendar month. */
export const reportPeriods = ['week', 'month'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

/** What a report job is doing now. */
export type ReportStage = 'gathering' | 'charts' | 'writing' | 'finished';

/** State of a running or finished report. */
export interface ReportJob {
  /** Job handle for status and cancel. */
  jobId: string;
  /** Life cycle of the job. */
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** What the job is doing now. */
  stage: ReportStage;
  /** Share done, 0–1. */
  fraction: number;
  /** The report period (first and last local day), once known. */
  covers?: DateRange;
  /** The workbook, once done. */
  file?: ExportFile;
  /** Why it failed. */
  error?: ApiError;
}

/** Validator of a report request: the period length and the scope; `from`–`to` default to the latest full week or month. */
export const reportRequestSchema = z
  .object({ period: z.enum(reportPeriods).default('week'), ...analysisScope })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'from ≤ to required', path: ['from'] });

/** The `report:*` methods. */
export const reportMethods = {
  /** Starts writing the report workbook; poll `report:status` until it is no longer running. */
  'report:start': method<ReportJob>()(reportRequestSchema),
  'report:status': method<ReportJob>()(z.object({ jobId: z.string().min(1).max(100) })),
  'report:cancel': method<ReportJob>()(z.object({ jobId: z.string().min(1).max(100) })),
};
