/** Saved A/B comparisons, kept in the project's definitions table under `abtests` (savedList.ts). */
import { savedAbtestsSchema, type SavedAbtest } from '../../contract';
import type { Sql } from '../../db/projectDb';
import { savedList } from './savedList';

const saved = savedList<SavedAbtest>('abtests', savedAbtestsSchema);

/** The saved comparisons, in saving order. */
export const readSavedAbtests = (sql: Sql): Promise<SavedAbtest[]> => saved.read(sql);

/** Saves a comparison under its id: replaces the one with that id in place, else adds it at the end. */
export const saveAbtest = (sql: Sql, entry: SavedAbtest): Promise<SavedAbtest[]> => saved.save(sql, entry);

/** Deletes the comparison with this id (none: nothing changes). */
export const deleteAbtest = (sql: Sql, id: string): Promise<SavedAbtest[]> => saved.remove(sql, id);
