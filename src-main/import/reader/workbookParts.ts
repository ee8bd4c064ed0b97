/**
 * The workbook part (`xl/workbook.xml`: sheet names, order, 1904 flag) and its relationships,
 * read by exceljs's own parsers for those two parts (so they read exactly as before), without
 * loading the rest of exceljs: the whole library took most of the parsing worker's start-up.
 */
import type { Readable } from 'node:stream';
// exceljs ships no types for its internals; ./exceljsParts.d.ts declares the two used here.
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform.js';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform.js';

/** A sheet of the workbook, in workbook order. */
export interface WorkbookSheet {
  name: string;
  /** Relationship id of its part. */
  rId: string;
}

/** What the workbook part says. */
export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  isDate1904: boolean;
}

/** Reads `xl/workbook.xml` as exceljs's WorkbookReader does (its `_parseWorkbook`). */
export async function readWorkbookPart(xml: Readable): Promise<WorkbookInfo> {
  const workbook = new WorkbookXform();
  await workbook.parseStream(xml);
  return { sheets: workbook.model?.sheets ?? [], isDate1904: !!workbook.map.workbookPr.model?.date1904 };
}

/** Reads `xl/_rels/workbook.xml.rels` as exceljs's WorkbookReader does (its `_parseRels`): relationship id → target. */
export async function readWorkbookRels(xml: Readable): Promise<{ Id: string; Target: string }[]> {
  return (await new RelationshipsXform().parseStream(xml)) ?? [];
}
