import { httpUpload } from '../api/httpTransport';
import { downloadBlob } from './download';
import type { Platform } from './platform';

/** The browser-mode implementation: uploads and in-page forms. */
export function webPlatform(): Platform {
  return {
    kind: 'web',
    async stageFile(file) {
      const r = await httpUpload(file);
      if (!r.ok) return r;
      return { ok: true, value: { uploadId: r.value.uploadId, name: file.name } };
    },
    async pickFiles(openInput) {
      openInput();
      return { ok: true, value: [] };
    },
    async chooseProjectToOpen() {
      return { ok: true, value: { kind: 'form' } };
    },
    async chooseProjectToSave() {
      return { ok: true, value: { kind: 'form' } };
    },
    saveDownload(fileName, content) {
      downloadBlob(fileName, content);
    },
  };
}
