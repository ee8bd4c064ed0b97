/**
 * Stream names of an OLE2 compound file (CFB), the container of legacy .xls workbooks and of
 * password-protected .xlsx files. Only the directory is read; no stream is opened.
 */

/** The 8-byte CFB signature. */
export const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const MAX_REG_SECT = 0xfffffffa;

/**
 * Directory entry names of a CFB file whose first bytes are `head` (the whole file, or at least
 * its header, FAT sectors named in the header and directory sectors). Falls back to looking for
 * the names that matter as UTF-16 text when the structure cannot be followed (a cut or odd file).
 */
export function cfbStreamNames(head: Buffer): string[] {
  try {
    return walkDirectory(head);
  } catch {
    return ['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book', 'WordDocument', 'PowerPoint Document'].filter((n) =>
      head.includes(Buffer.from(n, 'utf16le')),
    );
  }
}

function walkDirectory(buf: Buffer): string[] {
  if (buf.length < 512 || !buf.subarray(0, 8).equals(CFB_MAGIC)) throw new Error('not a CFB header');
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new Error(`odd sector size 2^${shift}`);
  const sectorSize = 1 << shift;
  const sector = (n: number) => {
    const at = (n + 1) * sectorSize;
    if (n > MAX_REG_SECT || at + sectorSize > buf.length) throw new Error(`sector ${n} outside the data read`);
    return buf.subarray(at, at + sectorSize);
  };
  // FAT sectors listed in the header (109 of them cover files up to ~7 MB with 512-byte sectors).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(0x4c + i * 4);
    if (s <= MAX_REG_SECT) fatSectors.push(s);
  }
  const fat = Buffer.concat(fatSectors.map(sector));
  const names: string[] = [];
  const seen = new Set<number>();
  for (let s = buf.readUInt32LE(0x30); s !== END_OF_CHAIN; s = fat.readUInt32LE(s * 4)) {
    if (seen.has(s) || s * 4 + 4 > fat.length) throw new Error('broken directory chain');
    seen.add(s);
    const dir = sector(s);
    for (let at = 0; at + 128 <= dir.length; at += 128) {
      const len = dir.readUInt16LE(at + 0x40);
      if (len >= 2 && len <= 64) names.push(dir.toString('utf16le', at, at + len - 2));
    }
  }
  return names;
}
