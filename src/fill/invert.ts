// Undoing a WritePlan exactly, and comparing formulas as spreadsheets rewrite them; no imports, so adapters stay small.
import type { CellWrite, WritePlan } from "../types";

/** Formulas compare equal when they differ only in case, spaces, "$" and quoting of plain sheet names. */
export function sameFormula(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const fold = (f: string) =>
    f
      .replace(/[\s$]/g, "")
      .replace(/'([^'!]+)'!/g, "$1!")
      .toUpperCase();
  return fold(a) === fold(b);
}

/** The plan that restores exactly what `plan` replaced: values, formulas and number formats, in reverse order. */
export function invertPlan(plan: WritePlan): WritePlan {
  return [...plan].reverse().map((w) => {
    const back: CellWrite = { ref: w.ref, previous: w.value ?? null, previousFormula: w.formula ?? null };
    if (w.previousFormula) back.formula = w.previousFormula;
    else back.value = w.previous;
    if (w.numberFormat !== undefined) {
      back.numberFormat = w.previousNumberFormat ?? "General";
      back.previousNumberFormat = w.numberFormat;
    }
    return back;
  });
}
