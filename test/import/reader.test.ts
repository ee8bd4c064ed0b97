import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeXmlText, readSharedStrings, readSheetRows, type SheetRow } from '../../src-main/import/reader/sheetXml';
import { cfbStreamNames } from '../../src-main/import/reader/cfb';
import { formatBytes } from '../../src-main/import/reader/limits';
import { findEocd, parseCentralDirectory } from '../../src-main/import/reader/zip';
import { sniffText } from '../../src-main/import/sniff';
import { buildCfb, buildZip, workbookParts } from '../fixtures/bad/builders';

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

describe('reading worksheet XML', () => {
  const sheet = (rows: string, prefix = '') =>
    `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData>${rows}</${prefix}sheetData><${prefix}rowBreaks count="0"/></${prefix}worksheet>`;
  async function rows(xml: string, shared: string[] = [], chunk = xml.length): Promise<SheetRow[]> {
    const bytes = Buffer.from(xml, 'utf8');
    const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
    const out: SheetRow[] = [];
    for await (const r of readSheetRows(Readable.from(chunks), shared)) out.push(r);
    return out;
  }

  const body =
    '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>小美&amp;🌸</t></is></c></row>' +
    '<row r="3" spans="1:5"><c r="A3"><v>46266.5</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c>' +
    '<c r="D3"><f>HYPERLINK("x")</f></c><c r="E3" t="str"><f>A1</f><v>a_x000D_b</v></c><c r="F3" s="2"/></row><row r="4"/>';

  it('reads numbers, shared, inline and formula strings, booleans; gaps stay holes, errors and result-less formulas are empty', async () => {
    const got = await rows(sheet(body), ['群名称', '美妆1群']);
    expect(got.map((r) => r.rowNumber)).toEqual([1, 3]);
    expect(Array.from(got[0]!.cells)).toEqual(['美妆1群', undefined, '小美&🌸']);
    expect(Array.from(got[1]!.cells)).toEqual([46266.5, true, undefined, undefined, 'a\rb']);
  });

  it('reads the same when the bytes arrive in pieces that cut tags and characters', async () => {
    const whole = await rows(sheet(body), ['a', 'b']);
    for (const size of [1, 7, 64]) expect(await rows(sheet(body), ['a', 'b'], size)).toEqual(whole);
  });

  it('reads a worksheet written with a namespace prefix (x:row, x:c)', async () => {
    const got = await rows(sheet('<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>张三</x:t></x:is></x:c></x:row>', 'x:'));
    expect(got).toEqual([{ rowNumber: 2, cells: [undefined, '张三'] }]);
  });

  it('reads shared strings with rich-text runs, without phonetic runs', async () => {
    const sst =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">' +
      '<si><t>群名称</t></si><si><r><rPr><b/></rPr><t>小</t></r><r><t xml:space="preserve">美 </t></r><rPh sb="0" eb="1"><t>ショウ</t></rPh></si><si><t/></si></sst>';
    expect(await readSharedStrings(Readable.from([Buffer.from(sst)]))).toEqual(['群名称', '小美 ', '']);
  });

  it('decodes numeric character references', () => {
    expect(decodeXmlText('&#23458;&#x6237;&lt;&gt;&quot;&apos;')).toBe('客户<>"\'');
  });
});
