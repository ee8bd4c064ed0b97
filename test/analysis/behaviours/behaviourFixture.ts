/** The hand-computed key-behaviour lift fixture (behaviourLift.test.ts, behavioursCli.test.ts). */
import type { KeyBehaviour } from '../../../src-main/contract';
import { writeDefinition } from '../../../src-main/db/definitionsStore';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { insertCustomers, insertMessages, insertOrders, insertSpells } from '../../support/projectFixture';

/**
 * Hand-computed lift, Asia/Shanghai (UTC+8), all times local; range 2024-01-01 … 2024-01-31.
 * Rules: ck = keyword 打卡 (any type), none = keyword zzz (nobody). Scope [G1, G2]; G3 is outside.
 *
 *   m1  G1 since 2023-12-01             打卡 01-05   order 01-10 100            doer, converted
 *   m2  G1 since 2023-12-01             打卡 01-06   order 01-08 10             doer, converted
 *   m3  G2 01-10 → 01-20                打卡 01-12   order 01-25 (after leaving) doer, not converted
 *   m4  G1 and G2 since 2023-12-01      —            order 01-15 100 − 100      other, not converted (full refund)
 *   m5  G1 since 2023-12-01             —            order 01-20 50 − 20        other, converted (partial refund)
 *   m6  G1 2023-12-01 → 2023-12-31 23:59:59  打卡 2023-12-30  order 01-05      not in the population (left before 01-01)
 *   m7  G1 from 2024-01-31 23:59:59     打卡 02-01 00:00:00  order 02-01 00:00:00   other (in by a second), not converted
 *   m8  G3 since 2023-12-01             打卡 01-05 (G3)  order 01-10             outside the scope
 *   m9  G1 2023-12-01 → 01-03, again from 01-08   打卡 01-09  orders 01-05 (not a member), 01-09 30   doer, converted
 *   m10 G2 since 2023-12-01             打卡 one-to-one 01-05 and in G3 01-06      other, not converted
 *
 * Scope [G1, G2]: population m1 m2 m3 m4 m5 m7 m9 m10 = 8; ck doers m1 m2 m3 m9 = 4, converted m1 m2 m9 = 3;
 * others m4 m5 m7 m10 = 4, converted m5 = 1. Rates 75% and 25%, lift 3;
 * Katz: SE = √(1/3 − 1/4 + 1/1 − 1/4) = √0.833333 = 0.912871, z·SE = 1.789194, ln 3 = 1.098612
 * → exp(−0.690582) = 0.501284 … exp(2.887806) = 17.953883.
 *
 * All groups: population adds m8 = 9; doers add m8 (converted) and m10 (its G3 打卡) = 6, converted 4;
 * others m4 m5 m7 = 3, converted 1. Rates 66.67% and 33.33%, lift 2;
 * SE = √(1/4 − 1/6 + 1 − 1/3) = √0.75 = 0.866025, z·SE = 1.697379 → exp(−1.004232) = 0.366326 … exp(2.390526) = 10.919234.
 */
const since = '2023-12-01 09:00:00+08';
const at = (date: string, time = '10:00:00') => `${date} ${time}+08`;
const spells = [
  { group: 'G1', id: 'm1', join: since },
  { group: 'G1', id: 'm2', join: since },
  { group: 'G2', id: 'm3', join: at('2024-01-10'), leave: at('2024-01-20') },
  { group: 'G1', id: 'm4', join: since },
  { group: 'G2', id: 'm4', join: since },
  { group: 'G1', id: 'm5', join: since },
  { group: 'G1', id: 'm6', join: since, leave: at('2023-12-31', '23:59:59') },
  { group: 'G1', id: 'm7', join: at('2024-01-31', '23:59:59') },
  { group: 'G3', id: 'm8', join: since },
  { group: 'G1', id: 'm9', join: since, leave: at('2024-01-03') },
  { group: 'G1', id: 'm9', join: at('2024-01-08') },
  { group: 'G2', id: 'm10', join: since },
];
const checkin = (id: string, group: string | null, when: string) => ({ id, group, at: when, type: 'text', content: `今天打卡啦` });
const messages = [
  checkin('m1', 'G1', at('2024-01-05')),
  checkin('m2', 'G1', at('2024-01-06')),
  checkin('m3', 'G2', at('2024-01-12')),
  { id: 'm4', group: 'G1', at: at('2024-01-05'), type: 'text', content: '你好' },
  checkin('m6', 'G1', at('2023-12-30')),
  checkin('m7', 'G1', at('2024-02-01', '00:00:00')),
  checkin('m8', 'G3', at('2024-01-05')),
  checkin('m9', 'G1', at('2024-01-09')),
  checkin('m10', null, at('2024-01-05')),
  checkin('m10', 'G3', at('2024-01-06')),
];
const ids = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10'];
const phone = (id: string) => `139000000${String(ids.indexOf(id) + 1).padStart(2, '0')}`;
const order = (orderNo: string, id: string, paidAt: string, paid: string, refunded = '0') => ({ orderNo, paidAt, paid, refunded, buyerPhone: phone(id) });
const orders = [
  order('o1', 'm1', at('2024-01-10'), '100.00'),
  order('o2', 'm2', at('2024-01-08'), '10.00'),
  order('o3', 'm3', at('2024-01-25'), '80.00'),
  order('o4', 'm4', at('2024-01-15'), '100.00', '100.00'),
  order('o5', 'm5', at('2024-01-20'), '50.00', '20.00'),
  order('o6', 'm6', at('2024-01-05'), '70.00'),
  order('o7', 'm7', at('2024-02-01', '00:00:00'), '90.00'),
  order('o8', 'm8', at('2024-01-10'), '60.00'),
  order('o9a', 'm9', at('2024-01-05'), '40.00'),
  order('o9b', 'm9', at('2024-01-09'), '30.00'),
];
const base = { msgTypes: [], isRegex: false, minCount: 1, windowDays: null, weight: 1, enabled: true };
export const liftRules: KeyBehaviour[] = [
  { ...base, id: 'ck', name: '打卡', pattern: '打卡' },
  { ...base, id: 'none', name: '无人', pattern: 'zzz' },
];

/** Fills an empty project with the fixture and saves its rules. */
export async function fillLiftFixture(project: OpenProject): Promise<void> {
  await insertSpells(project, spells);
  await insertMessages(project, messages);
  await insertCustomers(project, ids.map((id) => ({ name: id, externalUserid: id, phone: phone(id) })));
  await insertOrders(project, orders);
  await project.db.use((sql) => writeDefinition(sql, 'behaviours', liftRules));
}
