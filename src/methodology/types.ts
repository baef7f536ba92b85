// The shape in which each methodology declares its quantities and rules, read by checks, fill and templates.
import type { Message } from "../types";
import type { Decimal } from "../numbers";

export type MethodologyCode =
  | "P001"
  | "P002"
  | "P003-1"
  | "P003-2"
  | "P003-3"
  | "P004-1"
  | "P004-2"
  | "P005"
  | "H001-1"
  | "H001-2"
  | "H001-3"
  | "H002-1"
  | "H002-2"
  | "H003";

/** Rounding rules of DOMAIN.md §4 (R1–R5), in Excel terms. */
export interface RoundingDeclaration {
  rule: "R1" | "R2" | "R3" | "R4" | "R5" | "R6" | "R7";
  mode: "down" | "up" | "halfUp";
  places: number;
  /** The rounding step alone as a native Excel template over quantity keys, e.g. "ROUNDDOWN({ePs}*9.484,0)". */
  excel: string;
}

export interface QuantityDeclaration {
  /** Key in a project row: qBl, ePs, qWb, … */
  key: string;
  /** The scheme's symbol: Q_BL, E_PS, … */
  symbol: string;
  label: Message;
  unit: string;
  role: "input" | "derived";
  /** 別紙1 column number ("3.1"). */
  column?: string;
  /** How the value is displayed/entered: a plain number, or a fraction shown as % (S_B, ε_BL). */
  form?: "number" | "ratio";
  rounding?: RoundingDeclaration;
  /** Native Excel formula template over other keys, e.g. "{qBl}-ROUNDDOWN({ePs}*9.484,0)". Never GEC. functions. */
  excelFormula?: string;
  provisional?: boolean;
  provenance?: string;
}

/** Inputs of one 別紙1 row, by quantity key; null where the cell is empty ("—"). */
export type RowInputs = Record<string, Decimal | null>;

export interface MethodologyDeclaration {
  code: MethodologyCode;
  name: Message;
  kind: "heat" | "power";
  /** True where DOMAIN.md marks the formula or its parameters [open]. */
  provisional: boolean;
  provenance: string;
  quantities: QuantityDeclaration[];
  /** Every derived quantity of one row from its inputs, with the scheme's rounding. Throws GecError on bad input. */
  derive(inputs: RowInputs, params?: MethodologyParams): Record<string, Decimal>;
}

/** Overridable [open] parameters. */
export interface MethodologyParams {
  /** MJ_HHV per kWh of auxiliary power (Q_WB formula). */
  primaryEnergyFactor?: number;
}
