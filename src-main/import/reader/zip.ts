/**
 * Just enough of the zip format to read an .xlsx safely: the central directory (sizes known
 * before anything is inflated) and one part's bytes as a stream, inflated with node:zlib.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** One entry of the central directory. */
export interface ZipEntry {
  /** Part name, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Whether the entry is encrypted with zip encryption. */
  isEncrypted: boolean;
  compressedSize: number;
  /** As declared by the directory; enforced while inflating. */
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

/** Why a directory could not be read. */
export type ZipProblem = 'truncated' | 'corrupt';

/** The central directory, or why it could not be read. */
export type ZipDirectory = { ok: true; entries: ZipEntry[]; directoryOffset: number } | { ok: false; problem: ZipProblem; detail: string };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** Reads `length` bytes at `position` (fewer at the end of the file). */
async function readAt(fh: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

function u64(buf: Buffer, at: number): number {
  return Number(buf.readBigUInt64LE(at));
}

/** Position of the end-of-central-directory record in `tail` (the last bytes of the file), or -1. */
export function findEocd(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) return i;
  }
  return -1;
}

/** Parses central-directory records; sizes from the zip64 extra field where the 32-bit ones overflow. */
export function parseCentralDirectory(cd: Buffer, count: number): ZipEntry[] | string {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL) return `directory record ${n} missing`;
    const nameLen = cd.readUInt16LE(at + 28);
    const extraLen = cd.readUInt16LE(at + 30);
    const commentLen = cd.readUInt16LE(at + 32);
    let compressedSize = cd.readUInt32LE(at + 20);
    let uncompressedSize = cd.readUInt32LE(at + 24);
    let localOffset = cd.readUInt32LE(at + 42);
    const name = cd.toString('utf8', at + 46, at + 46 + nameLen);
    let x = at + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = cd.readUInt16LE(x);
      const size = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (uncompressedSize === MAX32 && p + 8 <= x + 4 + size) {
          uncompressedSize = u64(cd, p);
          p += 8;
        }
        if (compressedSize === MAX32 && p + 8 <= x + 4 + size) {
          compressedSize = u64(cd, p);
          p += 8;
        }
        if (localOffset === MAX32 && p + 8 <= x + 4 + size) localOffset = u64(cd, p);
      }
      x += 4 + size;
    }
    entries.push({
      path: name.replaceAll('\\', '/').replace(/^\//, ''),
      method: cd.readUInt16LE(at + 10),
      isEncrypted: (cd.readUInt16LE(at + 8) & 1) === 1,
      compressedSize,
      uncompressedSize,
      localOffset,
    });
    at = extraEnd + commentLen;
  }
  return entries;
}

/** Reads the central directory of the zip file open at `fh`, of `size` bytes. */
export async function readZipDirectory(fh: fs.FileHandle, size: number): Promise<ZipDirectory> {
  const tailStart = Math.max(0, size - (22 + MAX16));
  const tail = await readAt(fh, tailStart, size - tailStart);
  const eocdAt = findEocd(tail);
  if (eocdAt < 0) return { ok: false, problem: 'truncated', detail: 'no end of central directory' };
  const eocdPos = tailStart + eocdAt;
  let count = tail.readUInt16LE(eocdAt + 10);
  let cdSize = tail.readUInt32LE(eocdAt + 12);
  let cdOffset = tail.readUInt32LE(eocdAt + 16);
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const loc = eocdAt >= 20 ? tail.subarray(eocdAt - 20, eocdAt) : await readAt(fh, eocdPos - 20, 20);
    if (loc.length < 20 || loc.readUInt32LE(0) !== EOCD64_LOCATOR) return { ok: false, problem: 'corrupt', detail: 'zip64 locator missing' };
    const rec = await readAt(fh, u64(loc, 8), 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== EOCD64) return { ok: false, problem: 'corrupt', detail: 'zip64 directory end missing' };
    count = u64(rec, 32);
    cdSize = u64(rec, 40);
    cdOffset = u64(rec, 48);
  }
  if (cdOffset + cdSize > eocdPos) return { ok: false, problem: 'truncated', detail: 'central directory cut short' };
  // A directory record is at least 46 bytes: a count that cannot fit is a lie, not a reason to allocate.
  if (count * 46 > cdSize) return { ok: false, problem: 'corrupt', detail: 'entry count does not fit the directory' };
  const parsed = parseCentralDirectory(await readAt(fh, cdOffset, cdSize), count);
  if (typeof parsed === 'string') return { ok: false, problem: 'corrupt', detail: parsed };
  for (const e of parsed) {
    if (e.localOffset + 30 + e.compressedSize > cdOffset) return { ok: false, problem: 'truncated', detail: `data of ${e.path} missing` };
  }
  return { ok: true, entries: parsed, directoryOffset: cdOffset };
}

/** Raised when a part inflates to more than its directory declared. */
export class ZipSizeLieError extends Error {
  constructor(readonly entry: ZipEntry) {
    super(`${entry.path} inflates past its declared ${entry.uncompressedSize} bytes`);
  }
}

/** Raised when a part inflates to less than its directory declared: its data is damaged or cut short. */
export class ZipDamagedError extends Error {
  constructor(
    readonly entry: ZipEntry,
    readonly inflated: number,
  ) {
    super(`${entry.path} ends after ${inflated} of its declared ${entry.uncompressedSize} bytes`);
  }
}

/**
 * The uncompressed bytes of one entry. Counts what comes out and fails with
 * {@link ZipSizeLieError} past the declared size, so a forged directory cannot smuggle a bomb in,
 * and with {@link ZipDamagedError} when it ends short of it: damaged deflate data can decode to a
 * stream that just stops, and a sheet read to its end must not pass for a whole one.
 */
export async function openZipEntry(filePath: string, entry: ZipEntry, onBytes?: (n: number) => void): Promise<Readable> {
  const fh = await fs.open(filePath, 'r');
  let local: Buffer;
  try {
    local = await readAt(fh, entry.localOffset, 30);
  } finally {
    await fh.close();
  }
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw new Error(`local header of ${entry.path} missing`);
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  let seen = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > entry.uncompressedSize) return cb(new ZipSizeLieError(entry));
      onBytes?.(chunk.length);
      cb(null, chunk);
    },
    flush(cb) {
      cb(seen < entry.uncompressedSize ? new ZipDamagedError(entry, seen) : null);
    },
  });
  // 64 KiB reads: larger buffers outlived the young generation and piled up as external memory
  // until a full GC (~3 MB more per 65k rows parsed, 50 MB over a 1M-row sheet).
  const raw = createReadStream(filePath, { start, end: start + Math.max(0, entry.compressedSize) - 1, highWaterMark: 64 * 1024 });
  if (entry.compressedSize === 0) {
    raw.destroy();
    guard.end();
    return guard;
  }
  if (entry.method === 0) pipeline(raw, guard, () => undefined);
  else if (entry.method === 8) pipeline(raw, createInflateRaw({ chunkSize: 64 * 1024 }), guard, () => undefined);
  else throw new Error(`${entry.path} uses unsupported compression method ${entry.method}`);
  return guard;
}
