import ExcelJS from 'exceljs';
import path from 'node:path';

/**
 * A tiny community in two groups, Asia/Shanghai, week of Mon 2026-09-07 plus Mon 2026-09-14,
 * written with exceljs (a real spreadsheet writer). Expected figures are in {@link expectedDaily}
 * and {@link expectedWeekly}, computed by hand from DESIGN §4:
 *
 * - u1 joins 一群 on 09-07 10:00 and stays.
 * - u2 joins 一群 09-07 11:00, leaves 09-08 09:00, re-joins 09-08 20:00 (same day: new again, not churned).
 * - u3 joins 一群 09-07 12:00 and 二群 09-08 08:00, leaves 一群 09-09 10:00 (still in 二群: not churned).
 * - u4 joins 二群 09-08 09:00, leaves 09-10 23:59:59 (churned on 09-10, active that noon).
 * - u5 joins 二群 Monday 09-14 00:00:00 (next week).
 * - Messages: u1 at 09-07 23:59:59 and 09-08 00:00:00 (two days), u3 09-09, u4 09-10 noon, u5 09-14.
 */
export async function writeCommunityFixture(dir: string): Promise<{ members: string; messages: string }> {
  const members = path.join(dir, '群成员_测试.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('群成员');
  ws.addRow(['客户群成员导出']);
  ws.addRow(['导出时间：2026-09-15 09:00:00']);
  ws.addRow(['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请员工', '退群时间', 'unionid']);
  const m = (g: string, name: string, id: string, join: string, leave: string | null) =>
    ws.addRow([g, name, id, '外部联系人', join, '直接邀请入群', 'Lily', leave, `un-${id}`]);
  m('一群', '小一', 'u1', '2026-09-07 10:00:00', null);
  m('一群', '小二🌸', 'u2', '2026-09-07 11:00:00', '2026-09-08 09:00:00');
  m('一群', '小二🌸', 'u2', '2026-09-08 20:00:00', null);
  m('一群', '小三𠮷', 'u3', '2026-09-07 12:00:00', '2026-09-09 10:00:00');
  m('二群', '小三𠮷', 'u3', '2026-09-08 08:00:00', null);
  m('二群', '小四', 'u4', '2026-09-08 09:00:00', '2026-09-10 23:59:59');
  m('二群', '小五', 'u5', '2026-09-14 00:00:00', null);
  await wb.xlsx.writeFile(members);

  const messages = path.join(dir, '聊天记录_测试.xlsx');
  const wb2 = new ExcelJS.Workbook();
  const ws2 = wb2.addWorksheet('聊天记录');
  ws2.addRow(['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容']);
  ws2.addRow(['小一', 'u1', '一群', '2026-09-07 23:59:59', 'text', '晚安']);
  ws2.addRow(['小一', 'u1', '一群', '2026-09-08 00:00:00', 'text', '早']);
  ws2.addRow(['小三𠮷', 'u3', '二群', '2026-09-09 15:00:00', 'text', '打卡第1天']);
  ws2.addRow(['小四', 'u4', '二群', '2026-09-10 12:00:00', 'image', '']);
  ws2.addRow(['小五', 'u5', '二群', '2026-09-14 00:30:00', 'text', '大家好']);
  await wb2.xlsx.writeFile(messages);
  return { members, messages };
}

/** Hand-computed daily figures of the fixture, all groups. */
export const expectedDaily = [
  { period_start: '2026-09-07', total_members: 3, new_members: 3, active_members: 1, active_rate: 100 / 3, churned_members: 0 },
  { period_start: '2026-09-08', total_members: 4, new_members: 3, active_members: 1, active_rate: 25, churned_members: 0 },
  { period_start: '2026-09-09', total_members: 4, new_members: 0, active_members: 1, active_rate: 25, churned_members: 0 },
  { period_start: '2026-09-10', total_members: 3, new_members: 0, active_members: 1, active_rate: 100 / 3, churned_members: 1 },
  { period_start: '2026-09-11', total_members: 3, new_members: 0, active_members: 0, active_rate: 0, churned_members: 0 },
  { period_start: '2026-09-12', total_members: 3, new_members: 0, active_members: 0, active_rate: 0, churned_members: 0 },
  { period_start: '2026-09-13', total_members: 3, new_members: 0, active_members: 0, active_rate: 0, churned_members: 0 },
  { period_start: '2026-09-14', total_members: 4, new_members: 1, active_members: 1, active_rate: 25, churned_members: 0 },
];

/** Hand-computed weekly figures (ISO weeks, Monday first), all groups. */
export const expectedWeekly = [
  { period_start: '2026-09-07', period_end: '2026-09-13', total_members: 3, new_members: 4, active_members: 3, active_rate: 100, churned_members: 1 },
  { period_start: '2026-09-14', period_end: '2026-09-20', total_members: 4, new_members: 1, active_members: 1, active_rate: 25, churned_members: 0 },
];
