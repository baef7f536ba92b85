// Fill of one month of a monitoring table: p_abs, t, t' as formulas, h and h' as IF97 values, and its heat Q.
import { Decimal } from "../numbers";
import { isGecError } from "../errors";
import { evaluateQuantities, excelFormula, fragileRounding } from "../formula";
import type { QuantitySpec } from "../formula";
import { monitoringMonthQuantities } from "../methodology";
import { saturationTemperatureC } from "../steam";
import { cellAddress, formatRef } from "../forms/a1";
import type { MonitoringMonth } from "../forms/monitoring";
import { SEED_PROCEDURE, agreesToDigits, heatAgrees, negativeKeys } from "../domain/monitoring";
import type { FacilityProcedure } from "../domain/monitoring";
import type { Finding } from "../types";
import { decimalOf } from "../forms/fields";
import { Writes, cellList, info, plainNumber, refused, specOf } from "./monitoringWrites";

/** Derived cells of a month computed by a native formula; h and h' are values. */
const FORMULA_KEYS = ["pAbs", "tSteam", "tFeed"];
const STEAM_TABLE_KEYS = ["hSteam", "hFeed"];
const MONTH_INPUTS = ["pGauge", "tSteamMean", "tFeedMean", "fSteam", "fFeed"];

function atOrBelowSaturation(pAbs: Decimal, tSteam: Decimal): boolean {
  try {
    return tSteam.toNumber() <= saturationTemperatureC(pAbs.toNumber());
  } catch (e) {
    if (isGecError(e)) return false;
    throw e;
  }
}

/** Addresses of a month's cells on its own sheet ("C5"), for its formulas. */
function addresses(month: MonitoringMonth): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, field] of Object.entries(month.cells)) out[key] = cellAddress(field.ref);
  return out;
}

/** One month being filled: its cells, the procedure's quantities and what is known of it so far. */
interface MonthFill {
  month: MonitoringMonth;
  out: Writes;
  skipped: Finding[];
  quantities: QuantitySpec[];
  params: FacilityProcedure["params"];
  /** The month's inputs as read (p, t, t', F, F'). */
  given: Record<string, Decimal | null>;
  /** Each quantity's cell address, for the formulas. */
  refs: Record<string, string>;
}

/** One month's derived cells, by the procedure of its facility's 別紙1添付 block (the seed's without one). */
export function fillMonth(
  month: MonitoringMonth,
  out: Writes,
  skipped: Finding[],
  proc: FacilityProcedure = SEED_PROCEDURE,
): void {
  if (refusedNegative(month, skipped)) return;
  const given: Record<string, Decimal | null> = {};
  for (const key of MONTH_INPUTS) given[key] = decimalOf(month.cells[key]);
  const m: MonthFill = {
    month,
    out,
    skipped,
    quantities: proc.month,
    params: proc.params,
    given,
    refs: addresses(month),
  };
  const values = monthValues(m);
  if (!values) return;
  writeFormulaCells(m, values);
  leaveWetSteam(m, values);
  writeHeat(m, writeSteamTableCells(m, values));
}

/** A month with a negative quantity is refused whole (a negative quantity is never summed either). */
function refusedNegative(month: MonitoringMonth, skipped: Finding[]): boolean {
  const negative = negativeKeys(month);
  if (negative.length === 0) return false;
  const cells = cellList(negative.map((k) => month.cells[k].ref));
  skipped.push(
    refused(
      "negative",
      month.cells[negative[0]].ref,
      `${formatRef(month.month.ref)} の月は ${cells.ja} が負の値のため、自動入力しません（負の量は合計にも加えません）。`,
      `The month at ${formatRef(month.month.ref)} is not filled: ${cells.en} is negative (a negative quantity is never summed either).`,
    ),
  );
  return true;
}

/** p_abs, t, t', h and h' of the month (those it has a cell for); null, with a note, when they cannot be had. */
function monthValues(m: MonthFill): Record<string, Decimal> | null {
  const { month } = m;
  try {
    const wanted = [...FORMULA_KEYS, ...STEAM_TABLE_KEYS].filter((k) => month.cells[k]);
    return { ...evaluateQuantities(m.quantities, m.given, wanted, { params: m.params }).values };
  } catch (e) {
    if (!isGecError(e)) throw e;
    m.skipped.push(
      info(
        "fill.monitoring.month",
        month.month.ref,
        `${formatRef(month.month.ref)} の月は自動入力できません: ${e.text.ja}`,
        `The month at ${formatRef(month.month.ref)} is not filled: ${e.text.en}`,
      ),
    );
    return null;
  }
}

/** p_abs, t and t' as native formulas, or as values when an input is not a plain number or a rounding is fragile. */
function writeFormulaCells(m: MonthFill, values: Record<string, Decimal>): void {
  const { month, quantities, given, params } = m;
  for (const key of FORMULA_KEYS) {
    const field = month.cells[key];
    const spec = quantities.find((q) => q.key === key);
    if (!field || !spec) continue;
    const inputsPlain = (spec.expr?.keys() ?? []).every((k) => plainNumber(month.cells[k]));
    // a rounding within a double's noise of its boundary is written as its value (docs/numbers.md)
    const fragile = inputsPlain ? fragileRounding(quantities, given, key, params) : null;
    if (fragile) {
      m.skipped.push(
        info(
          "fill.formula.noise",
          field.ref,
          `${formatRef(field.ref)} は数式でなく値 ${values[key].toString()} で書きます。${fragile.text} の引数が端数処理の境目に 10^-11 以内まで近く、表計算ソフトの 2 進浮動小数点の計算では反対側に丸められることがあるためです。`,
          `${formatRef(field.ref)} is written as the value ${values[key].toString()}, not a formula: the argument of ${fragile.text} lies within 10^-11 of a rounding boundary, and a spreadsheet's binary floating point may round it to the other side.`,
        ),
      );
    }
    const formula =
      inputsPlain && !fragile
        ? excelFormula(spec, quantities, { addresses: m.refs, params }, { blankGuard: true })
        : null;
    m.out.cell(field, values[key], formula);
  }
}

/** At or below saturation IF97's h(p, t) is the liquid's, no steam's: the month's h and heat are left to a person. */
function leaveWetSteam(m: MonthFill, values: Record<string, Decimal>): void {
  const { month } = m;
  if (!(values.pAbs && values.tSteam && atOrBelowSaturation(values.pAbs, values.tSteam))) return;
  m.skipped.push(
    info(
      "fill.monitoring.wetSteam",
      month.cells.hSteam?.ref ?? month.month.ref,
      `${formatRef(month.month.ref)} の月は蒸気温度 ${values.tSteam.toString()} °C が p_abs ${values.pAbs.toString()} MPa の飽和温度以下のため、蒸気比エンタルピーと生成熱量は書きません。`,
      `The month at ${formatRef(month.month.ref)}: steam at ${values.tSteam.toString()} °C is at or below saturation at p_abs ${values.pAbs.toString()} MPa, so its enthalpy and heat are not written.`,
    ),
  );
  delete values.hSteam;
}

/**
 * h and h' are values: a cell that already agrees with IF97 to the digits it holds is left as typed. What the
 * cells will hold, for the heat.
 */
function writeSteamTableCells(m: MonthFill, values: Record<string, Decimal>): Record<string, Decimal | null> {
  const cellValue: Record<string, Decimal | null> = {};
  for (const key of STEAM_TABLE_KEYS) {
    const field = m.month.cells[key];
    if (!field || values[key] === undefined) continue;
    const current = decimalOf(field);
    const keep = current !== null && agreesToDigits(current, values[key]);
    m.out.cell(field, values[key], null, () => keep);
    cellValue[key] = keep ? current : values[key];
  }
  return cellValue;
}

/** The month's heat Q from the h and h' its cells will hold; a formula when F and F' are plain numbers. */
function writeHeat(m: MonthFill, cellValue: Record<string, Decimal | null>): void {
  const { month, given } = m;
  const q = month.cells.qMonth;
  const spec = specOf.get("qMonth");
  if (!q || !spec || !cellValue.hSteam || !cellValue.hFeed || !given.fSteam || !given.fFeed) return;
  let value: Decimal;
  try {
    value = evaluateQuantities(
      monitoringMonthQuantities,
      { hSteam: cellValue.hSteam, hFeed: cellValue.hFeed, fSteam: given.fSteam, fFeed: given.fFeed },
      ["qMonth"],
    ).values.qMonth;
  } catch (e) {
    if (!isGecError(e)) throw e;
    m.skipped.push(
      refused(
        "month",
        q.ref,
        `${formatRef(q.ref)}（生成熱量）は書きません: ${e.text.ja}`,
        `${formatRef(q.ref)} (heat) is not written: ${e.text.en}`,
      ),
    );
    return;
  }
  const plain = ["fSteam", "fFeed"].every((k) => plainNumber(month.cells[k]));
  m.out.cell(
    q,
    value,
    plain ? excelFormula(spec, monitoringMonthQuantities, { addresses: m.refs }) : null,
    (current) =>
      heatAgrees(current, value, {
        hSteam: cellValue.hSteam ?? null,
        hFeed: cellValue.hFeed ?? null,
        fSteam: given.fSteam,
        fFeed: given.fFeed,
      }),
  );
}
