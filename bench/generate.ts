import ExcelJS from 'exceljs';

import { mulberry32 as prng } from '../src-main/analysis/stats/seededSplit';

/** A small deterministic PRNG (mulberry32, the lookalike's split uses it too), so every run benchmarks the same bytes. */
export { prng };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local wall-clock text as the assistant tools export it. */
function wallClock(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** First local day of the generated year. */
export const BENCH_START = Date.UTC(2025, 10, 17);
const YEAR_MS = 365 * 86_400_000;

/** Sizes of the generated community. */
export interface BenchSizes {
  memberRows: number;
  messageRows: number;
  groups: number;
}

/**
 * Writes a group-member export (one row per membership spell, re-joins and leaves included)
 * with exceljs's streaming writer; returns the people ids used, for the message export.
 */
export async function writeMembersXlsx(file: string, sizes: BenchSizes): Promise<number> {
  const rand = prng(42);
  const people = Math.round(sizes.memberRows * 0.7);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('群成员');
  ws.addRow(['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请员工', '退群时间', 'unionid']).commit();
  const ways = ['由群成员邀请入群', '通过扫描群二维码入群', '直接邀请入群'];
  const staff = ['Lily', '阿杰', '小美', '大伟'];
  for (let i = 0; i < sizes.memberRows; i++) {
    const person = i < people ? i : Math.floor(rand() * people);
    const group = `社群${pad((person + Math.floor(rand() * 3)) % sizes.groups, 2)}群`;
    const join = BENCH_START + Math.floor(rand() * YEAR_MS);
    const leaves = rand() < 0.3;
    const leave = leaves ? Math.min(join + Math.floor(rand() * 60 * 86_400_000), BENCH_START + YEAR_MS - 1000) : null;
    ws.addRow([
      group,
      `用户${person}${person % 17 === 0 ? '🌸' : ''}`,
      `wm${pad(person, 7)}`,
      '外部联系人',
      wallClock(join),
      ways[person % 3],
      staff[person % 4],
      leave === null ? null : wallClock(leave),
      `oU${pad(person, 8)}`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return people;
}

/** Options of {@link writeMessagesXlsx}. */
export interface MessageExportOptions {
  /** Seed of the PRNG: each part of a split export gets its own, so the parts hold different messages. */
  seed?: number;
  /** Rows per sheet (header included) of an export split over sheets 聊天记录0, 聊天记录1 … as the tools split long ones; one sheet when absent. */
  sheetRows?: number;
}

/** Writes a group message export spread over the same year. */
export async function writeMessagesXlsx(file: string, sizes: BenchSizes, people: number, opts: MessageExportOptions = {}): Promise<void> {
  const rand = prng(opts.seed ?? 7);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const header = ['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容'];
  const dataRowsPerSheet = opts.sheetRows ? opts.sheetRows - 1 : Infinity;
  let sheets = 0;
  const nextSheet = () => {
    const ws = wb.addWorksheet(opts.sheetRows ? `聊天记录${sheets}` : '聊天记录');
    sheets++;
    ws.addRow(header).commit();
    return ws;
  };
  let ws = nextSheet();
  const types = ['text', 'text', 'text', 'image', 'redpacket'];
  const texts = ['打卡第3天', '接龙 +1', '请问怎么下单？', '谢谢分享', '好的'];
  for (let i = 0; i < sizes.messageRows; i++) {
    if (i > 0 && i % dataRowsPerSheet === 0) {
      ws.commit();
      ws = nextSheet();
    }
    const person = Math.floor(rand() * people);
    const group = `社群${pad((person + Math.floor(rand() * 3)) % sizes.groups, 2)}群`;
    const at = BENCH_START + Math.floor(rand() * YEAR_MS);
    const type = types[i % types.length]!;
    ws.addRow([`用户${person}`, `wm${pad(person, 7)}`, group, wallClock(at), type, type === 'text' ? texts[i % texts.length] : '']).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Headers of the customer list 客户列表, as in shared/samples/客户列表.xlsx. */
export const CUSTOMER_HEADER = ['客户名称', '备注', '所属员工', '添加时间', '添加方式', '渠道', '标签', '客户状态', '手机号', 'unionid', 'external_userid'];

/** Writes a customer list export (one row per customer × staff member who added them). */
export async function writeCustomersXlsx(file: string, rows: number): Promise<void> {
  const rand = prng(11);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('客户列表');
  ws.addRow(CUSTOMER_HEADER).commit();
  const staff = ['阿杰', '小美', 'Lily', '大伟'];
  const ways = ['扫描二维码', '搜索手机号', '名片分享', '群聊', '其他'];
  const channels = ['直播间', '老带新', '公众号', '小红书', '线下门店'];
  const tags = ['高意向,美妆', '宝妈', '高意向', '', '复购,会员', '价格敏感'];
  const states = ['正常', '正常', '正常', '已流失', '待继承', '转接中'];
  for (let i = 0; i < rows; i++) {
    const added = BENCH_START + Math.floor(rand() * YEAR_MS);
    const phone = `1${3 + Math.floor(rand() * 7)}${pad(Math.floor(rand() * 1e9), 9)}`;
    ws.addRow([
      `用户${pad(i, 6)}${i % 23 === 0 ? '🌸' : ''}`,
      i % 7 === 0 ? `老客户${i % 100}` : null,
      staff[i % staff.length],
      wallClock(added),
      ways[Math.floor(rand() * ways.length)],
      channels[Math.floor(rand() * channels.length)],
      tags[i % tags.length] || null,
      states[Math.floor(rand() * states.length)],
      i % 5 === 0 ? `${phone.slice(0, 3)}******${phone.slice(-2)}` : phone,
      `oU${pad(i, 8)}`,
      `wm${pad(i, 8)}x`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}
