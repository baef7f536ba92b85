// IF97 region 3: basic equation f(ρ,T) (R7-97(2012) eq. 28) and exact (p,T), saturation and (p,h) solvers on it.
import { GecError, invalidArgument } from "../errors";
import { saturationPressure } from "./region4";
import { BASIC } from "./region3Coefficients";
import type { SteamProps } from "./types";
import {
  checkRegion3PT,
  region3SaturatedVolumeBackward,
  temperaturePHUnchecked,
  volumeBackwardUnchecked,
  volumePHUnchecked,
} from "./region3Backward";

/** Specific gas constant of IF97, kJ/(kg·K). */
export const R = 0.461526;
export const T_CRIT = 647.096;
export const P_CRIT = 22.064;
export const RHO_CRIT = 322;
/** Lower temperature bound of region 3, K. */
export const T_MIN_REGION3 = 623.15;
/** n₁ of Table 30: coefficient of ln δ. */
const N1 = 1.0658070028513;

const TERMS = BASIC.n.length;
const I_EXP = Int32Array.from(BASIC.I);
const J_EXP = Int32Array.from(BASIC.J);
const N = Float64Array.from(BASIC.n);
/** Per-term factors so each derivative is one multiply of the shared δ^I·τ^J. */
const N_I = N.map((n, k) => n * I_EXP[k]);
const N_II = N.map((n, k) => n * I_EXP[k] * (I_EXP[k] - 1));
const N_J = N.map((n, k) => n * J_EXP[k]);
const N_JJ = N.map((n, k) => n * J_EXP[k] * (J_EXP[k] - 1));
const N_IJ = N.map((n, k) => n * I_EXP[k] * J_EXP[k]);
const MAX_I = Math.max(...BASIC.I);
const MAX_J = Math.max(...BASIC.J);
const deltaPow = new Float64Array(MAX_I + 1);
const tauPow = new Float64Array(MAX_J + 1);

function fillPowers(delta: number, tau: number): void {
  deltaPow[0] = 1;
  for (let k = 1; k <= MAX_I; k++) deltaPow[k] = deltaPow[k - 1] * delta;
  tauPow[0] = 1;
  for (let k = 1; k <= MAX_J; k++) tauPow[k] = tauPow[k - 1] * tau;
}

/** Reduced derivatives of φ = f/(RT), each pre-multiplied by its δ and τ powers (δφ_δ, δ²φ_δδ, …). */
interface Phi {
  phi: number;
  dPhiD: number;
  d2PhiDD: number;
  tPhiT: number;
  t2PhiTT: number;
  dtPhiDT: number;
}

function phiAll(delta: number, tau: number): Phi {
  fillPowers(delta, tau);
  let phi = 0;
  let d1 = 0;
  let d2 = 0;
  let t1 = 0;
  let t2 = 0;
  let dt = 0;
  for (let k = 0; k < TERMS; k++) {
    const base = deltaPow[I_EXP[k]] * tauPow[J_EXP[k]];
    phi += N[k] * base;
    d1 += N_I[k] * base;
    d2 += N_II[k] * base;
    t1 += N_J[k] * base;
    t2 += N_JJ[k] * base;
    dt += N_IJ[k] * base;
  }
  return {
    phi: phi + N1 * Math.log(delta),
    dPhiD: d1 + N1,
    d2PhiDD: d2 - N1,
    tPhiT: t1,
    t2PhiTT: t2,
    dtPhiDT: dt,
  };
}

/** Results of the straight-line sums below (module scratch: no allocation on the hot path). */
let sumD = 0;
let sumDD = 0;
let sumT = 0;

// Generated from BASIC (Table 30) by grouping the terms by their power of δ; coefficients stay in the table.
const c = BASIC.n;

/** δφ_δ − n₁ and δ²φ_δδ + n₁ of eq. 28 (straight-line form of the Table 30 sum). */
function deltaSums(delta: number, tau: number): void {
  const t2 = tau * tau;
  const t3 = t2 * tau;
  const t4 = t2 * t2;
  const t6 = t3 * t3;
  const t7 = t6 * tau;
  const t10 = t6 * t4;
  const t12 = t6 * t6;
  const t15 = t12 * t3;
  const t16 = t12 * t4;
  const t17 = t16 * tau;
  const t22 = t12 * t10;
  const t26 = t22 * t4;
  const a1 = c[7] * t2 + c[8] * t6 + c[9] * t15 + c[10] * t17;
  const a2 = c[11] + c[12] * t2 + c[13] * t6 + c[14] * t7 + c[15] * t22 + c[16] * t26;
  const a3 = c[17] + c[18] * t2 + c[19] * t4 + c[20] * t16 + c[21] * t26;
  const a4 = c[22] + c[23] * t2 + c[24] * t4 + c[25] * t26;
  const a5 = c[26] * tau + c[27] * t3 + c[28] * t26;
  const a6 = c[29] + c[30] * t2 + c[31] * t26;
  const a7 = c[32] * t2;
  const a8 = c[33] * t26;
  const a9 = c[34] * t2 + c[35] * t26;
  const a10 = c[36] + c[37] * tau;
  const a11 = c[38] * t26;
  const d2 = delta * delta;
  const d3 = d2 * delta;
  const d4 = d2 * d2;
  const d5 = d4 * delta;
  const d6 = d3 * d3;
  const d7 = d6 * delta;
  const d8 = d4 * d4;
  const d9 = d8 * delta;
  const d10 = d5 * d5;
  const d11 = d10 * delta;
  const d1 = delta;
  sumD =
    a1 * d1 +
    2 * a2 * d2 +
    3 * a3 * d3 +
    4 * a4 * d4 +
    5 * a5 * d5 +
    6 * a6 * d6 +
    7 * a7 * d7 +
    8 * a8 * d8 +
    9 * a9 * d9 +
    10 * a10 * d10 +
    11 * a11 * d11;
  sumDD =
    2 * a2 * d2 +
    6 * a3 * d3 +
    12 * a4 * d4 +
    20 * a5 * d5 +
    30 * a6 * d6 +
    42 * a7 * d7 +
    56 * a8 * d8 +
    72 * a9 * d9 +
    90 * a10 * d10 +
    110 * a11 * d11;
}

/** δφ_δ − n₁ and τφ_τ (straight-line form of the Table 30 sum). */
function deltaTauSums(delta: number, tau: number): void {
  const t2 = tau * tau;
  const t3 = t2 * tau;
  const t4 = t2 * t2;
  const t6 = t3 * t3;
  const t7 = t6 * tau;
  const t10 = t6 * t4;
  const t12 = t6 * t6;
  const t15 = t12 * t3;
  const t16 = t12 * t4;
  const t17 = t16 * tau;
  const t22 = t12 * t10;
  const t23 = t22 * tau;
  const t26 = t22 * t4;
  const b0 = c[1] * tau + 2 * c[2] * t2 + 7 * c[3] * t7 + 10 * c[4] * t10 + 12 * c[5] * t12 + 23 * c[6] * t23;
  const a1 = c[7] * t2 + c[8] * t6 + c[9] * t15 + c[10] * t17;
  const b1 = 2 * c[7] * t2 + 6 * c[8] * t6 + 15 * c[9] * t15 + 17 * c[10] * t17;
  const a2 = c[11] + c[12] * t2 + c[13] * t6 + c[14] * t7 + c[15] * t22 + c[16] * t26;
  const b2 = 2 * c[12] * t2 + 6 * c[13] * t6 + 7 * c[14] * t7 + 22 * c[15] * t22 + 26 * c[16] * t26;
  const a3 = c[17] + c[18] * t2 + c[19] * t4 + c[20] * t16 + c[21] * t26;
  const b3 = 2 * c[18] * t2 + 4 * c[19] * t4 + 16 * c[20] * t16 + 26 * c[21] * t26;
  const a4 = c[22] + c[23] * t2 + c[24] * t4 + c[25] * t26;
  const b4 = 2 * c[23] * t2 + 4 * c[24] * t4 + 26 * c[25] * t26;
  const a5 = c[26] * tau + c[27] * t3 + c[28] * t26;
  const b5 = c[26] * tau + 3 * c[27] * t3 + 26 * c[28] * t26;
  const a6 = c[29] + c[30] * t2 + c[31] * t26;
  const b6 = 2 * c[30] * t2 + 26 * c[31] * t26;
  const a7 = c[32] * t2;
  const b7 = 2 * c[32] * t2;
  const a8 = c[33] * t26;
  const b8 = 26 * c[33] * t26;
  const a9 = c[34] * t2 + c[35] * t26;
  const b9 = 2 * c[34] * t2 + 26 * c[35] * t26;
  const a10 = c[36] + c[37] * tau;
  const b10 = c[37] * tau;
  const a11 = c[38] * t26;
  const b11 = 26 * c[38] * t26;
  const d2 = delta * delta;
  const d3 = d2 * delta;
  const d4 = d2 * d2;
  const d5 = d4 * delta;
  const d6 = d3 * d3;
  const d7 = d6 * delta;
  const d8 = d4 * d4;
  const d9 = d8 * delta;
  const d10 = d5 * d5;
  const d11 = d10 * delta;
  const d1 = delta;
  sumD =
    a1 * d1 +
    2 * a2 * d2 +
    3 * a3 * d3 +
    4 * a4 * d4 +
    5 * a5 * d5 +
    6 * a6 * d6 +
    7 * a7 * d7 +
    8 * a8 * d8 +
    9 * a9 * d9 +
    10 * a10 * d10 +
    11 * a11 * d11;
  sumT =
    b0 +
    b1 * d1 +
    b2 * d2 +
    b3 * d3 +
    b4 * d4 +
    b5 * d5 +
    b6 * d6 +
    b7 * d7 +
    b8 * d8 +
    b9 * d9 +
    b10 * d10 +
    b11 * d11;
}

/** p (MPa) and ∂p/∂ρ at constant T (MPa·m³/kg) for the Newton iterations; the slope goes to slopeOut. */
let slopeOut = 0;
function pressureAndSlope(rho: number, T: number): number {
  deltaSums(rho / RHO_CRIT, T_CRIT / T);
  const d1 = sumD + N1;
  const rt = (R * T) / 1000;
  slopeOut = rt * (2 * d1 + sumDD - N1);
  return rho * rt * d1;
}

function checkFinitePositive(name: string, x: number, unit: string): void {
  if (!Number.isFinite(x) || x <= 0) {
    throw invalidArgument(name, {
      ja: `${name} は正の有限な数値 (${unit}) でなければなりません: ${x}`,
      en: `${name} must be a positive finite number (${unit}): ${x}`,
    });
  }
}

/** Pressure p3(ρ,T), MPa, from eq. 28 (p = ρRT·δφ_δ). No range check: for iterations. */
export function region3Pressure(rho: number, T: number): number {
  deltaSums(rho / RHO_CRIT, T_CRIT / T);
  return (rho * R * T * (sumD + N1)) / 1000;
}

/** Enthalpy h3(ρ,T), kJ/kg. No range check. */
export function region3Enthalpy(rho: number, T: number): number {
  deltaTauSums(rho / RHO_CRIT, T_CRIT / T);
  return R * T * (sumT + sumD + N1);
}

/** All properties from the basic equation of region 3 (R7-97(2012) eq. 28, Table 31). */
export function region3Properties(rho: number, T: number): SteamProps {
  checkFinitePositive("rho", rho, "kg/m³");
  checkFinitePositive("T", T, "K");
  const f = phiAll(rho / RHO_CRIT, T_CRIT / T);
  const rt = R * T;
  const cvOverR = -f.t2PhiTT;
  const mixed = f.dPhiD - f.dtPhiDT;
  const stiff = 2 * f.dPhiD + f.d2PhiDD;
  return {
    p: (rho * rt * f.dPhiD) / 1000,
    T,
    v: 1 / rho,
    h: rt * (f.tPhiT + f.dPhiD),
    u: rt * f.tPhiT,
    s: R * (f.tPhiT - f.phi),
    cp: R * (cvOverR + (mixed * mixed) / stiff),
    w: Math.sqrt(1000 * rt * (stiff + (mixed * mixed) / cvOverR)),
  };
}

const REL_TOL = 1e-13;
/** Relative Newton step below which p3's own rounding (~1e-14 of p in dense liquid) dominates. */
const STEP_TOL = 1e-14;

/**
 * Newton on p3(ρ,T) = p from ρ0, kept inside [lo, hi] where p3 rises with ρ; a step that leaves the bracket or
 * meets a non-positive slope is replaced by bisection, so the iteration cannot jump to another branch.
 */
function solveDensity(p: number, T: number, rho0: number, lo: number, hi: number): number {
  let rho = Number.isFinite(rho0) ? Math.min(Math.max(rho0, lo), hi) : 0.5 * (lo + hi);
  for (let it = 0; it < 200; it++) {
    const f = pressureAndSlope(rho, T) - p;
    if (Math.abs(f) <= REL_TOL * p) return rho;
    if (f > 0) hi = Math.min(hi, rho);
    else lo = Math.max(lo, rho);
    let next = slopeOut > 0 ? rho - f / slopeOut : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - rho) <= STEP_TOL * rho || hi - lo <= 4 * Number.EPSILON * hi) return next;
    rho = next;
  }
  return rho;
}

/** Density bounds that hold every region 3 state (ρ'' at the B23/saturation corner is ~113 kg/m³). */
const RHO_LOW = 50;
const RHO_HIGH = 800;

/**
 * Density, kg/m³, that satisfies the basic equation at (p,T) in region 3. The SR5-05 backward v3(p,T) starts
 * Newton; below T_c the bracket stops at the saturation density so p > ps(T) gives liquid and p < ps(T) vapour.
 */
export function region3DensityPT(p: number, T: number): number {
  checkRegion3PT(p, T);
  const rho0 = 1 / volumeBackwardUnchecked(p, T);
  // Fast path: the start lies within ~1e-5 (near-critical: ~1e-2) of the root, so Newton needs 1–3 steps.
  // Within 0.5 K below T_c both phases' roots are close together: go straight to the bracketed solver.
  if (!(T < T_CRIT && T > T_CRIT - 0.5)) {
    let rho = rho0;
    let previous = 0;
    for (let it = 0; it < 6; it++) {
      const f = pressureAndSlope(rho, T) - p;
      if (!(slopeOut > 0)) break;
      if (Math.abs(f) <= REL_TOL * p) return acceptNear(rho, rho0, p, T);
      const step = f / slopeOut;
      rho -= step;
      // The step is below the rounding floor of p3: further steps only dither.
      if (Math.abs(step) <= STEP_TOL * rho) return acceptNear(rho, rho0, p, T);
      // Quadratic convergence: the error left after this step is ~ step³/previous², far below 1e-16·ρ once
      // two steps have shrunk as Newton's should; skip the evaluation that would only confirm it.
      const a = Math.abs(step);
      if (previous > 0 && a < 1e-3 * previous && a * a * a <= 1e-16 * previous * previous * rho) {
        return acceptNear(rho, rho0, p, T);
      }
      previous = a;
    }
  }
  if (T >= T_CRIT) return solveDensity(p, T, rho0, RHO_LOW, RHO_HIGH);
  return bracketedBelowCritical(p, T, rho0);
}

/** A fast-path root far from the backward start may sit on the wrong branch: re-solve it in a bracket. */
function acceptNear(rho: number, rho0: number, p: number, T: number): number {
  if (Math.abs(rho - rho0) <= 0.02 * rho0) return rho;
  return T >= T_CRIT ? solveDensity(p, T, rho0, RHO_LOW, RHO_HIGH) : bracketedBelowCritical(p, T, rho0);
}

function bracketedBelowCritical(p: number, T: number, rho0: number): number {
  const sat = region3Saturation(T);
  return p >= sat.p
    ? solveDensity(p, T, Math.max(rho0, sat.rhoLiquid), sat.rhoLiquid, RHO_HIGH)
    : solveDensity(p, T, Math.min(rho0, sat.rhoVapour), RHO_LOW, sat.rhoVapour);
}

/** Reduced-temperature distance below T_c inside which both phases are taken as the critical density. */
const CRITICAL_BAND = 1e-9;

/**
 * Saturated liquid and vapour densities at T (623.15 K ≤ T ≤ T_c) by iteration on p3(ρ,T) = ps(T), ps from
 * IF97 eq. 30 (region 4); the SR5-05 saturation-side subregions (3c, 3s, 3u, 3y / 3t, 3r, 3x, 3z) start it.
 */
export function region3Saturation(T: number): { p: number; rhoLiquid: number; rhoVapour: number } {
  // A rounding's slack at both ends: Ts(p) of eq. 31 may land an ulp outside [623.15 K, T_c].
  if (Math.abs(T - T_CRIT) <= 1e-9) T = T_CRIT;
  if (Math.abs(T - T_MIN_REGION3) <= 1e-9) T = T_MIN_REGION3;
  if (!Number.isFinite(T) || T < T_MIN_REGION3 || T > T_CRIT) {
    throw invalidArgument("T", {
      ja: `領域3の飽和温度 T は 623.15 K 以上 647.096 K 以下でなければなりません: ${T}`,
      en: `Region 3 saturation temperature T must lie between 623.15 K and 647.096 K: ${T}`,
    });
  }
  const p = saturationPressure(T);
  if (T_CRIT - T <= CRITICAL_BAND * T_CRIT) return { p, rhoLiquid: RHO_CRIT, rhoVapour: RHO_CRIT };
  const spinodal = spinodalDensities(T);
  const rhoL0 = 1 / region3SaturatedVolumeBackward(p, T, "liquid");
  const rhoV0 = 1 / region3SaturatedVolumeBackward(p, T, "vapour");
  const rhoLiquid =
    pressureAndSlope(spinodal.liquid, T) >= p
      ? spinodal.liquid
      : solveDensity(p, T, rhoL0, spinodal.liquid, RHO_HIGH);
  const rhoVapour =
    pressureAndSlope(spinodal.vapour, T) <= p
      ? spinodal.vapour
      : solveDensity(p, T, rhoV0, RHO_LOW, spinodal.vapour);
  return { p, rhoLiquid, rhoVapour };
}

/**
 * Phase equilibrium of eq. 28 alone (Maxwell criterion): p, ρ', ρ'' with p3(ρ',T) = p3(ρ'',T) = p and
 * g(ρ') = g(ρ''). Its p differs from ps(T) of eq. 30 by the consistency of the two IF97 fits (~1e-5); the
 * densities serve as a cross-check of region3Saturation. Newton on p: d(g' − g'')/dp = v' − v''.
 */
export function region3SaturationMaxwell(T: number): { p: number; rhoLiquid: number; rhoVapour: number } {
  const start = region3Saturation(T);
  if (start.rhoLiquid === start.rhoVapour) return start;
  const spinodal = spinodalDensities(T);
  const pLow = pressureAndSlope(spinodal.liquid, T);
  const pHigh = pressureAndSlope(spinodal.vapour, T);
  let p = Math.min(Math.max(start.p, pLow), pHigh);
  let rhoL = start.rhoLiquid;
  let rhoV = start.rhoVapour;
  const rt = R * T;
  for (let it = 0; it < 50; it++) {
    rhoL = solveDensity(p, T, rhoL, spinodal.liquid, RHO_HIGH);
    rhoV = solveDensity(p, T, rhoV, RHO_LOW, spinodal.vapour);
    const fl = phiAll(rhoL / RHO_CRIT, T_CRIT / T);
    const gl = rt * (fl.phi + fl.dPhiD);
    const fv = phiAll(rhoV / RHO_CRIT, T_CRIT / T);
    const gv = rt * (fv.phi + fv.dPhiD);
    const dg = gl - gv;
    if (Math.abs(dg) <= 1e-13 * Math.abs(gl)) break;
    // kJ/kg over m³/kg is kPa
    const next = p - dg / (1 / rhoL - 1 / rhoV) / 1000;
    p = Math.min(Math.max(next, pLow), pHigh);
  }
  return { p, rhoLiquid: rhoL, rhoVapour: rhoV };
}

/**
 * The densities where ∂p/∂ρ = 0 at T < T_c (vapour-side maximum, liquid-side minimum of p3): the ends of the
 * branches on which p3 rises with ρ. Found by bisection on the sign of the slope either side of ρ_c.
 */
function spinodalDensities(T: number): { vapour: number; liquid: number } {
  // The slope is negative somewhere between the spinodals; start from ρ_c, where it is negative below T_c.
  let mid = RHO_CRIT;
  pressureAndSlope(mid, T);
  if (slopeOut > 0) {
    // Very near T_c the unstable loop is narrow and may sit off ρ_c: search outward for a negative slope.
    let found = false;
    for (let k = 1; k <= 200 && !found; k++) {
      for (const sign of [-1, 1]) {
        const r = RHO_CRIT * (1 + sign * 0.001 * k);
        pressureAndSlope(r, T);
        if (slopeOut <= 0) {
          mid = r;
          found = true;
          break;
        }
      }
    }
    if (!found) return { vapour: RHO_CRIT, liquid: RHO_CRIT };
  }
  const bisectSlope = (a: number, b: number): number => {
    // a: slope > 0 side, b: slope <= 0 side
    for (let it = 0; it < 100 && Math.abs(b - a) > 1e-12 * b; it++) {
      const m = 0.5 * (a + b);
      pressureAndSlope(m, T);
      if (slopeOut > 0) a = m;
      else b = m;
    }
    return a;
  };
  return { vapour: bisectSlope(RHO_LOW, mid), liquid: bisectSlope(RHO_HIGH, mid) };
}

/**
 * Exact state (T, ρ) at (p,h) in region 3: the SR3-03 backward T3(p,h), v3(p,h) start a 2-D Newton on the basic
 * equation to p3(ρ,T) = p and h3(ρ,T) = h.
 */
export function region3StatePH(p: number, h: number): { T: number; rho: number } {
  if (!Number.isFinite(p) || p <= 0 || p > 100) {
    throw invalidArgument("p", {
      ja: `領域3の圧力 p は 0 MPa より大きく 100 MPa 以下でなければなりません: ${p}`,
      en: `Region 3 pressure p must be above 0 MPa and at most 100 MPa: ${p}`,
    });
  }
  if (!Number.isFinite(h) || h <= 0) {
    throw invalidArgument("h", {
      ja: `比エンタルピー h は正の有限な数値 (kJ/kg) でなければなりません: ${h}`,
      en: `Specific enthalpy h must be a positive finite number (kJ/kg): ${h}`,
    });
  }
  let T = temperaturePHUnchecked(p, h);
  let rho = 1 / volumePHUnchecked(p, h);
  for (let it = 0; it < 50; it++) {
    const f = phiAll(rho / RHO_CRIT, T_CRIT / T);
    const rt = R * T;
    const pr = (rho * rt * f.dPhiD) / 1000;
    const hr = rt * (f.tPhiT + f.dPhiD);
    const fp = pr - p;
    const fh = hr - h;
    if (Math.abs(fp) <= 1e-13 * p && Math.abs(fh) <= 1e-13 * Math.abs(h)) break;
    // ∂p/∂ρ, ∂p/∂T, ∂h/∂ρ, ∂h/∂T from the reduced derivatives (R7-97 Table 31 relations).
    const dpdr = (rt * (2 * f.dPhiD + f.d2PhiDD)) / 1000;
    const dpdT = (rho * R * (f.dPhiD - f.dtPhiDT)) / 1000;
    const dhdr = (rt * (f.dtPhiDT + f.dPhiD + f.d2PhiDD)) / rho;
    const dhdT = R * (-f.t2PhiTT + f.dPhiD - f.dtPhiDT);
    const det = dpdr * dhdT - dpdT * dhdr;
    const dRho = (fp * dhdT - fh * dpdT) / det;
    const dT = (fh * dpdr - fp * dhdr) / det;
    rho -= dRho;
    T -= dT;
    if (Math.abs(dRho) <= 1e-15 * rho && Math.abs(dT) <= 1e-15 * T) break;
  }
  if (!(Number.isFinite(T) && Number.isFinite(rho) && rho > 0 && T > 0)) {
    throw new GecError(
      "#NUM!",
      {
        ja: `領域3で (p, h) = (${p} MPa, ${h} kJ/kg) を満たす状態が見つかりません`,
        en: `No region 3 state satisfies (p, h) = (${p} MPa, ${h} kJ/kg)`,
      },
      "h",
    );
  }
  return { T, rho };
}

// The backward equations are part of this module's API too, so callers need one import.
export {
  boundaryB23Pressure,
  boundaryB23Temperature,
  boundaryH3ab,
  region3SaturatedVolumeBackward,
  region3SaturationPressureH,
  region3SaturationPressureS,
  region3Subregion,
  region3TemperaturePH,
  region3TemperaturePS,
  region3VolumeBackward,
  region3VolumePH,
  region3VolumePS,
  subregionVolume,
  T3ab,
  T3cd,
  T3ef,
  T3gh,
  T3ij,
  T3jk,
  T3mn,
  T3op,
  T3qu,
  T3rx,
  T3uv,
  T3wx,
} from "./region3Backward";
export type { Region3Subregion } from "./region3Backward";
