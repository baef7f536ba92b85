// The writes a monitoring fill plans (formula, value or nothing) and the refusal notes its steps share.
import { Decimal, spreadsheetDecimal } from "../numbers";
import { monitoringMonthQuantities } from "../methodology";
import { formatRef } from "../forms/a1";
import type { MonthRejection, MonthSelection } from "../forms/monitoring";
import type { NumberField } from "../forms/submission";
import { LISTED, listed } from "../text";
import type { CellRef, CellWrite, Finding } from "../types";
import { sameFormula } from "./invert";
import { decimalOf } from "../forms/fields";

export const specOf = new Map(monitoringMonthQuantities.map((q) => [q.key, q]));

/** A cell Excel reads as the engine does: a plain number (not "18,656" typed as text). */
export function plainNumber(field: NumberField | undefined): boolean {
  return (
    field !== undefined &&
    field.reading.kind === "number" &&
    typeof field.raw === "number" &&
    spreadsheetDecimal(field.raw).eq(field.reading.decimal)
  );
}

export function info(rule: string, ref: CellRef, ja: string, en: string): Finding {
  return { rule, severity: "info", ref, message: { ja, en } };
}

export class Writes {
  readonly writes: CellWrite[] = [];
  /**
   * A cell that already holds the formula but no value that reads as its result (a template never calculated): not
   * written, but the next steps and the check read the value the formula gives.
   */
  readonly calculated: CellWrite[] = [];
  constructor(readonly formulas: boolean) {}

  /**
   * A formula when asked for and given, else the value; nothing when the cell already holds it (as the check reads
   * it: `accepts` says whether the current value agrees, exact equality by default).
   */
  cell(
    field: NumberField,
    value: Decimal,
    formula: string | null,
    accepts: (current: Decimal) => boolean = (current) => current.eq(value),
  ): void {
    const write: CellWrite = { ref: field.ref, previous: field.raw, previousFormula: field.formula };
    if (this.formulas && formula !== null) {
      if (sameFormula(field.formula, formula)) {
        const current = decimalOf(field);
        if (current === null || !accepts(current))
          this.calculated.push({ ...write, formula, value: value.toNumber() });
        return;
      }
      write.formula = formula;
      write.value = value.toNumber();
    } else {
      const current = decimalOf(field);
      if (current !== null && accepts(current)) return;
      write.value = value.toNumber();
    }
    this.writes.push(write);
  }
}

/** A refusal: the cell is left as it is, and the plan says why (`fill.refused.*`). */
export function refused(rule: string, ref: CellRef, ja: string, en: string): Finding {
  return info(`fill.refused.${rule}`, ref, ja, en);
}

const REJECTION: Record<MonthRejection, { ja: string; en: string }> = {
  unreadable: { ja: "読めない", en: "unreadable" },
  duplicate: { ja: "重複", en: "repeated" },
  outOfYear: { ja: "年度外", en: "outside the year" },
  outOfPeriod: { ja: "期間外", en: "outside 5.1–5.2" },
  afterTotal: { ja: "合計の下", en: "below the total" },
};

/** "熱実績管理表!A16（重複）、…" — each rejected month's cell and why, at most LISTED of them. */
export function rejectedList(rejected: MonthSelection["rejected"]): { ja: string; en: string } {
  const shown = rejected.slice(0, LISTED);
  const ja = listed(
    shown.map((r) => `${formatRef(r.month.month.ref)}（${REJECTION[r.reason].ja}）`),
    rejected.length,
  ).ja;
  const en = listed(
    shown.map((r) => `${formatRef(r.month.month.ref)} (${REJECTION[r.reason].en})`),
    rejected.length,
  ).en;
  return { ja, en };
}

/** The cells for a message, at most LISTED of them. */
export function cellList(refs: CellRef[]): { ja: string; en: string } {
  return listed(refs.slice(0, LISTED).map(formatRef), refs.length);
}
