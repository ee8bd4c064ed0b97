// A GB18030 encoder for test fixtures. Node ships only the decoder (TextDecoder), so the
// encoding table is built by decoding every two-byte sequence once and inverting the result.
// Two-byte codes cover GBK, which holds every character the fixtures use; ASCII is itself.

let table: Map<string, [number, number]> | null = null;

function twoByteTable(): Map<string, [number, number]> {
  if (table) return table;
  const decoder = new TextDecoder('gb18030', { fatal: true });
  table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a valid code point
      }
    }
  }
  return table;
}

/** Encodes text as GB18030; throws on a character outside ASCII and the two-byte range. */
export function encodeGb18030(text: string): Uint8Array {
  const codes = twoByteTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const pair = codes.get(ch);
    if (!pair) throw new Error(`no two-byte GB18030 code for ${ch}`);
    out.push(...pair);
  }
  return Uint8Array.from(out);
}
