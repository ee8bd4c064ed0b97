/**
 * The one API contract between the renderer and the Node side.
 *
 * Every capability is a `domain:verb` entry of {@link Api}. Electron IPC, the HTTP server of
 * browser mode, the CLI and the tests all serve this same map (see `dispatch.ts`); the
 * renderer imports only the types of this file. Requests are validated at the boundary
 * with the zod schemas of {@link requestSchemas}; errors cross it as {@link Result} data.
 */
import { z } from 'zod';

/** Stable error codes; the UI translates them, the CLI prints the message. */
export const errorCodes = [
  'INVALID_REQUEST',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'INTERNAL',
  'PROJECT_NOT_OPEN',
  'PROJECT_NOT_FOUND',
  'PROJECT_EXISTS',
  'PROJECT_LOCKED',
  'PROJECT_NEWER_VERSION',
  'PROJECT_NOT_QUNXI',
  'PROJECT_SAVE_FAILED',
  'IMPORT_FILE_NOT_FOUND',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_UNRECOGNISED',
  'IMPORT_NO_ROWS',
  'IMPORT_BAD_VALUE',
  'IMPORT_CANCELLED',
  'IMPORT_JOB_NOT_FOUND',
  'IMPORT_BUSY',
  'IMPORT_EMPTY_FILE',
  'IMPORT_TRUNCATED',
  'IMPORT_PASSWORD_PROTECTED',
  'IMPORT_NOT_SPREADSHEET',
  'IMPORT_LEGACY_XLS',
  'IMPORT_TOO_LARGE',
  'IMPORT_NOT_FOUND',
  'TEMPLATE_INVALID',
  'TEMPLATE_NOT_FOUND',
  'DEFINITION_INVALID',
  'ANALYSIS_NO_DATA',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** An error as it crosses the API boundary. */
export interface ApiError {
  /** Stable machine-readable code. */
  code: ErrorCode;
  /** One line for a person, Chinese first, naming file / sheet / row / column where known. */
  message: string;
  /** Structured context (file, sheet, row, column …). */
  details?: Record<string, string | number | null>;
}

/** What every API call returns. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** How the Node side is being served. */
export type AppMode = 'electron' | 'browser' | 'cli' | 'test';

/** Facts about the running app. */
export interface AppInfo {
  /** Package version. */
  version: string;
  /** Transport the renderer is talking through. */
  mode: AppMode;
  /** Folder where new projects are created by name. */
  projectsDir: string;
}

/** A summary of the open project. */
export interface ProjectInfo {
  /** Absolute path of the `.qunxi` file. */
  path: string;
  /** File name without extension. */
  name: string;
  /** Project file format version. */
  formatVersion: number;
  /** IANA time zone all figures are computed in. */
  timeZone: string;
  /** Names of the groups present in the data, sorted. */
  groups: string[];
  /** Row counts of the main tables. */
  counts: { memberships: number; messages: number; people: number };
}

/** An entry of the recent-projects list or of the projects folder. */
export interface ProjectEntry {
  /** Absolute path. */
  path: string;
  /** File name without extension. */
  name: string;
  /** ISO time it was last opened (recent list) or modified (folder listing). */
  at: string;
  /** Whether the file still exists. */
  exists: boolean;
}

/** Kinds of export the importer understands (DESIGN §3). */
export const importKinds = [
  'members',
  'messages',
  'customers',
  'customer_groups',
  'group_stats',
  'contact_stats',
  'churn',
  'orders',
  'official_account',
  'ad_costs',
  'survey',
] as const;
/** One kind of export (DESIGN §3). */
export type ImportKind = (typeof importKinds)[number];

/** One committed import. */
export interface ImportRecord {
  /** Sequence number within the project. */
  importId: number;
  /** File name as the user chose it. */
  fileName: string;
  /** SHA-256 of the file's bytes. */
  fileHash: string;
  /** Detected or chosen kind. */
  kind: ImportKind;
  /** ISO time of the import. */
  importedAt: string;
  /** Data rows read from the file. */
  rowsRead: number;
  /** Rows that were new to the project. */
  rowsAdded: number;
  /** Rows already present (re-import, overlapping export) or without a key. */
  rowsSkipped: number;
  /** Problems found in rows that were still imported (e.g. a masked phone that cannot match), counted. */
  problemCount?: number;
  /** Up to a few problem lines, each naming sheet / row / column. */
  problems?: string[];
}

/** A field a kind of export can carry, for the mapping grid. */
export interface KindField {
  /** Field id (English, as stored). */
  id: string;
  /** Chinese label. */
  label: string;
  /** Whether an import of this kind needs it (for ids: one of the alternatives in `oneOf`). */
  isRequired: boolean;
  /** Value type, for parsing and the preview. */
  type: 'text' | 'time' | 'date' | 'number' | 'money' | 'percent' | 'phone';
}

/** A kind with its Chinese name and fields. */
export interface KindInfo {
  kind: ImportKind;
  label: string;
  fields: KindField[];
}

/** One source column → field decision of a mapping. */
export interface ColumnMapping {
  /** 0-based column index in the sheet. */
  index: number;
  /** Header text as found (for templates, matched by text). */
  header: string;
  /** Target field id, or null to ignore the column. */
  field: string | null;
}

/** A full mapping of a table to a kind: what the mapping grid edits and templates store. */
export interface TableMapping {
  kind: ImportKind;
  /** Sheet the table starts on (continuation sheets name0, name1 … follow it). */
  sheet: string | null;
  /** 1-based row number of the header row. */
  headerRow: number;
  columns: ColumnMapping[];
}

/** A parsed preview cell: the raw text, the value as it would be stored, and a problem if any. */
export interface PreviewCell {
  raw: string | null;
  value: string | number | null;
  problem?: string;
}

/** A table found in a file, with the proposed mapping and a preview of parsed rows. */
export interface TablePreview {
  /** Sheet(s) the table spans. */
  sheets: string[];
  /** Proposed (or template-given) mapping. */
  mapping: TableMapping;
  /** Detection confidence 0–1 of the kind from the headers. */
  confidence: number;
  /** Headers of every column, in order (duplicates kept apart). */
  headers: string[];
  /** First rows parsed with the mapping: one cell per column. */
  rows: { rowNumber: number; cells: PreviewCell[] }[];
  /** Name of the template that supplied the mapping, if one matched these headers. */
  templateName: string | null;
  /** Required fields the mapping lacks (Chinese labels); empty when importable. */
  missing: string[];
}

/** What `import:inspect` finds in a file before anything is written. */
export interface ImportPreview {
  fileName: string;
  /** Every table found (several in one workbook are offered each). */
  tables: TablePreview[];
}

/** A saved column mapping, reused for files with the same headers. */
export interface MappingTemplate {
  id: string;
  name: string;
  kind: ImportKind;
  /** Header texts the template applies to (order-insensitive match). */
  headers: string[];
  /** header text → field id (null = ignore). */
  fields: Record<string, string | null>;
  /** ISO time saved. */
  savedAt: string;
}

/** A row of an import that could not be tied to a person (DESIGN §3 Identity). */
export interface UnmatchedRow {
  kind: ImportKind;
  file_name: string;
  /** 1-based row number in the file, where known. */
  row_number: number | null;
  /** Name / nickname on the row. */
  name: string | null;
  /** Phone as exported (may be masked). */
  phone: string | null;
  /** Why it did not match. */
  reason: string;
}

/** A file to import: a path on this machine, or a file uploaded to the browser-mode server. */
export type ImportSource = { path: string } | { uploadId: string; name: string };

/** State of a running or finished import. */
export interface ImportJob {
  /** Job handle for status and cancel. */
  jobId: string;
  /** File name being imported. */
  fileName: string;
  /** Life cycle of the job. */
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** What the job is doing now. */
  phase: 'reading' | 'writing' | 'finished';
  /** Data rows read so far. */
  rowsRead: number;
  /** Share of the file read, 0–1, where it can be known. */
  fraction: number | null;
  /** Detected kind, once known. */
  kind: ImportKind | null;
  /** The committed import, when done. */
  result?: ImportRecord;
  /** Why it failed. */
  error?: ApiError;
}

/** Period a metrics row covers. */
export type Period = 'day' | 'week' | 'month';

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

/** A row of the members data view: one membership spell. */
export interface MemberRow {
  group_name: string;
  member_id: string;
  member_name: string | null;
  member_type: string | null;
  join_time: string | null;
  join_way: string | null;
  inviter: string | null;
  leave_time: string | null;
  leave_way: string | null;
}

/** A row of the messages data view. */
export interface MessageRow {
  sender_id: string;
  sender_name: string | null;
  group_name: string | null;
  sent_at: string;
  msg_type: string | null;
  content: string | null;
}

/** A page of rows for a virtual-scrolling grid. */
export interface TablePage<R> {
  /** The rows of this page. */
  rows: R[];
  /** Rows matching the filter in all. */
  total: number;
}


// ───────────────────────────── Analyses (issue 4) and definitions (issue 5) ─────────────────────────────

/** Where the figures of an analysis come from: the scope and the local-date range (DESIGN §4). */
export interface AnalysisScope {
  /** First local day (ISO date); default the first day with data. */
  from?: string;
  /** Last local day (ISO date), inclusive; default the last day with data. */
  to?: string;
  /** Groups of the scope; absent or empty = every group. */
  groups?: string[];
}

/** A spreadsheet file produced on the Node side, for the renderer to save. */
export interface ExportFile {
  fileName: string;
  /** The xlsx bytes, base64. */
  base64: string;
}

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

/** A proportion with its 95% Wilson score interval, all in percent; null when the denominator is 0. */
export interface RateCI {
  rate: number | null;
  low: number | null;
  high: number | null;
}

/** Time from the cohort's first stage to this stage, in days, over the people who reached it. */
export interface TimeToConvert {
  median: number;
  p25: number;
  p75: number;
}

/** One stage of a computed funnel. */
export interface FunnelStage {
  id: string;
  name: string;
  source: StageSource;
  /** Events or people (period mode), people (cohort mode). */
  count: number;
  /** stage / previous stage; the first stage has null. */
  step: RateCI;
  /** stage / first stage. */
  overall: RateCI;
  /** previous stage − this stage; null for the first stage. */
  dropOff: number | null;
  /** Cohort mode only. */
  timeToConvert: TimeToConvert | null;
}

/** A computed funnel (DESIGN §4 Funnel). */
export interface FunnelResult {
  mode: 'period' | 'cohort';
  /** Resolved local date range. */
  from: string | null;
  to: string | null;
  stages: FunnelStage[];
  /** Index of the stage with the largest drop-off count (null when no stage drops). */
  biggestDrop: number | null;
  /** Stages the mode skipped (cohort mode follows per-person stages only), with the reason. */
  skipped: { id: string; name: string; reason: string }[];
  /** One funnel per value of the breakdown dimension (cohort mode), side by side. */
  breakdown: { value: string; stages: FunnelStage[] }[] | null;
}

/** A person lost at a funnel step (cohort mode). */
export interface LostPerson {
  pid: string;
  name: string | null;
  channel: string | null;
  staff: string | null;
  /** When they entered the cohort (first stage), ISO local date-time. */
  entered_at: string;
  /** Name of the last stage they reached. */
  last_stage: string;
}

/** How a person left (DESIGN §4 Churn). */
export type ChurnWay = 'left_group' | 'removed' | 'customer_deleted_staff' | 'staff_deleted_customer';

/** Stage of the path a churned person was at. */
export type ChurnStage = 'added_not_joined' | 'joined_not_bought' | 'bought_once' | 'repeat_buyer';

/** One churn event. */
export interface ChurnEvent {
  /** Person id; null for a 流失客户 row identity tied to nobody (still listed, by its name). */
  pid: string | null;
  name: string | null;
  /** ISO local date-time of the leave / deletion. */
  left_at: string;
  how: ChurnWay;
  /** Group left (null for a contact deletion). */
  group_name: string | null;
  stage: ChurnStage;
  channel: string | null;
  /** Days from the first join (or being added) to the leave. */
  tenure_days: number | null;
}

/** Churn over time and its breakdowns. */
export interface ChurnResult {
  /** The events, oldest first: all of them up to 2,000 (CHURN_LIST_LIMIT; `listAll` lifts it), else the latest 2,000. */
  events: ChurnEvent[];
  /** Every event of the scope and range (what the breakdowns and the export count). */
  eventCount: number;
  /** Per period: people who churned (DESIGN §4 churned_members) and the rate over members at the end of the previous period. */
  series: { period_start: string; period_end: string; churned: number; members_before: number; churn_rate: number | null }[];
  breakdowns: Record<'stage' | 'channel' | 'tenure' | 'group' | 'how', { value: string; count: number; share: number | null }[]>;
}

/** Weekly retention cohorts: join week × weeks since join. */
export interface RetentionCohort {
  /** Monday of the join week, ISO date. */
  cohort_week: string;
  /** People whose first join into the scope fell in that week. */
  size: number;
  /** Per week offset 0…n: share (percent) still members of the scope at the end of that week; null once in the future. */
  retained: (number | null)[];
  /** The counts behind `retained`. */
  counts: (number | null)[];
}

/** One Kaplan–Meier curve. */
export interface SurvivalCurve {
  label: string;
  /** People in the curve. */
  n: number;
  /** Leaves observed (the others are censored). */
  events: number;
  /** Step points: day since join, survival probability 0–1, at risk just before, events and censored on that day. */
  points: { day: number; survival: number; at_risk: number; events: number; censored: number }[];
  /** Median membership in days; null when survival never falls to 0.5. */
  median_days: number | null;
}

/** One acquisition channel (DESIGN §4 Channel). */
export interface ChannelRow {
  /** Which column the value comes from. */
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

/** Messages and active people by weekday × hour. */
export interface ActivityCell {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 0–23 local hour. */
  hour: number;
  messages: number;
  people: number;
}

/** The overview page. */
export interface OverviewResult {
  /** The latest week with data (Monday), ISO date; null when the project is empty. */
  week_start: string | null;
  week_end: string | null;
  /** This week's and last week's weekly metrics rows (null when absent). */
  thisWeek: MetricsRow | null;
  lastWeek: MetricsRow | null;
  /** The last 12 weeks, for the small trend. */
  trend: MetricsRow[];
  /** Period-mode funnel of this week over the saved path. */
  funnel: FunnelStage[];
}

/** A key behaviour rule (DESIGN §4 Key behaviours). */
export interface KeyBehaviour {
  id: string;
  name: string;
  /** Message types that count (empty = any). */
  msgTypes: string[];
  /** Keyword, or regular expression when isRegex; empty = any content. */
  pattern: string;
  isRegex: boolean;
  /** Minimum matching messages within the window for the behaviour to count. */
  minCount: number;
  /** Window in days for minCount (null = the whole period). */
  windowDays: number | null;
  weight: number;
  enabled: boolean;
}

/** Live count of one behaviour definition. */
export interface BehaviourCount {
  id: string;
  people: number;
  occurrences: number;
  /** Why the definition cannot be evaluated (bad regular expression …). */
  error: string | null;
}

/** A conversion rate comparison with lift and its 95% interval. */
export interface LiftRow {
  id: string;
  name: string;
  doers: number;
  doers_converted: number;
  doers_rate: number | null;
  others: number;
  others_converted: number;
  others_rate: number | null;
  /** doers_rate / others_rate; null when undefined. */
  lift: number | null;
  lift_low: number | null;
  lift_high: number | null;
}

/** Behaviour analysis: series per behaviour and lift. */
export interface BehaviourResult {
  series: { id: string; period_start: string; period_end: string; people: number; occurrences: number }[];
  lift: LiftRow[];
}

/** Ids of the per-person features (DESIGN §4, issue 5). */
export const featureIds = [
  'purchases',
  'gmv',
  'aov',
  'purchase_months_3m',
  'days_since_last_purchase',
  'repurchase_90d',
  'referrals',
  'referrals_bought',
  'messages',
  'key_behaviours',
  'tenure_days',
  'survey_score',
] as const;
export type FeatureId = (typeof featureIds)[number];

/** One person of the customer-360 grid. Key-behaviour counts are `kb_<behaviour id>` extra keys. */
export interface FeatureRow {
  pid: string;
  name: string | null;
  channel: string | null;
  staff: string | null;
  tags: string | null;
  groups: string | null;
  is_member: boolean;
  purchases: number;
  gmv: number;
  aov: number | null;
  first_purchase: string | null;
  last_purchase: string | null;
  purchase_months_3m: number;
  days_since_last_purchase: number | null;
  repurchase_90d: boolean;
  referrals: number;
  referrals_bought: number;
  messages: number;
  key_behaviours: number;
  tenure_days: number | null;
  survey_score: number | null;
  [kb: `kb_${string}`]: number;
}

/** A criterion row of the rule grids (quadrant rule mode, VVIP). */
export interface Criterion {
  /** How this row joins the previous one; ignored on the first row. */
  join: 'and' | 'or';
  field: FeatureId;
  op: '>' | '>=' | '<' | '<=' | '=' | '!=';
  value: number;
}

/** One term of a quadrant axis. */
export interface AxisTerm {
  feature: FeatureId;
  weight: number;
  normalise: 'raw' | 'minmax' | 'percentile';
}

/** One quadrant axis. */
export interface QuadrantAxis {
  terms: AxisTerm[];
  threshold: { kind: 'fixed' | 'percentile'; value: number };
}

/** The four types, in their fixed geometric meaning. */
export const quadrantTypes = ['loyal', 'needy', 'bargain', 'low'] as const;
export type QuadrantType = (typeof quadrantTypes)[number];

/** The quadrant definition (DESIGN §4 Quadrant). */
export interface QuadrantDefinition {
  mode: 'score' | 'rule';
  x: QuadrantAxis;
  y: QuadrantAxis;
  /** In rule mode, the order is the priority order. */
  types: { type: QuadrantType; label: string; strategy: string; rules: Criterion[] }[];
}

/** The quadrant of the current data. */
export interface QuadrantResult {
  /** Resolved thresholds (percentile thresholds become numbers); null in rule mode, and for a percentile no value reaches (nobody is high: everyone tied, or no people). */
  thresholdX: number | null;
  thresholdY: number | null;
  /** Columnar points, one per person: axis values and type index into `types` (-1 = unclassified). */
  pids: string[];
  names: (string | null)[];
  x: number[];
  y: number[];
  type: number[];
  counts: { type: QuadrantType | 'unclassified'; label: string; count: number; share: number | null }[];
}

/** The VVIP rule grid. */
export interface VvipDefinition {
  rules: Criterion[];
}

/** VVIP people and their share of GMV. */
export interface VvipResult {
  /** The VVIPs by GMV, highest first; the first {@link VVIP_LIST_LIMIT} when there are more (the export has all). */
  people: FeatureRow[];
  /** How many people the rules match. */
  count: number;
  total_people: number;
  gmv: number;
  total_gmv: number;
  gmv_share: number | null;
  /** The local day the features were computed at (ISO date). */
  asOf: string;
}

/** Most VVIPs vvip:query lists. */
export const VVIP_LIST_LIMIT = 2000;

/** Every definition of a project, as exported as a template. */
export interface Definitions {
  path: CustomerPath;
  behaviours: KeyBehaviour[];
  quadrant: QuadrantDefinition;
  vvip: VvipDefinition;
  channelCosts: ChannelCost[];
  /** Active members: a message (DESIGN default) or any enabled key behaviour. */
  activeBy: 'message' | 'behaviour';
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const filePath = z.string().min(1).max(4096);

/** A column filter of the data grids (a subset of ag-grid's filter model). */
export const columnFilterSchema = z.discriminatedUnion('filterType', [
  z.object({
    filterType: z.literal('text'),
    type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
    filter: z.string().max(1000).optional(),
  }),
  z.object({
    filterType: z.literal('date'),
    type: z.enum(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']),
    dateFrom: z.string().max(40).nullable().optional(),
    dateTo: z.string().max(40).nullable().optional(),
  }),
]);
/** A column filter of the data grids. */
export type ColumnFilter = z.infer<typeof columnFilterSchema>;

const dataQuery = z.object({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000),
  sort: z.array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) })).max(8).default([]),
  filter: z.record(z.string().max(64), columnFilterSchema).default({}),
});
/** Paging, sorting and filtering of a data grid. */
export type DataQuery = z.input<typeof dataQuery>;

const empty = z.object({}).strict();

const importSource = z.union([z.object({ path: filePath }), z.object({ uploadId: z.string().min(1).max(100), name: z.string().min(1).max(500) })]);

const tableMapping = z.object({
  kind: z.enum(importKinds),
  sheet: z.string().max(300).nullable(),
  headerRow: z.number().int().min(1),
  columns: z
    .array(z.object({ index: z.number().int().min(0).max(16383), header: z.string().max(2000), field: z.string().max(64).nullable() }))
    .max(16384),
});


const analysisScope = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  groups: z.array(z.string().max(500)).max(10000).optional(),
};
const shortText = z.string().max(200);
const featureId = z.enum(featureIds);
const criterionSchema = z.object({
  join: z.enum(['and', 'or']),
  field: featureId,
  op: z.enum(['>', '>=', '<', '<=', '=', '!=']),
  value: z.number().finite(),
});
const axisSchema = z.object({
  terms: z.array(z.object({ feature: featureId, weight: z.number().finite(), normalise: z.enum(['raw', 'minmax', 'percentile']) })).max(50),
  threshold: z.object({ kind: z.enum(['fixed', 'percentile']), value: z.number().finite() }),
});
const channelDimension = z.enum(['add_way', 'channel_code', 'source']);

/** Validators of the definitions (requests carry them; the store re-validates what it reads). */
export const definitionSchemas = {
  path: z.object({
    stages: z.array(z.object({ id: z.string().min(1).max(64), name: shortText.min(1), source: z.enum(stageSources) })).max(30),
  }),
  behaviours: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        name: shortText.min(1),
        msgTypes: z.array(shortText).max(50),
        pattern: z.string().max(1000),
        isRegex: z.boolean(),
        minCount: z.number().int().min(1).max(100000),
        windowDays: z.number().int().min(1).max(3660).nullable(),
        weight: z.number().finite(),
        enabled: z.boolean(),
      }),
    )
    .max(100),
  quadrant: z.object({
    mode: z.enum(['score', 'rule']),
    x: axisSchema,
    y: axisSchema,
    types: z
      .array(z.object({ type: z.enum(quadrantTypes), label: shortText.min(1), strategy: z.string().max(5000), rules: z.array(criterionSchema).max(50) }))
      .length(4),
  }),
  vvip: z.object({ rules: z.array(criterionSchema).max(50) }),
  channelCosts: z.array(z.object({ dimension: channelDimension, channel: z.string().min(1).max(500), cost: z.number().finite().min(0) })).max(10000),
  activeBy: z.enum(['message', 'behaviour']),
} as const;

/** Request validators, one per method; the keys are the whole API. */
export const requestSchemas = {
  'app:info': empty,
  'project:new': z.object({ path: filePath.optional(), name: z.string().min(1).max(200).optional() }),
  'project:open': z.object({ path: filePath }),
  'project:openDemo': empty,
  'project:current': empty,
  'project:saveAs': z.object({ path: filePath }),
  'project:close': empty,
  'project:recent': empty,
  'project:list': empty,
  'import:start': z.object({
    source: importSource,
    kind: z.enum(importKinds).optional(),
    /** An explicit mapping from the mapping grid; overrides detection. */
    mapping: tableMapping.optional(),
    /** Remember `mapping` as a template under this name. */
    saveTemplateAs: z.string().min(1).max(200).optional(),
  }),
  'import:inspect': z.object({ source: importSource, kind: z.enum(importKinds).optional() }),
  'import:kinds': empty,
  'import:remove': z.object({ importId: z.number().int().min(1) }),
  'import:status': z.object({ jobId: z.string().min(1).max(100) }),
  'import:cancel': z.object({ jobId: z.string().min(1).max(100) }),
  'import:history': empty,
  'metrics:query': z.object({
    period: z.enum(['day', 'week', 'month']),
    from: isoDate.optional(),
    to: isoDate.optional(),
    groups: z.array(z.string().max(500)).max(10000).optional(),
  }),
  'data:members': dataQuery,
  'data:messages': dataQuery,
  'identity:unmatched': dataQuery,
  'identity:settings': z.object({ allowNicknameMatch: z.boolean().optional() }),
  'templates:list': empty,
  'templates:delete': z.object({ id: z.string().min(1).max(100) }),
  /** The templates as a JSON document, for sharing with a team. */
  'templates:export': empty,
  /** Adds the templates of a JSON document made by templates:export. */
  'templates:import': z.object({ content: z.string().max(5_000_000) }),
  // ── Analyses (issue 4)
  /** The saved customer path (a default built from the project's data when none is saved) and the sources it can bind. */
  'path:get': empty,
  'path:save': z.object({ path: definitionSchemas.path }),
  'funnel:query': z.object({
    ...analysisScope,
    mode: z.enum(['period', 'cohort']),
    windowDays: z.number().int().min(1).max(365).default(14),
    breakdown: z.enum(['channel', 'staff', 'tag']).nullable().default(null),
  }),
  /** People of the cohort who reached stage `stageIndex - 1` but not `stageIndex` (cohort mode). */
  'funnel:lost': z.object({ ...analysisScope, windowDays: z.number().int().min(1).max(365).default(14), stageIndex: z.number().int().min(1).max(29) }),
  'funnel:exportLost': z.object({ ...analysisScope, windowDays: z.number().int().min(1).max(365).default(14), stageIndex: z.number().int().min(1).max(29) }),
  'churn:query': z.object({ ...analysisScope, period: z.enum(['day', 'week', 'month']).default('week'), listAll: z.boolean().optional() }),
  'churn:retention': z.object(analysisScope),
  'churn:survival': z.object({ ...analysisScope, by: z.enum(['none', 'channel', 'group']).default('none') }),
  /** The churn events of churn:query as an xlsx file (Chinese headers and labels). */
  'churn:export': z.object(analysisScope),
  'channels:query': z.object({ ...analysisScope, dimension: channelDimension.default('add_way') }),
  'channels:costs': empty,
  'channels:saveCosts': z.object({ costs: definitionSchemas.channelCosts }),
  /** Imported 渠道投放 costs per channel in the date range (groups are ignored: ad costs have none). */
  'channels:adCosts': z.object(analysisScope),
  'activity:query': z.object(analysisScope),
  'overview:query': z.object({ groups: analysisScope.groups }),
  // ── Definitions and segmentation (issue 5)
  'features:query': dataQuery.extend({ groups: analysisScope.groups, asOf: isoDate.optional() }),
  'features:export': z.object({
    groups: analysisScope.groups,
    sort: z.array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) })).max(8).default([]),
    filter: z.record(z.string().max(64), columnFilterSchema).default({}),
  }),
  'behaviours:get': empty,
  'behaviours:save': z.object({ behaviours: definitionSchemas.behaviours }),
  /** Live counts of (possibly unsaved) definitions, as the user types. */
  'behaviours:counts': z.object({ ...analysisScope, behaviours: definitionSchemas.behaviours }),
  'behaviours:query': z.object({ ...analysisScope, period: z.enum(['day', 'week', 'month']).default('week') }),
  'behaviours:activeBy': z.object({ activeBy: definitionSchemas.activeBy.optional() }),
  /** Message types present in the group messages, most frequent first, for the types multiselect. */
  'behaviours:msgTypes': empty,
  /** The default key behaviours, for 恢复默认 (nothing is saved). */
  'behaviours:defaults': empty,
  'quadrant:get': empty,
  'quadrant:save': z.object({ quadrant: definitionSchemas.quadrant }),
  /** The quadrant of a (possibly unsaved) definition; the saved one when absent. */
  'quadrant:query': z.object({ groups: analysisScope.groups, quadrant: definitionSchemas.quadrant.optional() }),
  'quadrant:export': z.object({ groups: analysisScope.groups, quadrant: definitionSchemas.quadrant.optional(), type: z.enum([...quadrantTypes, 'unclassified']) }),
  'vvip:get': empty,
  'vvip:save': z.object({ vvip: definitionSchemas.vvip }),
  'vvip:query': z.object({ groups: analysisScope.groups, vvip: definitionSchemas.vvip.optional() }),
  'vvip:export': z.object({ groups: analysisScope.groups, vvip: definitionSchemas.vvip.optional() }),
  /** Every definition as a JSON document, to reuse in another project. */
  'definitions:export': empty,
  /** Replaces the definitions present in a document made by definitions:export. */
  'definitions:import': z.object({ content: z.string().max(5_000_000) }),
  // Native dialogs: answered by Electron; in browser mode they resolve to null and the UI uses its own forms.
  'dialog:openProject': empty,
  'dialog:saveProject': z.object({ defaultName: z.string().max(200).optional() }),
  'dialog:importFiles': empty,
} as const;

/** Name of an API method. */
export type Method = keyof typeof requestSchemas;
/** Request type of a method, as a caller writes it (defaults optional). */
export type Req<K extends Method> = z.input<(typeof requestSchemas)[K]>;
/** Request type of a method, as a handler receives it (defaults filled in). */
export type ParsedReq<K extends Method> = z.output<(typeof requestSchemas)[K]>;

/** Response type of every method. */
export interface Responses {
  'app:info': AppInfo;
  'project:new': ProjectInfo;
  'project:open': ProjectInfo;
  'project:openDemo': ProjectInfo;
  'project:current': ProjectInfo | null;
  'project:saveAs': ProjectInfo;
  'project:close': null;
  'project:recent': ProjectEntry[];
  'project:list': ProjectEntry[];
  'import:start': ImportJob;
  'import:status': ImportJob;
  'import:cancel': ImportJob;
  'import:history': ImportRecord[];
  'import:inspect': ImportPreview;
  'import:kinds': KindInfo[];
  'import:remove': ImportRecord[];
  'metrics:query': MetricsRow[];
  'data:members': TablePage<MemberRow>;
  'data:messages': TablePage<MessageRow>;
  'identity:unmatched': TablePage<UnmatchedRow>;
  'identity:settings': { allowNicknameMatch: boolean };
  'templates:list': MappingTemplate[];
  'templates:delete': MappingTemplate[];
  'templates:export': string;
  'templates:import': MappingTemplate[];
  'path:get': CustomerPathInfo;
  'path:save': CustomerPathInfo;
  'funnel:query': FunnelResult;
  'funnel:lost': LostPerson[];
  'funnel:exportLost': ExportFile;
  'churn:query': ChurnResult;
  'churn:retention': RetentionCohort[];
  'churn:survival': SurvivalCurve[];
  'churn:export': ExportFile;
  'channels:query': ChannelRow[];
  'channels:costs': ChannelCost[];
  'channels:saveCosts': ChannelCost[];
  'channels:adCosts': AdCostRow[];
  'activity:query': ActivityCell[];
  'overview:query': OverviewResult;
  'features:query': TablePage<FeatureRow> & { behaviours: { id: string; name: string }[]; asOf: string };
  'features:export': ExportFile;
  'behaviours:get': KeyBehaviour[];
  'behaviours:save': KeyBehaviour[];
  'behaviours:counts': BehaviourCount[];
  'behaviours:query': BehaviourResult;
  'behaviours:activeBy': { activeBy: 'message' | 'behaviour' };
  'behaviours:msgTypes': { msgType: string; count: number }[];
  'behaviours:defaults': KeyBehaviour[];
  'quadrant:get': QuadrantDefinition;
  'quadrant:save': QuadrantDefinition;
  'quadrant:query': QuadrantResult;
  'quadrant:export': ExportFile;
  'vvip:get': VvipDefinition;
  'vvip:save': VvipDefinition;
  'vvip:query': VvipResult;
  'vvip:export': ExportFile;
  'definitions:export': string;
  'definitions:import': Definitions;
  'dialog:openProject': string | null;
  'dialog:saveProject': string | null;
  'dialog:importFiles': string[] | null;
}

/** The whole API as a handler map. */
export type Api = { [K in Method]: (req: ParsedReq<K>) => Promise<Responses[K]> };

/** The handlers of one domain (`project`, `import` …). */
export type DomainHandlers<D extends string> = Pick<Api, Extract<Method, `${D}:${string}`>>;

/** A client of the API, whatever the transport. */
export type ApiClient = <K extends Method>(name: K, req: Req<K>) => Promise<Result<Responses[K]>>;
