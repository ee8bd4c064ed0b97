import { useState } from 'react';
import type { ExportFile, Method, Req, Responses, Result } from '../../src-main/contract';
import { call } from '../api/client';
import { platform } from '../platform';
import { reportError } from '../store/toasts';

/** A file to hand to the user. */
export interface Download {
  fileName: string;
  content: Blob;
}

/** What an export button needs. */
export interface Exporter<A> {
  /** Makes the file and saves it through the platform; a failure is reported as a toast. */
  run(arg: A): Promise<void>;
  /** Whether an export is under way (the button shows 正在导出… and is disabled). */
  isExporting: boolean;
}

/** The bytes of a file the Node side sent as base64. */
const base64Bytes = (base64: string) => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));

/** Decodes an exported file (base64 xlsx) for a download. */
export function xlsxBlob(base64: string): Blob {
  return new Blob([base64Bytes(base64)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** A spreadsheet made on the Node side, as a download. */
export const xlsxDownload = (file: ExportFile): Download => ({ fileName: file.fileName, content: xlsxBlob(file.base64) });

/** A list's file made on the Node side (xlsx, or CSV by its name), as a download. */
export const exportDownload = (file: ExportFile): Download =>
  /\.csv$/i.test(file.fileName) ? { fileName: file.fileName, content: new Blob([base64Bytes(file.base64)], { type: 'text/csv;charset=utf-8' }) } : xlsxDownload(file);

/** A JSON text (exported definitions or templates), as a download. */
export const jsonDownload = (fileName: string, json: string): Download => ({ fileName, content: new Blob([json], { type: 'application/json;charset=utf-8' }) });

/** An export of a file made by `make`, saved through the platform port. */
export function useDownload<A>(make: (arg: A) => Promise<Result<Download>>): Exporter<A> {
  const [isExporting, setIsExporting] = useState(false);
  async function run(arg: A): Promise<void> {
    setIsExporting(true);
    try {
      const r = await make(arg);
      if (!r.ok) return reportError(r.error);
      platform.saveDownload(r.value.fileName, r.value.content);
    } finally {
      setIsExporting(false);
    }
  }
  return { run, isExporting };
}

/** Asks `method` for a file and turns its answer into a download (xlsxDownload for an ExportFile); an error stays the API's. */
export async function apiDownload<K extends Method>(method: K, req: Req<K>, toDownload: (value: Responses[K]) => Download): Promise<Result<Download>> {
  const r = await call(method, req);
  return r.ok ? { ok: true, value: toDownload(r.value) } : r;
}

/** An export the API makes: asks `method`, turns its answer into a file (xlsxDownload for an ExportFile), saves it. */
export function useExport<K extends Method>(method: K, toDownload: (value: Responses[K]) => Download): Exporter<Req<K>> {
  return useDownload((req: Req<K>) => apiDownload(method, req, toDownload));
}
