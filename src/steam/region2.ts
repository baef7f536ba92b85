// IAPWS-IF97 region 2 (superheated vapour): the basic equation (R7-97(2012) eq. 15, Tables 10, 11) and the
// metastable-vapour equation (eq. 18, Tables 10, 16), both as γ(π,τ) = γ°(π,τ) + γʳ(π,τ).
import type { SteamProps } from "./types";

/** Specific gas constant of IF97, kJ/(kg·K). */
export const R = 0.461526;

/**
 * Σ nᵢ xᴵⁱ yᴶⁱ and its derivatives with integer exponents, by power tables filled with repeated multiplication
 * (no Math.pow, no allocation per call). Results land in the public fields; x and y must be non-zero.
 */
export class PowerSeries {
  private readonly I: Int32Array;
  private readonly J: Int32Array;
  private readonly n: Float64Array;
  private readonly nI: Float64Array;
  private readonly nJ: Float64Array;
  private readonly nII: Float64Array;
  private readonly nJJ: Float64Array;
  private readonly nIJ: Float64Array;
  private readonly iMin: number;
  private readonly jMin: number;
  private readonly xPow: Float64Array;
  private readonly yPow: Float64Array;
  /** Σ n xᴵ yᴶ */
  g = 0;
  /** ∂/∂x */
  gx = 0;
  /** ∂²/∂x² */
  gxx = 0;
  /** ∂/∂y */
  gy = 0;
  /** ∂²/∂y² */
  gyy = 0;
  /** ∂²/∂x∂y */
  gxy = 0;

  constructor(I: readonly number[], J: readonly number[], n: readonly number[]) {
    this.I = Int32Array.from(I);
    this.J = Int32Array.from(J);
    this.n = Float64Array.from(n);
    this.nI = this.n.map((c, k) => c * I[k]);
    this.nJ = this.n.map((c, k) => c * J[k]);
    this.nII = this.n.map((c, k) => c * I[k] * (I[k] - 1));
    this.nJJ = this.n.map((c, k) => c * J[k] * (J[k] - 1));
    this.nIJ = this.n.map((c, k) => c * I[k] * J[k]);
    this.iMin = Math.min(0, ...I);
    this.jMin = Math.min(0, ...J);
    this.xPow = new Float64Array(Math.max(0, ...I) - this.iMin + 1);
    this.yPow = new Float64Array(Math.max(0, ...J) - this.jMin + 1);
  }

  private static fill(table: Float64Array, offset: number, x: number): void {
    // table[k - offset] = x^k for k from offset (≤ 0) up
    const zero = -offset;
    table[zero] = 1;
    for (let k = zero + 1; k < table.length; k++) table[k] = table[k - 1] * x;
    if (zero > 0) {
      const inv = 1 / x;
      for (let k = zero - 1; k >= 0; k--) table[k] = table[k + 1] * inv;
    }
  }

  /** Fills the power tables for (x, y); the index of term k is then I[k] - iMin, J[k] - jMin. */
  private powers(x: number, y: number): void {
    PowerSeries.fill(this.xPow, this.iMin, x);
    PowerSeries.fill(this.yPow, this.jMin, y);
  }

  /** Σ n xᴵ yᴶ alone (backward equations). */
  value(x: number, y: number): number {
    this.powers(x, y);
    const { I, J, n, xPow, yPow, iMin, jMin } = this;
    let g = 0;
    for (let k = 0; k < n.length; k++) g += n[k] * xPow[I[k] - iMin] * yPow[J[k] - jMin];
    return g;
  }

  /** ∂/∂y alone: what the enthalpy needs. */
  derivativeY(x: number, y: number): number {
    this.powers(x, y);
    const { I, J, nJ, xPow, yPow, iMin, jMin } = this;
    let gy = 0;
    for (let k = 0; k < nJ.length; k++) gy += nJ[k] * xPow[I[k] - iMin] * yPow[J[k] - jMin];
    return gy / y;
  }

  /** All six sums into the public fields. */
  evaluate(x: number, y: number): void {
    this.powers(x, y);
    const { I, J, n, nI, nJ, nII, nJJ, nIJ, xPow, yPow, iMin, jMin } = this;
    let g = 0;
    let gx = 0;
    let gxx = 0;
    let gy = 0;
    let gyy = 0;
    let gxy = 0;
    for (let k = 0; k < n.length; k++) {
      const base = xPow[I[k] - iMin] * yPow[J[k] - jMin];
      g += n[k] * base;
      gx += nI[k] * base;
      gxx += nII[k] * base;
      gy += nJ[k] * base;
      gyy += nJJ[k] * base;
      gxy += nIJ[k] * base;
    }
    this.g = g;
    this.gx = gx / x;
    this.gxx = gxx / (x * x);
    this.gy = gy / y;
    this.gyy = gyy / (y * y);
    this.gxy = gxy / (x * y);
  }
}

/** A vapour-type Gibbs equation: γ = ln π + Σ n°τᴶ° + Σ nπᴵ(τ − τ_shift)ᴶ, π = p/p_star, τ = T_star/T. */
export class VapourGibbs {
  private readonly ideal: PowerSeries;
  private readonly residual: PowerSeries;

  constructor(
    private readonly pStar: number,
    private readonly tStar: number,
    private readonly tauShift: number,
    ideal: { J: readonly number[]; n: readonly number[] },
    residual: { I: readonly number[]; J: readonly number[]; n: readonly number[] },
  ) {
    this.ideal = new PowerSeries(
      ideal.J.map(() => 0),
      ideal.J,
      ideal.n,
    );
    this.residual = new PowerSeries(residual.I, residual.J, residual.n);
  }

  /** h(p,T), kJ/kg = RT·τ·(γ°_τ + γʳ_τ). */
  enthalpy(p: number, T: number): number {
    const tau = this.tStar / T;
    const g0t = this.ideal.derivativeY(1, tau);
    const grt = this.residual.derivativeY(p / this.pStar, tau - this.tauShift);
    return R * this.tStar * (g0t + grt);
  }

  /** All properties (R7-97 Table 12 relations). */
  properties(p: number, T: number): SteamProps {
    const pi = p / this.pStar;
    const tau = this.tStar / T;
    const id = this.ideal;
    const re = this.residual;
    id.evaluate(1, tau);
    re.evaluate(pi, tau - this.tauShift);
    const gamma = Math.log(pi) + id.g + re.g;
    const gt = id.gy + re.gy;
    const gtt = id.gyy + re.gyy;
    const rt = R * T;
    const piGrp = pi * re.gx;
    const v = (rt * (1 + piGrp)) / (p * 1000);
    const mix = 1 + piGrp - tau * pi * re.gxy;
    const w2 = (1 + 2 * piGrp + piGrp * piGrp) / (1 - pi * pi * re.gxx + (mix * mix) / (tau * tau * gtt));
    return {
      p,
      T,
      v,
      h: rt * tau * gt,
      u: rt * (tau * gt - 1 - piGrp),
      s: R * (tau * gt - gamma),
      cp: -R * tau * tau * gtt,
      w: Math.sqrt(1000 * rt * w2),
    };
  }
}

/** Table 10: ideal-gas part γ° of region 2 (J°, n°). */
const IDEAL_2 = {
  J: [0, 1, -5, -4, -3, -2, -1, 2, 3],
  n: [
    -0.96927686500217e1, 0.10086655968018e2, -0.5608791128302e-2, 0.71452738081455e-1, -0.40710498223928,
    0.14240819171444e1, -0.4383951131945e1, -0.28408632460772, 0.21268463753307e-1,
  ],
};

/** Table 11: residual part γʳ of region 2. */
const RESIDUAL_2 = {
  I: [
    1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 5, 6, 6, 6, 7, 7, 7, 8, 8, 9, 10, 10, 10, 16, 16,
    18, 20, 20, 20, 21, 22, 23, 24, 24, 24,
  ],
  J: [
    0, 1, 2, 3, 6, 1, 2, 4, 7, 36, 0, 1, 3, 6, 35, 1, 2, 3, 7, 3, 16, 35, 0, 11, 25, 8, 36, 13, 4, 10, 14, 29,
    50, 57, 20, 35, 48, 21, 53, 39, 26, 40, 58,
  ],
  n: [
    -0.17731742473213e-2, -0.17834862292358e-1, -0.45996013696365e-1, -0.57581259083432e-1,
    -0.5032527872793e-1, -0.33032641670203e-4, -0.18948987516315e-3, -0.39392777243355e-2,
    -0.43797295650573e-1, -0.26674547914087e-4, 0.20481737692309e-7, 0.43870667284435e-6, -0.3227767723857e-4,
    -0.15033924542148e-2, -0.40668253562649e-1, -0.78847309559367e-9, 0.12790717852285e-7,
    0.48225372718507e-6, 0.22922076337661e-5, -0.16714766451061e-10, -0.21171472321355e-2,
    -0.23895741934104e2, -0.5905956432427e-17, -0.12621808899101e-5, -0.38946842435739e-1,
    0.11256211360459e-10, -0.82311340897998e1, 0.19809712802088e-7, 0.10406965210174e-18,
    -0.10234747095929e-12, -0.10018179379511e-8, -0.80882908646985e-10, 0.10693031879409, -0.33662250574171,
    0.89185845355421e-24, 0.30629316876232e-12, -0.42002467698208e-5, -0.59056029685639e-25,
    0.37826947613457e-5, -0.12768608934681e-14, 0.73087610595061e-28, 0.55414715350778e-16,
    -0.9436970724121e-6,
  ],
};

/** Table 10 note / eq. 19: the metastable equation uses its own n°₁, n°₂ so it joins region 2 smoothly. */
const IDEAL_2_METASTABLE = {
  J: IDEAL_2.J,
  n: [-0.96937268393049e1, 0.10087275970006e2, ...IDEAL_2.n.slice(2)],
};

/** Table 16: residual part of the metastable-vapour equation (eq. 18). */
const RESIDUAL_2_METASTABLE = {
  I: [1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5],
  J: [0, 2, 5, 11, 1, 7, 16, 4, 16, 7, 10, 9, 10],
  n: [
    -0.73362260186506e-2, -0.88223831943146e-1, -0.72334555213245e-1, -0.40813178534455e-2,
    0.20097803380207e-2, -0.53045921898642e-1, -0.7619040908697e-2, -0.63498037657313e-2,
    -0.86043093028588e-1, 0.7532158152277e-2, -0.79238375446139e-2, -0.22888160778447e-3, -0.2645650148281e-2,
  ],
};

const REGION2 = new VapourGibbs(1, 540, 0.5, IDEAL_2, RESIDUAL_2);

/** n·J of Tables 10 and 11, so each term of γ_τ is one multiply by the precomputed powers. */
const NJ0 = Float64Array.from(IDEAL_2.n, (n, k) => n * IDEAL_2.J[k]);
const NJ2 = Float64Array.from(RESIDUAL_2.n, (n, k) => n * RESIDUAL_2.J[k]);

/**
 * γʳ_τ of region 2 written out term by term (Table 11, terms with J = 0 drop out): straight-line code with
 * powers built by short multiplication chains keeps the hot path free of loops, tables and Math.pow.
 */
function residualGammaTau2(x: number, z: number): number {
  const x2 = x * x;
  const x3 = x2 * x;
  const x4 = x3 * x;
  const x5 = x4 * x;
  const x6 = x5 * x;
  const x7 = x6 * x;
  const x8 = x7 * x;
  const x9 = x8 * x;
  const x10 = x9 * x;
  const x16 = x10 * x6;
  const x18 = x16 * x2;
  const x20 = x18 * x2;
  const x21 = x20 * x;
  const x22 = x21 * x;
  const x23 = x22 * x;
  const x24 = x23 * x;
  const z2 = z * z;
  const z3 = z2 * z;
  const z5 = z3 * z2;
  const z6 = z5 * z;
  const z7 = z6 * z;
  const z9 = z7 * z2;
  const z10 = z9 * z;
  const z12 = z10 * z2;
  const z13 = z12 * z;
  const z15 = z13 * z2;
  const z19 = z13 * z6;
  const z20 = z19 * z;
  const z24 = z19 * z5;
  const z25 = z24 * z;
  const z28 = z25 * z3;
  const z34 = z28 * z6;
  const z35 = z34 * z;
  const z38 = z35 * z3;
  const z39 = z38 * z;
  const z47 = z38 * z9;
  const z49 = z47 * z2;
  const z52 = z49 * z3;
  const z56 = z49 * z7;
  const z57 = z56 * z;
  return (
    x * (NJ2[1] + NJ2[2] * z + NJ2[3] * z2 + NJ2[4] * z5) +
    x2 * (NJ2[5] + NJ2[6] * z + NJ2[7] * z3 + NJ2[8] * z6 + NJ2[9] * z35) +
    x3 * (NJ2[11] + NJ2[12] * z2 + NJ2[13] * z5 + NJ2[14] * z34) +
    x4 * (NJ2[15] + NJ2[16] * z + NJ2[17] * z2) +
    x5 * (NJ2[18] * z6) +
    x6 * (NJ2[19] * z2 + NJ2[20] * z15 + NJ2[21] * z34) +
    x7 * (NJ2[23] * z10 + NJ2[24] * z24) +
    x8 * (NJ2[25] * z7 + NJ2[26] * z35) +
    x9 * (NJ2[27] * z12) +
    x10 * (NJ2[28] * z3 + NJ2[29] * z9 + NJ2[30] * z13) +
    x16 * (NJ2[31] * z28 + NJ2[32] * z49) +
    x18 * (NJ2[33] * z56) +
    x20 * (NJ2[34] * z19 + NJ2[35] * z34 + NJ2[36] * z47) +
    x21 * (NJ2[37] * z20) +
    x22 * (NJ2[38] * z52) +
    x23 * (NJ2[39] * z38) +
    x24 * (NJ2[40] * z25 + NJ2[41] * z39 + NJ2[42] * z57)
  );
}

/** γ°_τ of region 2 (Table 10). */
function idealGammaTau2(t: number): number {
  const t2 = t * t;
  const tr1 = 1 / t;
  const tr2 = tr1 * tr1;
  const tr3 = tr2 * tr1;
  const tr4 = tr3 * tr1;
  const tr5 = tr4 * tr1;
  const tr6 = tr5 * tr1;
  return (
    NJ0[1] +
    NJ0[2] * tr6 +
    NJ0[3] * tr5 +
    NJ0[4] * tr4 +
    NJ0[5] * tr3 +
    NJ0[6] * tr2 +
    NJ0[7] * t +
    NJ0[8] * t2
  );
}
const REGION2_METASTABLE = new VapourGibbs(1, 540, 0.5, IDEAL_2_METASTABLE, RESIDUAL_2_METASTABLE);

/** All properties from the region 2 basic equation (eq. 15). No range check. */
export function propertiesRegion2(p: number, T: number): SteamProps {
  return REGION2.properties(p, T);
}

/** Specific enthalpy h₂(p,T), kJ/kg (eq. 15). No range check. */
export function enthalpyRegion2(p: number, T: number): number {
  const tau = 540 / T;
  return R * 540 * (idealGammaTau2(tau) + residualGammaTau2(p, tau - 0.5));
}

/** All properties from the metastable-vapour equation (eq. 18), for p ≤ 10 MPa below the saturation line. */
export function propertiesRegion2Metastable(p: number, T: number): SteamProps {
  return REGION2_METASTABLE.properties(p, T);
}
