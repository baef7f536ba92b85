// User-facing water and steam properties (IAPWS-IF97 = 1999 JSME steam tables) in engineering units: p in MPa
// absolute, t in °C, h in kJ/kg, s and cp in kJ/(kg·K), v in m³/kg. Every function validates its arguments and
// throws GecError "#VALUE!" naming the argument and its valid range.
import { invalidArgument } from "../errors";
import { T13, enthalpyPT, propertiesPT, saturationStatesP, saturationStatesT, temperaturePHK } from "./if97";
import { enthalpyRegion1 } from "./region1";
import { enthalpyRegion2 } from "./region2";
import { saturationPressure, saturationTemperature } from "./region4";
import type { Region5Edition, SteamProps } from "./types";

export type { Region5Edition, SteamProps } from "./types";
export { regionPT, propertiesPT, enthalpyPT } from "./if97";

export interface SteamOptions {
  /** Region 5 (above 800 °C): "2007" revision (default) or the "1997" release of the 1999 JSME tables. */
  edition?: Region5Edition;
}

const KELVIN = 273.15;
const P_MAX = 100;
const P_MAX_HIGH_T = 50;
const T_MAX_C = 2000;
const T_MID_C = 800;
const T_SAT_MAX_C = 373.946;
const P_SAT_MIN = 0.000611213;
const P_SAT_MAX = 22.064;

function finite(name: string, x: number, ja: string, en: string): void {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw invalidArgument(name, {
      ja: `${ja} ${name} は有限の数値で指定してください。入力値: ${String(x)}`,
      en: `${en} ${name} must be a finite number. Got: ${String(x)}`,
    });
  }
}

/** The region 5 edition asked for; the saturation functions check it too so a bad option never passes silently. */
function edition(options: SteamOptions | undefined): Region5Edition {
  const e = options?.edition ?? "2007";
  if (e !== "2007" && e !== "1997") {
    throw invalidArgument("edition", {
      ja: `領域5の版 edition は "2007" または "1997" で指定してください。入力値: ${String(e)}`,
      en: `Region 5 edition must be "2007" or "1997". Got: ${String(e)}`,
    });
  }
  return e;
}

function checkPressure(p: number): void {
  finite("p", p, "圧力", "Pressure");
  if (p <= 0 || p > P_MAX) {
    throw invalidArgument("p", {
      ja: `圧力 p は 0 MPa を超え 100 MPa 以下で指定してください（絶対圧）。入力値: ${p}`,
      en: `Pressure p must be > 0 and ≤ 100 MPa (absolute). Got: ${p}`,
    });
  }
}

/** ps(T) computed by the last checkPT (NaN above the critical temperature), reused to pick region 1 or 2. */
let satPressureAtT = NaN;

/** (p, t) inside IF97's range and off the saturation line; returns T in K. */
function checkPT(p: number, t: number): number {
  checkPressure(p);
  finite("t", t, "温度", "Temperature");
  if (t < 0 || t > T_MAX_C) {
    throw invalidArgument("t", {
      ja: `温度 t は 0 °C 以上 2000 °C 以下で指定してください（800 °C を超える場合は p ≤ 50 MPa）。入力値: ${t}`,
      en: `Temperature t must be ≥ 0 and ≤ 2000 °C (above 800 °C only with p ≤ 50 MPa). Got: ${t}`,
    });
  }
  if (t > T_MID_C && p > P_MAX_HIGH_T) {
    throw invalidArgument("p", {
      ja: `温度 t が 800 °C を超える場合、圧力 p は 50 MPa 以下で指定してください（絶対圧）。入力値: ${p}`,
      en: `Pressure p must be ≤ 50 MPa (absolute) when t is above 800 °C. Got: ${p}`,
    });
  }
  const T = t + KELVIN;
  satPressureAtT = NaN;
  if (t <= T_SAT_MAX_C) {
    const ps = saturationPressure(T);
    satPressureAtT = ps;
    // T == Ts(p) implies p == ps(T) to ~1e-13, so Ts(p) is only worth computing when p is that close.
    if (p === ps || (Math.abs(p - ps) <= 1e-9 * ps && T === saturationTemperature(p))) {
      throw invalidArgument("t", {
        ja: `温度 t = ${t} °C は圧力 ${p} MPa の飽和温度で、液と蒸気の二つの状態があります。飽和液・飽和蒸気の関数を使ってください。`,
        en: `Temperature t = ${t} °C is the saturation temperature at ${p} MPa, where liquid and vapour coexist; use the saturated-liquid or saturated-vapour functions.`,
      });
    }
  }
  return T;
}

function checkSaturationT(t: number): number {
  finite("t", t, "温度", "Temperature");
  if (t < 0 || t > T_SAT_MAX_C) {
    throw invalidArgument("t", {
      ja: `飽和温度 t は 0 °C 以上 373.946 °C（臨界温度）以下で指定してください。入力値: ${t}`,
      en: `Saturation temperature t must be ≥ 0 and ≤ 373.946 °C (critical temperature). Got: ${t}`,
    });
  }
  return t + KELVIN;
}

function checkSaturationP(p: number): void {
  finite("p", p, "圧力", "Pressure");
  if (p < P_SAT_MIN || p > P_SAT_MAX) {
    throw invalidArgument("p", {
      ja: `飽和圧力 p は 0.000611213 MPa 以上 22.064 MPa（臨界圧力）以下で指定してください（絶対圧）。入力値: ${p}`,
      en: `Saturation pressure p must be ≥ 0.000611213 and ≤ 22.064 MPa (critical pressure, absolute). Got: ${p}`,
    });
  }
}

function props(p: number, t: number, options: SteamOptions | undefined): SteamProps {
  const T = checkPT(p, t);
  return propertiesPT(p, T, edition(options));
}

/** Specific enthalpy h(p,t), kJ/kg, of compressed water or superheated steam. */
export function steamEnthalpy(p: number, t: number, options?: SteamOptions): number {
  const T = checkPT(p, t);
  const ed = options === undefined ? "2007" : edition(options);
  // Regions 1 and 2 below 623.15 K directly, with the ps(T) the saturation check already has.
  if (T <= T13) return p > satPressureAtT ? enthalpyRegion1(p, T) : enthalpyRegion2(p, T);
  return enthalpyPT(p, T, ed);
}

/** Specific entropy s(p,t), kJ/(kg·K). */
export function steamEntropy(p: number, t: number, options?: SteamOptions): number {
  return props(p, t, options).s;
}

/** Specific volume v(p,t), m³/kg. */
export function steamVolume(p: number, t: number, options?: SteamOptions): number {
  return props(p, t, options).v;
}

/** Specific isobaric heat capacity cp(p,t), kJ/(kg·K). */
export function steamCp(p: number, t: number, options?: SteamOptions): number {
  return props(p, t, options).cp;
}

/** Saturation temperature at p (MPa absolute), °C. */
export function saturationTemperatureC(p: number, options?: SteamOptions): number {
  edition(options);
  checkSaturationP(p);
  return saturationTemperature(p) - KELVIN;
}

/** Saturation pressure at t (°C), MPa absolute. */
export function saturationPressureMPa(t: number, options?: SteamOptions): number {
  edition(options);
  return saturationPressure(checkSaturationT(t));
}

/** h' — saturated-liquid enthalpy at t (°C), kJ/kg (e.g. feedwater h_fw of H002-2). */
export function saturatedLiquidEnthalpy(t: number, options?: SteamOptions): number {
  edition(options);
  return saturationStatesT(checkSaturationT(t)).liquid.h;
}

/** h'' — saturated-vapour enthalpy at t (°C), kJ/kg. */
export function saturatedVapourEnthalpy(t: number, options?: SteamOptions): number {
  edition(options);
  return saturationStatesT(checkSaturationT(t)).vapour.h;
}

/** h' at p (MPa absolute), kJ/kg. */
export function saturatedLiquidEnthalpyP(p: number, options?: SteamOptions): number {
  edition(options);
  checkSaturationP(p);
  return saturationStatesP(p).liquid.h;
}

/** h'' at p (MPa absolute), kJ/kg. */
export function saturatedVapourEnthalpyP(p: number, options?: SteamOptions): number {
  edition(options);
  checkSaturationP(p);
  return saturationStatesP(p).vapour.h;
}

/**
 * Temperature t(p,h), °C: compressed water, wet steam (gives the saturation temperature) or superheated steam.
 * h must lie between h(p, 0 °C) and h(p, 800 °C), or h(p, 2000 °C) when p ≤ 50 MPa.
 */
export function temperaturePH(p: number, h: number, options?: SteamOptions): number {
  checkPressure(p);
  finite("h", h, "比エンタルピー", "Specific enthalpy");
  const ed = edition(options);
  const tMax = p <= P_MAX_HIGH_T ? T_MAX_C : T_MID_C;
  const hMin = enthalpyPT(p, KELVIN, ed);
  const hMax = enthalpyPT(p, tMax + KELVIN, ed);
  if (h < hMin || h > hMax) {
    throw invalidArgument("h", {
      ja: `比エンタルピー h は圧力 ${p} MPa では ${hMin} kJ/kg（0 °C）以上 ${hMax} kJ/kg（${tMax} °C）以下で指定してください。入力値: ${h}`,
      en: `Specific enthalpy h must be ≥ ${hMin} kJ/kg (0 °C) and ≤ ${hMax} kJ/kg (${tMax} °C) at p = ${p} MPa. Got: ${h}`,
    });
  }
  return temperaturePHK(p, h, ed) - KELVIN;
}
