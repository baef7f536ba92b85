// IAPWS-IF97 region 5 (high-temperature steam, 1073.15–2273.15 K, p ≤ 50 MPa): eq. 32 with the 2007 revision's
// residual part (R7-97(2012) Tables 37, 38) or the original 1997 release's (used by the 1999 JSME steam tables).
import { VapourGibbs } from "./region2";
import type { Region5Edition, SteamProps } from "./types";

/** Table 37: ideal-gas part (identical in both editions). */
const IDEAL_5 = {
  J: [0, 1, -3, -2, -1, 2],
  n: [
    -0.13179983674201e2, 0.68540841634434e1, -0.24805148933466e-1, 0.36901534980333, -0.31161318213925e1,
    -0.32961626538917,
  ],
};

/** Table 38 of R7-97(2012): residual part, 2007 revision. */
const RESIDUAL_5_2007 = {
  I: [1, 1, 1, 2, 2, 3],
  J: [1, 2, 3, 3, 9, 7],
  n: [
    0.15736404855259e-2, 0.90153761673944e-3, -0.50270077677648e-2, 0.22440037409485e-5, -0.41163275453471e-5,
    0.37919454822955e-7,
  ],
};

/** Table 38 of the 1997 release (Wagner et al. 2000, Table A14): residual part as first published. */
const RESIDUAL_5_1997 = {
  I: [1, 1, 1, 2, 3],
  J: [0, 1, 3, 9, 3],
  n: [
    -0.12563183589592e-3, 0.21774678714571e-2, -0.4594282089991e-2, -0.39724828359569e-5, 0.12919228289784e-6,
  ],
};

const REGION5: Record<Region5Edition, VapourGibbs> = {
  "2007": new VapourGibbs(1, 1000, 0, IDEAL_5, RESIDUAL_5_2007),
  "1997": new VapourGibbs(1, 1000, 0, IDEAL_5, RESIDUAL_5_1997),
};

/** All properties from region 5 (eq. 32). No range check. Default edition: the 2007 revision. */
export function propertiesRegion5(p: number, T: number, edition: Region5Edition = "2007"): SteamProps {
  return REGION5[edition].properties(p, T);
}

/** Specific enthalpy h₅(p,T), kJ/kg. No range check. */
export function enthalpyRegion5(p: number, T: number, edition: Region5Edition = "2007"): number {
  return REGION5[edition].enthalpy(p, T);
}
