// The two exceljs internals the workbook reader uses (reader/workbookParts.ts), as far as it uses them.
declare module 'exceljs/lib/xlsx/xform/book/workbook-xform.js' {
  import type { Readable } from 'node:stream';
  export default class WorkbookXform {
    model?: { sheets?: { name: string; id: number; rId: string }[] };
    map: { workbookPr: { model?: { date1904?: boolean } } };
    parseStream(stream: Readable): Promise<unknown>;
  }
}

declare module 'exceljs/lib/xlsx/xform/core/relationships-xform.js' {
  import type { Readable } from 'node:stream';
  export default class RelationshipsXform {
    parseStream(stream: Readable): Promise<{ Id: string; Target: string }[] | undefined>;
  }
}
