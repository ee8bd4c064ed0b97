/** How the 决策 views print numbers: at most two decimals, '-' for an empty figure. */
export function formatFigure(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined ? '-' : String(Number(v.toFixed(digits)));
}

/** A p-value: below 0.001 as “< 0.001”. */
export function formatP(p: number | null): string {
  return p === null ? '-' : p < 0.001 ? '< 0.001' : formatFigure(p, 3);
}
