/**
 * Mapping templates (DESIGN §3): a corrected column mapping saved under a name and reused for
 * the next file with the same headers. SQL in named functions; the JSON document format used
 * to share templates with a team is validated here too, so the store never holds a bad one.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { importKinds, type ImportKind, type MappingTemplate, type TableMapping } from '../contract';
import { AppError, firstLine } from '../contract/appError';
import { fieldSpec } from './kinds';
import type { Sql } from '../db/projectDb';
import { importMessages as text } from '../locale/import';

/** The `format` marker of an exported templates document. */
export const TEMPLATES_FORMAT = 'qunxi-mapping-templates';
/** The version of the exported templates document this build writes and reads. */
export const TEMPLATES_VERSION = 1;

interface TemplateRow {
  id: string;
  name: string;
  kind: ImportKind;
  headers: string;
  fields: string;
  saved_at: string;
}

const SELECT_TEMPLATES = `SELECT id, name, kind, headers, fields, strftime(saved_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS saved_at FROM mapping_templates`;

/** Header text as templates compare it: white space removed, case folded. */
export function normaliseHeader(h: string): string {
  return h.replace(/[\s\u3000\ufeff]+/g, '').toLowerCase();
}

/**
 * The header set a template applies to, in canonical form (normalised, blanks dropped, sorted),
 * so a file with the same columns in another order finds it with one equality test.
 */
export function headerSetKey(headers: readonly string[]): string {
  const set = [...new Set(headers.map(normaliseHeader).filter((h) => h !== ''))].sort();
  return JSON.stringify(set);
}

/**
 * The key of each column in a template's `fields`: its header text, with the n-th repeat of a
 * duplicated header (分销员 twice in 有赞 exports) keyed `分销员#2`, so both can be mapped apart.
 */
export function columnKeys(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(normaliseHeader(h)) ?? 0) + 1;
    seen.set(normaliseHeader(h), n);
    return n === 1 ? h : `${h}#${n}`;
  });
}

/** A mapping of a table as a template's header → field record (ignored and blank-header columns left out). */
export function fieldsOfMapping(mapping: TableMapping, headers: readonly string[]): Record<string, string | null> {
  const keys = columnKeys(headers);
  const fields: Record<string, string | null> = {};
  for (const c of mapping.columns) {
    const key = keys[c.index] ?? c.header;
    if (normaliseHeader(key) !== '') fields[key] = c.field;
  }
  return fields;
}

/**
 * Applies a template to a table found in a file (pure): each column gets the field the template
 * gives its header (compared normalised), or none; sheet and header row stay the table's.
 */
export function mappingFromTemplate(table: { mapping: TableMapping; headers: readonly string[] }, template: Pick<MappingTemplate, 'kind' | 'fields'>): TableMapping {
  const byKey = new Map(Object.entries(template.fields).map(([h, f]) => [normaliseHeader(h), f]));
  const keys = columnKeys(table.headers);
  return {
    kind: template.kind,
    sheet: table.mapping.sheet,
    headerRow: table.mapping.headerRow,
    columns: table.headers.map((header, index) => ({ index, header, field: byKey.get(normaliseHeader(keys[index]!)) ?? null })),
  };
}

function toTemplate(r: TemplateRow): MappingTemplate {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    headers: (JSON.parse(r.headers) as { headers: string[] }).headers,
    fields: JSON.parse(r.fields) as Record<string, string | null>,
    savedAt: r.saved_at,
  };
}

/**
 * Headers are stored as `{ key, headers }`: `key` is the canonical set compared by
 * {@link findTemplateByHeaders}, `headers` the texts as the file had them, for display.
 */
function headersColumn(headers: readonly string[]): string {
  return JSON.stringify({ key: headerSetKey(headers), headers });
}

/** All templates, by name. */
export async function listTemplates(sql: Sql): Promise<MappingTemplate[]> {
  const rows = await sql.all<TemplateRow>(`${SELECT_TEMPLATES} ORDER BY name, kind, saved_at`);
  return rows.map(toTemplate);
}

/** A template by id, if any. */
export async function getTemplate(sql: Sql, id: string): Promise<MappingTemplate | undefined> {
  const row = await sql.one<TemplateRow>(`${SELECT_TEMPLATES} WHERE id = ?`, [id]);
  return row ? toTemplate(row) : undefined;
}

/** The most recently saved template whose header set equals `headers` (order-insensitive), optionally of one kind. */
export async function findTemplateByHeaders(sql: Sql, headers: readonly string[], kind?: ImportKind): Promise<MappingTemplate | undefined> {
  const row = await sql.one<TemplateRow>(
    `${SELECT_TEMPLATES} WHERE json_extract_string(headers, '$.key') = $key AND ($kind IS NULL OR kind = $kind) ORDER BY saved_at DESC LIMIT 1`,
    { key: headerSetKey(headers), kind: kind ?? null },
  );
  return row ? toTemplate(row) : undefined;
}

/** What saving a template needs; id and time are assigned here. */
export interface NewTemplate {
  name: string;
  kind: ImportKind;
  headers: string[];
  fields: Record<string, string | null>;
}

/** Saves a template, replacing any template with the same name and kind; returns it. */
export async function saveTemplate(sql: Sql, t: NewTemplate, savedAt = new Date().toISOString()): Promise<MappingTemplate> {
  const id = randomUUID();
  await sql.run(`DELETE FROM mapping_templates WHERE name = ? AND kind = ?`, [t.name, t.kind]);
  await sql.run(`INSERT INTO mapping_templates (id, name, kind, headers, fields, saved_at) VALUES ($id, $name, $kind, $headers, $fields, $at::TIMESTAMPTZ)`, {
    id,
    name: t.name,
    kind: t.kind,
    headers: headersColumn(t.headers),
    fields: JSON.stringify(t.fields),
    at: savedAt,
  });
  return { id, name: t.name, kind: t.kind, headers: [...t.headers], fields: { ...t.fields }, savedAt };
}

/** Deletes a template; TEMPLATE_NOT_FOUND when there is none with this id. */
export async function deleteTemplate(sql: Sql, id: string): Promise<void> {
  if (!(await getTemplate(sql, id))) throw new AppError('TEMPLATE_NOT_FOUND', text.templateNotFound, { id });
  await sql.run(`DELETE FROM mapping_templates WHERE id = ?`, [id]);
}

/** The templates as a JSON document for sharing (pure). */
export function templatesToDocument(templates: MappingTemplate[]): string {
  return `${JSON.stringify({ format: TEMPLATES_FORMAT, version: TEMPLATES_VERSION, templates }, null, 2)}\n`;
}

const templateSchema = z.object({
  id: z.string().max(100).optional(),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(importKinds),
  headers: z.array(z.string().max(2000)).min(1).max(16384),
  fields: z.record(z.string().max(2000), z.string().max(64).nullable()),
  savedAt: z.string().max(40).optional(),
});

const documentSchema = z.object({
  format: z.literal(TEMPLATES_FORMAT),
  version: z.literal(TEMPLATES_VERSION),
  templates: z.array(templateSchema).max(10_000),
});

/** The templates of an exported document; TEMPLATE_INVALID naming the first thing wrong. */
export function templatesFromDocument(content: string): NewTemplate[] {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (e) {
    throw new AppError('TEMPLATE_INVALID', text.templateNotJson(firstLine(e)));
  }
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : text.templateRoot;
    throw new AppError('TEMPLATE_INVALID', text.templateInvalid(`${where} ${issue?.message ?? ''}`), { field: where });
  }
  return parsed.data.templates.map((t, i) => {
    const known = new Set(t.headers.map(normaliseHeader));
    const stray = Object.keys(t.fields).find((h) => !known.has(normaliseHeader(h.replace(/#\d+$/, ''))));
    if (stray !== undefined) {
      throw new AppError('TEMPLATE_INVALID', text.templateStrayColumn(i, stray), { field: `templates.${i}.fields` });
    }
    const unknown = Object.entries(t.fields).find(([, f]) => f !== null && !fieldSpec(t.kind, f));
    if (unknown) {
      throw new AppError('TEMPLATE_INVALID', text.templateUnknownField(i, unknown[0], String(unknown[1]), t.kind), {
        field: `templates.${i}.fields`,
      });
    }
    return { name: t.name, kind: t.kind, headers: t.headers, fields: t.fields };
  });
}
