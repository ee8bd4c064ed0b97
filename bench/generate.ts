import ExcelJS from 'exceljs';

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/** Writes a group message export spread over the same year. */
export async function writeMessagesXlsx(file: string, sizes: BenchSizes, people: number): Promise<void> {
  const rand = prng(7);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('聊天记录');
  ws.addRow(['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容']).commit();
  const types = ['text', 'text', 'text', 'image', 'redpacket'];
  const texts = ['打卡第3天', '接龙 +1', '请问怎么下单？', '谢谢分享', '好的'];
  for (let i = 0; i < sizes.messageRows; i++) {
    const person = Math.floor(rand() * people);
    const group = `社群${pad((person + Math.floor(rand() * 3)) % sizes.groups, 2)}群`;
    const at = BENCH_START + Math.floor(rand() * YEAR_MS);
    const type = types[i % types.length]!;
    ws.addRow([`用户${person}`, `wm${pad(person, 7)}`, group, wallClock(at), type, type === 'text' ? texts[i % texts.length] : '']).commit();
  }
  ws.commit();
  await wb.commit();
}
