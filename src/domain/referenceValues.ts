// The period that chooses a submission's vintage, and every reference value its recomputation used, with source and
// vintage (for the checks of defaults, explanations and the verification report's cover).
import { Decimal, fiscalYearOfDate } from "../numbers";
import type { CellRef } from "../types";
import type { DateField, ProjectRow, Submission } from "../forms/submission";
import {
  AUX_FUEL_HEAT_PARAMETER,
  AUX_FUEL_LHV_PARAMETER,
  STANDARD_ATMOSPHERE_PARAMETER,
  parameterValue,
  referenceValuesOfRow,
} from "../methodology";
import type { QuantityDeclaration, ReferenceValueUsed, RowInputs } from "../methodology";

/** The period of a submission as far as its vintage goes: its fiscal year (April–March) and the date that gave it. */
export interface SubmissionPeriod {
  fiscalYear: number;
  /** YYYY-MM-DD (day 1 where the cell gives only a month). */
  date: string;
  ref: CellRef;
  /** Which date chose it: 1.5 開始日, 1.5 終了日, the rows' earliest 5.1, or their latest 5.2. */
  source: "1.5 開始日" | "1.5 終了日" | "5.1" | "5.2";
}

type Dated = { field: DateField; serial: number; year: number; month: number; day: number | null };

function dated(field: DateField | null | undefined): Dated | null {
  const r = field?.reading;
  return field && r && r.kind === "date"
    ? { field, serial: r.serial, year: r.year, month: r.month, day: r.day }
    : null;
}

function periodOf(d: Dated, source: SubmissionPeriod["source"]): SubmissionPeriod {
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    fiscalYear: fiscalYearOfDate(d.year, d.month),
    date: `${d.year}-${two(d.month)}-${two(d.day ?? 1)}`,
    ref: d.field.ref,
    source,
  };
}

/** The submission's period: 1.5 開始日 (else 終了日), else the rows' 5.1 / 5.2; null where no date can be read. */
export function submissionPeriod(
  s: Pick<Submission, "period" | "projectList" | "otherProjectLists">,
): SubmissionPeriod | null {
  const start = dated(s.period.start);
  if (start) return periodOf(start, "1.5 開始日");
  const end = dated(s.period.end);
  if (end) return periodOf(end, "1.5 終了日");
  const rows = [s.projectList, ...s.otherProjectLists].flatMap((l) => l?.rows ?? []);
  const pick = (key: string, later: boolean) =>
    rows
      .map((r) => dated(r.dates[key]))
      .filter((d): d is Dated => d !== null)
      .reduce<Dated | null>(
        (best, d) => (!best || (later ? d.serial > best.serial : d.serial < best.serial) ? d : best),
        null,
      );
  const first = pick("startDate", false);
  if (first) return periodOf(first, "5.1");
  const last = pick("endDate", true);
  return last ? periodOf(last, "5.2") : null;
}

function rowInputsOf(row: ProjectRow, quantities: QuantityDeclaration[]): RowInputs {
  const inputs: RowInputs = {};
  for (const q of quantities) {
    const r = row.numbers[q.key]?.reading;
    if (q.role === "input") inputs[q.key] = r && r.kind === "number" ? r.decimal : null;
  }
  return inputs;
}

/**
 * Every reference value a submission's recomputation used, once each: the formulas' constants (9.484), 0.101325 and
 * the auxiliary fuel's heat where monitoring tables were recomputed, and each fuel factor and default ε_BL (or
 * electricity factor) the rows use, with its source and vintage. For the verification report's cover.
 */
export function referenceValuesUsed(submission: Submission): ReferenceValueUsed[] {
  const declaration = submission.methodology.resolved.declaration;
  const fiscalYear = submissionPeriod(submission)?.fiscalYear ?? null;
  const out: ReferenceValueUsed[] = [];
  const rows = [submission.projectList, ...submission.otherProjectLists].flatMap((l) => l?.rows ?? []);
  for (const row of rows) {
    out.push(
      ...referenceValuesOfRow(
        declaration,
        rowInputsOf(row, declaration.quantities),
        declaration.form.tonnesKey,
        fiscalYear,
      ),
    );
  }
  const tables = submission.monitoring.filter((t) => !t.hidden);
  if (tables.length > 0) {
    out.push(parameterValue(STANDARD_ATMOSPHERE_PARAMETER));
    for (const block of submission.attachments) {
      const stated = block.plan.standardAtmosphere;
      if (stated === null || Decimal.from(stated).eq(STANDARD_ATMOSPHERE_PARAMETER.value)) continue;
      out.push({
        ...parameterValue(STANDARD_ATMOSPHERE_PARAMETER),
        value: stated,
        source: `別紙1添付 (${block.facilityName?.value ?? "—"}): stated by the facility's monitoring method`,
      });
    }
  }
  if (tables.some((t) => t.columns.auxFuelVolume !== undefined)) {
    out.push(parameterValue(AUX_FUEL_HEAT_PARAMETER), parameterValue(AUX_FUEL_LHV_PARAMETER));
  }
  const seen = new Set<string>();
  return out.filter((v) => {
    const id = `${v.symbol}|${v.value}|${v.vintage ?? ""}|${v.source}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
