/** Saved column mappings of the importer. */
import { z } from 'zod';
import { empty } from './common';
import type { ImportKind } from './import';
import { method } from './method';

/** A saved column mapping, reused for files with the same headers. */
export interface MappingTemplate {
  id: string;
  name: string;
  kind: ImportKind;
  /** Header texts the template applies to (order-insensitive match). */
  headers: string[];
  /** header text → field id (null = ignore). */
  fields: Record<string, string | null>;
  /** ISO time saved. */
  savedAt: string;
}

/** The `templates:*` methods. */
export const templatesMethods = {
  'templates:list': method<MappingTemplate[]>()(empty),
  'templates:delete': method<MappingTemplate[]>()(z.object({ id: z.string().min(1).max(100) })),
  /** The templates as a JSON document, for sharing with a team. */
  'templates:export': method<string>()(empty),
  /** Adds the templates of a JSON document made by templates:export. */
  'templates:import': method<MappingTemplate[]>()(z.object({ content: z.string().max(5_000_000) })),
};
