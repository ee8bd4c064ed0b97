/**
 * Tags saved from an analysis (the lookalike's top list), kept in the project's definitions table
 * under `savedTags` (one JSON document: each tag with its people) so they travel with the file.
 *
 * They are read where tags are read (analysisBase `person_tags`: the customer list's tags plus
 * these), so the funnel's tag breakdown, the A/B tag arms, growth points by tag and 客户360 see a
 * saved tag as they see the customer list's. Writing the document changes the features cache's key
 * (featuresCache.ts), so no cached table keeps the old tags.
 */
import { savedTagsDocumentSchema, type SavedTag } from '../../contract';
import type { Sql } from '../../db/projectDb';
import { listValue } from '@duckdb/node-api';
import { personCtes, SAVED_TAGS_KEY, scopeCondition } from '../base/analysisBase';
import { identityCtes } from '../base/identity';

type Document = (typeof savedTagsDocumentSchema)['_output'];

async function readDocument(sql: Sql): Promise<Document> {
  const row = await sql.one<{ value: string }>(`SELECT value FROM definitions WHERE key = ?`, [SAVED_TAGS_KEY]);
  if (!row) return [];
  try {
    const parsed = savedTagsDocumentSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : [];
  } catch {
    // A hand-edited file: no saved tags rather than a broken view.
    return [];
  }
}

const summary = (doc: Document): SavedTag[] => doc.map((t) => ({ name: t.name, people: t.pids.length, note: t.note, savedAt: t.savedAt }));

async function write(sql: Sql, doc: Document): Promise<SavedTag[]> {
  const value = savedTagsDocumentSchema.parse(doc);
  await sql.run(
    `INSERT INTO definitions VALUES (?, ?, now()) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [SAVED_TAGS_KEY, JSON.stringify(value)],
  );
  return summary(value);
}

/** The saved tags, in saving order. */
export async function readSavedTags(sql: Sql): Promise<SavedTag[]> {
  return summary(await readDocument(sql));
}

/** Saves a tag with its people; a saved tag of the same name is replaced (and moves to the end). */
export async function saveTag(sql: Sql, tag: { name: string; pids: string[]; note: string }): Promise<SavedTag[]> {
  const doc = (await readDocument(sql)).filter((t) => t.name !== tag.name);
  return write(sql, [...doc, { ...tag, savedAt: new Date().toISOString() }]);
}

/** Deletes the saved tag of this name (none: nothing changes). */
export async function deleteTag(sql: Sql, name: string): Promise<SavedTag[]> {
  return write(sql, (await readDocument(sql)).filter((t) => t.name !== name));
}

/* eslint-disable no-restricted-syntax -- tags are split on the separators Chinese exports write (full-width commas, 、): data vocabulary, not UI text */
/** Every tag people carry in `person_tags` (the customer list's and the saved ones), one per row. */
const TAG_ROWS = `SELECT pid, unnest(regexp_split_to_array(tags, '[,，;；/、\\s]+')) AS tag FROM person_tags`;
/* eslint-enable no-restricted-syntax */

/** The distinct tags of the people ever in a group of the scope (every person without one), sorted: the tag choices. */
export async function tagChoices(sql: Sql, groups: string[] | undefined): Promise<string[]> {
  const isScoped = !!groups?.length;
  const rows = await sql.all<{ tag: string }>(
    `WITH ${identityCtes()}, ${personCtes()}
     SELECT DISTINCT tag FROM (${TAG_ROWS}) t
     WHERE tag <> '' ${isScoped ? `AND pid IN (SELECT member_id FROM memberships WHERE ${scopeCondition(groups)})` : ''}
     ORDER BY tag`,
    isScoped ? { groups: listValue(groups!) } : {},
  );
  return rows.map((r) => r.tag);
}

/** Whether the customer list already carries this tag (a saved tag of the same name would merge into it). */
export async function isCustomerTag(sql: Sql, name: string): Promise<boolean> {
  // eslint-disable-next-line no-restricted-syntax -- the customer list's tag separators (data vocabulary)
  const row = await sql.one(`WITH ${identityCtes()}, ${personCtes()} SELECT 1 FROM (SELECT unnest(regexp_split_to_array(tags, '[,，;；/、\\s]+')) AS tag FROM person_customer) WHERE tag = ? LIMIT 1`, [name]);
  return row !== undefined;
}
