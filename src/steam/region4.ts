// IAPWS-IF97 region 4: the saturation-pressure equation and its inverse (R7-97(2012) eqs. 30, 31, Table 34).

/** n1…n10 of Table 34, named as in the release. */
const n1 = 0.11670521452767e4;
const n2 = -0.72421316703206e6;
const n3 = -0.17073846940092e2;
const n4 = 0.1202082470247e5;
const n5 = -0.32325550322333e7;
const n6 = 0.1491510861353e2;
const n7 = -0.48232657361591e4;
const n8 = 0.40511340542057e6;
const n9 = -0.23855557567849;
const n10 = 0.65017534844798e3;

/** Saturation pressures at those temperatures, MPa (ps(273.15 K), p_c). */
export const P_SAT_MIN = 0.000611212677;
export const P_SAT_MAX = 22.064;

/** Saturation pressure ps(T), MPa, for 273.15 K ≤ T ≤ 647.096 K (eq. 30). No range check. */
export function saturationPressure(T: number): number {
  const theta = T + n9 / (T - n10);
  const A = (theta + n1) * theta + n2;
  const B = (n3 * theta + n4) * theta + n5;
  const C = (n6 * theta + n7) * theta + n8;
  const x = (2 * C) / (-B + Math.sqrt(B * B - 4 * A * C));
  const x2 = x * x;
  return x2 * x2;
}

/** Saturation temperature Ts(p), K, for 611.213 Pa ≤ p ≤ 22.064 MPa (eq. 31). No range check. */
export function saturationTemperature(p: number): number {
  const beta = Math.sqrt(Math.sqrt(p));
  const E = (beta + n3) * beta + n6;
  const F = (n1 * beta + n4) * beta + n7;
  const G = (n2 * beta + n5) * beta + n8;
  const D = (2 * G) / (-F - Math.sqrt(F * F - 4 * E * G));
  const s = n10 + D;
  return (s - Math.sqrt(s * s - 4 * (n9 + n10 * D))) / 2;
}
