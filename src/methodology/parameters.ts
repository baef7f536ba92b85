// The scheme's fixed constants, each declared once with its source: the formulas, checks and reports read them here.
import type { Message } from "../types";

/** A constant of the formulas with where its value comes from; overridable per call where a formula takes it. */
export interface ReferenceParameter {
  key: string;
  label: Message;
  unit: string;
  /** As the source prints it. */
  value: string;
  source: string;
  /** The edition of a table the value belongs to; null for a constant that does not change by vintage. */
  vintage: string | null;
}

/**
 * MJ_HHV per kWh of auxiliary power in Q_WB = Q_BL − E_PS × 9.484. The seed's 1.4 prints the formula with a footnote
 * mark ("9.484 [MJ_HHV/kWh]*") whose text is missing from the published submission: the figure is the seed's, its
 * definition is not confirmed.
 */
export const PRIMARY_ENERGY_FACTOR_PARAMETER: ReferenceParameter = {
  key: "primaryEnergyFactor",
  label: { ja: "一次エネルギー換算係数", en: "Primary energy factor" },
  unit: "MJ_HHV/kWh",
  value: "9.484",
  source:
    "seed 1.4 の算定式 Q_WB = Q_BL − (E_PS × 9.484 [MJ_HHV/kWh]*) / the seed's 1.4 formula; the footnote * that defines it is missing from the published text (unconfirmed)",
  vintage: null,
};

/** The standard atmosphere added to a mean gauge pressure (別紙1添付 of the seed's H002-2 facilities). */
export const STANDARD_ATMOSPHERE_PARAMETER: ReferenceParameter = {
  key: "standardAtmosphere",
  label: { ja: "標準大気圧", en: "Standard atmosphere" },
  unit: "MPa",
  value: "0.101325",
  source:
    "seed 別紙1添付 (H002-2): 「標準大気圧(0.101325MPa)を加算した絶対圧力」 / the seed's monitoring method adds it to the mean gauge pressure",
  vintage: null,
};

/**
 * Heat of the auxiliary fuel (A重油) per kL in a monitoring table, MJ: the 標準発熱量 39.1 GJ/kL that the seed's 別紙1添付
 * of 川辺 cites (資源エネルギー庁「2005年度以降適用する標準発熱量」) and prints as "39,100kJ/㎘" (for MJ/kL).
 */
export const AUX_FUEL_HEAT_PARAMETER: ReferenceParameter = {
  key: "auxFuelHeatPerKl",
  label: { ja: "助燃料（A重油）の発熱量", en: "Heat content of the auxiliary fuel (A heavy oil)" },
  unit: "MJ/kL",
  value: "39100",
  source:
    "資源エネルギー庁「2005年度以降適用する標準発熱量」(A重油 39.1 GJ/kL), as the seed's 別紙1添付 (川辺) cites it: 39,100 (printed kJ/㎘)",
  vintage: "標準発熱量 2005年度以降",
};

/** 低位換算 of the auxiliary fuel's heat (seed 別紙1添付 of 川辺: × 0.95). */
export const AUX_FUEL_LHV_PARAMETER: ReferenceParameter = {
  key: "auxFuelLhvFactor",
  label: { ja: "助燃料の低位換算", en: "LHV conversion of the auxiliary fuel" },
  unit: "",
  value: "0.95",
  source: "seed 別紙1添付 (川辺): 助燃料の熱量 × 0.95（低位換算）",
  vintage: null,
};

/** Every constant the formulas take by name (param("…")). */
export const REFERENCE_PARAMETERS: readonly ReferenceParameter[] = [
  PRIMARY_ENERGY_FACTOR_PARAMETER,
  STANDARD_ATMOSPHERE_PARAMETER,
  AUX_FUEL_HEAT_PARAMETER,
  AUX_FUEL_LHV_PARAMETER,
];
