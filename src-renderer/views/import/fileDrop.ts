import { platform } from '../../platform';
import type { PendingFile } from '../../store/imports';

const importable = /\.(xlsx|xls|csv)$/i;

/** Whether a file name looks like an export we can import. */
export const isImportableName = (name: string): boolean => importable.test(name);

/** Browser Files as queue entries, staged (path or upload) only when their turn comes. */
export function pendingFromFiles(files: Iterable<File>): PendingFile[] {
  return Array.from(files).map((file) => ({ fileName: file.name, stage: () => platform.stageFile(file) }));
}
