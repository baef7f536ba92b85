// Default values (方法2) for the fuel a biomass boiler replaces, by 算定省令 revision: CEF_fuel,BL and ε_BL = 0.98 × LHV/HHV.
import { Decimal, normalizeText } from "../numbers";
import { GecError } from "../errors";
import { readQuantity } from "./values";
import type { NumberLike } from "./values";
import type { Message } from "../types";

/** A fuel as 2.2 and the custom functions name it. */
export interface Fuel {
  name: string;
  label: Message;
  aliases: string[];
}

export type FuelRevisionId = "shk-h22" | "shk-2024";

/**
 * A revision of 別表第1 of the 算定省令 (特定排出者の事業活動に伴う温室効果ガスの排出量の算定に関する省令), which gives each
 * fuel's heat content (GJ per unit) and carbon content (tC/GJ): CEF_fuel,BL = tC/GJ × 44/12.
 */
export interface FuelRevision {
  id: FuelRevisionId;
  /** 「算定省令 H22改正」: how findings, explanations and reports name the vintage. */
  name: Message;
  /** First day in force, YYYY-MM-DD; null where the sources consulted do not give it. */
  inForceFrom: string | null;
  /** Last day in force (the day before the next revision); null while it is the latest. */
  inForceUntil: string | null;
  /** The first fiscal year (April–March) whose periods take it; null for the earliest revision known. */
  firstFiscalYear: number | null;
  source: string;
  /**
   * Whether the GEC scheme's own 方法2 defaults are known to be this revision's: "seed" where the published submission
   * uses them; "unconfirmed" where no document of the scheme adopting them was found (never an error by itself).
   */
  schemeAdoption: "seed" | "unconfirmed";
}

export const FUEL_REVISIONS: readonly FuelRevision[] = [
  {
    id: "shk-h22",
    name: { ja: "算定省令 H22改正", en: "SHK ordinance, H22 (2010) revision" },
    inForceFrom: null,
    inForceUntil: "2024-03-31",
    firstFiscalYear: null,
    source:
      "算定省令 別表第1（平成22年改正）; the revision whose values the seed's 2.2 prints (灯油 0.0678, 重油 0.0693 tCO2/GJ). Its 施行日 is not in the sources consulted.",
    schemeAdoption: "seed",
  },
  {
    id: "shk-2024",
    name: { ja: "算定省令 2024年4月施行改正", en: "SHK ordinance, revision in force from 2024-04-01" },
    inForceFrom: "2024-04-01",
    inForceUntil: null,
    firstFiscalYear: 2024,
    source:
      "算定省令 別表第1 の改正（告示 施行 2024-04-01; used by the SHK reporting system from its 令和6年度報告). The 附則 that fixes the first reporting year was not found; whether the GEC scheme switched its 方法2 defaults to these values was not found either.",
    schemeAdoption: "unconfirmed",
  },
];

/** The revision whose values the seed uses: CEF_FUEL, EPS_BL and the template print its defaults. */
export const SEED_FUEL_REVISION: FuelRevisionId = "shk-h22";

/** One fuel's values in one revision. */
export interface FuelFactor {
  /** The fuel's name in FUELS. */
  fuel: string;
  revision: FuelRevisionId;
  /** 単位発熱量 as 別表第1 gives it; null where the sources consulted give none. */
  heatContent: { value: string; unit: string } | null;
  /** 炭素排出係数, tC/GJ; null where the sources consulted give none. */
  carbonContent: string | null;
  /** CEF_fuel,BL, tCO2/GJ = kgCO2/MJ_HHV, to 4 decimals as the forms print it (tC/GJ × 44/12, rounded). */
  cef: string;
  /** LHV ÷ HHV, from which ε_BL = 0.98 × LHV/HHV; null where no value is settled. */
  lhvPerHhv: string | null;
  /** Where the LHV/HHV ratio comes from (it is not part of 別表第1). */
  lhvPerHhvSource: string | null;
  source: string;
  /** True where the seed does not confirm that the scheme's 方法2 table has a default for this fuel at all. */
  provisional: boolean;
}

/** The boiler default 「ボイラの設備効率98%（低位発熱量ベース）」 (seed 2.2). */
export const DEFAULT_BOILER_EFFICIENCY_LHV = 0.98;

export const FUELS: readonly Fuel[] = [
  { name: "灯油", label: { ja: "灯油", en: "kerosene" }, aliases: ["灯油", "kerosene", "touyu", "toyu"] },
  {
    name: "A重油",
    label: { ja: "A重油", en: "heavy fuel oil A" },
    aliases: [
      "A重油",
      "重油",
      "a heavy oil",
      "heavy oil",
      "heavy oil a",
      "a-juyu",
      "ajuyu",
      "juyu",
      "fuel oil a",
    ],
  },
  {
    name: "B・C重油",
    label: { ja: "B・C重油", en: "heavy fuel oil B/C" },
    aliases: ["B・C重油", "B重油", "C重油", "BC重油", "B/C重油", "heavy oil c", "fuel oil c", "heavy oil b"],
  },
  {
    name: "LPG",
    label: { ja: "LPG", en: "LPG" },
    aliases: ["LPG", "液化石油ガス", "lp gas", "lpgas", "propane"],
  },
  {
    name: "都市ガス",
    label: { ja: "都市ガス", en: "city gas" },
    aliases: ["都市ガス", "city gas", "citygas", "toshi gas", "toshigas", "natural gas", "13a"],
  },
];

const SEED_LHV = (ratio: string, eps: string) =>
  `derived from the seed's ε_BL ${eps} = 0.98 × ${ratio} (LHV/HHV is not part of 別表第1)`;
const CARRIED_LHV = (ratio: string) =>
  `the seed's ${ratio}, kept: the sources consulted give no LHV/HHV for this revision (unconfirmed)`;
const NOT_IN_SEED =
  "the seed uses no default for this fuel: the scheme's 方法2 table for it is not confirmed";

export const FUEL_FACTORS: readonly FuelFactor[] = [
  {
    fuel: "灯油",
    revision: "shk-h22",
    heatContent: { value: "36.7", unit: "GJ/kL" },
    carbonContent: "0.0185",
    cef: "0.0678",
    lhvPerHhv: "0.939",
    lhvPerHhvSource: SEED_LHV("0.939", "0.92022"),
    source: "算定省令 別表第1（H22改正）灯油 36.7 GJ/kL, 0.0185 tC/GJ; seed 2.2: 灯油 0.0678tCO2/GJ",
    provisional: false,
  },
  {
    fuel: "A重油",
    revision: "shk-h22",
    heatContent: { value: "39.1", unit: "GJ/kL" },
    carbonContent: "0.0189",
    cef: "0.0693",
    lhvPerHhv: "0.944",
    lhvPerHhvSource: SEED_LHV("0.944", "0.92512"),
    source: "算定省令 別表第1（H22改正）A重油 39.1 GJ/kL, 0.0189 tC/GJ; seed 2.2: 重油 0.0693tCO2/GJ",
    provisional: false,
  },
  {
    fuel: "B・C重油",
    revision: "shk-h22",
    heatContent: { value: "41.7", unit: "GJ/kL" },
    carbonContent: "0.0195",
    cef: "0.0715",
    lhvPerHhv: null,
    lhvPerHhvSource: null,
    source: `算定省令 別表第1（H22改正）B・C重油 41.7 GJ/kL, 0.0195 tC/GJ; ${NOT_IN_SEED}`,
    provisional: true,
  },
  {
    fuel: "LPG",
    revision: "shk-h22",
    heatContent: { value: "50.2", unit: "GJ/t" },
    carbonContent: "0.0163",
    cef: "0.0598",
    lhvPerHhv: null,
    lhvPerHhvSource: null,
    source: `算定省令 別表第1（H22改正）LPG 50.2 GJ/t, 0.0163 tC/GJ; ${NOT_IN_SEED}`,
    provisional: true,
  },
  {
    fuel: "都市ガス",
    revision: "shk-h22",
    heatContent: null,
    carbonContent: null,
    cef: "0.0499",
    lhvPerHhv: null,
    lhvPerHhvSource: null,
    source: `unconfirmed: the figure of the project's earlier default table; the H22 row of 別表第1 for 都市ガス was not among the sources consulted; ${NOT_IN_SEED}`,
    provisional: true,
  },
  {
    fuel: "灯油",
    revision: "shk-2024",
    heatContent: { value: "36.5", unit: "GJ/kL" },
    carbonContent: "0.0187",
    cef: "0.0686",
    lhvPerHhv: "0.939",
    lhvPerHhvSource: CARRIED_LHV("0.939"),
    source: "算定省令 別表第1（2024年4月施行改正）灯油 36.5 GJ/kL, 0.0187 tC/GJ",
    provisional: false,
  },
  {
    fuel: "A重油",
    revision: "shk-2024",
    heatContent: { value: "38.9", unit: "GJ/kL" },
    carbonContent: "0.0193",
    cef: "0.0708",
    lhvPerHhv: "0.944",
    lhvPerHhvSource: CARRIED_LHV("0.944"),
    source: "算定省令 別表第1（2024年4月施行改正）A重油 38.9 GJ/kL, 0.0193 tC/GJ",
    provisional: false,
  },
  {
    fuel: "B・C重油",
    revision: "shk-2024",
    heatContent: { value: "41.8", unit: "GJ/kL" },
    carbonContent: "0.0202",
    cef: "0.0741",
    lhvPerHhv: null,
    lhvPerHhvSource: null,
    source: `算定省令 別表第1（2024年4月施行改正）B・C重油 41.8 GJ/kL, 0.0202 tC/GJ; ${NOT_IN_SEED}`,
    provisional: true,
  },
  {
    fuel: "LPG",
    revision: "shk-2024",
    heatContent: { value: "50.1", unit: "GJ/t" },
    carbonContent: "0.0163",
    cef: "0.0598",
    lhvPerHhv: null,
    lhvPerHhvSource: null,
    source: `算定省令 別表第1（2024年4月施行改正）LPG 50.1 GJ/t, 0.0163 tC/GJ; ${NOT_IN_SEED}`,
    provisional: true,
  },
  {
    fuel: "都市ガス",
    revision: "shk-2024",
    heatContent: { value: "40.0", unit: "GJ/千m3" },
    carbonContent: "0.0140",
    cef: "0.0513",
    lhvPerHhv: null,
    lhvPerHhvSource: null,
    source: `算定省令（2024年4月施行改正）都市ガス 代替値 2.05 t-CO2/千m3 = 40.0 GJ/千m3 × 0.0140 tC/GJ × 44/12; ${NOT_IN_SEED}`,
    provisional: true,
  },
];

/** A fuel with its seed-revision values, as CEF_FUEL, EPS_BL and the template use them. */
export interface FuelDefault extends Fuel {
  /** CEF_fuel,BL, tCO2/GJ = kgCO2/MJ_HHV. */
  cef: string;
  /** LHV ÷ HHV; null where no value is settled. */
  lhvPerHhv: string | null;
  provenance: string;
  provisional: boolean;
}

const revisionById = new Map(FUEL_REVISIONS.map((r) => [r.id, r]));

export function fuelRevision(id: FuelRevisionId): FuelRevision {
  return revisionById.get(id) as FuelRevision;
}

/** The revision a period of `fiscalYear` (April–March) falls under: the latest whose first fiscal year it reaches. */
export function fuelRevisionOfFiscalYear(fiscalYear: number): FuelRevision {
  let chosen = FUEL_REVISIONS[0];
  for (const r of FUEL_REVISIONS)
    if (r.firstFiscalYear === null || r.firstFiscalYear <= fiscalYear) chosen = r;
  return chosen;
}

/** A fuel's values in one revision (undefined where the revision gives none). */
export function fuelFactor(fuel: string, revision: FuelRevisionId): FuelFactor | undefined {
  return FUEL_FACTORS.find((f) => f.fuel === fuel && f.revision === revision);
}

/** tC/GJ × 44/12 to 6 decimals (0.0187 → 0.068567): the unrounded form a row may print instead of 0.0686. */
function sixDecimals(f: FuelFactor): Decimal | null {
  return f.carbonContent === null ? null : Decimal.from(f.carbonContent).mul(44).div(12, 6, "halfUp");
}

/** Each factor with the values a row may print for it; built on first use (not at every start of the CLI). */
let valuesOf: { factor: FuelFactor; values: Decimal[] }[] | null = null;

/** Every fuel factor of every revision that a 3.4 value is (as printed to 4 decimals, or to 6), in table order. */
export function fuelFactorsOfValue(cef: Decimal): FuelFactor[] {
  valuesOf ??= FUEL_FACTORS.map((f) => ({
    factor: f,
    values: [Decimal.from(f.cef), sixDecimals(f)].filter((d): d is Decimal => d !== null),
  }));
  return valuesOf.filter((x) => x.values.some((v) => v.eq(cef))).map((x) => x.factor);
}

/** 「算定省令 H22改正 (灯油 0.0678)」: a factor named with its vintage, as findings and explanations print it. */
export function fuelFactorText(f: FuelFactor): Message {
  const r = fuelRevision(f.revision);
  const fuel = findFuel(f.fuel);
  return {
    ja: `${r.name.ja} (${f.fuel} ${f.cef})`,
    en: `${r.name.en} (${fuel?.label.en ?? f.fuel} ${f.cef})`,
  };
}

/** ε_BL on the HHV basis of a factor's fuel with the default boiler efficiency: 0.98 × LHV/HHV (灯油 → 0.92022). */
export function defaultEfficiencyOf(f: FuelFactor): Decimal | null {
  return f.lhvPerHhv === null ? null : Decimal.from(DEFAULT_BOILER_EFFICIENCY_LHV).mul(f.lhvPerHhv);
}

/** Each fuel with its seed-revision values (the 方法2 defaults the seed prints). */
export const FUEL_DEFAULTS: FuelDefault[] = FUELS.flatMap((fuel) => {
  const f = fuelFactor(fuel.name, SEED_FUEL_REVISION);
  if (!f) return [];
  const provenance = f.lhvPerHhvSource
    ? `${f.source}; LHV/HHV ${f.lhvPerHhv}: ${f.lhvPerHhvSource}`
    : f.source;
  return [{ ...fuel, cef: f.cef, lhvPerHhv: f.lhvPerHhv, provenance, provisional: f.provisional }];
});

/** The fuels by folded alias; built on first use. */
let byAlias: Map<string, FuelDefault> | null = null;

export function findFuel(name: string): FuelDefault | undefined {
  if (byAlias === null) {
    byAlias = new Map();
    for (const fuel of FUEL_DEFAULTS)
      for (const alias of fuel.aliases) byAlias.set(normalizeText(alias), fuel);
  }
  return byAlias.get(normalizeText(name));
}

function fuelOrThrow(name: string): FuelDefault {
  const fuel = findFuel(name);
  if (!fuel) {
    const known = FUEL_DEFAULTS.map((f) => f.name).join("、");
    throw new GecError(
      "#VALUE!",
      {
        ja: `燃料 "${name}" のデフォルト値はありません。${known} のいずれかを指定してください。`,
        en: `No default for fuel "${name}". Use one of: ${FUEL_DEFAULTS.map((f) => f.label.en).join(", ")}.`,
      },
      "fuel",
    );
  }
  return fuel;
}

/** Default CEF_fuel,BL (kgCO2/MJ_HHV) of a fuel named in Japanese, romaji or English, in the seed's revision. */
export function cefFuel(name: string): number {
  return Number(fuelOrThrow(name).cef);
}

/** ε_BL on the HHV basis = boiler efficiency (LHV basis, default 0.98) × LHV/HHV of the fuel: 灯油 → 0.92022. */
export function epsBl(name: string, effLhv: NumberLike = DEFAULT_BOILER_EFFICIENCY_LHV): number {
  const fuel = fuelOrThrow(name);
  if (fuel.lhvPerHhv === null) {
    throw new GecError(
      "#N/A",
      {
        ja: `${fuel.name} の LHV/HHV 比は未確定です（暫定）。ε_BL を直接入力してください。`,
        en: `The LHV/HHV ratio of ${fuel.label.en} is not settled (provisional): enter ε_BL directly.`,
      },
      "fuel",
    );
  }
  const efficiency = readQuantity(effLhv, {
    symbol: "eff_LHV",
    label: { ja: "ボイラ効率（低位発熱量ベース）", en: "Boiler efficiency (LHV)" },
    domain: "ratio",
  });
  return efficiency.mul(Decimal.from(fuel.lhvPerHhv)).toNumber();
}
