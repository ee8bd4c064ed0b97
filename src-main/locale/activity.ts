// Texts of the activity-time view (活跃时段).
import { localized } from './language';

/** ISO weekday 1–7 as shown on the heatmap's rows. */
export const weekdayText = localized({
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const,
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
});

const hh = (hour: number) => String(hour).padStart(2, '0');

/** Texts of the activity-time view. */
export const activityText = localized({
  'zh-CN': {
    loading: '正在计算…',
    metric: { messages: '消息数', people: '活跃人数' },
    heatmapTitle: '一周活跃时段',
    note: '统计所选群、所选日期内成员在群期间发出的群消息（不含私聊），按项目时区的星期与小时汇总；活跃人数为该时段内发过言的不同成员数。',
    hour: (h: number) => `${h}时`,
    slot: (weekday: number, hour: number) => `${weekdayText[weekday - 1]} ${hh(hour)}:00–${hh(hour + 1)}:00`,
    topTitle: '推荐发布时段',
    topNote: '活跃人数最多的 3 个时段（人数相同时看消息数）：在这些时段发布内容，看到的人最多。',
    topItem: (people: number, messages: number) => `${people.toLocaleString('zh-CN')} 人活跃 · ${messages.toLocaleString('zh-CN')} 条消息`,
    empty: '所选范围内没有成员的群消息（请导入聊天记录和群成员，或调整日期与群）',
    totals: (messages: number) => `共 ${messages.toLocaleString('zh-CN')} 条群消息`,
    tooltip: (slot: string, messages: number, people: number) =>
      `${slot}<br/>消息数 ${messages.toLocaleString('zh-CN')}<br/>活跃人数 ${people.toLocaleString('zh-CN')}`,
  },
  en: {
    loading: 'Calculating…',
    metric: { messages: 'Messages', people: 'Active people' },
    heatmapTitle: 'Activity through the week',
    note:
      'Group messages (not private chats) that members sent in the selected groups and dates while they were members, summed by weekday and hour in the project time zone; active people are the distinct members who posted in that hour.',
    hour: (h: number) => `${h}h`,
    slot: (weekday: number, hour: number) => `${weekdayText[weekday - 1]} ${hh(hour)}:00–${hh(hour + 1)}:00`,
    topTitle: 'Best times to post',
    topNote: 'The 3 hours with the most active people (ties broken by messages): content posted then is seen by the most people.',
    topItem: (people: number, messages: number) => `${people.toLocaleString('en-US')} active · ${messages.toLocaleString('en-US')} messages`,
    empty: 'No member messages in the selected range (import chat records and group members, or change the dates and groups)',
    totals: (messages: number) => `${messages.toLocaleString('en-US')} group messages`,
    tooltip: (slot: string, messages: number, people: number) =>
      `${slot}<br/>Messages ${messages.toLocaleString('en-US')}<br/>Active people ${people.toLocaleString('en-US')}`,
  },
});
