// A finding across workbooks: where it stands (a file and a cell) and the other workbook and cell it names.
import type { CellRef, Message, Severity } from "../types";
import { formatRef } from "../forms/a1";
import { severityOf } from "../checks/finding";
import { ruleMeta } from "../checks/registry";
import type { DigestPeriod } from "./digest";

/** A cell of one workbook; `ref` null for the workbook as a whole. */
export interface Place {
  file: string;
  ref: CellRef | null;
}

export interface PortfolioFinding {
  /** A portfolio.* rule of src/checks/rules/portfolio.ts. */
  rule: string;
  severity: Severity;
  /** The workbook and cell it stands at. */
  at: Place;
  /** The other workbook and cell it names: the earlier copy, the previous year's 実績, the registered plan. */
  other: Place | null;
  message: Message;
  expected?: string;
  actual?: string;
}

/** A finding of a portfolio.* rule, at the severity its meta declares (as finding() does for one workbook). */
export function portfolioFinding(
  rule: string,
  at: Place,
  other: Place | null,
  message: Message,
  values: { severity?: Severity; expected?: string; actual?: string } = {},
): PortfolioFinding {
  const f: PortfolioFinding = {
    rule,
    severity: severityOf(ruleMeta(rule), values.severity),
    at,
    other,
    message,
  };
  if (values.expected !== undefined) f.expected = values.expected;
  if (values.actual !== undefined) f.actual = values.actual;
  return f;
}

/** "a.xlsx 別紙1!B4" (the file alone where no cell is named). */
export function placeText(p: Place): string {
  return p.ref ? `${p.file} ${formatRef(p.ref)}` : p.file;
}

/** "2020-04-01〜2021-03-31", "?" for a date that could not be read. */
export function periodText(p: DigestPeriod): string {
  return `${p.start ?? "?"}〜${p.end ?? "?"}`;
}

/** Two periods share a day; a date that could not be read rules nothing out. */
export function periodsOverlap(a: DigestPeriod, b: DigestPeriod): boolean {
  const aStart = a.start ?? "0000-01-01";
  const aEnd = a.end ?? "9999-12-31";
  const bStart = b.start ?? "0000-01-01";
  const bEnd = b.end ?? "9999-12-31";
  return aStart <= bEnd && bStart <= aEnd;
}
