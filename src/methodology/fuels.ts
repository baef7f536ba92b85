// Default values (方法2) for the fuel a biomass boiler replaces: CEF_fuel,BL and ε_BL = 0.98 × LHV/HHV.
import { Decimal, normalizeText } from "../numbers";
import { GecError } from "../errors";
import { readQuantity } from "./values";
import type { NumberLike } from "./values";
import type { Message } from "../types";

interface FuelDefault {
  name: string;
  label: Message;
  aliases: string[];
  /** CEF_fuel,BL, tCO2/GJ = kgCO2/MJ_HHV. */
  cef: string;
  /** LHV ÷ HHV; null where no value is settled. */
  lhvPerHhv: string | null;
  provenance: string;
  provisional: boolean;
}

/** The boiler default 「ボイラの設備効率98%（低位発熱量ベース）」 (seed 2.2). */
export const DEFAULT_BOILER_EFFICIENCY_LHV = 0.98;

export const FUEL_DEFAULTS: FuelDefault[] = [
  {
    name: "灯油",
    label: { ja: "灯油", en: "kerosene" },
    aliases: ["灯油", "kerosene", "touyu", "toyu"],
    cef: "0.0678",
    lhvPerHhv: "0.939",
    provisional: false,
    provenance:
      "CEF: seed 2.2 (0.0678tCO2/GJ); LHV/HHV 0.939 derived from the seed's ε_BL 0.92022 = 0.98 × 0.939",
  },
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
    cef: "0.0693",
    lhvPerHhv: "0.944",
    provisional: false,
    provenance:
      "CEF: seed 2.2 (重油 0.0693tCO2/GJ); LHV/HHV 0.944 derived from the seed's ε_BL 0.92512 = 0.98 × 0.944",
  },
  {
    name: "LPG",
    label: { ja: "LPG", en: "LPG" },
    aliases: ["LPG", "液化石油ガス", "lp gas", "lpgas", "propane"],
    cef: "0.0590",
    lhvPerHhv: null,
    provisional: true,
    provenance: "[open] DOMAIN.md §3: 0.0590 not confirmed by the seed; LHV/HHV not settled",
  },
  {
    name: "都市ガス",
    label: { ja: "都市ガス", en: "city gas" },
    aliases: ["都市ガス", "city gas", "citygas", "toshi gas", "toshigas", "natural gas", "13a"],
    cef: "0.0499",
    lhvPerHhv: null,
    provisional: true,
    provenance: "[open] DOMAIN.md §3: 0.0499 not confirmed by the seed; LHV/HHV not settled",
  },
];

const byAlias = new Map<string, FuelDefault>();
for (const fuel of FUEL_DEFAULTS) for (const alias of fuel.aliases) byAlias.set(normalizeText(alias), fuel);

export function findFuel(name: string): FuelDefault | undefined {
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

/** Default CEF_fuel,BL (kgCO2/MJ_HHV) of a fuel named in Japanese, romaji or English. */
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
