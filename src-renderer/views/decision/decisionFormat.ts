import type { GridColumn } from '../../components/gridTypes';

/** How the 决策 views print numbers: at most two decimals, '-' for an empty figure. */
export function formatFigure(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined ? '-' : String(Number(v.toFixed(digits)));
}

/** A p-value: below 0.001 as “< 0.001”. */
export function formatP(p: number | null): string {
  return p === null ? '-' : p < 0.001 ? '< 0.001' : formatFigure(p, 3);
}

/** A right-aligned figure column of a 决策 grid: at most `digits` decimals, '-' when empty. */
export function figureColumn<R>(field: keyof R & string, headerName: string, digits = 2, width = 110): GridColumn<R> {
  return { field, headerName, isNumeric: true, width, format: (v) => formatFigure(v as number | null, digits) };
}
