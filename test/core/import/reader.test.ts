import { describe, expect, it } from 'vitest';
import { cfbStreamNames } from '../../../src-main/core/import/reader/cfb';
import { formatBytes } from '../../../src-main/core/import/reader/limits';
import { findEocd, parseCentralDirectory } from '../../../src-main/core/import/reader/zip';
import { sniffText } from '../../../src-main/core/import/sniff';
import { buildCfb, buildZip, workbookParts } from '../../fixtures/bad/builders';

describe('reading a zip directory', () => {
  it('lists the parts with their declared sizes', () => {
    const parts = workbookParts();
    parts[3]!.declaredSize = 123_456;
    const zip = buildZip(parts);
    const at = findEocd(zip);
    expect(at).toBe(zip.length - 22);
    const cdOffset = zip.readUInt32LE(at + 16);
    const entries = parseCentralDirectory(zip.subarray(cdOffset, at), 4);
    expect(entries).toMatchObject([
      { path: '[Content_Types].xml', method: 8, isEncrypted: false },
      { path: 'xl/workbook.xml' },
      { path: 'xl/_rels/workbook.xml.rels' },
      { path: 'xl/worksheets/sheet1.xml', uncompressedSize: 123_456 },
    ]);
  });

  it('finds no end record in a zip cut short', () => {
    const zip = buildZip(workbookParts());
    expect(findEocd(zip.subarray(0, zip.length - 30))).toBe(-1);
  });
});

describe('reading CFB stream names', () => {
  it('walks the directory of a compound file', () => {
    expect(cfbStreamNames(buildCfb(['EncryptionInfo', 'EncryptedPackage']))).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    const many = ['Workbook', 'a', 'b', 'c', 'd', 'e'];
    expect(cfbStreamNames(buildCfb(many))).toEqual(['Root Entry', ...many]);
  });

  it('still finds the names that matter in a file whose structure cannot be followed', () => {
    const cfb = buildCfb(['Workbook']);
    cfb.writeUInt32LE(999, 0x30); // directory sector out of range
    expect(cfbStreamNames(cfb)).toEqual(['Workbook']);
  });
});

describe('sniffing text', () => {
  it('reads byte-order marks, UTF-8 and GB18030', () => {
    expect(sniffText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'x.csv')).toMatchObject({ encoding: 'utf-8', bomLength: 3 });
    expect(sniffText(Buffer.from([0xff, 0xfe, 0x61, 0]), 'x.csv')).toMatchObject({ encoding: 'utf-16le', bomLength: 2 });
    expect(sniffText(Buffer.from([0xfe, 0xff, 0, 0x61]), 'x.csv')).toMatchObject({ encoding: 'utf-16be', bomLength: 2 });
    expect(sniffText(Buffer.from('群名称,成员ID', 'utf8'), 'x.csv')).toMatchObject({ encoding: 'utf-8', bomLength: 0 });
    expect(sniffText(Buffer.from('c8bac3fbb3c62c', 'hex'), 'x.csv')).toMatchObject({ encoding: 'gb18030' });
    expect(sniffText(Buffer.from('a,b\n'), 'x.csv')).toMatchObject({ encoding: null });
  });

  it('refuses binary that is no text', () => {
    expect(() => sniffText(Buffer.from([0x61, 0, 0x62, 1, 2, 3]), '数据.csv')).toThrow(/数据\.csv/);
  });
});

describe('formatting limits for messages', () => {
  it('shows sizes in binary units', () => {
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
    expect(formatBytes(1.5 * 1024 ** 2)).toBe('1.5 MB');
  });
});
