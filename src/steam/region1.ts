// IAPWS-IF97 region 1 (compressed liquid): the basic equation γ(π,τ) (R7-97(2012) eq. 7, Tables 2, 3).
import { PowerSeries, R } from "./region2";
import type { SteamProps } from "./types";

const P_STAR = 16.53;
const T_STAR = 1386;

/** Table 2: γ = Σ nᵢ (7.1 − π)ᴵⁱ (τ − 1.222)ᴶⁱ. */
const I1 = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 8, 8, 21, 23, 29, 30, 31, 32,
];
const J1 = [
  -2, -1, 0, 1, 2, 3, 4, 5, -9, -7, -1, 0, 1, 3, -3, 0, 1, 3, 17, -4, 0, 6, -5, -2, 10, -8, -11, -6, -29, -31,
  -38, -39, -40, -41,
];
const N1 = [
  0.14632971213167, -0.84548187169114, -0.3756360367204e1, 0.33855169168385e1, -0.95791963387872,
  0.15772038513228, -0.16616417199501e-1, 0.81214629983568e-3, 0.28319080123804e-3, -0.60706301565874e-3,
  -0.18990068218419e-1, -0.32529748770505e-1, -0.21841717175414e-1, -0.5283835796993e-4, -0.47184321073267e-3,
  -0.30001780793026e-3, 0.47661393906987e-4, -0.44141845330846e-5, -0.72694996297594e-15,
  -0.31679644845054e-4, -0.28270797985312e-5, -0.85205128120103e-9, -0.22425281908e-5, -0.65171222895601e-6,
  -0.14341729937924e-12, -0.40516996860117e-6, -0.12734301741641e-8, -0.17424871230634e-9,
  -0.68762131295531e-18, 0.14478307828521e-19, 0.26335781662795e-22, -0.11947622640071e-22,
  0.18228094581404e-23, -0.93537087292458e-25,
];

const GIBBS_1 = new PowerSeries(I1, J1, N1);
/** n·J of Table 2, so each term of γ_τ is one multiply by the precomputed powers. */
const NJ1 = Float64Array.from(N1, (n, k) => n * J1[k]);

/**
 * γ_τ of region 1 written out term by term (Table 2, J = 0 terms drop out), x = 7.1 − π, y = τ − 1.222:
 * straight-line code with powers from short multiplication chains, no loops, tables or Math.pow.
 */
function gammaTau1(x: number, y: number): number {
  const x2 = x * x;
  const x3 = x2 * x;
  const x4 = x3 * x;
  const x5 = x4 * x;
  const x8 = x5 * x3;
  const x10 = x8 * x2;
  const x11 = x10 * x;
  const x21 = x10 * x11;
  const x23 = x21 * x2;
  const x29 = x21 * x8;
  const x30 = x29 * x;
  const x31 = x30 * x;
  const x32 = x31 * x;
  const y2 = y * y;
  const y3 = y2 * y;
  const y4 = y3 * y;
  const y5 = y4 * y;
  const y9 = y5 * y4;
  const y8 = y5 * y3;
  const y16 = y8 * y8;
  const r1 = 1 / y;
  const r2 = r1 * r1;
  const r3 = r2 * r1;
  const r4 = r3 * r1;
  const r5 = r4 * r1;
  const r6 = r5 * r1;
  const r7 = r6 * r1;
  const r8 = r7 * r1;
  const r9 = r8 * r1;
  const r10 = r9 * r1;
  const r12 = r10 * r2;
  const r15 = r12 * r3;
  const r30 = r15 * r15;
  const r32 = r30 * r2;
  const r39 = r32 * r7;
  const r40 = r39 * r1;
  const r41 = r40 * r1;
  const r42 = r41 * r1;
  return (
    NJ1[0] * r3 +
    NJ1[1] * r2 +
    NJ1[3] +
    NJ1[4] * y +
    NJ1[5] * y2 +
    NJ1[6] * y3 +
    NJ1[7] * y4 +
    x * (NJ1[8] * r10 + NJ1[9] * r8 + NJ1[10] * r2 + NJ1[12] + NJ1[13] * y2) +
    x2 * (NJ1[14] * r4 + NJ1[16] + NJ1[17] * y2 + NJ1[18] * y16) +
    x3 * (NJ1[19] * r5 + NJ1[21] * y5) +
    x4 * (NJ1[22] * r6 + NJ1[23] * r3 + NJ1[24] * y9) +
    x5 * (NJ1[25] * r9) +
    x8 * (NJ1[26] * r12 + NJ1[27] * r7) +
    x21 * (NJ1[28] * r30) +
    x23 * (NJ1[29] * r32) +
    x29 * (NJ1[30] * r39) +
    x30 * (NJ1[31] * r40) +
    x31 * (NJ1[32] * r41) +
    x32 * (NJ1[33] * r42)
  );
}

/** Specific enthalpy h₁(p,T), kJ/kg = RT·τ·γ_τ. No range check. */
export function enthalpyRegion1(p: number, T: number): number {
  return R * T_STAR * gammaTau1(7.1 - p / P_STAR, T_STAR / T - 1.222);
}

/** All properties from the region 1 basic equation (Table 3 relations). No range check. */
export function propertiesRegion1(p: number, T: number): SteamProps {
  const pi = p / P_STAR;
  const tau = T_STAR / T;
  const g = GIBBS_1;
  g.evaluate(7.1 - pi, tau - 1.222);
  // d/dπ of (7.1 − π)ᴵ carries a minus sign.
  const gp = -g.gx;
  const gpp = g.gxx;
  const gt = g.gy;
  const gtt = g.gyy;
  const gpt = -g.gxy;
  const rt = R * T;
  const mix = gp - tau * gpt;
  return {
    p,
    T,
    v: (rt * pi * gp) / (p * 1000),
    h: rt * tau * gt,
    u: rt * (tau * gt - pi * gp),
    s: R * (tau * gt - g.g),
    cp: -R * tau * tau * gtt,
    w: Math.sqrt((1000 * rt * gp * gp) / ((mix * mix) / (tau * tau * gtt) - gpp)),
  };
}
