// Rule family 9 on a table's 合計 against 別紙1 3.1 / 3.2 / 3.6 / 3.7, under a rounding convention the table's months show.
import { grouped } from "../../../formula";
import { ROUNDING_CONVENTIONS, monthColumnOf } from "../../../methodology";
import type { RoundingConvention } from "../../../methodology";
import { formatRef } from "../../../forms/a1";
import type { MonitoringTable } from "../../../forms/monitoring";
import type { ProjectRow } from "../../../forms/submission";
import { targetAlternatives } from "../../../domain/monitoring";
import type { FacilityProcedure, MonitoringTargetColumn } from "../../../domain/monitoring";
import type { CellRef, Finding } from "../../../types";
import { at, reporter } from "../../finding";
import { LISTED, listed } from "../../../text";
import type { RuleMeta } from "../../rule";
import { specOf, monitoringRule } from "./cells";
import { decimalOf } from "../../../forms/fields";

/** The 別紙1 columns the 合計 gives. */
const TARGET_INSTANCES: { id: string; where: string }[] = [
  { id: "monitoring.qBl.fromTable", where: "3.1 Q_BL" },
  { id: "monitoring.ePs.fromTable", where: "3.2 E_PS" },
  { id: "monitoring.fB.fromTable", where: "3.6 F_B" },
  { id: "monitoring.fT.fromTable", where: "3.7 F_T" },
];

export const TARGET_RULES: RuleMeta[] = [
  monitoringRule(
    "monitoring.<key>.fromTable",
    "error",
    true,
    "別紙1 の 3.1・3.2・3.6・3.7 が熱実績管理表の合計（3.1 は控除熱量を除く）から、どの端数処理でも得られない。",
    "別紙1 3.1, 3.2, 3.6 or 3.7 does not follow from the monitoring table's 合計 (3.1 net of 控除熱量) under any rounding convention.",
    TARGET_INSTANCES,
  ),
  monitoringRule(
    "monitoring.target.unconfirmed",
    "warning",
    false,
    "熱実績管理表の有効な月に負の値があるため、別紙1 の 3.1・3.2・3.6・3.7 を表と照合しない（負の値のセルを直すまで確かめられない）。",
    "別紙1 3.1, 3.2, 3.6 or 3.7 is not compared with the monitoring table, because a counted month holds a negative cell (it cannot be confirmed until that cell is corrected).",
  ),
  monitoringRule(
    "monitoring.convention",
    "info",
    false,
    "別紙1 の 3.1 などが熱実績管理表のどの端数処理（各月切捨・合計切捨など）に従っているか。",
    "Which rounding convention (each month truncated, the sum truncated, …) 別紙1 3.1 etc. follow from the monitoring table.",
  ),
];

const { finding } = reporter(TARGET_RULES);

interface TargetResult extends MonitoringTargetColumn {
  matched: RoundingConvention[];
  /** The month quantity that gave the match (the target's own column, or a declaration such as ePsRated). */
  basis: string;
}

/** 別紙1 3.1 / 3.2 / 3.6 / 3.7 against the table's months under each rounding convention. */
export function checkTargets(
  table: MonitoringTable,
  row: ProjectRow,
  findings: Finding[],
  proc: FacilityProcedure,
  targets: MonitoringTargetColumn[],
): TargetResult[] {
  const results: TargetResult[] = [];
  for (const { target, column } of targets) {
    const field = row.numbers[target];
    const actual = decimalOf(field);
    if (!field || actual === null) continue;
    const alternatives = targetAlternatives(table, target, proc);
    if (alternatives.length === 0) continue;
    // conventions over the sum first; those that round each month only when none of them gives the cell
    const bySum = ROUNDING_CONVENTIONS.filter((c) => !c.id.startsWith("month"));
    const byMonth = ROUNDING_CONVENTIONS.filter((c) => c.id.startsWith("month"));
    let matched: RoundingConvention[] = [];
    let basis = alternatives[0];
    for (const totals of alternatives) {
      matched = bySum.filter((c) => totals.evaluate(c.id).value.eq(actual));
      if (matched.length === 0) matched = byMonth.filter((c) => totals.evaluate(c.id).value.eq(actual));
      basis = totals;
      if (matched.length > 0) break;
    }
    const totals = alternatives[0];
    results.push({ target, column, matched, basis: basis.basis });
    if (matched.length > 0) continue;
    const fallback = totals.evaluate("sumDown", true);
    const expected = fallback.value;
    const deduction = totals.deduction;
    findings.push(
      finding(
        `monitoring.${target}.fromTable`,
        field.ref,
        {
          ja: `${at(field.ref)}（${column}）は熱実績管理表 ${at(table.headerRef)} の合計${deduction ? "（控除熱量を除く）" : ""}から得られません: 合計を整数に切捨てると ${grouped(expected)}、ほかの端数処理でも ${grouped(actual)} になりません。`,
          en: `${at(field.ref)} (${column}) does not follow from the monitoring table at ${at(table.headerRef)}${deduction ? " (net of 控除熱量)" : ""}: its sum truncated is ${grouped(expected)}, and no other rounding gives ${grouped(actual)}.`,
        },
        {
          expected: expected.toString(),
          actual: actual.toString(),
          fix: { value: expected.toNumber(), previous: field.raw, previousFormula: field.formula },
          derivation: fallback.steps,
        },
      ),
    );
  }
  return results;
}

/** "補機消費電力量（定格出力 × 稼働時間）の" where the months were worked out from a declaration, else nothing. */
function basisText(r: TargetResult): { ja: string; en: string } {
  if (r.basis === monthColumnOf(r.target)) return { ja: "", en: "" };
  const spec = specOf.get(r.basis);
  return spec ? { ja: `${spec.label.ja}の`, en: `${spec.label.en}, ` } : { ja: "", en: "" };
}

export function conventionNote(
  table: MonitoringTable,
  row: ProjectRow,
  results: TargetResult[],
): Finding | null {
  const matched = results.filter((r) => r.matched.length > 0);
  if (matched.length === 0) return null;
  // a target is matched only where the row has its cell
  const anchor = row.numbers[matched[0].target];
  if (!anchor) return null;
  // the first convention that matches names it; an exact integer sum matches them all
  const ja = matched
    .map(
      (r) =>
        `${r.column}: ${basisText(r).ja}${r.matched[0].label.ja}${r.matched.length > 1 ? `（ほか ${r.matched.length - 1} 通りでも一致）` : ""}`,
    )
    .join("、");
  const en = matched
    .map(
      (r) =>
        `${r.column}: ${basisText(r).en}${r.matched[0].label.en}${r.matched.length > 1 ? ` (${r.matched.length - 1} more agree)` : ""}`,
    )
    .join("; ");
  return finding(
    "monitoring.convention",
    anchor.ref,
    {
      ja: `${at(anchor.ref)} の行は熱実績管理表 ${at(table.headerRef)} の合計と一致します（${ja}）。`,
      en: `The row of ${at(anchor.ref)} agrees with the monitoring table at ${at(table.headerRef)} (${en}).`,
    },
    {
      actual: matched
        .map(
          (r) => `${r.column}=${r.matched[0].id}${r.basis === monthColumnOf(r.target) ? "" : `/${r.basis}`}`,
        )
        .join(", "),
    },
  );
}

/**
 * 別紙1 3.1 / 3.2 / 3.6 / 3.7 are not compared with a table one of whose counted months holds a negative cell: a sum
 * over it would confirm a figure built on a value the check rejects. Each is a warning at its cell naming the cells.
 */
export function unconfirmedTargets(
  table: MonitoringTable,
  row: ProjectRow,
  negative: CellRef[],
  findings: Finding[],
  targets: MonitoringTargetColumn[],
): void {
  const cells = listed(negative.slice(0, LISTED).map(formatRef), negative.length);
  for (const { target, column } of targets) {
    const field = row.numbers[target];
    if (!field || decimalOf(field) === null) continue;
    findings.push(
      finding(
        "monitoring.target.unconfirmed",
        field.ref,
        {
          ja: `${at(field.ref)}（${column}）は ${at(table.headerRef)} の熱実績管理表と照合していません: ${cells.ja} が負の値で、その月からは何も計算しないためです。`,
          en: `${at(field.ref)} (${column}) is not compared with the monitoring table at ${at(table.headerRef)}: ${cells.en} is negative, and nothing is derived from that month.`,
        },
        { actual: cells.ja },
      ),
    );
  }
}
