/**
 * Workbooks with the cell shapes real exports carry, for comparing Qunxi's xlsx reader with
 * exceljs's: written with exceljs (both writers), plus a few parts written by hand for what no
 * exceljs writer emits (inline strings with phonetic runs, `_x000D_` escapes, cached formula
 * strings). Generated into a temp folder, so no binary is committed.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** One part of a hand-written workbook, for a zip builder (test/fixtures/bad/builders.ts). */
export interface XlsxPart {
  name: string;
  data: string;
}

/** One generated fixture. */
export interface QuirkFixture {
  name: string;
  file: string;
  /** Whether the workbook counts serial dates from 1904. */
  isDate1904: boolean;
}

const DATE_FMT = 'yyyy-mm-dd hh:mm:ss';
const LONG = '长文本'.repeat(6000) + '🙂𠮷'.repeat(500);

/** Wall-clock Date as exceljs takes it (UTC fields are the wall clock). */
const wall = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi, s));

/** Every value shape on one sheet, with holes, merges and links. */
function fillKitchenSink(ws: ExcelJS.Worksheet, isDate1904: boolean): void {
  // A 1904 workbook cannot hold a day before 1904-01-01 (the serial would be negative).
  const early = isDate1904 ? wall(1904, 1, 2) : wall(1900, 3, 1);
  ws.addRow(['文本', '数字', '日期', '其他']);
  ws.addRow(['共享字符串', 42, wall(2026, 9, 1, 8, 30, 15), true]);
  ws.addRow(['共享字符串', 3.14159, wall(2026, 11, 15, 23, 59, 59), false]);
  ws.addRow(['负数', -17.5, early, 1e-7]);
  ws.addRow(['大数', 123456789012345, wall(2000, 2, 29, 12, 0, 1), 9007199254740991]);
  ws.addRow(['  前后空格  ', 0, wall(1970, 1, 1, 0, 0, 0), -0.000001]);
  ws.addRow(['A&amp;B <tag> "q" \'a\' &lt;', '换行\n第二行\r\n第三行', 'tab\there', '_x000D_ 字面']);
  ws.addRow(['emoji 🙂👍🏽 群 𠮷野家', '\u3000全角空格\u3000', '\ufeffBOM', '-']);
  ws.addRow([{ richText: [{ text: '粗', font: { bold: true } }, { text: '体 ' }, { text: '红', font: { color: { argb: 'FFFF0000' } } }] }]);
  ws.addRow([{ error: '#N/A' }, { error: '#DIV/0!' }, { error: '#VALUE!' }, 'after errors']);
  ws.addRow([{ formula: 'B2*2', result: 84 }, { formula: 'A2&"x"', result: '共享字符串x' }, { formula: 'HYPERLINK("https://example.com","点我")' }, { formula: 'B3+1' }]);
  ws.addRow([{ formula: 'C2+1', result: wall(2026, 9, 2, 8, 30, 15) }, { formula: 'TRUE()', result: true }, { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: '""', result: '' }]);
  ws.addRow([{ text: '链接文本', hyperlink: 'https://example.com/a?b=1&c=2' }, { text: 'mailto', hyperlink: 'mailto:a@example.com' }]);
  ws.addRow([LONG, 'x'.repeat(32_000)]);
  // Holes: cells skipped mid-row, and whole empty rows.
  ws.getCell('A18').value = '左';
  ws.getCell('D18').value = '右';
  ws.getCell('AB18').value = '远列';
  ws.getCell('B22').value = '空行之后';
  ws.getCell('XFD23').value = '最后一列';
  // Merged: the value sits in the top-left cell only.
  ws.getCell('A25').value = '合并';
  ws.mergeCells('A25:C26');
  ws.getCell('D25').value = '合并旁';
  ws.getCell('A27').value = '';
  ws.getCell('B27').value = null;
  ws.getCell('C27').value = ' ';
  for (const col of ['C'] as const) ws.getColumn(col).numFmt = DATE_FMT;
  for (let r = 2; r <= 6; r++) ws.getCell(`C${r}`).numFmt = DATE_FMT;
  ws.getCell('A12').numFmt = DATE_FMT;
  // Times of day alone, and a date-formatted number.
  ws.getCell('E2').value = isDate1904 ? wall(1904, 1, 1, 13, 45, 30) : wall(1899, 12, 30, 13, 45, 30);
  ws.getCell('E2').numFmt = 'hh:mm:ss';
  ws.getCell('E3').value = 45_000.25;
  ws.getCell('E3').numFmt = 'yyyy/m/d h:mm';
}

async function writeBook(file: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  // writeBuffer, not writeFile: exceljs's writeFile can end the file stream before the zip is fully piped.
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

/** A message-export-like row. */
function messageRow(i: number): unknown[] {
  return [`wxid_${i % 97}`, `成员${i % 97}🙂`, wall(2026, 9, 1 + (i % 60), i % 24, i % 60, (i * 7) % 60), i % 3 === 0 ? '文本' : '图片', i % 5 === 0 ? null : `消息 ${i} &amp; <b>`, i * 1.5];
}

/** A hand-written workbook whose sheet XML has shapes exceljs's writers never emit. */
function handWrittenParts(): XlsxPart[] {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const shared = [
    '<si><t>普通</t></si>',
    '<si><t xml:space="preserve"> 回车_x000D_换行\n尾 </t></si>',
    '<si><r><rPr><b/></rPr><t>漢</t></r><r><t>字</t></r><rPh sb="0" eb="1"><t>かん</t></rPh><phoneticPr fontId="1"/></si>',
    '<si><t>A &amp; B &lt;c&gt; &#20013;&#x6587; &quot;</t></si>',
    '<si><t/></si>',
    '<si><t>_x005F_x000D_ 字面下划线</t></si>',
    '<si><t>CRLF\r\n原样 CR\r尾 &#13;字符引用 _x000d_小写</t></si>',
  ].join('');
  const rows = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>',
    '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c><c r="D2" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t xml:space="preserve"> 内联</t></r></is></c></row>',
    '<row r="4" spans="1:4"><c r="A4" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c><c r="B4"><f>1+1</f><v>2</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#REF!</v></c></row>',
    '<row r="5"><c r="B5" s="0"/><c r="C5"><v>-1.5E-3</v></c><c r="D5"><v>1E+21</v></c></row>',
    '<row r="6"><c r="A6" t="s"><v>0</v></c><c r="B6" t="s"><v>6</v></c><c r="C6" t="inlineStr"><is><t>内联_x000D_转义</t></is></c><c r="D6" t="s"><v></v></c></row>',
    '<row r="7"><c r="A7"><f>HYPERLINK("http://x","点我")</f><v></v></c><c r="B7" t="str"><f>"_x000D_"</f><v>_x000D_ &amp;</v></c><c r="C7" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D7" t="n"><v>7</v></c></row>',
    // Shared formulas (master and follower) with cached results; an ISO date cell (t="d").
    '<row r="8"><c r="A8"><f t="shared" ref="A8:A9" si="0">D7*2</f><v>14</v></c><c r="B8" t="d"><v>2026-09-01T08:30:15</v></c></row>',
    '<row r="9"><c r="A9"><f t="shared" si="0"/><v>16</v></c></row><rowBreaks count="0"/>',
  ].join('');
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="手写" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    },
    { name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst ${ns} count="7" uniqueCount="7">${shared}</sst>` },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0"?><worksheet ${ns}><sheetData>${rows}</sheetData></worksheet>` },
  ];
}

/** Writes every quirk workbook into `dir`; `buildZip` zips the hand-written parts. */
export async function writeQuirkWorkbooks(dir: string, buildZip: (parts: XlsxPart[]) => Buffer): Promise<QuirkFixture[]> {
  const out: QuirkFixture[] = [];
  const add = (name: string, file: string, isDate1904 = false) => out.push({ name, file, isDate1904 });

  add(
    'kitchen sink (1900)',
    await writeBook(path.join(dir, 'kitchen1900.xlsx'), (wb) => fillKitchenSink(wb.addWorksheet('全部类型'), false)),
  );
  add(
    'kitchen sink (1904)',
    await writeBook(path.join(dir, 'kitchen1904.xlsx'), (wb) => {
      wb.properties.date1904 = true;
      fillKitchenSink(wb.addWorksheet('1904'), true);
    }),
    true,
  );
  add(
    'split export and 5,000 rows',
    await writeBook(path.join(dir, 'split.xlsx'), (wb) => {
      for (const name of ['聊天记录0', '聊天记录1']) {
        const ws = wb.addWorksheet(name);
        ws.addRow(['发送人ID', '发送人', '发送时间', '消息类型', '内容', '数值']);
        for (let i = 0; i < 5000; i++) ws.addRow(messageRow(i));
        ws.getColumn(3).numFmt = DATE_FMT;
      }
      const empty = wb.addWorksheet('空表');
      empty.getCell('A1').value = null;
      wb.addWorksheet('说明').addRow(['导出说明', '第二张之后']);
    }),
  );

  // The streaming writer with a shared-string table.
  const streamed = path.join(dir, 'streamShared.xlsx');
  const sw = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: streamed, useSharedStrings: true, useStyles: true });
  for (const name of ['群成员0', '群成员1']) {
    const ws = sw.addWorksheet(name);
    ws.getColumn(3).numFmt = DATE_FMT;
    ws.addRow(['成员ID', '昵称', '入群时间', '备注']).commit();
    for (let i = 0; i < 1500; i++) {
      const r = ws.addRow([`m${i}`, i % 4 === 0 ? `  昵称${i % 50}  ` : `昵称${i % 50}`, wall(2026, 10, 1 + (i % 28), 9, i % 60, i % 60), i % 7 === 0 ? null : { richText: [{ text: '富' }, { text: `文本${i % 3}` }] }]);
      r.commit();
    }
    ws.commit();
  }
  await sw.commit();
  add('streaming writer, shared strings', streamed);

  // The streaming writer without one: strings go inline (t="str") and rich text as <is>.
  const inline = path.join(dir, 'streamInline.xlsx');
  const iw = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: inline, useSharedStrings: false, useStyles: true });
  const iws = iw.addWorksheet('内联');
  const first = iws.addRow(['文本 & <符号>', { richText: [{ text: 'a' }, { text: '&b' }] }, 12.5, wall(2026, 1, 2, 3, 4, 5)]);
  first.getCell(4).numFmt = DATE_FMT;
  first.commit();
  iws.addRow(['换行\n行', ' 空格 ', '_x000D_', '🙂']).commit();
  iws.commit();
  await iw.commit();
  add('streaming writer, inline strings', inline);

  const hand = path.join(dir, 'handWritten.xlsx');
  await writeFile(hand, buildZip(handWrittenParts()));
  add('hand-written parts', hand);
  return out;
}
