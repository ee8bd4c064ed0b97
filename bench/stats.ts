// Small helpers the benches share: the median they report and the machine's load beside it.
import { readFileSync } from 'node:fs';

/** The median of `xs`: the middle value, or the mean of the two middle ones (NaN for none). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : Number.NaN;
}

/** The load averages over 1, 5 and 15 minutes, as /proc/loadavg gives them ("1.20 3.02 5.50"). */
export function loadAverages(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
