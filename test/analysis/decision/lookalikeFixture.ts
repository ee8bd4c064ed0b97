/**
 * A community of 300 members in 一群 for the lookalike (Asia/Shanghai): member `p001`…`p300` joins
 * on day (i mod 50) of 2024-01 / 02, sends `messages(i)` messages (0–11, a seeded draw), and buys
 * (an order tied through the customer list's phone) with probability 1 / (1 + e^(2.5 − 0.45·messages)),
 * a seeded draw too: the more someone talks, the likelier they bought, so the fit must find
 * messages' odds ratio above 1. Every member has a customer-list row (tags 老客 for the first ten).
 */
import type { OpenProject } from '../../../src-main/db/projectFile';
import { mulberry32 } from '../../../src-main/analysis/stats/seededSplit';
import { insertMessages, insertOrders, insertRows, type MessageRowIn, type OrderRowIn } from '../../support/projectFixture';

/** The fixture's people: id, messages sent, and whether they bought. */
export interface LookalikePersonIn {
  id: string;
  messages: number;
  isBuyer: boolean;
}

/** The 300 members, drawn the same way on every run. */
export function lookalikePeople(): LookalikePersonIn[] {
  const random = mulberry32(314159);
  return Array.from({ length: 300 }, (_, i) => {
    const messages = Math.floor(random() * 12);
    const isBuyer = random() < 1 / (1 + Math.exp(2.5 - 0.45 * messages));
    return { id: `p${String(i + 1).padStart(3, '0')}`, messages, isBuyer };
  });
}

const day = (i: number) => `2024-${i % 50 < 25 ? '01' : '02'}-${String((i % 25) + 1).padStart(2, '0')}`;

/** Writes the fixture into an empty project. */
export async function insertLookalikeFixture(project: OpenProject): Promise<LookalikePersonIn[]> {
  const people = lookalikePeople();
  await project.db.transaction(async (sql) => {
    await insertRows(
      sql,
      'memberships (group_name, member_id, member_name, join_time, import_id)',
      `'一群', ?, ?, CAST(? AS TIMESTAMPTZ), 1`,
      people.map((p, i) => [p.id, `成员${p.id}`, `${day(i)} 10:00:00+08`]),
    );
    await insertRows(
      sql,
      'customers (row_key, customer_name, staff, added_at, tags, phone, is_phone_masked, external_userid, import_id, source_row)',
      `?, ?, '小王', TIMESTAMPTZ '2023-12-01 10:00:00+08', ?, ?, false, ?, 3, ?`,
      people.map((p, i) => [`c${i}`, `成员${p.id}`, i < 10 ? '老客' : null, `1380000${String(i).padStart(4, '0')}`, p.id, i + 2]),
    );
  });
  const messages: MessageRowIn[] = people.flatMap((p, i) =>
    Array.from({ length: p.messages }, (_, k) => ({ id: p.id, group: '一群', at: `2024-03-${String((k % 20) + 1).padStart(2, '0')} ${String(8 + (i % 12)).padStart(2, '0')}:00:00+08` })),
  );
  await insertMessages(project, messages);
  const orders: OrderRowIn[] = people.flatMap((p, i) =>
    p.isBuyer ? [{ orderNo: `o${i}`, paidAt: '2024-03-25 12:00:00+08', paid: 99, buyerPhone: `1380000${String(i).padStart(4, '0')}` }] : [],
  );
  await insertOrders(project, orders);
  return people;
}
