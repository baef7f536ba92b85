// IF97 region 3 backward equations: v3(p,T) by subregion (SR5-05(2016)); T,v(p,h), T,v(p,s), psat3 (SR3-03(2014)).
import { GecError, invalidArgument } from "../errors";
import { saturationTemperature } from "./region4";
import { pB23 as boundaryB23Pressure, tB23 as boundaryB23Temperature } from "./boundaries";
import {
  PSAT_H,
  PSAT_S,
  T3AB_LN,
  T3OP_LN,
  T3WX_LN,
  T_PH_3A,
  T_PH_3B,
  T_PS_3A,
  T_PS_3B,
  VPT_SUBREGIONS,
  V_PH_3A,
  V_PH_3B,
  V_PS_3A,
  V_PS_3B,
} from "./region3Coefficients";
import type { CoefficientTable } from "./region3Coefficients";

/** Σ nᵢ xᴵⁱ yᴶⁱ with integer exponents, powers built by repeated multiplication instead of Math.pow per term. */
class PowerSeries {
  private readonly i: Int32Array;
  private readonly j: Int32Array;
  private readonly n: Float64Array;
  private readonly iMin: number;
  private readonly jMin: number;
  private readonly xp: Float64Array;
  private readonly yp: Float64Array;

  constructor(t: CoefficientTable) {
    this.iMin = Math.min(...t.I);
    this.jMin = Math.min(...t.J);
    this.i = Int32Array.from(t.I, (k) => k - this.iMin);
    this.j = Int32Array.from(t.J, (k) => k - this.jMin);
    this.n = Float64Array.from(t.n);
    this.xp = new Float64Array(Math.max(...t.I) - this.iMin + 1);
    this.yp = new Float64Array(Math.max(...t.J) - this.jMin + 1);
  }

  private static fill(out: Float64Array, x: number, min: number): void {
    // out[k] = x^(k + min)
    let lowest = 1;
    if (min < 0) {
      const inv = 1 / x;
      for (let k = 0; k < -min; k++) lowest *= inv;
    } else {
      for (let k = 0; k < min; k++) lowest *= x;
    }
    out[0] = lowest;
    for (let k = 1; k < out.length; k++) out[k] = out[k - 1] * x;
    if (min < 0 && -min < out.length) out[-min] = 1;
  }

  evaluate(x: number, y: number): number {
    PowerSeries.fill(this.xp, x, this.iMin);
    PowerSeries.fill(this.yp, y, this.jMin);
    let sum = 0;
    for (let k = 0; k < this.n.length; k++) sum += this.n[k] * this.xp[this.i[k]] * this.yp[this.j[k]];
    return sum;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// SR5-05(2016): v3(p,T)
// ---------------------------------------------------------------------------------------------------------------

/** Subregion letters of SR5-05: 3a–3t, and the auxiliary near-critical 3u–3z. */
export type Region3Subregion =
  | "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j" | "k" | "l" | "m"
  | "n" | "o" | "p" | "q" | "r" | "s" | "t" | "u" | "v" | "w" | "x" | "y" | "z"; // prettier-ignore

interface SubregionEquation {
  vStar: number;
  pStar: number;
  TStar: number;
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  series: PowerSeries;
}

/** The 26 subregion equations, built the first time region 3 is asked (a `gec check` start seldom does). */
let subregions: Map<string, SubregionEquation> | null = null;
const subregionEquations = (): Map<string, SubregionEquation> =>
  (subregions ??= new Map(
    Object.entries(VPT_SUBREGIONS).map(([k, s]) => [k, { ...s, series: new PowerSeries(s) }]),
  ));

/** SR5-05 eq. 4 (eq. 5 for 3n): v3x(p,T) of one named subregion, m³/kg, without choosing the subregion. */
export function subregionVolume(sub: Region3Subregion, p: number, T: number): number {
  const q = subregionEquations().get(sub);
  if (q === undefined) return NaN;
  const pi = p / q.pStar - q.a;
  const theta = T / q.TStar - q.b;
  if (sub === "n") return q.vStar * Math.exp(q.series.evaluate(pi, theta));
  const x = q.c === 1 ? pi : q.c === 0.5 ? Math.sqrt(pi) : Math.pow(pi, q.c);
  const y = q.d === 1 ? theta : q.d === 0.25 ? Math.sqrt(Math.sqrt(theta)) : Math.pow(theta, q.d);
  const omega = q.series.evaluate(x, y);
  if (q.e === 1) return q.vStar * omega;
  const w2 = omega * omega;
  return q.vStar * (q.e === 4 ? w2 * w2 : Math.pow(omega, q.e));
}

/** SR5-05 Table 1, eq. 1: T = Σ nᵢ πᴵⁱ (I = 0…4). */
function polyT(n: readonly number[], p: number): number {
  let t = 0;
  for (let k = n.length - 1; k >= 0; k--) t = t * p + n[k];
  return t;
}

/** SR5-05 Table 1, eq. 2: T = Σ nᵢ (ln π)^Iᵢ (I = 0, 1, 2, −1, −2). */
function lnT(tab: { readonly n: readonly number[] }, p: number): number {
  const l = Math.log(p);
  return tab.n[0] + tab.n[1] * l + tab.n[2] * l * l + tab.n[3] / l + tab.n[4] / (l * l);
}

/** SR5-05 Table 1 (coefficients of the boundary equations T3xy(p), K, p in MPa). */
export const T3cd = (p: number): number =>
  polyT([0.585276966696349e3, 0.278233532206915e1, -0.127283549295878e-1, 0.159090746562729e-3], p);
export const T3gh = (p: number): number =>
  polyT(
    [
      -0.249284240900418e5, 0.428143584791546e4, -0.26902917314013e3, 0.751608051114157e1,
      -0.787105249910383e-1,
    ],
    p,
  );
export const T3ij = (p: number): number =>
  polyT(
    [0.584814781649163e3, -0.616179320924617, 0.260763050899562, -0.587071076864459e-2, 0.515308185433082e-4],
    p,
  );
export const T3jk = (p: number): number =>
  polyT(
    [
      0.617229772068439e3, -0.770600270141675e1, 0.697072596851896, -0.157391839848015e-1,
      0.137897492684194e-3,
    ],
    p,
  );
export const T3mn = (p: number): number =>
  polyT([0.535339483742384e3, 0.761978122720128e1, -0.158365725441648, 0.192871054508108e-2], p);
export const T3qu = (p: number): number =>
  polyT([0.565603648239126e3, 0.529062258221222e1, -0.102020639611016, 0.122240301070145e-2], p);
export const T3rx = (p: number): number =>
  polyT([0.584561202520006e3, -0.102961025163669e1, 0.243293362700452, -0.294905044740799e-2], p);
/** SR5-05 Table 11 (auxiliary boundary 3u/3v). */
export const T3uv = (p: number): number =>
  polyT([0.528199646263062e3, 0.890579602135307e1, -0.222814134903755, 0.286791682263697e-2], p);
export const T3ab = (p: number): number => lnT(T3AB_LN, p);
export const T3op = (p: number): number => lnT(T3OP_LN, p);
/** SR5-05 Table 11 (auxiliary boundary 3w/3x). */
export const T3wx = (p: number): number => lnT(T3WX_LN, p);
/** SR5-05 eq. 3: the straight line 3e/3f through the critical point, dT/dp = 3.727888004 K/MPa. */
export const T3ef = (p: number): number => 3.727888004 * (p - 22.064) + 647.096;

/** SR5-05 pressures that bound the subregions, MPa. */
const P_SAT_643 = 21.04336732; // ps(643.15 K)
const P_3CD = 19.00881189173929; // where T3cd meets the saturation line
const P_UV_SAT = 21.93161551; // where T3uv meets the saturation line
const P_WX_SAT = 21.90096265; // where T3wx meets the saturation line

/** SR5-05 Tables 2 and 10: the subregion holding (p,T) in region 3. */
export function region3Subregion(p: number, T: number): Region3Subregion {
  if (p > 40) return T <= T3ab(p) ? "a" : "b";
  if (p > 25) {
    if (T <= T3cd(p)) return "c";
    if (T <= T3ab(p)) return "d";
    return T <= T3ef(p) ? "e" : "f";
  }
  if (p > 23.5) {
    if (T <= T3cd(p)) return "c";
    if (T <= T3gh(p)) return "g";
    if (T <= T3ef(p)) return "h";
    if (T <= T3ij(p)) return "i";
    return T <= T3jk(p) ? "j" : "k";
  }
  if (p > 23) {
    if (T <= T3cd(p)) return "c";
    if (T <= T3gh(p)) return "l";
    if (T <= T3ef(p)) return "h";
    if (T <= T3ij(p)) return "i";
    return T <= T3jk(p) ? "j" : "k";
  }
  if (p > 22.5) {
    if (T <= T3cd(p)) return "c";
    if (T <= T3gh(p)) return "l";
    if (T <= T3mn(p)) return "m";
    if (T <= T3ef(p)) return "n";
    if (T <= T3op(p)) return "o";
    if (T <= T3ij(p)) return "p";
    return T <= T3jk(p) ? "j" : "k";
  }
  if (p > P_SAT_643) {
    if (T <= T3cd(p)) return "c";
    if (T <= T3qu(p)) return "q";
    if (T > T3rx(p)) return T <= T3jk(p) ? "r" : "k";
    return nearCriticalSubregion(p, T);
  }
  if (p > 20.5) {
    if (T <= T3cd(p)) return "c";
    if (T <= saturationTemperature(p)) return "s";
    return T <= T3jk(p) ? "r" : "k";
  }
  if (p > P_3CD) {
    if (T <= T3cd(p)) return "c";
    return T <= saturationTemperature(p) ? "s" : "t";
  }
  return T <= saturationTemperature(p) ? "c" : "t";
}

/** SR5-05 Table 10: the auxiliary subregions 3u–3z between T3qu and T3rx. */
function nearCriticalSubregion(p: number, T: number): Region3Subregion {
  if (p > 22.11) {
    if (T <= T3uv(p)) return "u";
    if (T <= T3ef(p)) return "v";
    return T <= T3wx(p) ? "w" : "x";
  }
  if (p > 22.064) {
    if (T <= T3uv(p)) return "u";
    if (T <= T3ef(p)) return "y";
    return T <= T3wx(p) ? "z" : "x";
  }
  if (T > saturationTemperature(p)) {
    if (p <= P_WX_SAT) return "x";
    return T <= T3wx(p) ? "z" : "x";
  }
  if (p <= P_UV_SAT) return "u";
  return T <= T3uv(p) ? "u" : "y";
}

/** B23 boundary (R7-97 eqs. 5, 6), the one definition in boundaries.ts. */
export { pB23 as boundaryB23Pressure, tB23 as boundaryB23Temperature } from "./boundaries";

/** Region 3 as IF97 bounds it: 623.15 K ≤ T ≤ T_B23(p), p ≤ 100 MPa (a rounding's slack on the B23 line). */
export function checkRegion3PT(p: number, T: number): void {
  if (!Number.isFinite(p) || p <= 0 || p > 100) {
    throw invalidArgument("p", {
      ja: `領域3の圧力 p は 100 MPa 以下の正の数値でなければなりません: ${p}`,
      en: `Region 3 pressure p must be a positive number of at most 100 MPa: ${p}`,
    });
  }
  if (!Number.isFinite(T) || T < 623.15 || p < boundaryB23Pressure(T) * (1 - 1e-12)) {
    const tMax = p >= 16.5 ? ` ${boundaryB23Temperature(p)} K` : "";
    throw invalidArgument("T", {
      ja: `領域3の温度 T は 623.15 K 以上かつ B23 境界温度${tMax}以下でなければなりません: ${T}`,
      en: `Region 3 temperature T must lie between 623.15 K and the B23 boundary${tMax}: ${T}`,
    });
  }
}

/** SR5-05 backward v3(p,T), m³/kg, without the range check (for solvers that checked already). */
export function volumeBackwardUnchecked(p: number, T: number): number {
  return subregionVolume(region3Subregion(p, T), p, T);
}

/** SR5-05 backward v3(p,T), m³/kg: the subregion equation chosen by Tables 2 and 10. */
export function region3VolumeBackward(p: number, T: number): number {
  checkRegion3PT(p, T);
  return volumeBackwardUnchecked(p, T);
}

/** SR5-05 section 4.3: saturated volume at (ps, Ts) from the subregion on the given side of the saturation line. */
export function region3SaturatedVolumeBackward(p: number, T: number, side: "liquid" | "vapour"): number {
  let sub: Region3Subregion;
  if (side === "liquid") sub = p <= P_3CD ? "c" : p <= P_SAT_643 ? "s" : p <= P_UV_SAT ? "u" : "y";
  else sub = p <= 20.5 ? "t" : p <= P_SAT_643 ? "r" : p <= P_WX_SAT ? "x" : "z";
  return subregionVolume(sub, p, T);
}

// ---------------------------------------------------------------------------------------------------------------
// SR3-03(2014): T,v(p,h), T,v(p,s), psat3(h), psat3(s)
// ---------------------------------------------------------------------------------------------------------------

const S_V_PH_3A = new PowerSeries(V_PH_3A);
const S_V_PH_3B = new PowerSeries(V_PH_3B);
const S_T_PH_3A = new PowerSeries(T_PH_3A);
const S_T_PH_3B = new PowerSeries(T_PH_3B);
const S_V_PS_3A = new PowerSeries(V_PS_3A);
const S_V_PS_3B = new PowerSeries(V_PS_3B);
const S_T_PS_3A = new PowerSeries(T_PS_3A);
const S_T_PS_3B = new PowerSeries(T_PS_3B);
const S_PSAT_H = new PowerSeries(PSAT_H);
const S_PSAT_S = new PowerSeries(PSAT_S);

/** Critical entropy s_c that splits 3a/3b in the (p,s) equations, kJ/(kg·K) (SR3-03 section 3.3). */
export const S_CRIT = 4.41202148223476;

/** SR3-03 eq. 1: enthalpy on the 3a/3b boundary, kJ/kg. */
export function boundaryH3ab(p: number): number {
  return (
    0.201464004206875e4 + 3.74696550136983 * p - 0.0219921901054187 * p * p + 0.87513168600995e-4 * p * p * p
  );
}

function checkPressure(p: number): void {
  if (!Number.isFinite(p) || p < 16.5 || p > 100) {
    throw invalidArgument("p", {
      ja: `領域3の逆関数の圧力 p は 16.5 MPa 以上 100 MPa 以下でなければなりません: ${p}`,
      en: `Region 3 backward-equation pressure p must lie between 16.5 MPa and 100 MPa: ${p}`,
    });
  }
}

function checkInRange(name: string, x: number, lo: number, hi: number, unit: string): void {
  if (!Number.isFinite(x) || x < lo || x > hi) {
    throw invalidArgument(name, {
      ja: `${name} は ${lo} ${unit} 以上 ${hi} ${unit} 以下でなければなりません: ${x}`,
      en: `${name} must lie between ${lo} ${unit} and ${hi} ${unit}: ${x}`,
    });
  }
}

function finiteResult(x: number, what: string, argument: string): number {
  if (Number.isFinite(x) && x > 0) return x;
  throw new GecError(
    "#NUM!",
    { ja: `${what} が領域3の範囲外です`, en: `${what} lies outside region 3` },
    argument,
  );
}

/** Generous h and s ranges of region 3 for the backward equations (the exact edges are B13 and B23). */
const H_RANGE: [number, number] = [1000, 3500];
const S_RANGE: [number, number] = [2.5, 6.5];

/** SR3-03 eqs. 2, 3 (Tables 3, 4): backward T3(p,h), K. */
export function region3TemperaturePH(p: number, h: number): number {
  checkPressure(p);
  checkInRange("h", h, H_RANGE[0], H_RANGE[1], "kJ/kg");
  return finiteResult(temperaturePHUnchecked(p, h), "(p, h)", "h");
}

/** SR3-03 eqs. 4, 5 (Tables 6, 7): backward v3(p,h), m³/kg. */
export function region3VolumePH(p: number, h: number): number {
  checkPressure(p);
  checkInRange("h", h, H_RANGE[0], H_RANGE[1], "kJ/kg");
  return finiteResult(volumePHUnchecked(p, h), "(p, h)", "h");
}

/** SR3-03 eqs. 6, 7 (Tables 10, 11): backward T3(p,s), K. */
export function region3TemperaturePS(p: number, s: number): number {
  checkPressure(p);
  checkInRange("s", s, S_RANGE[0], S_RANGE[1], "kJ/(kg·K)");
  return finiteResult(temperaturePSUnchecked(p, s), "(p, s)", "s");
}

/** SR3-03 eqs. 8, 9 (Tables 13, 14): backward v3(p,s), m³/kg. */
export function region3VolumePS(p: number, s: number): number {
  checkPressure(p);
  checkInRange("s", s, S_RANGE[0], S_RANGE[1], "kJ/(kg·K)");
  return finiteResult(volumePSUnchecked(p, s), "(p, s)", "s");
}

/** T3(p,h) without range checks. */
export function temperaturePHUnchecked(p: number, h: number): number {
  const pi = p / 100;
  if (h <= boundaryH3ab(p)) return 760 * S_T_PH_3A.evaluate(pi + 0.24, h / 2300 - 0.615);
  return 860 * S_T_PH_3B.evaluate(pi + 0.298, h / 2800 - 0.72);
}

/** v3(p,h) without range checks. */
export function volumePHUnchecked(p: number, h: number): number {
  const pi = p / 100;
  if (h <= boundaryH3ab(p)) return 0.0028 * S_V_PH_3A.evaluate(pi + 0.128, h / 2100 - 0.727);
  return 0.0088 * S_V_PH_3B.evaluate(pi + 0.0661, h / 2800 - 0.72);
}

function temperaturePSUnchecked(p: number, s: number): number {
  const pi = p / 100;
  if (s <= S_CRIT) return 760 * S_T_PS_3A.evaluate(pi + 0.24, s / 4.4 - 0.703);
  return 860 * S_T_PS_3B.evaluate(pi + 0.76, s / 5.3 - 0.818);
}

function volumePSUnchecked(p: number, s: number): number {
  const pi = p / 100;
  if (s <= S_CRIT) return 0.0028 * S_V_PS_3A.evaluate(pi + 0.187, s / 4.4 - 0.755);
  return 0.0088 * S_V_PS_3B.evaluate(pi + 0.298, s / 5.3 - 0.816);
}

/** SR3-03 eq. 10 (Table 17): saturation pressure psat3(h) on the region 3 part of the saturation line, MPa. */
export function region3SaturationPressureH(h: number): number {
  // h'(623.15 K) … h''(623.15 K), SR3-03 section 4.1.
  checkInRange("h", h, 1670.858218, 2563.592004, "kJ/kg");
  return 22 * S_PSAT_H.evaluate(h / 2600 - 1.02, h / 2600 - 0.608);
}

/** SR3-03 eq. 11 (Table 19): saturation pressure psat3(s), MPa. */
export function region3SaturationPressureS(s: number): number {
  // s'(623.15 K) … s''(623.15 K), SR3-03 section 4.2.
  checkInRange("s", s, 3.77828134, 5.210887825, "kJ/(kg·K)");
  return 22 * S_PSAT_S.evaluate(s / 5.2 - 1.03, s / 5.2 - 0.699);
}
