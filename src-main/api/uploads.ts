import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/appError';
import { boundaryMessages } from '../locale/errors';
import type { AppPaths } from './context';
import { runTempDir } from './tempFiles';

const UPLOAD_ID = /^[0-9a-f-]{36}$/;

/** A fresh id for a file uploaded by the browser-mode UI. */
export function newUploadId(): string {
  return randomUUID();
}

/**
 * Where an uploaded file is kept until it is imported: in this process's temp folder (an upload
 * belongs to the page this process serves); the id is checked so it can never name another path.
 */
export function uploadPath(paths: AppPaths, uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new AppError('IMPORT_FILE_NOT_FOUND', boundaryMessages.badUploadId, { uploadId });
  return path.join(runTempDir(paths.tempDir), 'uploads', uploadId);
}

/** Removes an uploaded file once its import has ended: the UI never imports one upload twice. */
export async function removeUpload(paths: AppPaths, uploadId: string): Promise<void> {
  await fs.rm(uploadPath(paths, uploadId), { force: true });
}
