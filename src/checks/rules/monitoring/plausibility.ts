// Rule family 9 on a month's pressures and temperatures: a unit that looks wrong (bar, kPa, absolute), wet steam,
// a gauge below vacuum, feedwater that exceeds the steam.
import { Decimal } from "../../../numbers";
import { isGecError } from "../../../errors";
import { grouped } from "../../../formula";
import { STANDARD_ATMOSPHERE_MPA } from "../../../methodology";
import { saturationTemperatureC } from "../../../steam";
import type { MonitoringMonth } from "../../../forms/monitoring";
import type { NumberField } from "../../../forms/fields";
import type { DerivationStep } from "../../../formula";
import { decimals } from "../../../domain/monitoring";
import type { FacilityProcedure } from "../../../domain/monitoring";
import type { CellRef, Finding } from "../../../types";
import { at, reporter } from "../../finding";
import { shortened } from "../../../text";
import type { RuleMeta } from "../../rule";
import { STANDARD_ATMOSPHERE_PARAMETER } from "../../../methodology/parameters";
import { label, labelEn, monitoringRule, monthName, traced } from "./cells";
import { decimalOf } from "../../../forms/fields";

export const PLAUSIBILITY_RULES: RuleMeta[] = [
  monitoringRule(
    "monitoring.pressure.looksAbsolute",
    "warning",
    false,
    "ゲージ圧の月平均が絶対圧のように見える（ゲージ圧として扱うと蒸気温度が飽和温度を下回るが、絶対圧としてなら上回る）。",
    "A mean gauge pressure looks absolute (as gauge, the steam temperature is below saturation; as absolute, above).",
  ),
  monitoringRule(
    "monitoring.pressure.looksBar",
    "warning",
    false,
    "ゲージ圧の月平均が bar 単位のように見える（MPa では蒸気温度が飽和温度を下回り、1/10 にすると上回る）。",
    "A mean gauge pressure looks like bar (in MPa the steam temperature is below saturation; a tenth of it is not).",
  ),
  monitoringRule(
    "monitoring.pressure.looksKpa",
    "error",
    false,
    "ゲージ圧の月平均が kPa 単位のように見える（100 MPa 以上: 蒸気表にもボイラーにもない圧力。1/1000 の MPa 値を示し、その月の p_abs と h は照合しない）。",
    "A mean gauge pressure looks like kPa (100 MPa or more: beyond the steam tables and any boiler; the MPa value is given, and the month's p_abs and h are not checked on it).",
  ),
  monitoringRule(
    "monitoring.pressure.belowVacuum",
    "error",
    false,
    `ゲージ圧の月平均では絶対圧が 0 以下になる（ゲージ圧は −${STANDARD_ATMOSPHERE_PARAMETER.value} MPa を下回らない）。`,
    `A mean gauge pressure gives an absolute pressure of 0 or less (a gauge cannot read below −${STANDARD_ATMOSPHERE_PARAMETER.value} MPa).`,
  ),
  monitoringRule(
    "monitoring.pressure.notPressure",
    "error",
    false,
    '圧力のセル（ゲージ圧、p_abs）に百分率（"99.94%"）が入っている。',
    'A pressure cell (gauge, p_abs) holds a percentage ("99.94%").',
  ),
  monitoringRule(
    "monitoring.steam.wetCell",
    "warning",
    false,
    "飽和温度以下の月の蒸気温度・蒸気比エンタルピーのセル（その h は供給蒸気のものではない）。",
    "The steam temperature and enthalpy cells of a month at or below saturation (its h is not the steam's).",
  ),
  monitoringRule(
    "monitoring.steam.belowSaturation",
    "warning",
    false,
    "蒸気温度がその圧力の飽和温度以下（湿り蒸気: h(p, t) は供給蒸気のエンタルピーではない）。",
    "The steam temperature is at or below saturation at its pressure (wet steam: h(p, t) is not the enthalpy supplied).",
  ),
  monitoringRule(
    "monitoring.days.zeroWithFlow",
    "warning",
    false,
    "稼働日数が 0 の月に蒸気流量または生成熱量がある。",
    "A month with zero operating days has steam flow or heat.",
  ),
  monitoringRule(
    "monitoring.feedwater.excess",
    "warning",
    false,
    "給水流量が蒸気流量をブロー分（10 %）を超えて上回る。",
    "Feedwater flow exceeds steam flow by more than blowdown explains (10 %).",
  ),
];

const { finding } = reporter(PLAUSIBILITY_RULES);

/**
 * Feedwater above steam flow by more than this share is more than boiler blowdown explains. [open] Blowdown runs at
 * 1–5 % of steam in practice; 10 % leaves room for meters of different accuracy before a verifier should ask.
 */
export const FEEDWATER_EXCESS_LIMIT = "0.10";

/** A gauge mean at or above this many "MPa" is read as bar when a tenth of it makes the steam superheated. */
const BAR_SUSPECT_MPA = 2;

export function saturation(p: Decimal): number | null {
  try {
    return saturationTemperatureC(p.toNumber());
  } catch (e) {
    if (isGecError(e)) return null;
    throw e;
  }
}

/** A month's steam facts as a message fragment: p_abs, its saturation temperature and the steam temperature. */
interface WetFacts {
  ja: string;
  en: string;
}

/**
 * The warning that explains a wet month: the gauge looks like bar, or absolute, or else the steam is plainly below
 * saturation. Returns the cell it stands at (the bar and absolute warnings at the gauge, the plain one at t_s mean).
 */
function wetSteamWarning(
  month: MonitoringMonth,
  gauge: NumberField,
  pGauge: Decimal,
  tSteam: Decimal,
  tSat: number,
  facts: WetFacts,
  derivation: DerivationStep[],
  findings: Finding[],
): CellRef {
  const name = monthName(month);
  const asAbsolute = saturation(pGauge);
  const asBar = saturation(pGauge.mul("0.1").add(STANDARD_ATMOSPHERE_MPA));
  if (pGauge.cmp(BAR_SUSPECT_MPA) >= 0 && asBar !== null && tSteam.toNumber() > asBar) {
    findings.push(
      finding(
        "monitoring.pressure.looksBar",
        gauge.ref,
        {
          ja: `${at(gauge.ref)}（${name.ja} ゲージ圧 ${pGauge.toString()}）は bar 単位のようです: ${facts.ja}。MPa に換算してください（${pGauge.toString()} bar = ${pGauge.mul("0.1").toString()} MPa）。`,
          en: `${at(gauge.ref)} (${name.en} gauge ${pGauge.toString()}) looks like bar: ${facts.en}. Convert it to MPa (${pGauge.toString()} bar = ${pGauge.mul("0.1").toString()} MPa).`,
        },
        { actual: pGauge.toString(), derivation },
      ),
    );
    return gauge.ref;
  }
  if (asAbsolute !== null && tSteam.toNumber() > asAbsolute) {
    findings.push(
      finding(
        "monitoring.pressure.looksAbsolute",
        gauge.ref,
        {
          ja: `${at(gauge.ref)}（${name.ja} ゲージ圧 ${pGauge.toString()} MPa）は絶対圧のようです: ${facts.ja}。絶対圧としてなら過熱蒸気です。ゲージ圧を入力してください。`,
          en: `${at(gauge.ref)} (${name.en} gauge ${pGauge.toString()} MPa) looks absolute: ${facts.en}; read as absolute the steam would be superheated. Enter the gauge pressure.`,
        },
        { actual: pGauge.toString(), derivation },
      ),
    );
    return gauge.ref;
  }
  const ref = month.cells.tSteamMean?.ref ?? gauge.ref;
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
  return ref;
}

/** Wet steam: t_s at or below the saturation temperature of p_abs; warned once, then at the month's t and h cells. */
function checkWetSteam(
  month: MonitoringMonth,
  given: Record<string, Decimal | null>,
  expected: Record<string, Decimal>,
  findings: Finding[],
  proc: FacilityProcedure,
): boolean {
  const gauge = month.cells.pGauge;
  const pAbs = expected.pAbs;
  const tSteam = expected.tSteam;
  if (!gauge || !given.pGauge || !pAbs || !tSteam) return false;
  const tSat = saturation(pAbs);
  if (tSat === null || tSteam.toNumber() > tSat) return false;
  const derivation = [
    ...traced(proc.month, given, "pAbs", month, proc.params),
    ...traced(proc.month, given, "tSteam", month, proc.params),
  ];
  const facts = {
    ja: `p_abs ${pAbs.toString()} MPa の飽和温度 ${tSat.toFixed(1)} °C に対し蒸気温度 ${tSteam.toString()} °C`,
    en: `steam at ${tSteam.toString()} °C against a saturation temperature of ${tSat.toFixed(1)} °C at p_abs ${pAbs.toString()} MPa`,
  };
  const mainRef = wetSteamWarning(month, gauge, given.pGauge, tSteam, tSat, facts, derivation, findings);
  wetCells(month, mainRef, facts, findings);
  return true;
}

/** monitoring.days.zeroWithFlow: 稼働日数 0 in a month that has steam flow or heat. */
function checkZeroDaysWithFlow(
  month: MonitoringMonth,
  given: Record<string, Decimal | null>,
  findings: Finding[],
): void {
  const name = monthName(month);
  const days = month.cells.operatingDays;
  const daysValue = decimalOf(days);
  const flow = given.fSteam;
  const heat = decimalOf(month.cells.qMonth);
  if (!days || !daysValue?.isZero() || !((flow && !flow.isZero()) || (heat && !heat.isZero()))) return;
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

/** monitoring.feedwater.excess: feedwater above the steam flow by more than FEEDWATER_EXCESS_LIMIT. */
function checkFeedwaterExcess(
  month: MonitoringMonth,
  given: Record<string, Decimal | null>,
  findings: Finding[],
): void {
  const name = monthName(month);
  const feed = month.cells.fFeed;
  const flow = given.fSteam;
  if (!feed || !flow || !given.fFeed || flow.isZero()) return;
  const limit = flow.mul(Decimal.from(1).add(FEEDWATER_EXCESS_LIMIT));
  if (given.fFeed.cmp(limit) <= 0) return;
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

/** The month's plausibility warnings; true when the steam is at or below saturation (h(p, t) is then no steam's). */
export function checkPlausibility(
  month: MonitoringMonth,
  given: Record<string, Decimal | null>,
  expected: Record<string, Decimal>,
  findings: Finding[],
  proc: FacilityProcedure,
): boolean {
  const wet = checkWetSteam(month, given, expected, findings, proc);
  checkZeroDaysWithFlow(month, given, findings);
  checkFeedwaterExcess(month, given, findings);
  return wet;
}

const KPA_SUSPECT_MPA = 100;

const PRESSURE_KEYS = ["pGauge", "pAbs"];

/**
 * The month's pressure cells that are no pressure in MPa: a percentage ("99.94%") in either, a gauge typed in kPa.
 * Each is an error at its cell; a bad gauge is taken out of `given`, so no recompute is built on it. Returns the keys
 * of the derived cells not to recompute (a p_abs cell that is itself a percentage).
 */
export function checkPressureCells(
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
export function belowVacuum(month: MonitoringMonth, gauge: Decimal, findings: Finding[]): void {
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
