/**
 * Where two JSON answers differ beyond the last bits of a double. DuckDB sums and averages
 * doubles on several threads in whatever order they finish, so the same data can give
 * 454.4400577557757 in one run and 454.4400577557756 in the next: the same figure to any digit a
 * user sees. Everything else must be equal: strings, integers, nulls, shapes, key order.
 */

/** Difference below which two doubles are the same figure: relative above 1, absolute below (a double carries ~16 digits; sums over threads lose a few). */
const CLOSE = 1e-9;

/** The paths (`[3].p`) where `actual` and `expected` differ, with both values; empty when they agree. */
export function jsonDifferences(actual: unknown, expected: unknown, at = ''): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (actual === expected) return [];
    const isClose = Number.isFinite(actual) && Number.isFinite(expected) && !(Number.isInteger(actual) && Number.isInteger(expected)) && Math.abs(actual - expected) <= CLOSE * Math.max(1, Math.abs(actual), Math.abs(expected));
    return isClose ? [] : [`${at}: ${actual} ≠ ${expected}`];
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return [`${at}: ${actual.length} items ≠ ${expected.length}`];
    return actual.flatMap((a, i) => jsonDifferences(a, expected[i], `${at}[${i}]`));
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object' && !Array.isArray(actual) && !Array.isArray(expected)) {
    const ka = Object.keys(actual);
    const ke = Object.keys(expected);
    if (ka.join('\u0000') !== ke.join('\u0000')) return [`${at}: keys ${ka.join(',')} ≠ ${ke.join(',')}`];
    return ka.flatMap((k) => jsonDifferences((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${at}.${k}`));
  }
  return Object.is(actual, expected) ? [] : [`${at}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}
