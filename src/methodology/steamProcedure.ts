// H002-2 monthly steam heat by the JSME procedure of 別紙1添付 (docs/domain.md §5), declared as formulas.
import { Decimal } from "../numbers";
import { saturatedLiquidEnthalpy, steamEnthalpy } from "../steam";
import type { RoundingMode } from "../numbers";
import { Round, add, call, mul, param, ref, sub } from "../formula";
import type { Expr, QuantitySpec } from "../formula";
import { evaluateDeclared } from "./evaluate";
import { STANDARD_ATMOSPHERE_PARAMETER } from "./parameters";
import type { NumberLike } from "./values";

/** Standard atmosphere added to gauge pressure, MPa (declared with its source in ./parameters). */
export const STANDARD_ATMOSPHERE_MPA = STANDARD_ATMOSPHERE_PARAMETER.value;

/** IF97 h(p, t) in kJ/kg as an exact decimal of the double it computes (p MPa abs, t °C). */
const h = (p: Decimal, t: Decimal): Decimal => Decimal.from(steamEnthalpy(p.toNumber(), t.toNumber()));
/** IF97 h'(t) of saturated liquid, kJ/kg. */
const hLiquid = (t: Decimal): Decimal => Decimal.from(saturatedLiquidEnthalpy(t.toNumber()));

/** One rounding of the procedure: to `places` decimals by `mode` (小数点第4位切上 = up to 3). */
export interface RoundingStep {
  places: number;
  mode: RoundingMode;
}

/** The roundings a facility's 別紙1添付 states for the steam procedure (docs/domain.md §5). */
export interface SteamDigits {
  /** 圧力 月平均値 (小数点第4位切上: up to 3) */
  pressureMean: RoundingStep;
  /** 絶対圧力 after + 標準大気圧 (小数点第3位切上: up to 2) */
  absolutePressure: RoundingStep;
  /** 蒸気温度 月平均値 (小数点第2位切捨: down to 1) */
  steamTemperature: RoundingStep;
  /** 給水温度 月平均値 (小数点第2位切捨: down to 1) */
  feedwaterTemperature: RoundingStep;
}

/** The seed's roundings (every 別紙1添付 block of H002-2 states them): the procedure's defaults. */
export const SEED_STEAM_DIGITS: SteamDigits = {
  pressureMean: { places: 3, mode: "up" },
  absolutePressure: { places: 2, mode: "up" },
  steamTemperature: { places: 1, mode: "down" },
  feedwaterTemperature: { places: 1, mode: "down" },
};

const digitsKey = (d: SteamDigits): string =>
  [d.pressureMean, d.absolutePressure, d.steamTemperature, d.feedwaterTemperature]
    .map((r) => `${r.mode}${r.places}`)
    .join(",");

/** A quantity rounded as one of the procedure's steps states (小数点第n位切上/切捨). */
const rounded = (step: RoundingStep, e: Expr): Expr => new Round(step.mode, step.places, e);

/** 蒸気圧力: the mean gauge pressure and p_abs (its rounding, + 標準大気圧, the second rounding). */
function steamPressureQuantities(d: SteamDigits): QuantitySpec[] {
  return [
    {
      key: "pGauge",
      symbol: "p_gauge",
      label: { ja: "蒸気圧力 月平均（ゲージ）", en: "Mean gauge pressure" },
      unit: "MPa",
      domain: "signed",
    },
    {
      key: "pAbs",
      symbol: "p_abs",
      label: { ja: "蒸気圧力（絶対）", en: "Absolute pressure" },
      unit: "MPa",
      domain: "positive",
      // 小数点第4位切上, then + 0.101325 and 第3位切上
      expr: rounded(
        d.absolutePressure,
        add(rounded(d.pressureMean, ref("pGauge")), param(STANDARD_ATMOSPHERE_PARAMETER)),
      ),
    },
  ];
}

/** 蒸気: the mean steam temperature, t_s rounded as 別紙1添付 states, and h_s = h(p_abs, t_s) of IF97. */
function steamSideQuantities(d: SteamDigits): QuantitySpec[] {
  return [
    {
      key: "tSteamMean",
      symbol: "t_s,mean",
      label: { ja: "蒸気温度 月平均", en: "Mean steam temperature" },
      unit: "°C",
      domain: "signed",
    },
    {
      key: "tSteam",
      symbol: "t_s",
      label: { ja: "蒸気温度", en: "Steam temperature" },
      unit: "°C",
      expr: rounded(d.steamTemperature, ref("tSteamMean")),
    },
    {
      key: "hSteam",
      symbol: "h_s",
      label: { ja: "蒸気比エンタルピー", en: "Steam specific enthalpy" },
      unit: "kJ/kg",
      expr: call("h", h, ref("pAbs"), ref("tSteam")),
    },
  ];
}

/** 給水: the mean feedwater temperature, t_fw rounded as 別紙1添付 states, and h_fw = h'(t_fw) of IF97. */
function feedwaterQuantities(d: SteamDigits): QuantitySpec[] {
  return [
    {
      key: "tFeedMean",
      symbol: "t_fw,mean",
      label: { ja: "給水温度 月平均", en: "Mean feedwater temperature" },
      unit: "°C",
      domain: "signed",
    },
    {
      key: "tFeed",
      symbol: "t_fw",
      label: { ja: "給水温度", en: "Feedwater temperature" },
      unit: "°C",
      expr: rounded(d.feedwaterTemperature, ref("tFeedMean")),
    },
    {
      key: "hFeed",
      symbol: "h_fw",
      label: { ja: "給水比エンタルピー", en: "Feedwater specific enthalpy" },
      unit: "kJ/kg",
      expr: call("h'", hLiquid, ref("tFeed")),
    },
  ];
}

/** The flows F_s, F_fw and 生成熱量 Q_m = h_s·F_s − h_fw·F_fw (built afresh for each list, as the others are). */
function flowAndHeatQuantities(): QuantitySpec[] {
  return [
    {
      key: "fSteam",
      symbol: "F_s",
      label: { ja: "蒸気流量", en: "Steam flow" },
      unit: "t",
      domain: "amount",
    },
    {
      key: "fFeed",
      symbol: "F_fw",
      label: { ja: "給水流量", en: "Feedwater flow" },
      unit: "t",
      domain: "amount",
    },
    {
      key: "qMonth",
      symbol: "Q_m",
      label: { ja: "生成熱量（月）", en: "Heat generated in the month" },
      unit: "MJ",
      expr: sub(mul(ref("hSteam"), ref("fSteam")), mul(ref("hFeed"), ref("fFeed"))),
    },
  ];
}

/** The steam procedure's quantities under a facility's roundings, in the order of the procedure. */
function buildSteamQuantities(d: SteamDigits): QuantitySpec[] {
  return [
    ...steamPressureQuantities(d),
    ...steamSideQuantities(d),
    ...feedwaterQuantities(d),
    ...flowAndHeatQuantities(),
  ];
}

const steamByDigits = new Map<string, QuantitySpec[]>();

/** The steam procedure with a facility's roundings; one list per set of digits (evaluation indexes it by identity). */
export function steamQuantitiesWith(digits: SteamDigits): QuantitySpec[] {
  const key = digitsKey(digits);
  let found = steamByDigits.get(key);
  if (!found) steamByDigits.set(key, (found = buildSteamQuantities(digits)));
  return found;
}

/** The quantities of one month of the monitoring table (熱実績管理表), in the order of the procedure. */
export const steamMonthQuantities: QuantitySpec[] = steamQuantitiesWith(SEED_STEAM_DIGITS);

/** p_abs = ROUNDUP(ROUNDUP(mean gauge pressure, 3) + 0.101325, 2) MPa (小数点第4位切上, then 第3位切上). */
export function absolutePressureDecimal(gaugeMean: NumberLike): Decimal {
  return evaluateDeclared(steamMonthQuantities, { pGauge: gaugeMean }, "pAbs");
}

export function absolutePressure(gaugeMean: NumberLike): number {
  return absolutePressureDecimal(gaugeMean).toNumber();
}

export interface SteamMonth {
  gaugePressureMean: NumberLike;
  steamTemperatureMean: NumberLike;
  /** F_s steam flow, t */
  steamFlow: NumberLike;
  feedwaterTemperatureMean: NumberLike;
  /** F_fw feedwater flow, t */
  feedwaterFlow: NumberLike;
}

export interface SteamMonthOptions {
  /** [open] Whether Q_m is rounded per month, and to how many decimals; default: not rounded. */
  roundToPlaces?: number;
}

/** Q_m = h(p_abs, ROUNDDOWN(t_s,1)) × F_s − h'(ROUNDDOWN(t_fw,1)) × F_fw, MJ (kJ/kg × t). */
export function steamMonthHeat(month: SteamMonth, options: SteamMonthOptions = {}): number {
  const q = evaluateDeclared(
    steamMonthQuantities,
    {
      pGauge: month.gaugePressureMean,
      tSteamMean: month.steamTemperatureMean,
      fSteam: month.steamFlow,
      tFeedMean: month.feedwaterTemperatureMean,
      fFeed: month.feedwaterFlow,
    },
    "qMonth",
  );
  if (options.roundToPlaces === undefined) return q.toNumber();
  return q.roundHalfUp(options.roundToPlaces).toNumber();
}
