// IAPWS-IF97 in SI-IF97 units (MPa, K, kJ/kg): region selection in (p,T), properties in any region, saturation
// states and the (p,h) → T inversion. No range checks here: index.ts validates user input.
import { temperatureRegion1PH, temperatureRegion2PH } from "./backward12";
import { pB23, tB23 } from "./boundaries";
import { enthalpyRegion1, propertiesRegion1 } from "./region1";
import { enthalpyRegion2, propertiesRegion2 } from "./region2";
import {
  region3DensityPT,
  region3Enthalpy,
  region3Properties,
  region3Saturation,
  region3StatePH,
} from "./region3";
import { P_SAT_MIN, saturationPressure, saturationTemperature } from "./region4";
import { enthalpyRegion5, propertiesRegion5 } from "./region5";
import type { Region5Edition, SteamProps } from "./types";

/** Upper temperature of region 1 and lower of region 3, K. */
export const T13 = 623.15;
/** Boundary between regions 2 and 5, K. */
export const T25 = 1073.15;
/** Upper temperature of region 5, K. */
export const T_MAX5 = 2273.15;
export const T_MIN = 273.15;
export const T_CRIT = 647.096;
export const P_CRIT = 22.064;
/** ps(623.15 K) = p_B23(623.15 K), MPa: above it the liquid side of saturation lies in region 3. */
export const P13 = saturationPressure(T13);

/**
 * IF97 region of (p,T): 1 for p ≥ ps(T) at T ≤ 623.15 K, 2 for p < ps(T) (T ≤ 623.15 K) or p ≤ p_B23(T)
 * (623.15 K < T ≤ 1073.15 K), 3 above B23, 5 above 1073.15 K. A point on a boundary goes to the lower-numbered
 * region that includes its boundary (R7-97 Fig. 1); on the saturation line region 1.
 */
export function regionPT(p: number, T: number): 1 | 2 | 3 | 5 {
  if (T > T25) return 5;
  if (T <= T13) return p >= saturationPressure(T) ? 1 : 2;
  return p > pB23(T) ? 3 : 2;
}

/** All properties at (p,T) in whichever region holds it. */
export function propertiesPT(p: number, T: number, edition: Region5Edition = "2007"): SteamProps {
  switch (regionPT(p, T)) {
    case 1:
      return propertiesRegion1(p, T);
    case 2:
      return propertiesRegion2(p, T);
    case 3:
      return region3Properties(region3DensityPT(p, T), T);
    case 5:
      return propertiesRegion5(p, T, edition);
  }
}

/** Specific enthalpy h(p,T), kJ/kg, by the fast per-region evaluators. */
export function enthalpyPT(p: number, T: number, edition: Region5Edition = "2007"): number {
  if (T > T25) return enthalpyRegion5(p, T, edition);
  if (T <= T13) return p >= saturationPressure(T) ? enthalpyRegion1(p, T) : enthalpyRegion2(p, T);
  return p > pB23(T) ? region3Enthalpy(region3DensityPT(p, T), T) : enthalpyRegion2(p, T);
}

/** Saturated liquid (x = 0) and vapour (x = 1) states at T, 273.15 K ≤ T ≤ 647.096 K. */
export function saturationStatesT(T: number): { liquid: SteamProps; vapour: SteamProps } {
  if (T <= T13) {
    const p = saturationPressure(T);
    return { liquid: propertiesRegion1(p, T), vapour: propertiesRegion2(p, T) };
  }
  const sat = region3Saturation(T);
  return { liquid: region3Properties(sat.rhoLiquid, T), vapour: region3Properties(sat.rhoVapour, T) };
}

/** Saturated states at p, 611.213 Pa ≤ p ≤ 22.064 MPa; below ps(623.15 K) at (p, Ts(p)) exactly. */
export function saturationStatesP(p: number): { liquid: SteamProps; vapour: SteamProps } {
  const T = saturationTemperature(p);
  if (T <= T13) return { liquid: propertiesRegion1(p, T), vapour: propertiesRegion2(p, T) };
  return saturationStatesT(Math.min(T, T_CRIT));
}

/** Saturated liquid and vapour enthalpies at p (any p ≤ p_c), kJ/kg. */
function saturationEnthalpiesP(p: number): { hL: number; hV: number; T: number } {
  const T = saturationTemperature(p);
  if (T <= T13) return { hL: enthalpyRegion1(p, T), hV: enthalpyRegion2(p, T), T };
  const Ts = Math.min(T, T_CRIT);
  const sat = region3Saturation(Ts);
  return { hL: region3Enthalpy(sat.rhoLiquid, Ts), hV: region3Enthalpy(sat.rhoVapour, Ts), T: Ts };
}

const H_TOL = 1e-9;

/**
 * Newton on h(p,T) = h from the backward start T0, T kept in [lo, hi] (the region's bounds at p); cp from the
 * forward equation is the slope. Stops when |Δh| < 1e-9·|h| (or 1e-12 kJ/kg near h = 0).
 */
function refineT(
  p: number,
  h: number,
  T0: number,
  lo: number,
  hi: number,
  props: (p: number, T: number) => SteamProps,
): number {
  let T = Math.min(Math.max(T0, lo), hi);
  const tol = Math.max(H_TOL * Math.abs(h), 1e-12);
  for (let it = 0; it < 50; it++) {
    const s = props(p, T);
    const dh = s.h - h;
    if (Math.abs(dh) < tol) return T;
    let next = T - dh / s.cp;
    if (next < lo) next = 0.5 * (T + lo);
    else if (next > hi) next = 0.5 * (T + hi);
    if (next === T) return T;
    T = next;
  }
  return T;
}

/**
 * Temperature T(p,h), K. The region follows from h against the saturation and boundary enthalpies at p; the
 * backward equation starts Newton on the forward equation. A two-phase h gives Ts(p). Caller checks that h lies
 * between h(p, 273.15 K) and h(p, T_max).
 */
export function temperaturePHK(p: number, h: number, edition: Region5Edition = "2007"): number {
  const region5 = (pp: number, T: number): SteamProps => propertiesRegion5(pp, T, edition);
  const inRegion2or5 = (lo: number): number => {
    if (p <= 50 && h > enthalpyRegion2(p, T25)) return refineT(p, h, T25 + 1, T25, T_MAX5, region5);
    return refineT(p, h, temperatureRegion2PH(p, h), lo, T25, propertiesRegion2);
  };
  if (p < P_SAT_MIN) return inRegion2or5(T_MIN);
  if (p <= P13) {
    const sat = saturationEnthalpiesP(p);
    if (h <= sat.hL) return refineT(p, h, temperatureRegion1PH(p, h), T_MIN, sat.T, propertiesRegion1);
    if (h < sat.hV) return sat.T;
    return inRegion2or5(sat.T);
  }
  if (h <= enthalpyRegion1(p, T13))
    return refineT(p, h, temperatureRegion1PH(p, h), T_MIN, T13, propertiesRegion1);
  const tb = tB23(p);
  if (h >= enthalpyRegion2(p, tb)) return inRegion2or5(tb);
  if (p < P_CRIT) {
    const sat = saturationEnthalpiesP(p);
    if (h > sat.hL && h < sat.hV) return sat.T;
  }
  return region3StatePH(p, h).T;
}
