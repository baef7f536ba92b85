// Rule family 9: each monitoring table (熱実績管理表) re-derived month by month by the steam procedure, its months
// against the facility's period, and its 合計 against 別紙1 3.1 / 3.2 / 3.6 / 3.7 (docs/domain.md §5, §5.1).
import { Decimal } from "../numbers";
import { isGecError } from "../errors";
import { evaluateQuantities, grouped } from "../formula";
import type { DerivationStep, ParamValues, QuantitySpec } from "../formula";
import {
  ROUNDING_CONVENTIONS,
  STANDARD_ATMOSPHERE_MPA,
  columnTotal,
  monitoringMonthQuantities,
  monthColumnOf,
} from "../methodology";
import type { RoundingConvention } from "../methodology";
import { saturationTemperatureC } from "../steam";
import { formatRef } from "../forms/a1";
import { facilityKey } from "../forms/names";
import { monthIndex } from "../forms/monitoring";
import type {
  MonitoringMonth,
  MonitoringTable,
  MonitoringTotalRow,
  MonthSelection,
} from "../forms/monitoring";
import { methodologyOf } from "../forms/submission";
import type { NumberField, ProjectRow, Submission } from "../forms/submission";
import {
  SUMMED_KEYS,
  agreesToDigits,
  countedMonths,
  countedTable,
  decimals,
  duplicateOf,
  heatAgrees,
  matchTables,
  monitoringTargetsOf,
  monthValues,
  negativeKeys,
  periodOf,
  procedureFor,
  targetAlternatives,
  totalName,
  withoutNegatives,
} from "../domain/monitoring";
import type { FacilityProcedure, MonitoringTargetColumn } from "../domain/monitoring";
import type { CellRef, Finding } from "../types";
import { at, finding } from "./finding";
import { LISTED, listed, shortened } from "../text";

/**
 * Feedwater above steam flow by more than this share is more than boiler blowdown explains. [open] Blowdown runs at
 * 1–5 % of steam in practice; 10 % leaves room for meters of different accuracy before a verifier should ask.
 */
export const FEEDWATER_EXCESS_LIMIT = "0.10";
/** A gauge mean at or above this many "MPa" is read as bar when a tenth of it makes the steam superheated. */
const BAR_SUSPECT_MPA = 2;

/** The inputs of the steam procedure and the derived cells checked against them, in the procedure's order. */
const MONTH_INPUTS = ["pGauge", "tSteamMean", "tFeedMean", "fSteam", "fFeed"];
const MONTH_DERIVED = ["pAbs", "tSteam", "hSteam", "tFeed", "hFeed"];

const specOf = new Map(monitoringMonthQuantities.map((q) => [q.key, q]));

function decimalOf(field: NumberField | undefined): Decimal | null {
  return field && field.reading.kind === "number" ? field.reading.decimal : null;
}

/** A1 addresses of a month's cells by quantity key, for derivations. */
function cellsOf(month: MonitoringMonth): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, field] of Object.entries(month.cells)) out[key] = formatRef(field.ref);
  return out;
}

function traced(
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

function label(key: string): string {
  const q = specOf.get(key);
  return q ? `${q.label.ja} ${q.symbol}` : key;
}
function labelEn(key: string): string {
  const q = specOf.get(key);
  return q ? `${q.label.en} ${q.symbol}` : key;
}

/** "2020年4月" / "2020-04". */
const ym = (r: { year: number; month: number }) => ({
  ja: `${r.year}年${r.month}月`,
  en: `${r.year}-${String(r.month).padStart(2, "0")}`,
});

function monthName(m: MonitoringMonth): { ja: string; en: string } {
  const r = m.month.reading;
  return r.kind === "date" ? ym(r) : { ja: shortened(m.month.raw), en: shortened(m.month.raw) };
}

/** The month's derived values from its inputs: all at once, or one by one where one of them cannot be had. */
function derivedValues(
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

/** Each month's derived cells, and the plausibility of what the month says about the steam. */
function checkMonth(month: MonitoringMonth, findings: Finding[], proc: FacilityProcedure): void {
  for (const [key, field] of Object.entries(month.cells)) {
    if (field.reading.kind !== "invalid") continue;
    findings.push(
      finding("monitoring.cell.unreadable", field.ref, {
        ja: `${at(field.ref)}（${label(key)}）を数値として読めません（${shortened(field.raw)}）。`,
        en: `${at(field.ref)} (${labelEn(key)}) cannot be read as a number (${shortened(field.raw)}).`,
      }),
    );
  }
  const given: Record<string, Decimal | null> = {};
  for (const key of MONTH_INPUTS) given[key] = decimalOf(month.cells[key]);
  const name = monthName(month);
  // a pressure that is no pressure (a percentage, kPa, below vacuum) is its cell's error: nothing is built on it
  const notPressure = checkPressureCells(month, given, findings);
  const expected = derivedValues(given, proc);
  if (given.pGauge !== null && expected.pAbs === undefined) {
    belowVacuum(month, given.pGauge, findings);
    given.pGauge = null;
  }
  // at or below saturation IF97 gives the liquid's h: the warning says so, a recompute of h would only mislead
  const wet = checkPlausibility(month, given, expected, findings, proc);
  for (const key of MONTH_DERIVED) {
    const value = expected[key];
    if (wet && key === "hSteam") continue;
    if (value === undefined) continue; // an input is blank or out of range: its own cell says so
    if (notPressure.has(key)) continue;
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
  // 生成熱量 from the cells' own h and h' (a wrong h is the h cell's finding, not this one's)
  const qField = month.cells.qMonth;
  const own: Record<string, Decimal | null> = {
    hSteam: decimalOf(month.cells.hSteam),
    hFeed: decimalOf(month.cells.hFeed),
    fSteam: given.fSteam,
    fFeed: given.fFeed,
  };
  if (qField && qField.reading.kind !== "invalid" && Object.values(own).every((v) => v !== null)) {
    const value = evaluateQuantities(proc.steam, own, ["qMonth"]).values.qMonth;
    const actual = decimalOf(qField);
    if (actual === null || !heatAgrees(actual, value, own)) {
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
  }
}

function saturation(p: Decimal): number | null {
  try {
    return saturationTemperatureC(p.toNumber());
  } catch (e) {
    if (isGecError(e)) return null;
    throw e;
  }
}

/** The month's plausibility warnings; true when the steam is at or below saturation (h(p, t) is then no steam's). */
function checkPlausibility(
  month: MonitoringMonth,
  given: Record<string, Decimal | null>,
  expected: Record<string, Decimal>,
  findings: Finding[],
  proc: FacilityProcedure,
): boolean {
  let wet = false;
  const name = monthName(month);
  const gauge = month.cells.pGauge;
  const pAbs = expected.pAbs;
  const tSteam = expected.tSteam;
  if (gauge && given.pGauge && pAbs && tSteam) {
    const tSat = saturation(pAbs);
    if (tSat !== null && tSteam.toNumber() <= tSat) {
      wet = true;
      // the bar and absolute warnings stand at the gauge cell, the plain one at the steam temperature's
      let mainRef = gauge.ref;
      const derivation = [
        ...traced(proc.month, given, "pAbs", month, proc.params),
        ...traced(proc.month, given, "tSteam", month, proc.params),
      ];
      const asAbsolute = saturation(given.pGauge);
      const asBar = saturation(given.pGauge.mul("0.1").add(STANDARD_ATMOSPHERE_MPA));
      const facts = {
        ja: `p_abs ${pAbs.toString()} MPa の飽和温度 ${tSat.toFixed(1)} °C に対し蒸気温度 ${tSteam.toString()} °C`,
        en: `steam at ${tSteam.toString()} °C against a saturation temperature of ${tSat.toFixed(1)} °C at p_abs ${pAbs.toString()} MPa`,
      };
      if (given.pGauge.cmp(BAR_SUSPECT_MPA) >= 0 && asBar !== null && tSteam.toNumber() > asBar) {
        findings.push(
          finding(
            "monitoring.pressure.looksBar",
            gauge.ref,
            {
              ja: `${at(gauge.ref)}（${name.ja} ゲージ圧 ${given.pGauge.toString()}）は bar 単位のようです: ${facts.ja}。MPa に換算してください（${given.pGauge.toString()} bar = ${given.pGauge.mul("0.1").toString()} MPa）。`,
              en: `${at(gauge.ref)} (${name.en} gauge ${given.pGauge.toString()}) looks like bar: ${facts.en}. Convert it to MPa (${given.pGauge.toString()} bar = ${given.pGauge.mul("0.1").toString()} MPa).`,
            },
            { actual: given.pGauge.toString(), derivation },
          ),
        );
      } else if (asAbsolute !== null && tSteam.toNumber() > asAbsolute) {
        findings.push(
          finding(
            "monitoring.pressure.looksAbsolute",
            gauge.ref,
            {
              ja: `${at(gauge.ref)}（${name.ja} ゲージ圧 ${given.pGauge.toString()} MPa）は絶対圧のようです: ${facts.ja}。絶対圧としてなら過熱蒸気です。ゲージ圧を入力してください。`,
              en: `${at(gauge.ref)} (${name.en} gauge ${given.pGauge.toString()} MPa) looks absolute: ${facts.en}; read as absolute the steam would be superheated. Enter the gauge pressure.`,
            },
            { actual: given.pGauge.toString(), derivation },
          ),
        );
      } else {
        const ref = month.cells.tSteamMean?.ref ?? gauge.ref;
        mainRef = ref;
        findings.push(
          finding(
            "monitoring.steam.belowSaturation",
            ref,
            {
              ja: `${at(ref)}（${name.ja}）: ${facts.ja}。湿り蒸気では h(p, t) は供給蒸気のエンタルピーではありません（IF97 は液の値を返します）。`,
              en: `${at(ref)} (${name.en}): ${facts.en}. For wet steam h(p, t) is not the enthalpy supplied (IF97 gives the liquid's).`,
            },
            { expected: `> ${tSat.toFixed(1)}`, actual: tSteam.toString(), derivation },
          ),
        );
      }
      wetCells(month, mainRef, facts, findings);
    }
  }
  const days = month.cells.operatingDays;
  const daysValue = decimalOf(days);
  const flow = given.fSteam;
  const heat = decimalOf(month.cells.qMonth);
  if (days && daysValue?.isZero() && ((flow && !flow.isZero()) || (heat && !heat.isZero()))) {
    findings.push(
      finding(
        "monitoring.days.zeroWithFlow",
        days.ref,
        {
          ja: `${at(days.ref)}（${name.ja}）は稼働日数 0 ですが、蒸気流量 ${flow ? grouped(flow) : "—"} t・生成熱量 ${heat ? grouped(heat) : "—"} MJ があります。`,
          en: `${at(days.ref)} (${name.en}) has zero operating days but a steam flow of ${flow ? grouped(flow) : "—"} t and heat of ${heat ? grouped(heat) : "—"} MJ.`,
        },
        { actual: 0 },
      ),
    );
  }
  const feed = month.cells.fFeed;
  if (feed && flow && given.fFeed && !flow.isZero()) {
    const limit = flow.mul(Decimal.from(1).add(FEEDWATER_EXCESS_LIMIT));
    if (given.fFeed.cmp(limit) > 0) {
      const excess = given.fFeed.sub(flow).div(flow, 3, "halfUp").mul(100);
      findings.push(
        finding(
          "monitoring.feedwater.excess",
          feed.ref,
          {
            ja: `${at(feed.ref)}（${name.ja}）の給水流量 ${grouped(given.fFeed)} t は蒸気流量 ${grouped(flow)} t を ${grouped(excess)} % 上回ります（ブロー分として説明できるのは 10 % まで）。`,
            en: `${at(feed.ref)} (${name.en}): feedwater ${grouped(given.fFeed)} t exceeds the steam flow ${grouped(flow)} t by ${grouped(excess)} % (blowdown explains up to 10 %).`,
          },
          { expected: `≤ ${limit.toString()}`, actual: given.fFeed.toString() },
        ),
      );
    }
  }
  return wet;
}

/** Each rejected month at its 年月 cell, and the months of 5.1–5.2 that no counted month gives. */
function checkCoverage(
  table: MonitoringTable,
  row: ProjectRow | null,
  selection: MonthSelection,
  findings: Finding[],
): void {
  const period = periodOf(row);
  for (const { month: m, reason, first } of selection.rejected) {
    const ref = m.month.ref;
    const r = m.month.reading;
    if (r.kind !== "date") {
      findings.push(
        finding("monitoring.month.unreadable", ref, {
          ja: `${at(ref)} の年月を読めません（${shortened(m.month.raw)}）。「2020年4月」のように入力してください（この行は合計に含めません）。`,
          en: `${at(ref)}: the month cannot be read (${shortened(m.month.raw)}); type it as 2020年4月 (the row is not summed).`,
        }),
      );
      continue;
    }
    const name = ym(r);
    if (reason === "duplicate" && first) {
      findings.push(
        finding(
          "monitoring.month.duplicate",
          ref,
          {
            ja: `${at(ref)} の ${name.ja}は ${at(first.month.ref)} と重複しています（重複した行は合計に含めません）。`,
            en: `${at(ref)}: ${name.en} repeats ${at(first.month.ref)} (the repeated row is not summed).`,
          },
          { actual: name.ja },
        ),
      );
    } else if (reason === "outOfYear" && table.fiscalYear !== null) {
      const fy = table.fiscalYear;
      findings.push(
        finding(
          "monitoring.month.outOfYear",
          ref,
          {
            ja: `${at(ref)} の ${name.ja}は表題の ${fy}年度（${fy}年4月〜${fy + 1}年3月）の外です（合計に含めません）。年度ごとに表を分けてください。`,
            en: `${at(ref)}: ${name.en} lies outside fiscal ${fy} (April ${fy} – March ${fy + 1}) that the table's title names (it is not summed); give each year its own table.`,
          },
          { expected: `${fy}年度`, actual: name.ja },
        ),
      );
    } else if (reason === "outOfPeriod" && period) {
      findings.push(
        finding(
          "monitoring.month.outOfPeriod",
          ref,
          {
            ja: `${at(ref)} の ${name.ja}は別紙1 の期間（5.1〜5.2: ${period.ja}）の外です（合計に含めません）。`,
            en: `${at(ref)}: ${name.en} lies outside the facility's period (5.1–5.2: ${period.ja}; it is not summed).`,
          },
          { expected: period.ja, actual: name.ja },
        ),
      );
    } else if (reason === "afterTotal" && table.total) {
      findings.push(
        finding(
          "monitoring.month.afterTotal",
          ref,
          {
            ja: `${at(ref)} の ${name.ja}は合計行 ${at(table.total.ref)} より下にあります（合計に含めません）。月は合計行の上に入力してください。`,
            en: `${at(ref)}: ${name.en} sits below the total row ${at(table.total.ref)} (it is not summed); enter months above the total.`,
          },
          { actual: name.ja },
        ),
      );
    }
  }
  if (!period) return;
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
  if (count > 0) {
    const list = listed(missing, count);
    findings.push(
      finding(
        "monitoring.month.missing",
        table.headerRef,
        {
          ja: `${at(table.headerRef)} の熱実績管理表に ${list.ja} がありません（別紙1 の期間 ${period.ja}）。`,
          en: `The monitoring table at ${at(table.headerRef)} lacks ${list.en} (the facility's period: ${period.ja}).`,
        },
        { expected: period.ja, actual: `${counted.size} か月` },
      ),
    );
  }
}

/** A negative flow, heat, deduction or power is an error at its cell: adding it would grow the credit silently. */
function checkSigns(month: MonitoringMonth, findings: Finding[]): void {
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

/**
 * Each total and subtotal row (合計, 年度計, 上期計, 小計 …): each summed cell is the sum of the counted months it spans,
 * to the digits it holds. A rejected month is in no sum, so a total that includes one is flagged as well.
 */
function checkTotalRows(table: MonitoringTable, selection: MonthSelection, findings: Finding[]): void {
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

interface TargetResult extends MonitoringTargetColumn {
  matched: RoundingConvention[];
  /** The month quantity that gave the match (the target's own column, or a declaration such as ePsRated). */
  basis: string;
}

/** 別紙1 3.1 / 3.2 / 3.6 / 3.7 against the table's months under each rounding convention. */
function checkTargets(
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

function conventionNote(table: MonitoringTable, row: ProjectRow, results: TargetResult[]): Finding | null {
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
function unconfirmedTargets(
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

/** One table's months, totals and 別紙1 row; an engine failure inside it is a finding, and the others go on. */
function checkTable(
  table: MonitoringTable,
  row: ProjectRow | null,
  tables: MonitoringTable[],
  matches: Map<MonitoringTable, { row: ProjectRow }>,
  findings: Finding[],
  proc: FacilityProcedure,
  targets: MonitoringTargetColumn[],
): void {
  const selection = countedMonths(table, row);
  const counted = countedTable(table, selection);
  const other = duplicateOf(table, tables, matches);
  let current: CellRef = table.headerRef;
  try {
    for (const month of table.months) {
      current = month.month.ref;
      checkSigns(month, findings);
      checkMonth(withoutNegatives(month), findings, proc);
    }
    current = table.headerRef;
    checkCoverage(table, row, selection, findings);
    checkTotalRows(table, selection, findings);
    if (row && other) {
      const listName = row.text.facilityName?.value ?? "";
      findings.push(
        finding(
          "monitoring.facility.duplicateTable",
          table.headerRef,
          {
            ja: `${at(table.headerRef)} と ${at(other.headerRef)} の熱実績管理表はどちらも別紙1 の「${shortened(listName)}」のものです。どちらの表から 3.1 を得るか決められないため、3.1 などは照合しません。1 施設 1 表にしてください。`,
            en: `The monitoring tables at ${at(table.headerRef)} and ${at(other.headerRef)} both belong to 別紙1's "${shortened(listName)}": which gives its 3.1 cannot be told, so 3.1 etc. are not checked. Keep one table per facility.`,
          },
          { actual: `${at(table.headerRef)}, ${at(other.headerRef)}` },
        ),
      );
    } else if (row) {
      current = table.headerRef;
      const negative = selection.valid.flatMap((m) => negativeKeys(m).map((k) => m.cells[k].ref));
      if (negative.length > 0) unconfirmedTargets(table, row, negative, findings, targets);
      else {
        const note = conventionNote(counted, row, checkTargets(counted, row, findings, proc, targets));
        if (note) findings.push(note);
      }
    }
  } catch (e) {
    if (!isGecError(e)) throw e;
    findings.push(
      finding("monitoring.chain.failed", current, {
        ja: `${at(current)} から先の熱実績管理表 ${at(table.headerRef)} の計算ができません: ${e.text.ja}`,
        en: `The monitoring table at ${at(table.headerRef)} cannot be computed from ${at(current)} on: ${e.text.en}`,
      }),
    );
  }
}

/** Every monitoring table of the submission against its 別紙1 row. */
export function checkMonitoring(submission: Submission): Finding[] {
  const tables = submission.monitoring;
  if (tables.length === 0) return [];
  const findings: Finding[] = [];
  const rows = submission.projectList?.rows ?? [];
  const matches = matchTables(tables, rows);
  // the 別紙1 inputs a table gives, as the checked methodology declares them (none for power)
  const targets = monitoringTargetsOf(methodologyOf(submission));
  const covered = new Set<ProjectRow>();
  for (const table of tables) {
    const name = table.facilityName?.value ?? null;
    const match = matches.get(table);
    const row = match?.row ?? null;
    if (match?.nearMiss && table.facilityName) {
      const ref = table.facilityName.ref;
      const listName = row?.text.facilityName?.value ?? "";
      findings.push(
        finding(
          "monitoring.facility.nearMiss",
          ref,
          {
            ja: `${at(ref)} の熱設備名称「${shortened(name)}」は別紙1 の「${shortened(listName)}」と 1 文字違います（同じ施設として照合しました）。どちらかを直してください。`,
            en: `${at(ref)}: 熱設備名称 "${shortened(name)}" is one character apart from 別紙1's "${shortened(listName)}" (matched as the same facility); correct one of them.`,
          },
          { expected: shortened(listName), actual: shortened(name) },
        ),
      );
    }
    // a hidden table that a visible one of the same facility stands for is an old copy: warned, not checked
    const key = name === null ? null : facilityKey(name);
    const shadowed =
      table.hidden &&
      row === null &&
      key !== null &&
      tables.some((t) => !t.hidden && matches.has(t) && facilityKey(t.facilityName?.value ?? "") === key);
    if (table.hidden && (row !== null || shadowed)) {
      const used = row !== null;
      findings.push(
        finding("monitoring.table.hidden", table.headerRef, {
          ja: used
            ? `${at(table.headerRef)} の熱実績管理表は非表示のシート「${shortened(table.sheet)}」にあります。この施設の表はほかにないため照合しましたが、自動入力は 3.1 をこの表から書きません。表示するか、表示されているシートに移してください。`
            : `${at(table.headerRef)} の熱実績管理表は非表示のシート「${shortened(table.sheet)}」にあります（古い版とみなし、表示されている表を照合しました）。不要なら削除してください。`,
          en: used
            ? `The monitoring table at ${at(table.headerRef)} is on the hidden sheet "${shortened(table.sheet)}". No other table names its facility, so it was checked, but fill writes no 3.1 from it; unhide it or move it to a visible sheet.`
            : `The monitoring table at ${at(table.headerRef)} is on the hidden sheet "${shortened(table.sheet)}" (taken for an old copy: the visible table was checked). Delete it if it is not needed.`,
        }),
      );
      if (!used) continue;
    }
    const hasData = table.months.some((m) => Object.values(m.cells).some((c) => c.reading.kind === "number"));
    if (row) covered.add(row);
    else if (hasData) {
      // an empty table (a fresh template) is not yet anyone's
      const ref: CellRef = table.facilityName?.ref ?? table.headerRef;
      findings.push(
        finding(
          "monitoring.facility.unmatched",
          ref,
          {
            ja: name
              ? `${at(ref)} の熱設備名称「${shortened(name)}」は別紙1 のどの施設とも一致しません（期間と 3.1 との照合はできません）。`
              : `${at(table.headerRef)} の熱実績管理表に熱設備名称がありません（別紙1 の施設と照合できません）。`,
            en: name
              ? `${at(ref)}: 熱設備名称 "${shortened(name)}" matches no facility of 別紙1 (its period and 3.1 cannot be checked).`
              : `The monitoring table at ${at(table.headerRef)} has no 熱設備名称 (it cannot be matched to 別紙1).`,
          },
          name ? { actual: shortened(name) } : {},
        ),
      );
    }
    checkTable(table, row, tables, matches, findings, procedureFor(submission, table, row), targets);
  }
  for (const row of rows) {
    const field = row.text.facilityName;
    if (covered.has(row) || !field?.value) continue;
    findings.push(
      finding("monitoring.facility.noTable", field.ref, {
        ja: `${at(field.ref)} の施設「${shortened(field.value)}」には熱実績管理表がありません（3.1 は月次記録と照合されていません）。`,
        en: `${at(field.ref)}: facility "${shortened(field.value)}" has no monitoring table (its 3.1 is not checked against monthly records).`,
      }),
    );
  }
  return findings;
}

// ---- pressure cells, wet steam and spreadsheet precision (checkMonth, checkPlausibility) -------------------

/**
 * A gauge mean at or above this many "MPa" is no steam pressure in MPa: IAPWS-IF97 ends at 100 MPa and a biomass
 * boiler runs below 10. Read as kPa it is one (741 kPa = 0.741 MPa).
 */
const KPA_SUSPECT_MPA = 100;
const PRESSURE_KEYS = ["pGauge", "pAbs"];

/**
 * The month's pressure cells that are no pressure in MPa: a percentage ("99.94%") in either, a gauge typed in kPa.
 * Each is an error at its cell; a bad gauge is taken out of `given`, so no recompute is built on it. Returns the keys
 * of the derived cells not to recompute (a p_abs cell that is itself a percentage).
 */
function checkPressureCells(
  month: MonitoringMonth,
  given: Record<string, Decimal | null>,
  findings: Finding[],
): Set<string> {
  const skip = new Set<string>();
  const name = monthName(month);
  for (const key of PRESSURE_KEYS) {
    const field = month.cells[key];
    if (!field || field.reading.kind !== "number" || !field.reading.percent) continue;
    findings.push(
      finding(
        "monitoring.pressure.notPressure",
        field.ref,
        {
          ja: `${at(field.ref)}（${name.ja} ${label(key)}）の ${shortened(field.raw)} は百分率で、圧力ではありません。MPa の値を入力してください。`,
          en: `${at(field.ref)} (${name.en} ${labelEn(key)}) holds ${shortened(field.raw)}, a percentage, not a pressure. Enter the value in MPa.`,
        },
        { actual: shortened(field.raw) },
      ),
    );
    if (key === "pGauge") given.pGauge = null;
    else skip.add(key);
  }
  const gauge = month.cells.pGauge;
  const g = given.pGauge;
  if (gauge && g && g.cmp(KPA_SUSPECT_MPA) >= 0) {
    const mpa = g.div(1000, Math.max(0, decimals(g)) + 3, "down");
    // a high-pressure boiler's gauge in bar (110 bar = 11 MPa) is superheated steam at the month's temperature too
    const bar = g.mul("0.1");
    const tBar = saturation(bar.add(STANDARD_ATMOSPHERE_MPA));
    const t = given.tSteamMean;
    const orBar =
      tBar !== null && t !== null && t.toNumber() > tBar
        ? { ja: `（bar なら ${bar.toString()} MPa）`, en: ` (or, if it is bar, ${bar.toString()} MPa)` }
        : { ja: "", en: "" };
    findings.push(
      finding(
        "monitoring.pressure.looksKpa",
        gauge.ref,
        {
          ja: `${at(gauge.ref)}（${name.ja} ゲージ圧 ${g.toString()}）は kPa 単位のようです: ${g.toString()} MPa は蒸気表（IAPWS-IF97、100 MPa まで）にもボイラーにもない圧力です。MPa に換算してください（${g.toString()} kPa = ${mpa.toString()} MPa${orBar.ja}）。この月の p_abs と h はこのセルを直すまで照合しません。`,
          en: `${at(gauge.ref)} (${name.en} gauge ${g.toString()}) looks like kPa: ${g.toString()} MPa is beyond the steam tables (IAPWS-IF97 ends at 100 MPa) and any boiler. Convert it to MPa (${g.toString()} kPa = ${mpa.toString()} MPa${orBar.en}); the month's p_abs and h are not checked until it is.`,
        },
        { expected: mpa.toString(), actual: g.toString() },
      ),
    );
    given.pGauge = null;
  }
  return skip;
}

/** A gauge below vacuum: p_abs by the procedure is not above 0, so there is no steam to look up. */
function belowVacuum(month: MonitoringMonth, gauge: Decimal, findings: Finding[]): void {
  const field = month.cells.pGauge;
  if (!field) return;
  const name = monthName(month);
  const absolute = gauge.add(STANDARD_ATMOSPHERE_MPA);
  findings.push(
    finding(
      "monitoring.pressure.belowVacuum",
      field.ref,
      {
        ja: `${at(field.ref)}（${name.ja} ゲージ圧 ${gauge.toString()} MPa）では絶対圧が 0 以下です（${gauge.toString()} + ${STANDARD_ATMOSPHERE_MPA} = ${absolute.toString()} MPa、手順の切上げ後も 0 以下）。ゲージ圧は −${STANDARD_ATMOSPHERE_MPA} MPa（真空）を下回りません。符号と単位を確認してください。`,
        en: `${at(field.ref)} (${name.en} gauge ${gauge.toString()} MPa) gives an absolute pressure of 0 or less (${gauge.toString()} + ${STANDARD_ATMOSPHERE_MPA} = ${absolute.toString()} MPa, and no more after the procedure's rounding up). A gauge pressure cannot be below −${STANDARD_ATMOSPHERE_MPA} MPa (vacuum); check its sign and unit.`,
      },
      { expected: `> -${STANDARD_ATMOSPHERE_MPA}`, actual: gauge.toString() },
    ),
  );
}

/**
 * A wet month at its t and h cells too (t_s mean, t_s, h): a person looking at them sees why h is no steam's. The
 * warning that explains it stands at `main`, which is not repeated.
 */
function wetCells(
  month: MonitoringMonth,
  main: CellRef,
  facts: { ja: string; en: string },
  findings: Finding[],
): void {
  const name = monthName(month);
  for (const key of ["tSteamMean", "tSteam", "hSteam"]) {
    const field = month.cells[key];
    if (
      !field ||
      (field.ref.sheet === main.sheet && field.ref.row === main.row && field.ref.col === main.col)
    )
      continue;
    findings.push(
      finding(
        "monitoring.steam.wetCell",
        field.ref,
        {
          ja: `${at(field.ref)}（${name.ja} ${label(key)}）: この月の蒸気は飽和温度以下です（${facts.ja}）。この月の h は供給蒸気のエンタルピーになりません（${at(main)} を参照）。`,
          en: `${at(field.ref)} (${name.en} ${labelEn(key)}): the month's steam is at or below saturation (${facts.en}), so its h is not the enthalpy supplied (see ${at(main)}).`,
        },
        { actual: field.reading.kind === "number" ? field.reading.decimal.toString() : shortened(field.raw) },
      ),
    );
  }
}
