// One fixture per monitoring rule (family 9): the clean monitored seed with one fault, as edits by key and month, so
// that every layout variant places them at its own cells. Shared by test/checks/monitoring.test.ts and the coverage
// check of test/checks/rules.test.ts.
import { readSubmission } from "../../src/engine";
import { formatRef, parseA1 } from "../../src/forms/a1";
import { Decimal } from "../../src/numbers";
import type { CellValue, Grid, Severity } from "../../src/types";
import { withCell } from "../fixtures/seedSubmissions";
import { cellOf } from "../fixtures/monitoring";
import type { TablePlace } from "../fixtures/monitoring";

/** A cell of a monitoring table (0 津別, 1 川辺, 2 セイホク) by key and month (0 = April 2020), or of 別紙1 by key. */
export type MonitoringEdit =
  | { table: 0 | 1 | 2; key: string; month: number | "total"; value: CellValue }
  | { list: 0 | 1 | 2; key: string; value: CellValue }
  | { name: 0 | 1 | 2; value: string };

/** Where a finding is expected: a table cell, a 別紙1 cell, a table's 年月 header or its 熱設備名称 cell. */
export type MonitoringPlace =
  | { table: 0 | 1 | 2; key: string; month: number | "total" }
  | { list: 0 | 1 | 2; key: string }
  | { header: 0 | 1 | 2 }
  | { name: 0 | 1 | 2 }
  | { attachment: 0 | 1 | 2 };

export interface MonitoringCase {
  name: string;
  rule: string;
  severity: Severity;
  edits: MonitoringEdit[];
  at: MonitoringPlace;
  expected?: string | number | RegExp;
  actual?: string | number;
  /** Other errors and warnings the fault necessarily causes, with why in a comment. */
  also?: { rule: string; at: MonitoringPlace }[];
}

const APRIL = 0;

/**
 * Rules no edit of a cell reaches, each tested in the file named: an engine failure inside one facility's chain (by
 * fault injection: every input the engine refuses is caught at its cell first), a table on a hidden sheet (a
 * sheet's visibility is no cell), and the rules across workbooks (family 13).
 */
export const RULES_TESTED_ELSEWHERE: Record<string, string> = {
  "monitoring.chain.failed": "test/checks/chainFailure.test.ts",
  "monitoring.table.hidden": "test/fill/monthRows.test.ts",
  // a 補機定格出力 column needs a monitoring table, which the seed workbooks have none of
  "attachment.ratedPower.mismatch": "test/checks/attachment.test.ts",
  "portfolio.approvalNumber.duplicate": "test/portfolio/cross.test.ts",
  "portfolio.facility.duplicate": "test/portfolio/cross.test.ts",
  "portfolio.file.duplicate": "test/portfolio/cross.test.ts",
  "portfolio.priorYear.change": "test/portfolio/priorYear.test.ts",
  "portfolio.priorYear.factorChanged": "test/portfolio/priorYear.test.ts",
  "portfolio.priorYear.factorDeclared": "test/portfolio/priorYear.test.ts",
  "portfolio.priorYear.factorVintage": "test/portfolio/priorYear.test.ts",
  "portfolio.priorYear.appeared": "test/portfolio/priorYear.test.ts",
  "portfolio.priorYear.disappeared": "test/portfolio/priorYear.test.ts",
  "portfolio.plan.undeclared": "test/portfolio/approvedPlan.test.ts",
  "portfolio.plan.changed": "test/portfolio/approvedPlan.test.ts",
  "portfolio.plan.changeUnseen": "test/portfolio/approvedPlan.test.ts",
  "portfolio.plan.facilityAbsent": "test/portfolio/approvedPlan.test.ts",
};

/**
 * What a month row that is not counted (unreadable, repeated, out of the period) necessarily brings: it is in no sum,
 * so each summed cell of the table's 合計 and 別紙1's 3.1, 3.2 (and 3.6, 3.7 where the table has fuel) no longer follow.
 */
/** 3.1, 3.2 (and 3.6, 3.7 where the table has fuel) left unconfirmed while a counted month holds a negative cell. */
function unconfirmed(table: 0 | 1 | 2): { rule: string; at: MonitoringPlace }[] {
  const targets = ["qBl", "ePs", ...(table !== 0 ? ["fB", "fT"] : [])];
  return targets.map((key) => ({ rule: "monitoring.target.unconfirmed", at: { list: table, key } }));
}

function uncounted(table: 0 | 1 | 2): { rule: string; at: MonitoringPlace }[] {
  const fuel = table !== 0;
  const summed = [
    "operatingDays",
    "fSteam",
    "fFeed",
    ...(table === 1 ? ["deduction"] : []),
    "qMonth",
    "ePsMonth",
    ...(fuel ? ["fBMonth", "auxFuelHeat"] : []),
  ];
  const targets = ["qBl", "ePs", ...(fuel ? ["fB", "fT"] : [])];
  return [
    ...summed.map((key) => ({
      rule: "monitoring.total.recompute",
      at: { table, key, month: "total" as const },
    })),
    ...targets.map((key) => ({ rule: `monitoring.${key}.fromTable`, at: { list: table, key } })),
  ];
}

export const MONITORING_CASES: MonitoringCase[] = [
  {
    name: "p_abs rounded once only",
    rule: "monitoring.pAbs.recompute",
    severity: "error",
    // ROUNDUP(ROUNDUP(0.84237, 3) + 0.101325, 2) = ROUNDUP(0.944325, 2) = 0.95; 0.94 is ROUND(0.84237 + 0.101325, 2)
    edits: [{ table: 0, key: "pAbs", month: APRIL, value: 0.94 }],
    at: { table: 0, key: "pAbs", month: APRIL },
    expected: "0.95",
    actual: "0.94",
  },
  {
    name: "steam temperature rounded instead of truncated",
    rule: "monitoring.tSteam.recompute",
    severity: "error",
    // ROUNDDOWN(185.468, 1) = 185.4
    edits: [{ table: 0, key: "tSteam", month: APRIL, value: 185.5 }],
    at: { table: 0, key: "tSteam", month: APRIL },
    expected: "185.4",
    actual: "185.5",
  },
  {
    name: "h off in the second decimal",
    rule: "monitoring.hSteam.recompute",
    severity: "error",
    // IF97 h(0.95 MPa, 185.4 °C) = 2795.30217 kJ/kg (docs/domain.md §5); the cell holds 2 decimals, so 2795.30
    edits: [{ table: 0, key: "hSteam", month: APRIL, value: 2795.31 }],
    at: { table: 0, key: "hSteam", month: APRIL },
    expected: /^2795\.30217/,
    actual: "2795.31",
    // 生成熱量 is checked from the cells' own h: the month's heat (computed from 2795.30) no longer follows
    also: [{ rule: "monitoring.qMonth.recompute", at: { table: 0, key: "qMonth", month: APRIL } }],
  },
  {
    name: "feedwater temperature rounded instead of truncated",
    rule: "monitoring.tFeed.recompute",
    severity: "error",
    edits: [{ table: 0, key: "tFeed", month: APRIL, value: 104.4 }],
    at: { table: 0, key: "tFeed", month: APRIL },
    expected: "104.3",
    actual: "104.4",
  },
  {
    name: "h' of 104.4 °C instead of 104.3 °C",
    rule: "monitoring.hFeed.recompute",
    severity: "error",
    // IF97 h'(104.3 °C) = 437.255055 kJ/kg (docs/domain.md §5); 437.68 is h'(104.4 °C) to 2 decimals
    edits: [{ table: 0, key: "hFeed", month: APRIL, value: 437.68 }],
    at: { table: 0, key: "hFeed", month: APRIL },
    expected: /^437\.2550/,
    actual: "437.68",
    also: [{ rule: "monitoring.qMonth.recompute", at: { table: 0, key: "qMonth", month: APRIL } }],
  },
  {
    name: "生成熱量 with digits swapped",
    rule: "monitoring.qMonth.recompute",
    severity: "error",
    // 2795.30 × 18,656 − 437.26 × 18,892.9 = 52,149,116.8 − 8,261,109.454 = 43,888,007.346 (both the 合計 and 3.1
    // are then off by the same 62.654 MJ)
    edits: [{ table: 0, key: "qMonth", month: APRIL, value: 43888070 }],
    at: { table: 0, key: "qMonth", month: APRIL },
    expected: "43888007.346",
    actual: "43888070",
    also: [
      { rule: "monitoring.total.recompute", at: { table: 0, key: "qMonth", month: "total" } },
      { rule: "monitoring.qBl.fromTable", at: { list: 0, key: "qBl" } },
    ],
  },
  {
    name: "a flow typed with its unit",
    rule: "monitoring.cell.unreadable",
    severity: "error",
    edits: [{ table: 0, key: "fFeed", month: APRIL, value: "18892.9t?" }],
    at: { table: 0, key: "fFeed", month: APRIL },
  },
  {
    name: "a month that is no month",
    rule: "monitoring.month.unreadable",
    severity: "error",
    edits: [{ table: 1, key: "month", month: 5, value: "2020年13月" }],
    at: { table: 1, key: "month", month: 5 },
    // the row's month is not read, so September is missing, and the row is in no sum
    also: [{ rule: "monitoring.month.missing", at: { header: 1 } }, ...uncounted(1)],
  },
  {
    name: "a month of the period without a row",
    rule: "monitoring.month.missing",
    severity: "error",
    // 5.1 of セイホク moved to 2020年3月1日: March 2020 has no row (5.1 is then before 1.5 too)
    edits: [{ list: 2, key: "startDate", value: "2020年3月1日" }],
    at: { header: 2 },
    expected: "2020年3月〜2021年3月",
    actual: "12 か月",
    also: [{ rule: "period.row.outside", at: { list: 2, key: "startDate" } }],
  },
  {
    name: "a month out of the facility's period",
    rule: "monitoring.month.outOfPeriod",
    severity: "error",
    // 5.2 of セイホク moved to 2021年2月28日: March 2021 lies outside (5.2 is still inside 1.5)
    edits: [{ list: 2, key: "endDate", value: "2021年2月28日" }],
    at: { table: 2, key: "month", month: 11 },
    expected: "2020年4月〜2021年2月",
    actual: "2021年3月",
    // March is in no sum: the 合計 and 3.1 … typed with it no longer follow
    also: uncounted(2),
  },
  {
    name: "the same month twice",
    rule: "monitoring.month.duplicate",
    severity: "error",
    edits: [{ table: 2, key: "month", month: 11, value: "2021年2月" }],
    at: { table: 2, key: "month", month: 11 },
    actual: "2021年2月",
    // the repeated row is in no sum, and March has no row
    also: [{ rule: "monitoring.month.missing", at: { header: 2 } }, ...uncounted(2)],
  },
  {
    name: "a month of the next fiscal year appended",
    rule: "monitoring.month.outOfYear",
    severity: "error",
    // 川辺's title names 2020年度 (its 熱設備名称 ends in "(2020年度)"): April 2021 belongs to the next year's table
    edits: [{ table: 1, key: "month", month: 11, value: "2021年4月" }],
    at: { table: 1, key: "month", month: 11 },
    expected: "2020年度",
    actual: "2021年4月",
    // the row is in no sum, and March 2021 has no row
    also: [{ rule: "monitoring.month.missing", at: { header: 1 } }, ...uncounted(1)],
  },
  {
    name: "a 合計 typed in the middle of the table",
    rule: "monitoring.month.afterTotal",
    severity: "error",
    // September's 年月 overwritten with 合計: that row is then 津別's total (of April–August), and October–March below
    // it are in no sum
    edits: [{ table: 0, key: "month", month: 5, value: "合計" }],
    at: { table: 0, key: "month", month: 6 },
    actual: "2020年10月",
    also: [
      ...[7, 8, 9, 10, 11].map((month) => ({
        rule: "monitoring.month.afterTotal",
        at: { table: 0 as const, key: "month", month },
      })),
      // September … March are counted by no row
      { rule: "monitoring.month.missing", at: { header: 0 } },
      // the new 合計 holds September's numbers, not the sum of April–August
      ...["operatingDays", "fSteam", "fFeed", "qMonth", "ePsMonth"].map((key) => ({
        rule: "monitoring.total.recompute",
        at: { table: 0 as const, key, month: 5 },
      })),
      ...["qBl", "ePs"].map((key) => ({
        rule: `monitoring.${key}.fromTable`,
        at: { list: 0 as const, key },
      })),
    ],
  },
  {
    name: "a negative 控除熱量 (▲)",
    rule: "monitoring.cell.negative",
    severity: "error",
    // added as typed it would grow 3.1 by 2 × 3,001,856 MJ; the column is then in no sum, so 3.1 is not compared
    edits: [{ table: 1, key: "deduction", month: APRIL, value: "▲3,001,856" }],
    at: { table: 1, key: "deduction", month: APRIL },
    actual: "▲3,001,856",
    // nothing is derived from the month, so 川辺's 3.1, 3.2, 3.6 and 3.7 are not confirmed from the table
    also: unconfirmed(1),
  },
  {
    name: "a negative steam flow",
    rule: "monitoring.cell.negative",
    severity: "error",
    // once an exit 2 naming no cell; now a finding at the cell, and the flow is in no sum (3.1 is not compared)
    edits: [{ table: 0, key: "fSteam", month: 1, value: -18750.5 }],
    at: { table: 0, key: "fSteam", month: 1 },
    actual: "-18750.5",
    also: unconfirmed(0),
  },
  {
    name: "3.1 not compared while a counted month is negative",
    rule: "monitoring.target.unconfirmed",
    severity: "warning",
    // May's 生成熱量 of 津別 still sums to the published 3.1, but its steam flow is negative: agreement proves nothing
    edits: [{ table: 0, key: "fSteam", month: 1, value: "▲18,750.5" }],
    at: { list: 0, key: "qBl" },
    also: [
      { rule: "monitoring.cell.negative", at: { table: 0, key: "fSteam", month: 1 } },
      { rule: "monitoring.target.unconfirmed", at: { list: 0, key: "ePs" } },
    ],
  },
  {
    name: "two tables for one facility",
    rule: "monitoring.facility.duplicateTable",
    severity: "error",
    // セイホク's table renamed to 川辺: which table gives 川辺's 3.1 cannot be told (fill once linked the last one)
    edits: [{ name: 2, value: "川辺木質バイオマス熱電供給設備 (2020年度)" }],
    at: { header: 1 },
    also: [{ rule: "monitoring.facility.duplicateTable", at: { header: 2 } }],
  },
  {
    name: "a 合計 off by one",
    rule: "monitoring.total.recompute",
    severity: "error",
    edits: [{ table: 1, key: "fFeed", month: "total", value: 1 }],
    at: { table: 1, key: "fFeed", month: "total" },
    actual: "1",
  },
  {
    name: "控除熱量 changed after 3.1 was written",
    rule: "monitoring.qBl.fromTable",
    severity: "error",
    // April's deduction 3,001,856 → 3,002,856 and its 合計 with it: Σ − 控除 falls 1,000 MJ short of 3.1
    edits: [
      { table: 1, key: "deduction", month: APRIL, value: 3002856 },
      { table: 1, key: "deduction", month: "total", value: 38039299 },
    ],
    at: { list: 1, key: "qBl" },
    expected: "257571286",
    actual: "257572286",
  },
  {
    name: "補機消費電力量 of one month changed",
    rule: "monitoring.ePs.fromTable",
    severity: "error",
    edits: [
      { table: 0, key: "ePsMonth", month: APRIL, value: 559818 },
      { table: 0, key: "ePsMonth", month: "total", value: 6678015 },
    ],
    at: { list: 0, key: "ePs" },
    expected: "6678015",
    actual: "6678005",
  },
  {
    name: "biomass heat moved to the auxiliary fuel",
    rule: "monitoring.fB.fromTable",
    severity: "error",
    // F_B − 5 and 助燃料 + 5 in April: F_T is unchanged, F_B is 5 MJ short
    edits: [
      { table: 2, key: "fBMonth", month: APRIL, value: "fB-5" },
      { table: 2, key: "fBMonth", month: "total", value: 418605667 },
      { table: 2, key: "auxFuelHeat", month: APRIL, value: "aux+5" },
      { table: 2, key: "auxFuelHeat", month: "total", value: 141905 },
    ],
    at: { list: 2, key: "fB" },
    expected: "418605667",
    actual: "418605672",
  },
  {
    name: "auxiliary fuel heat of one month changed",
    rule: "monitoring.fT.fromTable",
    severity: "error",
    edits: [
      { table: 2, key: "auxFuelHeat", month: APRIL, value: "aux+100" },
      { table: 2, key: "auxFuelHeat", month: "total", value: 142000 },
    ],
    at: { list: 2, key: "fT" },
    expected: "418747672",
    actual: "418747572",
  },
  {
    name: "which rounding the workbook follows (the clean fixture)",
    rule: "monitoring.convention",
    severity: "info",
    edits: [],
    at: { list: 0, key: "qBl" },
    actual: "3.1=sumDown, 3.2=sumDown",
  },
  {
    name: "a table named after no facility",
    rule: "monitoring.facility.unmatched",
    severity: "warning",
    edits: [{ name: 0, value: "津別バイオマス発電所" }],
    at: { name: 0 },
    actual: "津別バイオマス発電所",
  },
  {
    name: "the seed's 稚板 for 単板",
    rule: "monitoring.facility.nearMiss",
    severity: "warning",
    // 別紙1 1.1 of the published seed prints 津別稚板…; the table (as 別紙1添付) 津別単板…: matched, and said
    edits: [
      { list: 0, key: "facilityName", value: "津別稚板協同組合バイオマスエネルギーセンター (2020年度)" },
    ],
    at: { name: 0 },
    expected: "津別稚板協同組合バイオマスエネルギーセンター (2020年度)",
    actual: "津別単板協同組合バイオマスエネルギーセンター",
    // the identity family finds the same slip against 別紙1添付
    also: [{ rule: "identity.facilityName.attachment", at: { attachment: 0 } }],
  },
  {
    name: "a facility without a table",
    rule: "monitoring.facility.noTable",
    severity: "info",
    edits: [{ name: 0, value: "津別バイオマス発電所" }],
    at: { list: 0, key: "facilityName" },
    also: [{ rule: "monitoring.facility.unmatched", at: { name: 0 } }],
  },
  {
    name: "absolute pressure typed as gauge",
    rule: "monitoring.pressure.looksAbsolute",
    severity: "warning",
    // 1.1 as gauge: p_abs = ROUNDUP(1.1 + 0.101325, 2) = 1.21 MPa, t_sat ≈ 188.9 °C > 185.4 °C;
    // as absolute: t_sat(1.1 MPa) ≈ 184.1 °C < 185.4 °C (IF97 saturation line)
    edits: [
      { table: 0, key: "pGauge", month: APRIL, value: 1.1 },
      { table: 0, key: "pAbs", month: APRIL, value: 1.21 },
    ],
    at: { table: 0, key: "pGauge", month: APRIL },
    actual: "1.1",
    // h(1.21 MPa, 185.4 °C) would be compressed liquid's: the warning stands for it, h is not recomputed; the t and
    // h cells the wet reading makes wrong say so too
    also: [
      { rule: "monitoring.steam.wetCell", at: { table: 0, key: "tSteamMean", month: APRIL } },
      { rule: "monitoring.steam.wetCell", at: { table: 0, key: "tSteam", month: APRIL } },
      { rule: "monitoring.steam.wetCell", at: { table: 0, key: "hSteam", month: APRIL } },
    ],
  },
  {
    name: "gauge pressure in bar",
    rule: "monitoring.pressure.looksBar",
    severity: "warning",
    // 8.4 "MPa": p_abs 8.51 MPa, t_sat ≈ 299 °C; 8.4 bar = 0.84 MPa: t_sat(0.941325) ≈ 177.5 °C < 185.4 °C
    edits: [
      { table: 0, key: "pGauge", month: APRIL, value: 8.4 },
      { table: 0, key: "pAbs", month: APRIL, value: 8.51 },
    ],
    at: { table: 0, key: "pGauge", month: APRIL },
    actual: "8.4",
    also: [
      { rule: "monitoring.steam.wetCell", at: { table: 0, key: "tSteamMean", month: APRIL } },
      { rule: "monitoring.steam.wetCell", at: { table: 0, key: "tSteam", month: APRIL } },
      { rule: "monitoring.steam.wetCell", at: { table: 0, key: "hSteam", month: APRIL } },
    ],
  },
  {
    name: "wet steam",
    rule: "monitoring.steam.belowSaturation",
    severity: "warning",
    // 170.0 °C < t_sat(0.95 MPa) ≈ 177.7 °C, and < t_sat(0.84237 MPa) ≈ 172.9 °C too, so not a unit slip
    edits: [
      { table: 0, key: "tSteamMean", month: APRIL, value: 170.04 },
      { table: 0, key: "tSteam", month: APRIL, value: 170 },
    ],
    at: { table: 0, key: "tSteamMean", month: APRIL },
    actual: "170",
    also: [
      { rule: "monitoring.steam.wetCell", at: { table: 0, key: "tSteam", month: APRIL } },
      { rule: "monitoring.steam.wetCell", at: { table: 0, key: "hSteam", month: APRIL } },
    ],
  },
  {
    name: "wet steam, seen at its h cell",
    rule: "monitoring.steam.wetCell",
    severity: "warning",
    // the same month as above: h(0.95 MPa, 170.0 °C) is the compressed liquid's, so the h cell says why
    edits: [
      { table: 0, key: "tSteamMean", month: APRIL, value: 170.04 },
      { table: 0, key: "tSteam", month: APRIL, value: 170 },
    ],
    at: { table: 0, key: "hSteam", month: APRIL },
    actual: "2795.3",
    also: [
      { rule: "monitoring.steam.belowSaturation", at: { table: 0, key: "tSteamMean", month: APRIL } },
      { rule: "monitoring.steam.wetCell", at: { table: 0, key: "tSteam", month: APRIL } },
    ],
  },
  {
    name: "gauge below vacuum",
    rule: "monitoring.pressure.belowVacuum",
    severity: "error",
    // −0.2 + 0.101325 = −0.098675 MPa absolute: no pressure is below vacuum (ROUNDUP keeps it at −0.1)
    edits: [{ table: 0, key: "pGauge", month: APRIL, value: -0.2 }],
    at: { table: 0, key: "pGauge", month: APRIL },
    expected: "> -0.101325",
    actual: "-0.2",
  },
  {
    name: "gauge typed in kPa",
    rule: "monitoring.pressure.looksKpa",
    severity: "error",
    // 842.37 kPa = 0.84237 MPa, April's mean; as MPa it is past IF97's 100 MPa: p_abs and h are not recomputed on it
    edits: [{ table: 0, key: "pGauge", month: APRIL, value: 842.37 }],
    at: { table: 0, key: "pGauge", month: APRIL },
    expected: "0.84237",
    actual: "842.37",
  },
  {
    name: "a percentage in the gauge cell",
    rule: "monitoring.pressure.notPressure",
    severity: "error",
    // "99.94%" reads as 0.9994 elsewhere (a share); a pressure it is not, and nothing is recomputed on it
    edits: [{ table: 0, key: "pGauge", month: APRIL, value: "99.94%" }],
    at: { table: 0, key: "pGauge", month: APRIL },
    actual: "99.94%",
  },
  {
    name: "no operating day but steam",
    rule: "monitoring.days.zeroWithFlow",
    severity: "warning",
    // April had 30 days: the 合計 of days drops by 30 with it (350 → 320)
    edits: [
      { table: 0, key: "operatingDays", month: APRIL, value: 0 },
      { table: 0, key: "operatingDays", month: "total", value: "total-30" },
    ],
    at: { table: 0, key: "operatingDays", month: APRIL },
    actual: 0,
  },
  {
    name: "feedwater 20 % above steam",
    rule: "monitoring.feedwater.excess",
    severity: "warning",
    // 18,656 × 1.2 = 22,387.2 t; the 合計 follows (+3,494.3 t); 生成熱量 no longer follows from the cells
    edits: [
      { table: 0, key: "fFeed", month: APRIL, value: 22387.2 },
      { table: 0, key: "fFeed", month: "total", value: "fFeedTotal+3494.3" },
    ],
    at: { table: 0, key: "fFeed", month: APRIL },
    actual: "22387.2",
    also: [{ rule: "monitoring.qMonth.recompute", at: { table: 0, key: "qMonth", month: APRIL } }],
  },
];

function currentNumber(grid: Grid, sheet: string, a1: string): number {
  const s = grid.sheets.find((x) => x.name === sheet);
  const at = parseA1(a1);
  const v = at ? s?.values[at.row]?.[at.col] : undefined;
  return typeof v === "number" ? v : Number(String(v).replace(/,/g, ""));
}

/** A cell's "sheet!A1" in this variant. */
export function placeRef(grid: Grid, places: TablePlace[], at: MonitoringPlace): string {
  if ("table" in at) return `${places[at.table].sheet}!${cellOf(places[at.table], at.key, at.month)}`;
  if ("list" in at) {
    const row = readSubmission(grid).projectList?.rows[at.list];
    const field = row?.numbers[at.key] ?? row?.dates[at.key] ?? row?.text[at.key];
    if (!field) throw new Error(`no 別紙1 cell ${at.key}`);
    return formatRef(field.ref);
  }
  if ("attachment" in at) {
    const ref = readSubmission(grid).attachments[at.attachment]?.facilityName?.ref;
    if (!ref) throw new Error("no 別紙1添付 block");
    return formatRef(ref);
  }
  const place = places["header" in at ? at.header : at.name];
  const table = readSubmission(grid).monitoring.find(
    (t) => t.sheet === place.sheet && t.months.some((m) => m.row === place.firstMonth),
  );
  if (!table) throw new Error("no table");
  if ("header" in at) return formatRef(table.headerRef);
  return formatRef(table.facilityName?.ref ?? table.headerRef);
}

function split(ref: string): [string, string] {
  const i = ref.lastIndexOf("!");
  return [ref.slice(0, i).replace(/^'|'$/g, ""), ref.slice(i + 1)];
}

export function applyEdits(grid: Grid, places: TablePlace[], edits: MonitoringEdit[]): Grid {
  let out = grid;
  for (const e of edits) {
    if ("name" in e) {
      const ref = placeRef(out, places, { name: e.name });
      const [sheet, a1] = split(ref);
      const raw = out.sheets.find((s) => s.name === sheet);
      const old = raw ? currentText(out, sheet, a1) : "";
      out = withCell(out, sheet, a1, old.includes("：") ? `${old.split("：")[0]}：${e.value}` : e.value);
      continue;
    }
    const ref = "table" in e ? placeRef(out, places, e) : placeRef(out, places, { list: e.list, key: e.key });
    const [sheet, a1] = split(ref);
    let value: CellValue = e.value;
    const relative = typeof value === "string" ? /^[a-zA-Z]+([+-][\d.]+)$/.exec(value) : null;
    if (relative)
      value = Decimal.from(currentNumber(out, sheet, a1))
        .add(relative[1])
        .toNumber();
    out = withCell(out, sheet, a1, value);
  }
  return out;
}

function currentText(grid: Grid, sheet: string, a1: string): string {
  const s = grid.sheets.find((x) => x.name === sheet);
  const at = parseA1(a1);
  return String((at ? s?.values[at.row]?.[at.col] : null) ?? "");
}
