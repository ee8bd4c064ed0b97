/**
 * Finding elements in the text of an xlsx part by string search, in time linear in the text.
 * The readers' definitions were lazy regular expressions (`<t(?:\s[^>]*)?>([\s\S]*?)</t>`),
 * which restart their scan to the end of the text at every opening tag without a closing one:
 * a hostile part of many such tags, or one huge element read chunk by chunk, took quadratic
 * time (a 32 MB shared string kept the importer busy for minutes). Each function here reads as
 * its pattern did, and says which.
 */

/** Raised when a part passes a reading budget: one element too large, or too many shared strings. */
export class ReadBudgetError extends Error {
  constructor(
    /** What passed its budget. */
    readonly what: 'element' | 'sharedStrings' | 'sharedStringChars',
    /** The budget it passed. */
    readonly limit: number,
  ) {
    super(`${what} over its budget of ${limit}`);
  }
}

/** Budgets of one part's reading. */
export interface ReadBudget {
  /** Largest element (a `<row>` or `<si>`, as XML bytes) read whole. */
  maxElementBytes: number;
}

/** Bytes at the start of a part searched for its root element. */
const ROOT_SCAN_BYTES = 64 * 1024;

/** Whether a UTF-16 code unit is white space to a regular expression's `\s`. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a code unit ends a tag name: white space, `>` or `/`. */
export function isTagEnd(c: number): boolean {
  return c === 62 || c === 47 || isSpace(c);
}

/** Whether a code unit is a word character to a regular expression (`\w`, what `\b` looks at). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The namespace prefix of a part's root element (`x:` for `<x:worksheet>`), or ''; null before it is seen. */
export function rootPrefix(text: string, root: string): string | null {
  const m = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${root}[\\s>/]`).exec(text);
  return m ? (m[1] ? `${m[1]}:` : '') : null;
}

/** Where {@link elementText} found an element: its content `[from, to)` and the position after its closing tag. */
export interface ElementSpan {
  from: number;
  to: number;
  end: number;
}

/**
 * The first element `<name>…</name>` or `<name attrs>…</name>` at or after `at`, as
 * `<name(?:\s[^>]*)?>([\s\S]*?)</name>` finds it (`open` is `<name`, `close` `</name>`), or null.
 */
export function elementText(s: string, open: string, close: string, at = 0): ElementSpan | null {
  for (let i = s.indexOf(open, at); i >= 0; i = s.indexOf(open, i + 1)) {
    let k = i + open.length;
    const c = s.charCodeAt(k);
    if (c === 62) k++;
    else if (isSpace(c)) {
      const gt = s.indexOf('>', k);
      // No `>` after this tag: none after any later one either.
      if (gt < 0) return null;
      k = gt + 1;
    } else continue;
    const to = s.indexOf(close, k);
    // No closing tag after this one: none after any later opening tag either.
    if (to < 0) return null;
    return { from: k, to, end: to + close.length };
  }
  return null;
}

/** `s` without its elements `<name…>…</name>`, as replacing `<name\b[\s\S]*?</name>` with '' does. */
export function withoutElements(s: string, open: string, close: string): string {
  let out = '';
  let kept = 0;
  for (let i = s.indexOf(open); i >= 0; i = s.indexOf(open, i + 1)) {
    if (isWordChar(s.charCodeAt(i + open.length))) continue;
    const end = s.indexOf(close, i + open.length);
    if (end < 0) break;
    out += s.slice(kept, i);
    kept = end + close.length;
    i = kept - 1;
  }
  return kept === 0 ? s : out + s.slice(kept);
}

/** An element of a row as `<c\b([^>]*?)(?:/>|>([\s\S]*?)</c>)` matches it: its attribute text and its body (undefined when self-closing). */
export interface CellMatch {
  attrs: string;
  body: string | undefined;
}

/**
 * Each cell element of a row's text (`open` `<c`, `close` `</c>`), in order, as the global
 * pattern `<c\b([^>]*?)(?:/>|>([\s\S]*?)</c>)` matches them.
 */
export function* cellElements(s: string, open: string, close: string): Generator<CellMatch> {
  // Once no closing tag follows, only self-closing cells can match.
  let hasClose = true;
  for (let i = s.indexOf(open); i >= 0; ) {
    const k = i + open.length;
    if (isWordChar(s.charCodeAt(k))) {
      i = s.indexOf(open, i + 1);
      continue;
    }
    const gt = s.indexOf('>', k);
    if (gt < 0) return;
    if (s.charCodeAt(gt - 1) === 47 && gt - 1 >= k) {
      yield { attrs: s.slice(k, gt - 1), body: undefined };
      i = s.indexOf(open, gt + 1);
      continue;
    }
    const to = hasClose ? s.indexOf(close, gt + 1) : -1;
    if (to < 0) {
      hasClose = false;
      i = s.indexOf(open, i + 1);
      continue;
    }
    yield { attrs: s.slice(k, gt), body: s.slice(gt + 1, to) };
    i = s.indexOf(open, to + close.length);
  }
}

/** Whether a closing tag `close` lies in `chunk` or across its start (the end of `previous` and its first bytes). */
export function closesIn(previous: Buffer, chunk: Buffer, close: Buffer): boolean {
  if (chunk.indexOf(close) >= 0) return true;
  const seam = Buffer.concat([previous.subarray(Math.max(0, previous.length - close.length + 1)), chunk.subarray(0, close.length - 1)]);
  return seam.indexOf(close) >= 0;
}

/** Complete elements of the part's text so far: the text, and, flat, each element's `[start, end)` (from `<tag` to its closing tag). */
export interface ElementBatch {
  text: string;
  spans: number[];
  prefix: string;
}

/** The first opening tag `open` (followed by the end of a tag name) in `s` at or after `at`, or -1. */
function openingTag(s: string, open: string, at: number): number {
  for (let i = s.indexOf(open, at); i >= 0; i = s.indexOf(open, i + 1)) if (isTagEnd(s.charCodeAt(i + open.length))) return i;
  return -1;
}

/**
 * Complete elements named `tag` of streamed bytes, a batch per chunk that completes any: each
 * closing tag closes the last opening tag before it (after the previous element); self-closing
 * elements of that name carry no content and are skipped. Linear in the input: each byte is
 * searched for a closing tag once, copied and decoded once, and searched for opening tags once.
 * Throws {@link ReadBudgetError} when more than `budget.maxElementBytes` wait for their closing tag.
 */
export async function* elementBatches(xml: AsyncIterable<Buffer>, root: string, tag: string, budget: ReadBudget): AsyncGenerator<ElementBatch> {
  // Chunks wait in a list until a closing tag arrives, then are joined once: appending each
  // chunk's text to one string and searching it again from the start made one huge element
  // quadratic, and growing one buffer copied it several times over.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let prefix: string | null = null;
  let isRootless = false;
  let close = Buffer.alloc(0);
  for await (const chunk of xml) {
    if (isRootless) continue;
    if (prefix === null) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      const head = pending.length === 1 ? chunk : Buffer.concat(pending);
      prefix = rootPrefix(head.toString('utf8', 0, Math.min(head.length, ROOT_SCAN_BYTES)), root);
      if (prefix === null) {
        // A part whose root is not near its start holds none of these elements: drain it.
        isRootless = pendingBytes >= ROOT_SCAN_BYTES;
        if (isRootless) pending = [];
        continue;
      }
      close = Buffer.from(`</${prefix}${tag}>`, 'latin1');
      pending = [head];
    } else {
      pending.push(chunk);
      pendingBytes += chunk.length;
    }
    const last = pending.length > 1 ? pending[pending.length - 2]! : null;
    if (!(last ? closesIn(last, chunk, close) : pending[0]!.indexOf(close) >= 0)) {
      if (pendingBytes > budget.maxElementBytes) throw new ReadBudgetError('element', budget.maxElementBytes);
      continue;
    }
    const b = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    // The last closing tag is in the new bytes, so this scans only those.
    const limit = b.lastIndexOf(close) + close.length;
    const text = b.toString('utf8', 0, limit);
    const rest = b.subarray(limit);
    pending = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
    const spans = elementSpans(text, `<${prefix}${tag}`, `</${prefix}${tag}>`);
    if (spans.length > 0) yield { text, spans, prefix };
  }
}

/** Flat `[start, end)` of each element of `text` (see {@link elementBatches}), opening tags found going forward. */
function elementSpans(text: string, open: string, close: string): number[] {
  const spans: number[] = [];
  let pos = 0;
  let next = openingTag(text, open, 0);
  for (let end = text.indexOf(close); end >= 0; end = text.indexOf(close, pos)) {
    let start = -1;
    while (next >= 0 && next < end) {
      start = next;
      next = openingTag(text, open, next + open.length);
    }
    if (start >= 0) spans.push(start, end);
    pos = end + close.length;
  }
  return spans;
}
