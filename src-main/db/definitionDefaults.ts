/**
 * Default definitions (DESIGN §4), used until the user saves their own. The customer path's
 * default depends on the project's data and is built in analysis/funnel/pathQueries.ts.
 */
import type { ContributionDefinition, Definitions, KeyBehaviour, QuadrantDefinition, VvipDefinition } from '../contract';
import { defaultBehaviourNames as names } from '../locale/behaviours';
import { defaultQuadrantTypes as types } from '../locale/quadrant';

/**
 * 打卡, 话题参与, 关键字回复, 接龙, 红包: the key behaviours most community operators start from.
 * A rule needs its type AND its content, so behaviours that exports write as text (会话存档 has no
 * check-in or 接龙 type: members type "打卡第3天", "接龙 +1") match on the content of any type;
 * 红包 is a message type (redpacket, external_redpacket in 会话存档, 红包 in other tools).
 */
export function defaultBehaviours(): KeyBehaviour[] {
  const base = { isRegex: false, minCount: 1, windowDays: null, weight: 1, enabled: true, msgTypes: [] as string[], pattern: '' };
  /* eslint-disable no-restricted-syntax -- the patterns and message types match Chinese chat content (recognition vocabulary, not UI text) */
  return [
    { ...base, id: 'checkin', name: names.checkin, pattern: '打卡|签到', isRegex: true },
    { ...base, id: 'topic', name: names.topic, pattern: '#[^#\\s]+', isRegex: true },
    { ...base, id: 'keyword', name: names.keyword, pattern: '报名|想要|怎么买|多少钱|求链接|请问', isRegex: true },
    { ...base, id: 'solitaire', name: names.solitaire, pattern: '接龙' },
    { ...base, id: 'redpacket', name: names.redpacket, msgTypes: ['红包', 'redpacket', 'external_redpacket'], pattern: '' },
  ];
  /* eslint-enable no-restricted-syntax */
}

/**
 * Score mode over survey score (satisfaction) and purchases / repurchase months / referrals
 * (loyalty), median thresholds; the rule-mode seeds are DESIGN §4's examples, in a priority order
 * where each can match: 低需求 (at most one purchase) before 需求型 (no repurchase within 90 days),
 * which would otherwise take everyone with one purchase first.
 */
export function defaultQuadrant(): QuadrantDefinition {
  return {
    mode: 'score',
    x: {
      terms: [
        { feature: 'survey_score', weight: 1, normalise: 'minmax' },
        { feature: 'messages', weight: 0.5, normalise: 'percentile' },
      ],
      threshold: { kind: 'percentile', value: 50 },
    },
    y: {
      terms: [
        { feature: 'purchases', weight: 1, normalise: 'percentile' },
        { feature: 'purchase_months_3m', weight: 1, normalise: 'minmax' },
        { feature: 'referrals', weight: 0.5, normalise: 'percentile' },
      ],
      threshold: { kind: 'percentile', value: 50 },
    },
    types: [
      {
        type: 'loyal',
        ...types.loyal,
        rules: [
          { join: 'and', field: 'purchase_months_3m', op: '>=', value: 3 },
          { join: 'and', field: 'referrals_bought', op: '>=', value: 1 },
        ],
      },
      {
        type: 'bargain',
        ...types.bargain,
        rules: [
          { join: 'and', field: 'aov', op: '<', value: 50 },
          { join: 'and', field: 'referrals', op: '=', value: 0 },
        ],
      },
      {
        type: 'low',
        ...types.low,
        rules: [{ join: 'and', field: 'purchases', op: '<=', value: 1 }],
      },
      {
        type: 'needy',
        ...types.needy,
        rules: [{ join: 'and', field: 'repurchase_90d', op: '=', value: 0 }],
      },
    ],
  };
}

/** VVIP: strong purchasing power, or social influence, or a lively member who keeps the group going. */
export function defaultVvip(): VvipDefinition {
  return {
    rules: [
      { join: 'and', field: 'gmv', op: '>=', value: 1000 },
      { join: 'or', field: 'referrals_bought', op: '>=', value: 2 },
      { join: 'or', field: 'messages', op: '>=', value: 200 },
    ],
  };
}

/**
 * 贡献度: every metric on, conversion and GMV weighing double (what the business is paid for); GMV
 * by percentile because one big buyer would otherwise flatten everyone else's min–max figure.
 * Bands A ≥ 85, B ≥ 70, C ≥ 55, D below (DESIGN §4).
 */
export function defaultContribution(): ContributionDefinition {
  return {
    by: 'staff',
    metrics: [
      { metric: 'new_members', enabled: true, normalise: 'minmax', weight: 1 },
      { metric: 'active_rate', enabled: true, normalise: 'minmax', weight: 1 },
      { metric: 'churn_rate', enabled: true, normalise: 'minmax', weight: 1 },
      { metric: 'key_behaviour_rate', enabled: true, normalise: 'minmax', weight: 1 },
      { metric: 'conversion_rate', enabled: true, normalise: 'minmax', weight: 2 },
      { metric: 'gmv', enabled: true, normalise: 'percentile', weight: 2 },
    ],
    bands: [
      { label: 'A', min: 85 },
      { label: 'B', min: 70 },
      { label: 'C', min: 55 },
      { label: 'D', min: 0 },
    ],
  };
}

/** Every definition without a path (see analysis/funnel/pathQueries.ts for that default). */
export function defaultDefinitions(): Omit<Definitions, 'path'> {
  return { behaviours: defaultBehaviours(), quadrant: defaultQuadrant(), vvip: defaultVvip(), channelCosts: [], activeBy: 'message', contribution: defaultContribution() };
}
