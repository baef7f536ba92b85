// IAPWS-IF97 auxiliary boundaries: B23 between regions 2 and 3 (R7-97(2012) eqs. 5, 6, Table 1) and B2bc
// between subregions 2b and 2c of the backward T(p,h) (eqs. 20, 21, Table 19).

const B23 = [
  0.34805185628969e3, -0.11671859879975e1, 0.10192970039326e-2, 0.57254459862746e3, 0.1391883977887e2,
];

/** p_B23(T), MPa, for 623.15 K ≤ T ≤ 863.15 K (eq. 5). */
export function pB23(T: number): number {
  return B23[0] + (B23[1] + B23[2] * T) * T;
}

/** T_B23(p), K, for 16.5292 MPa ≤ p ≤ 100 MPa (eq. 6). */
export function tB23(p: number): number {
  return B23[3] + Math.sqrt((p - B23[4]) / B23[2]);
}

const B2BC = [
  0.90584278514723e3, -0.67955786399241, 0.12809002730136e-3, 0.26526571908428e4, 0.45257578905948e1,
];

/** p_2bc(h), MPa (eq. 20); h in kJ/kg. */
export function p2bc(h: number): number {
  return B2BC[0] + (B2BC[1] + B2BC[2] * h) * h;
}

/** h_2bc(p), kJ/kg (eq. 21); p in MPa. */
export function h2bc(p: number): number {
  return B2BC[3] + Math.sqrt((p - B2BC[4]) / B2BC[2]);
}
