/**
 * Tags saved from an analysis (the lookalike's top list), kept in the project's definitions table
 * under `savedTags` (one JSON document: each tag with its people) so they travel with the file.
 *
 * They are read where tags are read (analysisBase `person_tags`: the customer list's tags plus
 * these), so the funnel's tag breakdown, the A/B tag arms, growth points by tag and 客户360 see a
 * saved tag as they see the customer list's. Writing the document changes the features cache's key
 * (featuresCache.ts), so no cached table keeps the old tags.
 */
import { listValue } from '@duckdb/node-api';
import { savedTagsDocumentSchema, type SavedTag } from '../../contract';
import type { Sql } from '../../db/projectDb';
import { personCtes, SAVED_TAGS_KEY, scopeCondition } from '../base/analysisBase';
import { identityCtes } from '../base/identity';
import { savedList } from './savedList';

/** The document: one entry per tag, its name as the entry's id. */
const saved = savedList<(typeof savedTagsDocumentSchema)['_output'][number]>(SAVED_TAGS_KEY, savedTagsDocumentSchema);

const summary = (doc: Awaited<ReturnType<typeof saved.read>>): SavedTag[] => doc.map((t) => ({ name: t.id, people: t.pids.length, note: t.note, savedAt: t.savedAt }));

/** The saved tags, in saving order. */
export async function readSavedTags(sql: Sql): Promise<SavedTag[]> {
  return summary(await saved.read(sql));
}

/** Saves a tag with its people; a saved tag of the same name is replaced in place. */
export async function saveTag(sql: Sql, tag: { name: string; pids: string[]; note: string }): Promise<SavedTag[]> {
  return summary(await saved.save(sql, { id: tag.name, pids: tag.pids, note: tag.note, savedAt: new Date().toISOString() }));
}

/** Deletes the saved tag of this name (none: nothing changes). */
export async function deleteTag(sql: Sql, name: string): Promise<SavedTag[]> {
  return summary(await saved.remove(sql, name));
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
