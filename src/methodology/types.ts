// The shape in which each methodology declares its quantities and rules, read by checks, fill and templates.
import type { Message } from "../types";
import type { Decimal } from "../numbers";
import type { QuantitySpec } from "../formula";

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

/** A quantity of a methodology: a 別紙1 column (input or derived) or an intermediate (EPC), with its formula. */
export interface QuantityDeclaration extends QuantitySpec {
  role: "input" | "derived";
  /** 別紙1 column number ("3.1"); none for an intermediate that has no cell of its own. */
  column?: string;
  /** How the value is displayed/entered: a plain number, or a fraction shown as % (S_B, ε_BL). */
  form?: "number" | "ratio";
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
  /** The 合計 row's quantity (R6: Σ of the rows' tCO2). */
  total: QuantityDeclaration;
  /** Every derived quantity of one row from its inputs, with the scheme's rounding. Throws GecError on bad input. */
  derive(inputs: RowInputs, params?: MethodologyParams): Record<string, Decimal>;
}

/** Overridable [open] parameters. */
export interface MethodologyParams {
  /** MJ_HHV per kWh of auxiliary power (Q_WB formula). */
  primaryEnergyFactor?: number;
}
