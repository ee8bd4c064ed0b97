import { afterEach, describe, expect, it } from 'vitest';
import { DERIVED_DB } from '../../../src-main/analysis/base/identity';
import { tempProject, type TempProject } from '../../support/projectFixture';

/**
 * A person's customer-list facts (person_customer, analysisBase.ts personFactsSql) come from their
 * earliest-added row; rows of one add time (or none) tie, and the first of them in the customer
 * list wins, whatever order the rows' values sort in.
 */
let t: TempProject | undefined;
afterEach(async () => t?.dispose());

interface Row {
  id: string;
  staff: string;
  channel: string;
  addedAt: string | null;
}

/** The staff and channel person_customer gives each person, after inserting `rows` in this order. */
async function factsAfter(rows: Row[]): Promise<Record<string, [string, string]>> {
  t = await tempProject();
  await t.project.db.transaction(async (sql) => {
    for (const [i, r] of rows.entries()) {
      await sql.run(`INSERT INTO customers (row_key, customer_name, staff, added_at, channel, external_userid, import_id, source_row) VALUES (?, ?, ?, ?, ?, ?, 1, ?)`, [
        `c-${i}`,
        r.id,
        r.staff,
        r.addedAt,
        r.channel,
        r.id,
        i + 2,
      ]);
    }
  });
  const out = await t.project.db.use((sql) => sql.all<{ name: string; staff: string; channel: string }>(`SELECT customer_name AS name, staff, channel FROM ${DERIVED_DB}.person_customer`));
  return Object.fromEntries(out.map((r) => [r.name, [r.staff, r.channel]]));
}

describe('person_customer', () => {
  const at = '2025-03-01 10:00:00+08';
  it('takes a tie of one add time from the row listed first, either way round', async () => {
    const kikiFirst = await factsAfter([
      { id: 'wm1', staff: 'Kiki', channel: '直播', addedAt: at },
      { id: 'wm1', staff: 'Amy', channel: '海报', addedAt: at },
    ]);
    expect(kikiFirst).toEqual({ wm1: ['Kiki', '直播'] });
    await t?.dispose();
    const amyFirst = await factsAfter([
      { id: 'wm1', staff: 'Amy', channel: '海报', addedAt: at },
      { id: 'wm1', staff: 'Kiki', channel: '直播', addedAt: at },
    ]);
    expect(amyFirst).toEqual({ wm1: ['Amy', '海报'] });
  });

  it('takes the earliest-added row before any listed earlier, and a row without a time last, ties by place', async () => {
    const facts = await factsAfter([
      { id: 'wm1', staff: 'Late', channel: 'A', addedAt: '2025-03-02 10:00:00+08' },
      { id: 'wm1', staff: 'Early', channel: 'B', addedAt: at },
      { id: 'wm2', staff: 'None1', channel: 'C', addedAt: null },
      { id: 'wm2', staff: 'None2', channel: 'D', addedAt: null },
      { id: 'wm3', staff: 'NoTime', channel: 'E', addedAt: null },
      { id: 'wm3', staff: 'Timed', channel: 'F', addedAt: at },
    ]);
    expect(facts).toEqual({ wm1: ['Early', 'B'], wm2: ['None1', 'C'], wm3: ['Timed', 'F'] });
  });
});
