import { describe, expect, it } from 'vitest';
import { chooseHeader, matchHeader } from '../../src-main/import/headers';

describe('header recognition', () => {
  it('finds the member header below a title row and an export-time row', () => {
    const rows = [['客户群成员明细'], ['导出时间：2026-09-30 10:00'], [], ['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请员工', '退群时间', 'unionid']];
    const choice = chooseHeader(rows);
    expect(choice).toMatchObject({ kind: 'members', rowIndex: 3, missing: [] });
    expect(choice?.columns).toMatchObject({ group_name: 0, member_name: 1, member_id: 2, join_time: 4, leave_time: 7, unionid: 8 });
  });

  it('tells a message export from a member export although both have 群名称', () => {
    const choice = chooseHeader([['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容']]);
    expect(choice).toMatchObject({ kind: 'messages', missing: [] });
    expect(choice?.columns).toEqual({ sender_name: 0, sender_id: 1, group_name: 2, sent_at: 3, msg_type: 4, content: 5 });
  });

  it('refuses a message export that names senders only by nickname, naming the id column', () => {
    const m = matchHeader(['发送人', '群名称', '发送时间', '消息内容'], 'messages');
    expect(m.missing).toEqual(['发送人ID']);
    expect(matchHeader(['发送人', 'unionid', '发送时间', '消息内容'], 'messages').missing).toEqual([]);
  });

  it('matches headers by substring when no alias matches exactly', () => {
    const m = matchHeader(['所在群名称', '成员ID（external_userid）', '入群时间(北京时间)'], 'members');
    expect(m.columns).toMatchObject({ group_name: 0, member_id: 1, join_time: 2 });
  });

  it('accepts a unionid instead of a member id, and names the id column when both are missing', () => {
    expect(matchHeader(['群名称', '入群时间', 'unionid'], 'members').missing).toEqual([]);
    expect(matchHeader(['群名称', '入群时间', '昵称'], 'members').missing).toEqual(['成员ID']);
  });
});
