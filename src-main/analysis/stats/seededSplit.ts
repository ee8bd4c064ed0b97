/**
 * A reproducible random split: the same seed and the same items give the same halves on every
 * machine (Math.random cannot be seeded). The generator is mulberry32 (Tommy Ettinger's 32-bit
 * mixer: small, fast, and good enough for a shuffle; not for cryptography).
 */

/** A generator of uniform numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Which of n items (in a stable order the caller fixes, e.g. sorted by id) fall in the first part:
 * a Fisher–Yates shuffle of 0…n−1 by the seeded generator, the first round(share·n) marked.
 */
export function seededSplit(n: number, share: number, seed: number): Uint8Array {
  const random = mulberry32(seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swapped = order[i]!;
    order[i] = order[j]!;
    order[j] = swapped;
  }
  const isFirst = new Uint8Array(n);
  const size = Math.round(share * n);
  for (let i = 0; i < size; i++) isFirst[order[i]!] = 1;
  return isFirst;
}
