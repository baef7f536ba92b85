// The cells of a monitoring table's month for the monitoring rules: their numbers, labels and trace.
import type { RuleMeta } from "../../rule";
import { Decimal } from "../../../numbers";
import { isGecError } from "../../../errors";
import { evaluateQuantities } from "../../../formula";
import type { DerivationStep, ParamValues, QuantitySpec } from "../../../formula";
import { monitoringMonthQuantities } from "../../../methodology";
import { formatRef } from "../../../forms/a1";
import type { MonitoringMonth } from "../../../forms/monitoring";
import type { FacilityProcedure } from "../../../domain/monitoring";
import { shortened } from "../../../text";

/** The inputs of the steam procedure and the derived cells checked against them, in the procedure's order. */
export const MONTH_INPUTS = ["pGauge", "tSteamMean", "tFeedMean", "fSteam", "fFeed"];

export const MONTH_DERIVED = ["pAbs", "tSteam", "hSteam", "tFeed", "hFeed"];

export const specOf = new Map(monitoringMonthQuantities.map((q) => [q.key, q]));

/** A1 addresses of a month's cells by quantity key, for derivations. */
function cellsOf(month: MonitoringMonth): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, field] of Object.entries(month.cells)) out[key] = formatRef(field.ref);
  return out;
}

export function traced(
  quantities: readonly QuantitySpec[],
  given: Record<string, Decimal | null>,
  key: string,
  month: MonitoringMonth,
  params: ParamValues = {},
): DerivationStep[] {
  try {
    return evaluateQuantities(quantities, given, [key], { trace: true, cells: cellsOf(month), params }).steps;
  } catch (e) {
    if (isGecError(e)) return [];
    throw e;
  }
}

export function label(key: string): string {
  const q = specOf.get(key);
  return q ? `${q.label.ja} ${q.symbol}` : key;
}

export function labelEn(key: string): string {
  const q = specOf.get(key);
  return q ? `${q.label.en} ${q.symbol}` : key;
}

/** "2020年4月" / "2020-04". */
export const ym = (r: { year: number; month: number }) => ({
  ja: `${r.year}年${r.month}月`,
  en: `${r.year}-${String(r.month).padStart(2, "0")}`,
});

export function monthName(m: MonitoringMonth): { ja: string; en: string } {
  const r = m.month.reading;
  return r.kind === "date" ? ym(r) : { ja: shortened(m.month.raw), en: shortened(m.month.raw) };
}

/** The month's derived values from its inputs: all at once, or one by one where one of them cannot be had. */
export function derivedValues(
  given: Record<string, Decimal | null>,
  proc: FacilityProcedure,
): Record<string, Decimal> {
  const params = proc.params;
  try {
    return evaluateQuantities(proc.steam, given, MONTH_DERIVED, { params }).values;
  } catch (e) {
    if (!isGecError(e)) throw e;
  }
  const out: Record<string, Decimal> = {};
  for (const key of MONTH_DERIVED) {
    try {
      out[key] = evaluateQuantities(proc.steam, given, [key], { params }).values[key];
    } catch (e) {
      if (!isGecError(e)) throw e;
    }
  }
  return out;
}

/** A rule of family 9 (the monitoring records). */
export const monitoringRule = (
  id: string,
  severity: RuleMeta["severity"],
  fixable: boolean,
  ja: string,
  en: string,
  instances?: RuleMeta["instances"],
): RuleMeta => ({
  id,
  family: 9,
  severity,
  fixable,
  description: { ja, en },
  ...(instances ? { instances } : {}),
});
