// Building findings: one place for the shape, the A1 text and the one-cell fix.
import type { CellRef, CellValue, Finding, Message, Severity } from "../types";
import type { DerivationStep } from "../formula";
import { formatRef } from "../forms/a1";
import { ruleMeta } from "./registry";

/**
 * The severity a finding of `rule` is reported at: its meta's, or `asked` when the meta declares it among `alsoReportsAs`.
 * Any other severity is a programming error (a rule reporting what its meta does not say), so it throws.
 */
export function severityOf(rule: string, asked?: Severity): Severity {
  const meta = ruleMeta(rule); // every rule that reports is declared, with its family, severity and description
  if (asked === undefined || asked === meta.severity) return meta.severity;
  if (meta.alsoReportsAs?.includes(asked)) return asked;
  throw new Error(
    `rule "${rule}" reports "${asked}", which its meta (${meta.severity}) does not declare in alsoReportsAs`,
  );
}

/** The same finding at another severity its rule declares (a provisional methodology's formula lines: warnings). */
export function reportedAs(f: Finding, severity: Severity): Finding {
  return { ...f, severity: severityOf(f.rule, severity) };
}

export function finding(
  rule: string,
  ref: CellRef,
  message: Message,
  extra: {
    /** Only for a severity the rule's meta declares in alsoReportsAs (a near miss); the meta's otherwise. */
    severity?: Severity;
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
  const f: Finding = { rule, severity: severityOf(rule, extra.severity), ref, message };
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
