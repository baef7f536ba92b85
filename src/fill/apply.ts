// A WritePlan applied to a Grid in memory, as an adapter applies it to cells: the fill reads what its earlier steps
// wrote through it, and the tests stand it in for a workbook.
import type { CellValue, Grid, SheetGrid, WritePlan } from "../types";

/** `lines` with row `r` present and `width` cells long at least (new cells `fill`). */
function grown<T>(lines: T[][], r: number, width: number, fill: T): T[] {
  while (lines.length <= r) lines.push([]);
  const line = lines[r];
  while (line.length < width) line.push(fill);
  return line;
}

/**
 * The Grid with each write's value and formula in place (a formula's value is its cached result, empty when none), and
 * its number format where the sheet carries number formats. Returns a new Grid; sheets no write touches are shared.
 * A write to a sheet the Grid does not have is an error: a plan is made from the Grid it is applied to.
 */
export function applyToGrid(grid: Grid, plan: WritePlan): Grid {
  if (plan.length === 0) return grid;
  const bySheet = new Map<string, WritePlan>();
  for (const w of plan) bySheet.set(w.ref.sheet, [...(bySheet.get(w.ref.sheet) ?? []), w]);
  for (const name of bySheet.keys())
    if (!grid.sheets.some((s) => s.name === name)) throw new Error(`no sheet ${name}`);
  return {
    sheets: grid.sheets.map((s): SheetGrid => {
      const mine = bySheet.get(s.name);
      if (!mine) return s;
      const values: CellValue[][] = s.values.map((line) => [...line]);
      const formulas = (s.formulas ?? s.values.map((line) => line.map(() => null))).map((line) => [...line]);
      const numberFormats = s.numberFormats?.map((line) => [...line]);
      for (const w of mine) {
        const r = w.ref.row - s.origin.row;
        const c = w.ref.col - s.origin.col;
        grown(values, r, c + 1, null)[c] = w.value ?? null;
        grown(formulas, r, c + 1, null)[c] = w.formula ?? null;
        if (numberFormats && w.numberFormat !== undefined)
          grown(numberFormats, r, c + 1, null)[c] = w.numberFormat;
      }
      return numberFormats ? { ...s, values, formulas, numberFormats } : { ...s, values, formulas };
    }),
  };
}
