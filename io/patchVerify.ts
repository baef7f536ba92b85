// The writer's read-back: the written package must hold every planned cell as planned and every other cell as before.
import type { CellValue, CellWrite, Grid, SheetGrid, WritePlan } from "../src/types";
import { XlsxError } from "./errors";
import { isDateFormat, decodeTwice } from "./read";
import { address } from "./patchEdit";

/** A cell of a Grid by its absolute position. */
function cellOf(sheet: SheetGrid | undefined, row: number, col: number) {
  const r = sheet ? row - sheet.origin.row : -1;
  const c = sheet ? col - sheet.origin.col : -1;
  return {
    value: sheet?.values[r]?.[c] ?? null,
    formula: sheet?.formulas?.[r]?.[c] ?? null,
    format: sheet?.numberFormats?.[r]?.[c] ?? null,
  };
}

function sameValue(a: CellValue, b: CellValue, format: string | null): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  // a date-formatted number is read back rounded to the millisecond, as a Date holds it
  return typeof a === "number" && typeof b === "number" && isDateFormat(format) && Math.abs(a - b) < 1e-8;
}

const shown = (v: CellValue | string) => (v === null ? "（空）/ (empty)" : JSON.stringify(v));

function writeFailed(sheet: string, row: number, col: number, ja: string, en: string): XlsxError {
  return new XlsxError("xlsx.writeFailed", {
    ja: `書き込み結果を確かめられませんでした: ${sheet}!${address(row, col)} ${ja}。ブックの構造が想定外のため、出力しません。Excel で保存し直してからもう一度実行してください。`,
    en: `The written workbook does not read back as planned: ${sheet}!${address(row, col)} ${en}. Nothing was written; re-save the workbook in Excel and run again.`,
  });
}

const plannedKey = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;

/**
 * The written package, read back with the reader, must hold each planned cell with its planned value, formula
 * and number format, and every other cell as it was: a plan that did not land is an error, never a success.
 */
export function verifyPatch(before: Grid, after: Grid, plan: WritePlan): void {
  const planned = new Map<string, CellWrite>();
  for (const w of plan) planned.set(plannedKey(w.ref.sheet, w.ref.row, w.ref.col), w);
  for (const w of planned.values()) verifyWrite(after, w);
  for (const a of before.sheets)
    verifyUnplanned(
      a,
      after.sheets.find((x) => x.name === a.name),
      planned,
    );
}

/** A planned cell reads back with its value, formula and number format. */
function verifyWrite(after: Grid, w: CellWrite): void {
  const { sheet, row, col } = w.ref;
  const got = cellOf(
    after.sheets.find((x) => x.name === sheet),
    row,
    col,
  );
  const formula = w.formula !== undefined && w.formula !== "" ? `=${w.formula.replace(/^=/, "")}` : null;
  let value: CellValue = w.value ?? null;
  if (typeof value === "string" && formula !== null) value = decodeTwice(value);
  if (!sameValue(value, got.value, got.format)) {
    throw writeFailed(
      sheet,
      row,
      col,
      `は ${shown(value)} のはずが ${shown(got.value)} です`,
      `should be ${shown(value)} but reads ${shown(got.value)}`,
    );
  }
  if (formula !== got.formula) {
    throw writeFailed(
      sheet,
      row,
      col,
      `の数式は ${shown(formula)} のはずが ${shown(got.formula)} です`,
      `should have the formula ${shown(formula)} but has ${shown(got.formula)}`,
    );
  }
  if (w.numberFormat !== undefined) {
    const format = w.numberFormat === "General" ? null : w.numberFormat;
    if (format !== got.format)
      throw writeFailed(
        sheet,
        row,
        col,
        `の表示形式は ${shown(format)} のはずが ${shown(got.format)} です`,
        `should have the number format ${shown(format)} but has ${shown(got.format)}`,
      );
  }
}

/** The used range of a sheet's Grid (empty for a sheet that is not there). */
function spanOf(g: SheetGrid | undefined): { top: number; left: number; bottom: number; right: number } {
  if (!g) return { top: 0, left: 0, bottom: -1, right: -1 };
  return {
    top: g.origin.row,
    left: g.origin.col,
    bottom: g.origin.row + g.values.length - 1,
    right: g.origin.col + (g.values[0]?.length ?? 0) - 1,
  };
}

/** Every cell of sheet `a` not in the plan reads back as it was, over both used ranges. */
function verifyUnplanned(a: SheetGrid, b: SheetGrid | undefined, planned: Map<string, CellWrite>): void {
  const x = spanOf(a);
  const y = spanOf(b);
  for (let r = Math.min(x.top, y.top); r <= Math.max(x.bottom, y.bottom); r++) {
    for (let c = Math.min(x.left, y.left); c <= Math.max(x.right, y.right); c++) {
      if (planned.has(plannedKey(a.name, r, c))) continue;
      const old = cellOf(a, r, c);
      const now = cellOf(b, r, c);
      if (
        !sameValue(old.value, now.value, now.format) ||
        old.formula !== now.formula ||
        old.format !== now.format
      ) {
        throw writeFailed(
          a.name,
          r,
          c,
          `は書き換えの対象ではないのに変わりました（${shown(old.formula ?? old.value)} → ${shown(now.formula ?? now.value)}）`,
          `is not in the plan but changed (${shown(old.formula ?? old.value)} → ${shown(now.formula ?? now.value)})`,
        );
      }
    }
  }
}
