/**
 * Cell normalisation for imports: pure functions from what a spreadsheet or CSV reader hands
 * over (string, number, Date, rich text …) to plain text and to time values the store converts.
 */

/** Text the exports use for "no value" (DESIGN §3 quirks). */
// eslint-disable-next-line no-restricted-syntax -- the placeholder cells of Chinese exports (a full-width dash among them), recognition vocabulary
const PLACEHOLDERS = new Set(['-', '--', '—', '——', '－']);

/** Leading / trailing white space, including the ideographic space and BOM some exports leave. */
const EDGE_SPACE = /^[\s\u3000\ufeff]+|[\s\u3000\ufeff]+$/g;

/** A cell value as exceljs or the CSV reader gives it. */
export type RawCell = unknown;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The text of any cell value; rich text, hyperlinks and formula results flattened. */
export function cellText(v: RawCell): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return wallText(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    // A formula saved without a cached result (e.g. =HYPERLINK(…) typed into a nickname): no value was ever shown.
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return null;
  }
  return String(v);
}

/**
 * Whether a UTF-16 code unit may be white space to {@link EDGE_SPACE} (JS `\s`, U+3000, BOM).
 * False positives only cost the regex; it must never say false for a space.
 */
function mayBeSpace(c: number): boolean {
  if (c <= 0x20) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Trimmed text, or null for blank cells and placeholders. Emoji and rare CJK pass untouched. */
export function cleanText(v: RawCell): string | null {
  const t = typeof v === 'string' ? v : cellText(v);
  if (t === null) return null;
  const n = t.length;
  // Hot path: most cells have no white space at either edge, so the trim regex is skipped.
  const s = n > 0 && !mayBeSpace(t.charCodeAt(0)) && !mayBeSpace(t.charCodeAt(n - 1)) ? t : t.replace(EDGE_SPACE, '');
  if (s === '' || (s.length <= 2 && PLACEHOLDERS.has(s))) return null;
  return s;
}

/** The UTC fields of a Date as wall-clock text: exceljs puts a date cell's wall-clock time there. */
function wallText(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * A parsed time: `wall` is local wall-clock text `YYYY-MM-DD HH:MM:SS` in the project zone;
 * `instant` is an ISO instant ending in `Z` (from epoch values). The store turns both into
 * TIMESTAMPTZ.
 */
export type TimeValue = string;

/** Outcome of parsing a time cell: a value, null for blank, or `bad` for text that is no date. */
export type TimeParse = { ok: true; value: TimeValue | null } | { ok: false };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidWall(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return !(d > DAYS_IN_MONTH[mo - 1] || (mo === 2 && d === 29 && !leap));
}

function wallFromParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
  if (!isValidWall(y, mo, d, h, mi, s)) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** The two digits at `i` of `s` as a number, or -1. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Fast path of {@link parseTime} for the commonest form, exactly `YYYY-MM-DD HH:MM:SS`: the
 * text is already its own wall-clock value. Undefined when `s` has any other shape (the general
 * parser then decides); `null` when it has this shape but is no valid time.
 */
function canonicalWall(s: string): string | null | undefined {
  if (s.length !== 19 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return undefined;
  }
  const y1 = digits2(s, 0);
  const y2 = digits2(s, 2);
  const mo = digits2(s, 5);
  const d = digits2(s, 8);
  const h = digits2(s, 11);
  const mi = digits2(s, 14);
  const sec = digits2(s, 17);
  if (y1 < 0 || y2 < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
  return isValidWall(y1 * 100 + y2, mo, d, h, mi, sec) ? s : null;
}

/** Epoch milliseconds (UTC) as an ISO instant. */
function instantFromEpochMs(ms: number): string | null {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Largest serial a spreadsheet can hold (9999-12-31). */
const MAX_SERIAL = 2958465;

/** An Excel serial day number as wall-clock text, rounded to the second. */
export function wallFromSerial(serial: number, isDate1904 = false): string | null {
  if (!(serial > 0) || serial > MAX_SERIAL) return null;
  // 25569 = days from 1899-12-30 (the 1900 system's day 0, absorbing its 1900 leap-year bug) to 1970-01-01.
  const ms = Math.round((serial - 25569 + (isDate1904 ? 1462 : 0)) * 86_400) * 1000;
  return wallText(new Date(ms));
}

const NUMERIC = /^\d+(\.\d+)?$/;
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$/;
const CJK_YMD = /^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s*(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?分?)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A number in a time column: 13-digit epoch milliseconds, 10-digit epoch seconds, or an Excel serial. */
function timeFromNumber(n: number, isDate1904: boolean): string | null {
  if (n >= 1e11) return instantFromEpochMs(n);
  if (n >= 1e9) return instantFromEpochMs(n * 1000);
  return wallFromSerial(n, isDate1904);
}

/**
 * Parses a time cell: real date cells, Excel serials (1900 / 1904), `yyyy-MM-dd HH:mm[:ss]`,
 * `yyyy/MM/dd [HH:mm[:ss]]`, `yyyy年M月d日`, epoch milliseconds and zoned ISO text.
 */
export function parseTime(v: RawCell, isDate1904 = false): TimeParse {
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? { ok: false } : { ok: true, value: wallText(v) };
  }
  if (typeof v === 'number') {
    const t = timeFromNumber(v, isDate1904);
    return t ? { ok: true, value: t } : { ok: false };
  }
  const s = cleanText(v);
  if (s === null) return { ok: true, value: null };
  const fast = canonicalWall(s);
  if (fast !== undefined) return fast === null ? { ok: false } : { ok: true, value: fast };
  const m = YMD.exec(s) ?? CJK_YMD.exec(s);
  if (m) {
    const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    const t = wallFromParts(y, mo, d, h, mi, sec);
    return t ? { ok: true, value: t } : { ok: false };
  }
  if (NUMERIC.test(s)) {
    const t = timeFromNumber(Number(s), isDate1904);
    return t ? { ok: true, value: t } : { ok: false };
  }
  if (ISO_ZONED.test(s)) {
    const t = instantFromEpochMs(Date.parse(s));
    return t ? { ok: true, value: t } : { ok: false };
  }
  return { ok: false };
}

/** Outcome of parsing a numeric cell: a number, null for blank or a placeholder, or `ok: false` for text that is no number. */
export type NumberParse = { ok: true; value: number | null } | { ok: false };

/** Currency signs, thousands separators, units and spaces a number cell may carry around its digits. */
const NUMBER_NOISE = /[¥￥,，\s\u3000元人次个分]/g;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function numberFromText(s: string): number | null {
  const t = s.replace(NUMBER_NOISE, '');
  if (!PLAIN_NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A plain number: `1,234`, `12人`, a numeric cell; `-` and blanks are null. */
export function parseNumber(v: RawCell): NumberParse {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
  const s = cleanText(v);
  if (s === null) return { ok: true, value: null };
  const n = numberFromText(s);
  return n === null ? { ok: false } : { ok: true, value: n };
}

/** An amount of money in yuan: `¥1,234.50`, `￥12`, `1234.5元`; rounded to the fen. */
export function parseMoney(v: RawCell): NumberParse {
  const p = parseNumber(v);
  if (!p.ok || p.value === null) return p;
  return { ok: true, value: Math.round(p.value * 100) / 100 };
}

/**
 * A rate in percent: `60.25` and `60.25%` are both 60.25; `-` is null. A numeric cell is taken
 * as already in percent, as the exports write it (a fraction-formatted cell cannot be told apart).
 */
export function parsePercent(v: RawCell): NumberParse {
  if (typeof v === 'number') return parseNumber(v);
  const s = cleanText(v);
  if (s === null) return { ok: true, value: null };
  return parseNumber(s.replace(/[%％]$/, ''));
}

/** A phone number: digits kept as text; `186******05` is kept but flagged masked, so it is never used to match people. */
export interface PhoneValue {
  phone: string;
  isMasked: boolean;
}

/** Parses a phone cell: spaces, dashes and a +86 / 86 prefix dropped; null for blanks. */
export function parsePhone(v: RawCell): PhoneValue | null {
  const s = cleanText(v);
  if (s === null) return null;
  const compact = s.replace(/[\s\u3000\-()（）]/g, '');
  const isMasked = /[*＊xX]{2,}/.test(compact);
  const phone = isMasked ? compact.replace(/＊/g, '*') : compact.replace(/^\+?86(?=1\d{10}$)/, '');
  return { phone, isMasked };
}

/** Outcome of parsing a date cell: `YYYY-MM-DD`, null for blank, or `ok: false`. */
export type DateParse = { ok: true; value: string | null } | { ok: false };

/**
 * A calendar day: every form {@link parseTime} reads, reduced to `YYYY-MM-DD`; epoch instants
 * are taken as the day in `timeZone`.
 */
export function parseDateOnly(v: RawCell, isDate1904 = false, timeZone = 'Asia/Shanghai'): DateParse {
  const t = parseTime(v, isDate1904);
  if (!t.ok || t.value === null) return t;
  if (!t.value.endsWith('Z')) return { ok: true, value: t.value.slice(0, 10) };
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(t.value));
  return { ok: true, value: day };
}
