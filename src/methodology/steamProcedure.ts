// H002-2 monthly steam heat by the JSME procedure of 別紙1添付 (DOMAIN.md §5).
import { Decimal } from "../numbers";
import { saturatedLiquidEnthalpy, steamEnthalpy } from "../steam";
import { amount, signed } from "./values";
import type { NumberLike } from "./values";

/** Standard atmosphere added to gauge pressure, MPa. */
export const STANDARD_ATMOSPHERE_MPA = "0.101325";

/** p_abs = ROUNDUP(ROUNDUP(mean gauge pressure, 3) + 0.101325, 2) MPa (小数点第4位切上, then 第3位切上). */
export function absolutePressureDecimal(gaugeMean: NumberLike): Decimal {
  const gauge = signed(gaugeMean, { symbol: "p_gauge", ja: "ゲージ圧の月平均", en: "Mean gauge pressure" });
  return gauge.roundUp(3).add(STANDARD_ATMOSPHERE_MPA).roundUp(2);
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
  const pAbs = absolutePressureDecimal(month.gaugePressureMean).toNumber();
  const tSteam = signed(month.steamTemperatureMean, {
    symbol: "t_s",
    ja: "蒸気温度の月平均",
    en: "Mean steam temperature",
  }).roundDown(1);
  const tFeed = signed(month.feedwaterTemperatureMean, {
    symbol: "t_fw",
    ja: "給水温度の月平均",
    en: "Mean feedwater temperature",
  }).roundDown(1);
  const fS = amount(month.steamFlow, { symbol: "F_s", ja: "蒸気流量", en: "Steam flow" });
  const fFw = amount(month.feedwaterFlow, { symbol: "F_fw", ja: "給水流量", en: "Feedwater flow" });
  const hSteam = steamEnthalpy(pAbs, tSteam.toNumber());
  const hFeed = saturatedLiquidEnthalpy(tFeed.toNumber());
  const q = hSteam * fS.toNumber() - hFeed * fFw.toNumber();
  if (options.roundToPlaces === undefined) return q;
  return Decimal.from(q).roundHalfUp(options.roundToPlaces).toNumber();
}
