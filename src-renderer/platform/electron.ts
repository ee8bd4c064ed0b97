import type { Result } from '../../src-main/contract';
import { call } from '../api/client';
import type { QunxiBridge } from '../api/electronTransport';
import { downloadBlob } from './download';
import type { PathChoice, Platform } from './platform';

function toChoice(r: Result<string | null>): Result<PathChoice> {
  if (!r.ok) return r;
  return { ok: true, value: r.value ? { kind: 'path', path: r.value } : { kind: 'cancelled' } };
}

/** The Electron implementation: native dialogs and real file paths. */
export function electronPlatform(bridge: QunxiBridge): Platform {
  return {
    kind: 'electron',
    async stageFile(file) {
      const path = bridge.getPathForFile(file);
      if (!path) return { ok: false, error: { code: 'IMPORT_FILE_NOT_FOUND', message: file.name } };
      return { ok: true, value: { path } };
    },
    async pickFiles() {
      const r = await call('dialog:importFiles', {});
      if (!r.ok) return r;
      return { ok: true, value: (r.value ?? []).map((path) => ({ path })) };
    },
    async chooseProjectToOpen() {
      return toChoice(await call('dialog:openProject', {}));
    },
    async chooseProjectToSave(defaultName) {
      return toChoice(await call('dialog:saveProject', defaultName ? { defaultName } : {}));
    },
    saveDownload(fileName, content) {
      // Electron turns a page download into its native save dialog (session 'will-download'),
      // so no bridge call is needed; the contract has no save-file method either.
      downloadBlob(fileName, content);
    },
  };
}
