// Building findings: one place for the shape, the A1 text and the one-cell fix.
import type { CellRef, CellValue, Finding, Message, Severity } from "../types";
import type { DerivationStep } from "../formula";
import { formatRef } from "../forms/a1";
import { ruleMeta } from "./registry";

export function finding(
  rule: string,
  severity: Severity,
  ref: CellRef,
  message: Message,
  extra: {
    expected?: number | string;
    actual?: number | string;
    fix?: {
      value: CellValue;
      previous: CellValue;
      previousFormula?: string | null;
      previousNumberFormat?: string | null;
    };
    derivation?: DerivationStep[];
  } = {},
): Finding {
  ruleMeta(rule); // every rule that reports is declared, with its family, severity and description
  const f: Finding = { rule, severity, ref, message };
  if (extra.expected !== undefined) f.expected = extra.expected;
  if (extra.actual !== undefined) f.actual = extra.actual;
  if (extra.fix) {
    // a fix keeps what it replaces, formula and number format too, so that 元に戻す restores the cell exactly
    f.fix = { ref, value: extra.fix.value, previous: extra.fix.previous };
    if (extra.fix.previousFormula !== undefined) f.fix.previousFormula = extra.fix.previousFormula;
    if (extra.fix.previousNumberFormat !== undefined)
      f.fix.previousNumberFormat = extra.fix.previousNumberFormat;
  }
  if (extra.derivation && extra.derivation.length > 0) f.derivation = extra.derivation;
  return f;
}

/** "別紙1!P7" for messages. */
export const at = formatRef;
