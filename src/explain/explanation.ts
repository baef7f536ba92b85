// What explaining a cell answers, and the pieces every kind of derived cell shares.
import { methodologyOf } from "../forms/submission";
import type { Decimal } from "../numbers";
import { isGecError } from "../errors";
import type { GecError } from "../errors";
import type { MethodologyDeclaration, QuantityDeclaration, ReferenceValueUsed } from "../methodology";
import type { NumberField, ProjectList, Submission } from "../forms/submission";
import type { CellRef, CellValue, DerivationStep, Message } from "../types";
import { decimalOf } from "../forms/fields";

/** A derivation of a cell's value, or why there is none. */
export type Derivation = { value: Decimal; steps: DerivationStep[] } | GecError;

export interface CellExplanation {
  ref: CellRef;
  /** The quantity the cell holds (3.3 Q_WB), and the facility row's name where there is one. */
  symbol: string;
  column: string | null;
  label: Message;
  facility: string | null;
  /** The value the cell should hold, as a decimal string. */
  expected: string | null;
  /** What it holds now. */
  actual: CellValue;
  agrees: boolean;
  steps: DerivationStep[];
  /** Why there is no value (a required input is blank …), where there is none. */
  failure: Message | null;
  /** For 3.1 / 3.2 / 3.6 / 3.7 from a monitoring table: the rounding convention the derivation follows. */
  convention?: Message;
  /** The reference values the derivation used (9.484, 灯油 0.0678 of 算定省令 H22改正 …), each with source and vintage. */
  references: ReferenceValueUsed[];
}

export type ExplainResult =
  | { kind: "explained"; explanation: CellExplanation }
  | { kind: "notDerived"; message: Message; derivedColumns: string[] };

/** The methodology a list of the submission is read under. */
export function declarationFor(s: Submission, list: ProjectList): MethodologyDeclaration | null {
  // the reader's one answer; a list read under it always has its columns
  return list ? methodologyOf(s) : null;
}

/** Whether two references name one cell. */
export function sameCell(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

/** The explanation of `field` from its derivation (or the failure that leaves it without one). */
export function explanationOf(
  field: NumberField,
  q: Pick<QuantityDeclaration, "symbol" | "label" | "column">,
  facility: string | null,
  result: Derivation,
  references: ReferenceValueUsed[] = [],
): CellExplanation {
  const actual = decimalOf(field);
  const value = isGecError(result) ? null : result.value;
  return {
    ref: field.ref,
    symbol: q.symbol,
    column: q.column ?? null,
    label: q.label,
    facility,
    expected: value?.toString() ?? null,
    actual: field.raw,
    agrees: value !== null && actual !== null && actual.eq(value),
    steps: isGecError(result) ? [] : result.steps,
    failure: isGecError(result) ? result.text : null,
    references,
  };
}
