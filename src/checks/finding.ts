// Building findings: one place for the shape, the severity read from the rule's meta, the A1 text and the one-cell fix.
import type { CellRef, CellValue, Finding, Message, Severity } from "../types";
import type { DerivationStep } from "../formula";
import { formatRef } from "../forms/a1";
import type { RuleMeta } from "./rule";

/**
 * The severity a finding of `meta`'s rule is reported at: the meta's, or `asked` when the meta declares it among
 * `alsoReportsAs`. Any other severity is a programming error (a rule reporting what its meta does not say), so it throws.
 */
export function severityOf(meta: RuleMeta, asked?: Severity): Severity {
  if (asked === undefined || asked === meta.severity) return meta.severity;
  if (meta.alsoReportsAs?.includes(asked)) return asked;
  throw new Error(
    `rule "${meta.id}" reports "${asked}", which its meta (${meta.severity}) does not declare in alsoReportsAs`,
  );
}

export interface FindingExtra {
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
}

/** A finding of `meta`'s rule (`rule` is the meta's id, or one of its instances' for a per-quantity rule). */
export function finding(
  meta: RuleMeta,
  rule: string,
  ref: CellRef,
  message: Message,
  extra: FindingExtra = {},
): Finding {
  const f: Finding = { rule, severity: severityOf(meta, extra.severity), ref, message };
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

/** Each reportable id of `metas` (a per-quantity rule under each of its instances) → its meta. */
export function metasById(metas: readonly RuleMeta[]): Map<string, RuleMeta> {
  const byId = new Map<string, RuleMeta>();
  for (const r of metas) {
    byId.set(r.id, r);
    for (const i of r.instances ?? []) byId.set(i.id, r);
  }
  return byId;
}

/** How a rule module reports: only ids among its own metas, each at the severity its meta declares. */
export interface Reporter {
  finding(rule: string, ref: CellRef, message: Message, extra?: FindingExtra): Finding;
  /** The same finding at another severity its rule declares (a provisional methodology's formula lines: warnings). */
  reportedAs(f: Finding, severity: Severity): Finding;
}

/**
 * The reporter of a module's own metas (a function for metas built on first use: read then, not at import). An id the
 * module does not declare throws: a module cannot report a rule it does not declare.
 */
export function reporter(metas: readonly RuleMeta[] | (() => readonly RuleMeta[])): Reporter {
  let byId: Map<string, RuleMeta> | null = null;
  const metaOf = (rule: string): RuleMeta => {
    byId ??= metasById(typeof metas === "function" ? metas() : metas);
    const meta = byId.get(rule);
    if (!meta) throw new Error(`rule "${rule}" is not declared among its module's metas`);
    return meta;
  };
  return {
    finding: (rule, ref, message, extra) => finding(metaOf(rule), rule, ref, message, extra),
    reportedAs: (f, severity) => ({ ...f, severity: severityOf(metaOf(f.rule), severity) }),
  };
}

/** "別紙1!P7" for messages. */
export const at = formatRef;
