// Rule family 9 on a month of a monitoring table: its derived cells reproduce by the steam procedure, and no negative cell.
import { Decimal } from "../../../numbers";
import { evaluateQuantities, grouped } from "../../../formula";
import type { MonitoringMonth } from "../../../forms/monitoring";
import { agreesToDigits, decimals, heatAgrees, negativeKeys } from "../../../domain/monitoring";
import type { FacilityProcedure } from "../../../domain/monitoring";
import type { Finding } from "../../../types";
import { at, reporter } from "../../finding";
import { shortened } from "../../../text";
import type { RuleMeta } from "../../rule";
import {
  MONTH_INPUTS,
  MONTH_DERIVED,
  traced,
  label,
  labelEn,
  monthName,
  derivedValues,
  monitoringRule,
} from "./cells";
import { decimalOf } from "../../../forms/fields";
import { checkPlausibility, checkPressureCells, belowVacuum } from "./plausibility";

/** The month's derived cells a rule recomputes, and where they stand in the procedure. */
const MONTH_DERIVED_INSTANCES: { id: string; where: string }[] = [
  { id: "monitoring.pAbs.recompute", where: "蒸気圧力（絶対） p_abs" },
  { id: "monitoring.tSteam.recompute", where: "蒸気温度 t_s" },
  { id: "monitoring.hSteam.recompute", where: "蒸気比エンタルピー h_s" },
  { id: "monitoring.tFeed.recompute", where: "給水温度 t_fw" },
  { id: "monitoring.hFeed.recompute", where: "給水比エンタルピー h_fw" },
  { id: "monitoring.qMonth.recompute", where: "生成熱量 Q_m" },
];

export const MONTH_RULES: RuleMeta[] = [
  monitoringRule(
    "monitoring.<key>.recompute",
    "error",
    true,
    "熱実績管理表の月の派生セル（p_abs、t、h、t_fw、h'、生成熱量）が手順どおりに再計算した値と一致しない（h と h' はセルの桁数で比較）。",
    "A derived cell of a month of the monitoring table (p_abs, t, h, t_fw, h', heat) does not reproduce by the procedure (h and h' compared to the digits the cell holds).",
    MONTH_DERIVED_INSTANCES,
  ),
  monitoringRule(
    "monitoring.cell.unreadable",
    "error",
    false,
    "熱実績管理表のセルが数値として読めない。",
    "A cell of the monitoring table cannot be read as a number.",
  ),
  monitoringRule(
    "monitoring.cell.negative",
    "error",
    false,
    "熱実績管理表の流量・熱量・控除熱量・電力量・燃料・日数が負（▲、(…)、−。合計に加えず、その月からは計算しない）。",
    "A flow, heat, deduction, power, fuel or day count of the monitoring table is negative (▲, (…), −; never summed, nothing derived from that month).",
  ),
];

const { finding } = reporter(MONTH_RULES);

/** monitoring.cell.unreadable: the month's cells that cannot be read as numbers. */
function unreadableCells(month: MonitoringMonth, findings: Finding[]): void {
  for (const [key, field] of Object.entries(month.cells)) {
    if (field.reading.kind !== "invalid") continue;
    findings.push(
      finding("monitoring.cell.unreadable", field.ref, {
        ja: `${at(field.ref)}（${label(key)}）を数値として読めません（${shortened(field.raw)}）。`,
        en: `${at(field.ref)} (${labelEn(key)}) cannot be read as a number (${shortened(field.raw)}).`,
      }),
    );
  }
}

/**
 * monitoring.<key>.recompute: each derived cell (p_abs, t, h, t_fw, h', Q_m) against the procedure's `expected`, h and
 * h' to the digits the cell holds. Skipped: h of a wet month, cells in `skip` (a p_abs that is a percentage), and
 * cells whose inputs are blank or out of range (their own cells say so).
 */
function derivedCellRecomputes(
  month: MonitoringMonth,
  given: Record<string, Decimal | null>,
  expected: Record<string, Decimal>,
  wet: boolean,
  skip: Set<string>,
  findings: Finding[],
  proc: FacilityProcedure,
): void {
  const name = monthName(month);
  for (const key of MONTH_DERIVED) {
    const value = expected[key];
    if (wet && key === "hSteam") continue;
    if (value === undefined) continue;
    if (skip.has(key)) continue;
    const field = month.cells[key];
    const actual = decimalOf(field);
    if (!field || field.reading.kind === "invalid") continue;
    const ok =
      actual !== null &&
      (key === "hSteam" || key === "hFeed" ? agreesToDigits(actual, value) : actual.eq(value));
    if (ok) continue;
    const shown =
      key === "hSteam" || key === "hFeed" ? value.roundHalfUp(Math.max(5, decimals(actual ?? value))) : value;
    findings.push(
      finding(
        `monitoring.${key}.recompute`,
        field.ref,
        {
          ja: `${at(field.ref)}（${name.ja} ${label(key)}）は手順どおりなら ${grouped(shown)} ですが、${actual === null ? "空欄" : grouped(actual)} です。`,
          en: `${at(field.ref)} (${name.en} ${labelEn(key)}) should be ${grouped(shown)} by the procedure, but holds ${actual === null ? "nothing" : grouped(actual)}.`,
        },
        {
          expected: shown.toString(),
          actual: actual === null ? "" : actual.toString(),
          fix: { value: value.toNumber(), previous: field.raw, previousFormula: field.formula },
          derivation: traced(proc.month, given, key, month, proc.params),
        },
      ),
    );
  }
}

/** monitoring.qMonth.recompute: 生成熱量 from the cells' own h and h' (a wrong h is the h cell's finding, not this one's). */
function heatFromOwnCells(
  month: MonitoringMonth,
  given: Record<string, Decimal | null>,
  findings: Finding[],
  proc: FacilityProcedure,
): void {
  const name = monthName(month);
  const qField = month.cells.qMonth;
  const own: Record<string, Decimal | null> = {
    hSteam: decimalOf(month.cells.hSteam),
    hFeed: decimalOf(month.cells.hFeed),
    fSteam: given.fSteam,
    fFeed: given.fFeed,
  };
  if (!qField || qField.reading.kind === "invalid" || !Object.values(own).every((v) => v !== null)) return;
  const value = evaluateQuantities(proc.steam, own, ["qMonth"]).values.qMonth;
  const actual = decimalOf(qField);
  if (actual !== null && heatAgrees(actual, value, own)) return;
  findings.push(
    finding(
      "monitoring.qMonth.recompute",
      qField.ref,
      {
        ja: `${at(qField.ref)}（${name.ja} 生成熱量）は h × F_s − h' × F_fw = ${grouped(value)} MJ になるはずですが、${actual === null ? "空欄" : grouped(actual)} です。`,
        en: `${at(qField.ref)} (${name.en} heat) should be h × F_s − h' × F_fw = ${grouped(value)} MJ, but holds ${actual === null ? "nothing" : grouped(actual)}.`,
      },
      {
        expected: value.toString(),
        actual: actual === null ? "" : actual.toString(),
        fix: { value: value.toNumber(), previous: qField.raw, previousFormula: qField.formula },
        derivation: traced(proc.month, own, "qMonth", month),
      },
    ),
  );
}

/** Each month's derived cells, and the plausibility of what the month says about the steam. */
export function checkMonth(month: MonitoringMonth, findings: Finding[], proc: FacilityProcedure): void {
  unreadableCells(month, findings);
  const given: Record<string, Decimal | null> = {};
  for (const key of MONTH_INPUTS) given[key] = decimalOf(month.cells[key]);
  // a pressure that is no pressure (a percentage, kPa, below vacuum) is its cell's error: nothing is built on it
  const notPressure = checkPressureCells(month, given, findings);
  const expected = derivedValues(given, proc);
  if (given.pGauge !== null && expected.pAbs === undefined) {
    belowVacuum(month, given.pGauge, findings);
    given.pGauge = null;
  }
  // at or below saturation IF97 gives the liquid's h: the warning says so, a recompute of h would only mislead
  const wet = checkPlausibility(month, given, expected, findings, proc);
  derivedCellRecomputes(month, given, expected, wet, notPressure, findings, proc);
  heatFromOwnCells(month, given, findings, proc);
}

/** A negative flow, heat, deduction or power is an error at its cell: adding it would grow the credit silently. */
export function checkSigns(month: MonitoringMonth, findings: Finding[]): void {
  const name = monthName(month);
  for (const key of negativeKeys(month)) {
    const field = month.cells[key];
    findings.push(
      finding(
        "monitoring.cell.negative",
        field.ref,
        {
          ja: `${at(field.ref)}（${name.ja} ${label(key)}）が負の値 ${shortened(field.raw)} です。負の量は合計に加えず、この月からは何も計算しません。正の値で入力してください。`,
          en: `${at(field.ref)} (${name.en} ${labelEn(key)}) is negative (${shortened(field.raw)}). A negative quantity is never summed and nothing is derived from this month; enter it as a positive value.`,
        },
        { expected: "≥ 0", actual: shortened(field.raw) },
      ),
    );
  }
}
