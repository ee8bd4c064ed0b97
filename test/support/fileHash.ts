import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A file's bytes as a SHA-256 in hex: whether anything wrote to it. */
export function fileSha256(p: string): string {
  return createHash('sha256').update(readFileSync(p)).digest('hex');
}
