/**
 * A list of saved entries kept in the project's definitions table under one key, so it travels with
 * the file (saved A/B comparisons, ROI scenarios). Read back through the contract's validator: a
 * document that no longer validates (a hand-edited file) reads as an empty list rather than breaking
 * the view.
 */
import type { z } from 'zod';
import type { Sql } from '../../db/projectDb';

/** The read, save and delete of one saved list. */
export interface SavedList<T extends { id: string }> {
  /** The entries, in saving order. */
  read(sql: Sql): Promise<T[]>;
  /** Saves an entry under its id: replaces the one with that id in place, else adds it at the end. */
  save(sql: Sql, entry: T): Promise<T[]>;
  /** Deletes the entry with this id (none: nothing changes). */
  remove(sql: Sql, id: string): Promise<T[]>;
  /** Replaces the whole list (ids must be unique). */
  replace(sql: Sql, list: T[]): Promise<T[]>;
}

/** The saved list under `key` of the definitions table, validated by `schema`. */
export function savedList<T extends { id: string }>(key: string, schema: z.ZodType<T[]>): SavedList<T> {
  const read = async (sql: Sql): Promise<T[]> => {
    const row = await sql.one<{ value: string }>(`SELECT value FROM definitions WHERE key = ?`, [key]);
    if (!row) return [];
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  };
  const write = async (sql: Sql, list: T[]): Promise<T[]> => {
    const value = schema.parse(list);
    await sql.run(
      `INSERT INTO definitions VALUES (?, ?, now()) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [key, JSON.stringify(value)],
    );
    return value;
  };
  return {
    read,
    save: async (sql, entry) => {
      const list = await read(sql);
      const at = list.findIndex((s) => s.id === entry.id);
      return write(sql, at >= 0 ? list.map((s, i) => (i === at ? entry : s)) : [...list, entry]);
    },
    remove: async (sql, id) => write(sql, (await read(sql)).filter((s) => s.id !== id)),
    replace: write,
  };
}
