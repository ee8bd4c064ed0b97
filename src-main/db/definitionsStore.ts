/**
 * The user's definitions, saved in the project (`definitions` table, one JSON document per key)
 * so they travel with the file. Everything read is validated again with the contract's schemas:
 * a value that does not validate (hand-edited file, a definition an older build wrote
 * differently) gives way to the default instead of breaking the analyses.
 */
import { definitionSchemas, type Definitions } from '../contract';
import { AppError } from '../contract/appError';
import { projectMessages as text } from '../locale/project';
import { defaultDefinitions } from './definitionDefaults';
import type { Sql } from './projectDb';

/** Keys of the definitions table. */
export type DefinitionKey = keyof typeof definitionSchemas;

/** Reads one definition, or null when none is saved (or the saved one no longer validates). */
export async function readSavedDefinition<K extends DefinitionKey>(sql: Sql, key: K): Promise<Definitions[K] | null> {
  const row = await sql.one<{ value: string }>(`SELECT value FROM definitions WHERE key = ?`, [key]);
  if (!row) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.value);
  } catch {
    return null;
  }
  const result = definitionSchemas[key].safeParse(parsed);
  return result.success ? (result.data as Definitions[K]) : null;
}

/** Reads one definition, falling back to its default (the path has no static default: see pathQueries). */
export async function readDefinition<K extends Exclude<DefinitionKey, 'path'>>(sql: Sql, key: K): Promise<Definitions[K]> {
  return (await readSavedDefinition(sql, key)) ?? (defaultDefinitions()[key] as Definitions[K]);
}

/** Saves one definition (validated) and returns it as stored. */
export async function writeDefinition<K extends DefinitionKey>(sql: Sql, key: K, value: Definitions[K]): Promise<Definitions[K]> {
  const result = definitionSchemas[key].safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError('DEFINITION_INVALID', text.definitionInvalid(`${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`), { key });
  }
  await sql.run(
    `INSERT INTO definitions VALUES (?, ?, now()) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [key, JSON.stringify(result.data)],
  );
  return result.data as Definitions[K];
}
