// Core types shared by every layer: the Grid read from cells, references to cells, findings and write plans.

/** A cell's value as the core sees it. Dates arrive as Excel serial numbers. */
export type CellValue = number | string | boolean | null;

/** A text for a person, in Japanese (default) and English. */
export interface Message {
  ja: string;
  en: string;
}

/** One sheet's used range. `values[0][0]` sits at `origin` (0-based row and column). */
export interface SheetGrid {
  name: string;
  values: CellValue[][];
  /** Formulas as typed ("=SUM(A1:A3)"), null where the cell holds a plain value. Same shape as values. */
  formulas?: (string | null)[][];
  /** Number formats ("0.00%", "#,##0"), same shape as values, when the source provides them. */
  numberFormats?: (string | null)[][];
  origin: { row: number; col: number };
  /**
   * Whether Excel shows the sheet: "hidden" (右クリック → 再表示 brings it back) or "veryHidden" (only through VBA).
   * Absent means visible.
   */
  visibility?: SheetVisibility;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface Grid {
  sheets: SheetGrid[];
}

/** A cell, 0-based row and column. Shown to people in A1 form ("別紙1!K12"). */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** A value read from one cell, with what was typed and where. */
export interface Field<T> {
  value: T | null;
  raw: CellValue;
  ref: CellRef;
}

export type Severity = "error" | "warning" | "info";

/** One step of a derivation: a rounding, or a declared quantity, with the values put in and the cells read. */
export interface DerivationStep {
  /**
   * What the step computes: the scheme's symbol of a quantity (Q_WB, S_B, …); for a rounding inside a formula, the
   * rounding itself ("ROUNDDOWN(E_PS × 9.484, 0)"), since its value is not the quantity's.
   */
  symbol: string;
  /** The formula in symbols: "ROUNDDOWN(E_PS × 9.484, 0)". */
  formula: string;
  /** The same with the values: "ROUNDDOWN(7,538,025 × 9.484, 0)". */
  substituted: string;
  /** The exact result as a plain decimal string ("71490629"). */
  result: string;
  /** A1 addresses ("別紙1!M5") of the cells whose values the step used. */
  cells: string[];
  /** The quantity's name, for a person. */
  label?: Message;
  unit?: string;
  /** What the step is: a rounding inside a formula, or the declared quantity itself. */
  kind: "rounding" | "quantity";
  /** A rounding's: the symbol of the quantity whose formula holds it (Q_WB for R1's ROUNDDOWN(E_PS × 9.484, 0)). */
  partOf?: string;
}

/** One write to one cell. `previous`/`previousFormula` keep what was there so it can be restored exactly. */
export interface CellWrite {
  ref: CellRef;
  value?: CellValue;
  formula?: string;
  previous: CellValue;
  previousFormula?: string | null;
  /** A number format to set with the value ("0.00%" for a share written as a fraction), and the one it replaces. */
  numberFormat?: string;
  previousNumberFormat?: string | null;
}

export type WritePlan = CellWrite[];

export interface Finding {
  /** Stable id, e.g. "projectList.emKg.recompute". */
  rule: string;
  severity: Severity;
  ref: CellRef;
  message: Message;
  expected?: number | string;
  actual?: number | string;
  /** A safe one-cell correction, when there is one. */
  fix?: CellWrite;
  /** How the expected value comes about, one step per rounding and per quantity, with the cells read. */
  derivation?: DerivationStep[];
  /** On a finding about a number of 別紙1/別紙2: what correcting it does to the certified tonnes. */
  materiality?: Materiality;
  /**
   * The facility the cell belongs to (its 別紙1 row, or the 別紙2 block, 別紙1添付 block or 熱実績管理表 of it), as 別紙1
   * names it without (yyyy年度); absent where the cell belongs to no one facility.
   */
  facility?: string;
}

/** Which certified tonnes a correction changes: a row's 3.11 (tCO2), 別紙1's 合計, 別紙2's blocks. */
export type TonnesPlace = "3.11" | "合計" | "別紙2";

/**
 * What correcting a finding (or applying a fill) does to the certified tonnes. `tonnes` is the signed change of the
 * t the finding's place certifies (the row's 3.11, the 合計, or the 別紙2 block); null where it cannot be known (the
 * corrected value is not given, or the row's inputs give no t).
 */
export interface Materiality {
  tonnes: number | null;
  reaches: TonnesPlace[];
  message: Message;
}
