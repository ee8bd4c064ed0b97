/**
 * The xlsx reader reads in time linear in its input, whatever the input: one huge shared string
 * took 0.56 s at 4 MB, 28 s at 16 MB and 167 s at 32 MB (the text so far was searched again from
 * its start for every chunk). No absolute time is asserted (the machine may be busy): the same
 * run times 4 MB and 16 MB, and linear reading takes about 4 times as long for 4 times the
 * input where quadratic reading takes 16 (50 measured for the bug above). The time is the
 * process's CPU time, which a busy machine stretches far less than the wall clock; each size is
 * read seven times after a warm-up, alternately, and the fastest runs are compared: what varies
 * between runs only adds time (chiefly a collection of the whole worker's heap, which a large
 * buffer's allocation sets off or not, whatever its size: 16 MB took 24 ms or 140). Both sizes stay
 * under 32 MB: a buffer or string past that is always fresh memory from the system (glibc's
 * largest reusable size), which costs up to four times as much per byte to fill as a reused
 * one, so 8 MB against 32 MB gave a linear reading a ratio from 4 to 15 (the sheet row: 8 MB took
 * 20 to 100 ms, 32 MB 230 to 300 ms; 4, 8, 16, 32 and 64 MB took 60, 85, 150, 270 and 610 ms).
 * The bound is 12: a machine under a load average of 20 stretched a linear reading's ratio (then of medians) to
 * 10.7 (memory bandwidth shared with other processes), still far from quadratic.
 */
const MAX_RATIO = 12;
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSharedStrings, readSheetRowBatches, ReadBudgetError } from '../../src-main/import/reader/sheetXml';
import { cellElements, elementText, withoutElements } from '../../src-main/import/reader/xmlElements';

const MB = 1024 * 1024;

/** The bytes as the zip reader hands them over: 64 KB chunks. */
function chunks(xml: Buffer, size = 64 * 1024): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < xml.length; i += size) out.push(xml.subarray(i, i + size));
  return out;
}

/** CPU time of this process in ms (all its threads: the reading's garbage collection included). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU time of one run of `read`, in ms. */
async function timed(read: () => Promise<unknown>): Promise<number> {
  const t = cpuMs();
  await read();
  return cpuMs() - t;
}

/** Rounds of seven runs per size at most: a round over {@link MAX_RATIO} is measured again. */
const ROUNDS = 3;

/**
 * Times `read` of inputs of 4 and 16 MB (after a warm-up on 4), prints the figures, and returns the
 * ratio of the fastest runs. A round whose ratio passes {@link MAX_RATIO} is measured again, up to
 * {@link ROUNDS} rounds, and the lowest ratio is returned: a quadratic reading passes it in every
 * round, while a linear one did in one round of a fresh-clone CI (the sheet row's 16 MB took 78 ms
 * of CPU in all seven runs, against 21–23 ms in four other CI runs; the 4 MB 6 ms in all of them).
 */
async function ratio4to16(label: string, input: (mb: number) => Buffer[], read: (parts: Buffer[]) => Promise<unknown>): Promise<number> {
  const small = input(4);
  const large = input(16);
  await read(small);
  let lowest = Number.POSITIVE_INFINITY;
  for (let round = 1; round <= ROUNDS && lowest >= MAX_RATIO; round++) {
    const runsSmall: number[] = [];
    const runsLarge: number[] = [];
    for (let i = 0; i < 7; i++) {
      runsSmall.push(await timed(() => read(small)));
      runsLarge.push(await timed(() => read(large)));
    }
    const tSmall = Math.min(...runsSmall);
    const tLarge = Math.min(...runsLarge);
    console.log(`${label} (round ${round}): 4 MB ${tSmall.toFixed(0)} ms, 16 MB ${tLarge.toFixed(0)} ms of CPU, ratio ${(tLarge / tSmall).toFixed(1)} (linear 4, quadratic 16)`);
    lowest = Math.min(lowest, tLarge / tSmall);
  }
  return lowest;
}

const sstOf = (body: string) => Buffer.from(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</sst>`);
const sheetOf = (rows: string) => Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
const roomy = { maxElementBytes: 256 * MB, maxStrings: 1e9, maxChars: 1e12 };

describe('reading in time linear in the input', () => {
  it('one huge shared string', async () => {
    const input = (mb: number) => chunks(sstOf(`<si><t>${'x'.repeat(mb * MB)}</t></si><si><t>b</t></si>`));
    const strings = await readSharedStrings(Readable.from(input(8)), roomy);
    expect(strings.map((s) => s.length)).toEqual([8 * MB, 1]);
    expect(await ratio4to16('one shared string', input, (parts) => readSharedStrings(Readable.from(parts), roomy))).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('one huge rich shared string, its runs and phonetic runs', async () => {
    const run = `<r><t>${'y'.repeat(1000)}</t></r><rPh><t>ふりがな</t></rPh>`;
    const input = (mb: number) => chunks(sstOf(`<si>${run.repeat(Math.round((mb * MB) / run.length))}</si>`));
    const [s] = await readSharedStrings(Readable.from(input(8)), roomy);
    expect(s).toMatch(/^y+$/);
    expect(await ratio4to16('one rich shared string', input, (parts) => readSharedStrings(Readable.from(parts), roomy))).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('opening tags that are never closed', async () => {
    // Each `<t>` without `</t>` made the pattern scan to the end of the text again.
    const input = (mb: number) => chunks(sstOf(`<si><t>a</t>${'<t>'.repeat(Math.round((mb * MB) / 3))}</si>`));
    expect(await readSharedStrings(Readable.from(input(8)), roomy)).toEqual(['a']);
    expect(await ratio4to16('unclosed runs', input, (parts) => readSharedStrings(Readable.from(parts), roomy))).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('one huge worksheet row', async () => {
    const input = (mb: number) => chunks(sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'z'.repeat(mb * MB)}</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>`));
    const read = async (parts: Buffer[]) => {
      const rows = [];
      for await (const batch of readSheetRowBatches(Readable.from(parts), [], roomy)) rows.push(...batch);
      return rows;
    };
    expect((await read(input(8))).map((r) => r.rowNumber)).toEqual([1, 2]);
    expect(await ratio4to16('one sheet row', input, read)).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('a row of cells that are never closed, read the regular way', async () => {
    // An unclosed `<c …>` sends the row to the regular reading, whose cell pattern rescanned the row for each.
    const input = (mb: number) => chunks(sheetOf(`<row r="1"><c r="A1"><v>7</v></c>${'<c r="B1">'.repeat(Math.round((mb * MB) / 10))}</row>`));
    const read = async (parts: Buffer[]) => {
      const rows = [];
      for await (const batch of readSheetRowBatches(Readable.from(parts), [], roomy)) rows.push(...batch);
      return rows;
    };
    expect((await read(input(8)))[0]!.cells).toEqual([7]);
    expect(await ratio4to16('unclosed cells', input, read)).toBeLessThan(MAX_RATIO);
  }, 120_000);
});

describe('the string searches read as the patterns that define them', () => {
  /** Random text of the tags the patterns care about, so every odd nesting turns up. */
  function randomText(tokens: string[], n: number, seed: number): string {
    let x = seed;
    let s = '';
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      s += tokens[x % tokens.length];
    }
    return s;
  }

  it('elementText: <t(?:\\s[^>]*)?>([\\s\\S]*?)</t>', () => {
    const tokens = ['<t>', '</t>', '<t a="1">', '<t\n>', '<tx>', '<t', '>', 'a', '中', ' ', '<', '/'];
    for (let seed = 1; seed <= 2000; seed++) {
      const s = randomText(tokens, 12, seed);
      const expected = Array.from(s.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g), (m) => m[1]);
      const found: string[] = [];
      for (let m = elementText(s, '<t', '</t>'); m; m = elementText(s, '<t', '</t>', m.end)) found.push(s.slice(m.from, m.to));
      expect(found, JSON.stringify(s)).toEqual(expected);
    }
  });

  it('withoutElements: <rPh\\b[\\s\\S]*?</rPh> replaced by nothing', () => {
    const tokens = ['<rPh>', '</rPh>', '<rPhX>', '<rPh a="1">', 'b', '<rPh', '>'];
    for (let seed = 1; seed <= 2000; seed++) {
      const s = randomText(tokens, 10, seed);
      expect(withoutElements(s, '<rPh', '</rPh>'), JSON.stringify(s)).toBe(s.replace(/<rPh\b[\s\S]*?<\/rPh>/g, ''));
    }
  });

  it('cellElements: <c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</c>)', () => {
    const tokens = ['<c>', '</c>', '<c r="A1">', '<c/>', '<c r="B1"/>', '<col>', '<c', '/', '>', 'v', '<v>1</v>'];
    for (let seed = 1; seed <= 2000; seed++) {
      const s = randomText(tokens, 12, seed);
      const expected = Array.from(s.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g), (m) => ({ attrs: m[1], body: m[2] }));
      expect(Array.from(cellElements(s, '<c', '</c>')), JSON.stringify(s)).toEqual(expected);
    }
  });
});

describe('reading budgets', () => {
  it('a shared string or a row past the element budget stops the reading', async () => {
    const budget = { maxElementBytes: MB, maxStrings: 1e9, maxChars: 1e12 };
    await expect(readSharedStrings(Readable.from(chunks(sstOf(`<si><t>${'x'.repeat(2 * MB)}</t></si>`))), budget)).rejects.toMatchObject({ what: 'element', limit: MB });
    const rows = readSheetRowBatches(Readable.from(chunks(sheetOf(`<row r="1"><c t="inlineStr"><is><t>${'x'.repeat(2 * MB)}</t></is></c></row>`))), [], budget);
    await expect(rows.next()).rejects.toBeInstanceOf(ReadBudgetError);
  });

  it('a shared-string table past its count or its characters stops the reading', async () => {
    const many = chunks(sstOf('<si><t>ab</t></si>'.repeat(10_000)));
    await expect(readSharedStrings(Readable.from(many), { maxElementBytes: MB, maxStrings: 9_999, maxChars: 1e12 })).rejects.toMatchObject({ what: 'sharedStrings', limit: 9_999 });
    await expect(readSharedStrings(Readable.from(many), { maxElementBytes: MB, maxStrings: 1e9, maxChars: 19_999 })).rejects.toMatchObject({ what: 'sharedStringChars' });
    expect(await readSharedStrings(Readable.from(many), { maxElementBytes: MB, maxStrings: 10_000, maxChars: 20_000 })).toHaveLength(10_000);
  });
});
