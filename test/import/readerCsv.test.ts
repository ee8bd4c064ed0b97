import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src-main/import/importFile';
import { defaultLimits } from '../../src-main/import/reader/limits';
import { csvRows, eachRow, type CsvFormat } from '../../src-main/import/rowSource';
import { detectDelimiter, sniffText } from '../../src-main/import/sniff';
import { memberships, tempProject } from './helpers';

/** `群名称,群成员昵称,成员ID,入群时间` / `美妆1群,小美🌸,wm001,2026-09-01 08:00:00`, CRLF, in GB18030 bytes (the emoji is a 4-byte sequence). */
const GB18030_MEMBERS = Buffer.from(
  'c8bac3fbb3c62cc8bab3c9d4b1eac7b3c62cb3c9d4b149442cc8ebc8bacab1bce40d0ac3c0d7b131c8ba2cd0a1c3c09439b5342c776d3030312c323032362d30392d30312030383a30303a30300d0a',
  'hex',
);
const membersText = (sep: string) => ['群名称', '群成员昵称', '成员ID', '入群时间'].join(sep) + '\r\n' + ['美妆1群', '小美🌸', 'wm001', '2026-09-01 08:00:00'].join(sep) + '\r\n';
const expected = [{ group_name: '美妆1群', member_id: 'wm001', member_name: '小美🌸', join_time: '2026-09-01 08:00:00', leave_time: null, leave_way: null }];

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

const encodings: [string, Buffer][] = [
  ['UTF-8', Buffer.from(membersText(','), 'utf8')],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(membersText(','), 'utf8')])],
  ['GB18030', GB18030_MEMBERS],
  ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(membersText('\t'), 'utf16le')])],
  ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(membersText('\t'))])],
];

describe('importing CSV in every encoding the tools write', () => {
  let env: Awaited<ReturnType<typeof tempProject>>;
  beforeEach(async () => {
    env = await tempProject();
  });
  afterEach(async () => env.cleanup());

  for (const [label, bytes] of encodings) {
    it(`reads ${label}`, async () => {
      const file = path.join(env.dir, `${label}.csv`);
      await writeFile(file, bytes);
      await importFile(env.project, { path: file, fileName: path.basename(file) }, { tempDir: env.tempDir });
      expect(await memberships(env.project)).toEqual(expected);
    });
  }

  for (const [label, sep] of [
    ['comma', ','],
    ['tab', '\t'],
    ['semicolon', ';'],
  ] as const) {
    it(`detects a ${label}-separated file from its header line`, async () => {
      const file = path.join(env.dir, `${label}.csv`);
      await writeFile(file, `客户群成员导出\r\n${membersText(sep)}`);
      await importFile(env.project, { path: file, fileName: path.basename(file) }, { tempDir: env.tempDir });
      expect(await memberships(env.project)).toEqual(expected);
    });
  }
});

/** Every row's cells of a CSV fed as `chunks`. */
async function readAll(chunks: Buffer[], format: CsvFormat): Promise<string[][]> {
  const source = csvRows(Readable.from(chunks), 'x.csv', format, { fileName: 'x.csv', limits: defaultLimits });
  const out: string[][] = [];
  for await (const row of eachRow(source)) out.push(row.cells as string[]);
  return out;
}

/** `bytes` cut into pieces of `size`, so multi-byte characters straddle chunks. */
const pieces = (bytes: Buffer, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

describe('decoding CSV streams', () => {
  for (const [label, bytes] of encodings) {
    it(`decodes ${label} cut at every byte the same as whole`, async () => {
      const format = sniffText(bytes, 'x.csv');
      const whole = await readAll([bytes], format);
      expect(whole[1]).toEqual(expect.arrayContaining(['小美🌸', 'wm001']));
      expect(await readAll(pieces(bytes, 1), format)).toEqual(whole);
      expect(await readAll(pieces(bytes, 3), format)).toEqual(whole);
    });
  }

  it('decides between UTF-8 and GB18030 at the first non-ASCII bytes when the sample was plain ASCII', async () => {
    const ascii = Buffer.from('id,name\r\n' + 'a,b\r\n'.repeat(20_000));
    expect(sniffText(ascii.subarray(0, 65536), 'x.csv').encoding).toBeNull();
    const gbTail = Buffer.from('7a2cd0a1c3c00d0a', 'hex'); // z,小美
    const rows = await readAll([ascii, gbTail], { encoding: null, bomLength: 0 });
    expect(rows.at(-1)).toEqual(['z', '小美']);
    const utf8Tail = Buffer.from('z,小美\r\n', 'utf8');
    expect((await readAll([ascii, utf8Tail], { encoding: null, bomLength: 0 })).at(-1)).toEqual(['z', '小美']);
  });

  it('keeps quoted separators and line breaks inside a field', async () => {
    const rows = await readAll([Buffer.from('a;b\r\n"x;y";"1\r\n2 ""q"""\r\n')], { encoding: 'utf-8', bomLength: 0 });
    expect(rows).toEqual([
      ['a', 'b'],
      ['x;y', '1\r\n2 "q"'],
    ]);
  });
});

describe('detecting the separator', () => {
  it('takes the separator the header splits on most, also below a title row', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('a;b;c\n')).toBe(';');
    expect(detectDelimiter('导出时间：2026-09-30\na;b;c;d\n')).toBe(';');
  });

  it('ignores separators inside quotes', () => {
    expect(detectDelimiter('"a,b,c,d";x;y\n')).toBe(';');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter('群名称\n')).toBe(',');
  });
});
