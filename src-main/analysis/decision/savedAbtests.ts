/**
 * Saved A/B comparisons, kept in the project's definitions table under `abtests` so they travel with
 * the file. Read back through the contract's validator: a document that no longer validates (a
 * hand-edited file) reads as no saved comparisons rather than breaking the view.
 */
import { savedAbtestsSchema, type SavedAbtest } from '../../contract';
import type { Sql } from '../../db/projectDb';

const KEY = 'abtests';

/** The saved comparisons, in saving order. */
export async function readSavedAbtests(sql: Sql): Promise<SavedAbtest[]> {
  const row = await sql.one<{ value: string }>(`SELECT value FROM definitions WHERE key = ?`, [KEY]);
  if (!row) return [];
  try {
    const parsed = savedAbtestsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

async function write(sql: Sql, list: SavedAbtest[]): Promise<SavedAbtest[]> {
  const value = savedAbtestsSchema.parse(list);
  await sql.run(
    `INSERT INTO definitions VALUES (?, ?, now()) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [KEY, JSON.stringify(value)],
  );
  return value;
}

/** Saves a comparison under its id: replaces the one with that id in place, else adds it at the end. */
export async function saveAbtest(sql: Sql, entry: SavedAbtest): Promise<SavedAbtest[]> {
  const list = await readSavedAbtests(sql);
  const at = list.findIndex((s) => s.id === entry.id);
  return write(sql, at >= 0 ? list.map((s, i) => (i === at ? entry : s)) : [...list, entry]);
}

/** Deletes the comparison with this id (none: nothing changes). */
export async function deleteAbtest(sql: Sql, id: string): Promise<SavedAbtest[]> {
  return write(sql, (await readSavedAbtests(sql)).filter((s) => s.id !== id));
}
