/**
 * A zip writer for parts too big to hold in memory: each part's bytes come from a generator and
 * are deflated as they come (node:zlib), so a workbook that inflates to a gigabyte is built from
 * a few megabytes of memory. Enough of the format for our reader (reader/zip.ts) and exceljs:
 * local headers with sizes and CRC, a central directory, no zip64.
 */
import { open } from 'node:fs/promises';
import { constants as zlibConstants, crc32, createDeflateRaw } from 'node:zlib';

/** One part of a streamed zip. */
export interface StreamedPart {
  name: string;
  /** The part's bytes, piece by piece. */
  data: () => Iterable<Buffer | string>;
}

/** What a written part took, for checking a fixture against the reader's limits. */
export interface WrittenPart {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** Deflates the pieces of one part; returns the compressed bytes, the CRC and the uncompressed size. */
async function deflatePart(part: StreamedPart): Promise<{ body: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: zlibConstants.Z_DEFAULT_COMPRESSION, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const piece of part.data()) {
    const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    crc = crc32(buf, crc);
    size += buf.length;
    if (!deflate.write(buf)) await new Promise<void>((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { body: Buffer.concat(out), crc, size };
}

/** Writes a zip of the parts to `file`; returns each part's sizes. Parts must stay under 4 GB (no zip64). */
export async function writeStreamedZip(file: string, parts: StreamedPart[]): Promise<WrittenPart[]> {
  const fh = await open(file, 'w');
  const centrals: Buffer[] = [];
  const written: WrittenPart[] = [];
  let offset = 0;
  try {
    for (const part of parts) {
      const { body, crc, size } = await deflatePart(part);
      if (size >= 2 ** 32) throw new Error(`${part.name}: ${size} bytes need zip64`);
      const name = Buffer.from(part.name, 'utf8');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0800, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(crc, 16);
      central.writeUInt32LE(body.length, 20);
      central.writeUInt32LE(size, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      await fh.write(Buffer.concat([local, name, body]));
      centrals.push(central, name);
      offset += 30 + name.length + body.length;
      written.push({ name: part.name, compressedSize: body.length, uncompressedSize: size });
    }
    const cd = Buffer.concat(centrals);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(parts.length, 8);
    eocd.writeUInt16LE(parts.length, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(offset, 16);
    await fh.write(Buffer.concat([cd, eocd]));
  } finally {
    await fh.close();
  }
  return written;
}
