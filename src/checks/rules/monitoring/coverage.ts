// Rule family 9 on a table's months: each month of the period once, in its year, and its 合計 row the sum of them.
import { evaluateQuantities, grouped } from "../../../formula";
import { columnTotal } from "../../../methodology";
import { monthIndex } from "../../../forms/monitoring";
import type { MonitoringTable, MonitoringTotalRow, MonthSelection } from "../../../forms/monitoring";
import type { ProjectRow } from "../../../forms/submission";
import { SUMMED_KEYS, agreesToDigits, monthValues, periodOf, totalName } from "../../../domain/monitoring";
import type { Finding } from "../../../types";
import { at, reporter } from "../../finding";
import { LISTED, listed, shortened } from "../../../text";
import type { RuleMeta } from "../../rule";
import { specOf, label, labelEn, ym, monitoringRule } from "./cells";
import { decimalOf } from "../../../forms/fields";

export const COVERAGE_RULES: RuleMeta[] = [
  monitoringRule(
    "monitoring.month.unreadable",
    "error",
    false,
    "熱実績管理表の年月が年月として読めない。",
    "A 年月 of the monitoring table cannot be read as a month.",
  ),
  monitoringRule(
    "monitoring.month.missing",
    "error",
    false,
    "熱実績管理表に、別紙1 の 5.1〜5.2 の期間の月が欠けている。",
    "A month of the facility's 5.1–5.2 period is missing from its monitoring table.",
  ),
  monitoringRule(
    "monitoring.month.duplicate",
    "error",
    false,
    "熱実績管理表に同じ月が 2 回以上ある。",
    "A month appears more than once in the monitoring table.",
  ),
  monitoringRule(
    "monitoring.month.outOfPeriod",
    "error",
    false,
    "熱実績管理表の月が別紙1 の 5.1〜5.2 の期間外。",
    "A month of the monitoring table lies outside the facility's 5.1–5.2 period.",
  ),
  monitoringRule(
    "monitoring.month.outOfYear",
    "error",
    false,
    "熱実績管理表の月が表題の年度（4月〜翌3月）の外（2 年目を書き足した表など。合計に含めない）。",
    "A month of the monitoring table lies outside the fiscal year its title names (a second year appended; not summed).",
  ),
  monitoringRule(
    "monitoring.month.afterTotal",
    "error",
    false,
    "熱実績管理表の月が合計行より下にある（合計に含めない）。",
    "A month of the monitoring table sits below its total row (not summed).",
  ),
  monitoringRule(
    "monitoring.total.recompute",
    "error",
    true,
    "熱実績管理表の合計行・小計行（年度計、上期計 など）が、その範囲の有効な月の和と一致しない。",
    "A cell of the monitoring table's total or subtotal row (年度計, 上期計 …) is not the sum of the valid months it spans.",
  ),
];

const { finding } = reporter(COVERAGE_RULES);

/** The facility's 5.1–5.2 period as month indices, and as text for messages. */
type FacilityPeriod = NonNullable<ReturnType<typeof periodOf>>;

/** A rejected month at its 年月 cell, by its reason (unreadable, duplicate, outOfYear, outOfPeriod, afterTotal). */
function rejectedMonth(
  table: MonitoringTable,
  { month: m, reason, first }: MonthSelection["rejected"][number],
  period: FacilityPeriod | null,
): Finding | null {
  const ref = m.month.ref;
  const r = m.month.reading;
  if (r.kind !== "date") {
    return finding("monitoring.month.unreadable", ref, {
      ja: `${at(ref)} の年月を読めません（${shortened(m.month.raw)}）。「2020年4月」のように入力してください（この行は合計に含めません）。`,
      en: `${at(ref)}: the month cannot be read (${shortened(m.month.raw)}); type it as 2020年4月 (the row is not summed).`,
    });
  }
  const name = ym(r);
  if (reason === "duplicate" && first) {
    return finding(
      "monitoring.month.duplicate",
      ref,
      {
        ja: `${at(ref)} の ${name.ja}は ${at(first.month.ref)} と重複しています（重複した行は合計に含めません）。`,
        en: `${at(ref)}: ${name.en} repeats ${at(first.month.ref)} (the repeated row is not summed).`,
      },
      { actual: name.ja },
    );
  }
  if (reason === "outOfYear" && table.fiscalYear !== null) {
    const fy = table.fiscalYear;
    return finding(
      "monitoring.month.outOfYear",
      ref,
      {
        ja: `${at(ref)} の ${name.ja}は表題の ${fy}年度（${fy}年4月〜${fy + 1}年3月）の外です（合計に含めません）。年度ごとに表を分けてください。`,
        en: `${at(ref)}: ${name.en} lies outside fiscal ${fy} (April ${fy} – March ${fy + 1}) that the table's title names (it is not summed); give each year its own table.`,
      },
      { expected: `${fy}年度`, actual: name.ja },
    );
  }
  if (reason === "outOfPeriod" && period) {
    return finding(
      "monitoring.month.outOfPeriod",
      ref,
      {
        ja: `${at(ref)} の ${name.ja}は別紙1 の期間（5.1〜5.2: ${period.ja}）の外です（合計に含めません）。`,
        en: `${at(ref)}: ${name.en} lies outside the facility's period (5.1–5.2: ${period.ja}; it is not summed).`,
      },
      { expected: period.ja, actual: name.ja },
    );
  }
  if (reason === "afterTotal" && table.total) {
    return finding(
      "monitoring.month.afterTotal",
      ref,
      {
        ja: `${at(ref)} の ${name.ja}は合計行 ${at(table.total.ref)} より下にあります（合計に含めません）。月は合計行の上に入力してください。`,
        en: `${at(ref)}: ${name.en} sits below the total row ${at(table.total.ref)} (it is not summed); enter months above the total.`,
      },
      { actual: name.ja },
    );
  }
  return null;
}

/** monitoring.month.missing: the months of 5.1–5.2 that no counted month gives, at the table's 年月 header. */
function missingMonths(
  table: MonitoringTable,
  selection: MonthSelection,
  period: FacilityPeriod,
): Finding | null {
  const counted = new Set<number>();
  for (const m of selection.valid)
    if (m.month.reading.kind === "date") counted.add(monthIndex(m.month.reading));
  // counted, never listed whole: a period typed as 1900–9999 is 97,200 months
  const missing: string[] = [];
  let count = 0;
  for (let k = period.from; k <= period.to; k++) {
    if (counted.has(k)) continue;
    if (count++ < LISTED) missing.push(`${Math.floor(k / 12)}年${(k % 12) + 1}月`);
  }
  if (count === 0) return null;
  const list = listed(missing, count);
  return finding(
    "monitoring.month.missing",
    table.headerRef,
    {
      ja: `${at(table.headerRef)} の熱実績管理表に ${list.ja} がありません（別紙1 の期間 ${period.ja}）。`,
      en: `The monitoring table at ${at(table.headerRef)} lacks ${list.en} (the facility's period: ${period.ja}).`,
    },
    { expected: period.ja, actual: `${counted.size} か月` },
  );
}

/** Each rejected month at its 年月 cell, and the months of 5.1–5.2 that no counted month gives. */
export function checkCoverage(
  table: MonitoringTable,
  row: ProjectRow | null,
  selection: MonthSelection,
  findings: Finding[],
): void {
  const period = periodOf(row);
  for (const rejection of selection.rejected) {
    const f = rejectedMonth(table, rejection, period);
    if (f) findings.push(f);
  }
  if (!period) return;
  const missing = missingMonths(table, selection, period);
  if (missing) findings.push(missing);
}

/**
 * Each total and subtotal row (合計, 年度計, 上期計, 小計 …): each summed cell is the sum of the counted months it spans,
 * to the digits it holds. A rejected month is in no sum, so a total that includes one is flagged as well.
 */
export function checkTotalRows(table: MonitoringTable, selection: MonthSelection, findings: Finding[]): void {
  const counted = new Set(selection.valid);
  for (const row of table.totals) {
    const months = table.months.slice(row.from, row.to).filter((m) => counted.has(m));
    if (months.length > 0) checkTotalRow({ ...table, months }, row, findings);
  }
}

function checkTotalRow(table: MonitoringTable, total: MonitoringTotalRow, findings: Finding[]): void {
  const kind = totalName(total);
  for (const key of SUMMED_KEYS) {
    const field = total.cells[key];
    const actual = decimalOf(field);
    if (!field || actual === null) continue;
    const months = monthValues(table, key);
    if (!months) continue;
    const spec = columnTotal(specOf.get(key) ?? { key, symbol: key, label: { ja: key, en: key }, unit: "" });
    const sum = evaluateQuantities([spec], {}, [spec.key], { columns: { [key]: months } }).values[spec.key];
    if (agreesToDigits(actual, sum)) continue;
    const evaluation = evaluateQuantities([spec], {}, [spec.key], {
      columns: { [key]: months },
      trace: true,
    });
    const range = `${months.cells[0]}:${months.cells[months.cells.length - 1].split("!")[1]}`;
    findings.push(
      finding(
        "monitoring.total.recompute",
        field.ref,
        {
          ja: `${at(field.ref)}（${label(key)} の${kind.ja}）は ${range} の月（${table.months.length} か月）の和 ${grouped(sum)} になるはずですが、${grouped(actual)} です。`,
          en: `${at(field.ref)} (${kind.en} of ${labelEn(key)}) should be the sum of the ${table.months.length} months of ${range}, ${grouped(sum)}, but holds ${grouped(actual)}.`,
        },
        {
          expected: sum.toString(),
          actual: actual.toString(),
          fix: { value: sum.toNumber(), previous: field.raw, previousFormula: field.formula },
          derivation: evaluation.steps,
        },
      ),
    );
  }
}
