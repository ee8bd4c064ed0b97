import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../contract/appError';
import type { AppPaths } from './context';

const UPLOAD_ID = /^[0-9a-f-]{36}$/;

/** A fresh id for a file uploaded by the browser-mode UI. */
export function newUploadId(): string {
  return randomUUID();
}

/** Where an uploaded file is kept until it is imported; the id is checked so it can never name another path. */
export function uploadPath(paths: AppPaths, uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new AppError('IMPORT_FILE_NOT_FOUND', '上传的文件标识无效', { uploadId });
  return path.join(paths.tempDir, 'uploads', uploadId);
}
