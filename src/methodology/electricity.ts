// CEF_electricity,t by fiscal year of the electricity and kind: published values with their source, which the user can extend or override.
import { Decimal } from "../numbers";
import { GecError } from "../errors";

export interface ElectricityFactor {
  /** The fiscal year (April–March) of the electricity the factor describes (R6年度実績 → 2024). */
  fiscalYear: number;
  kind: string;
  /** kgCO2/kWh (the published t-CO2/kWh × 1,000). */
  value: number;
  /** As published, t-CO2/kWh ("0.000416"); absent for a value registered without it. */
  published?: string;
  provenance: string;
  /** Read from a secondary source (a page quoting the list), not from the published list itself. */
  secondary?: boolean;
}

/** The kind of published factor taken by default (代替値, 全国平均係数 or 全電源平均: which one the power methodologies
 * require is not confirmed by a published submission). */
export const DEFAULT_ELECTRICITY_FACTOR_KIND = "代替値";

/** Spellings of a kind: 全国平均 is the list's 全国平均係数. */
const KIND_SPELLINGS: Record<string, string> = { 全国平均: "全国平均係数" };
const kindOf = (kind: string): string => KIND_SPELLINGS[kind.trim()] ?? kind.trim();

const LIST_R6 =
  "「電気事業者別排出係数（特定排出者の温室効果ガス排出量算定用）－R6年度実績－」（環境省・経済産業省 公表）";

/** A published t-CO2/kWh as the table's kgCO2/kWh, exactly (0.000416 → 0.416). */
const kg = (published: string): number => Decimal.from(published).mul(1000).toNumber();

/**
 * Built-in values: only those whose public source was found; a fiscal year or kind without one is not in the table
 * (#N/A, "unknown"), never a guess.
 */
const BUILT_IN: ElectricityFactor[] = [
  { fiscalYear: 2024, kind: "代替値", value: kg("0.000416"), published: "0.000416", provenance: LIST_R6 },
  {
    fiscalYear: 2024,
    kind: "全国平均係数",
    value: kg("0.000423"),
    published: "0.000423",
    provenance: LIST_R6,
  },
  {
    fiscalYear: 2023,
    kind: "代替値",
    value: kg("0.000429"),
    published: "0.000429",
    provenance:
      "電気事業者別排出係数 R5年度実績 代替値, as quoted by a secondary source (the published list itself was not consulted)",
    secondary: true,
  },
];

const table = new Map<string, ElectricityFactor>();
const keyOf = (fiscalYear: number, kind: string) => `${fiscalYear}|${kindOf(kind)}`;
for (const entry of BUILT_IN) table.set(keyOf(entry.fiscalYear, entry.kind), entry);

/** Registers or overrides a factor (e.g. from the published list the user works with). */
export function setElectricityFactor(entry: ElectricityFactor): void {
  if (!Number.isInteger(entry.fiscalYear) || !(entry.value > 0)) {
    throw new GecError("#VALUE!", {
      ja: "年度と正の係数を指定してください。",
      en: "Give a fiscal year and a positive factor.",
    });
  }
  table.set(keyOf(entry.fiscalYear, entry.kind), { ...entry, kind: kindOf(entry.kind) });
}

export function electricityFactors(): ElectricityFactor[] {
  return [...table.values()];
}

/** 「R6年度実績 代替値」: the vintage of a factor as the published lists name it (R = 令和, H = 平成). */
export function electricityVintage(entry: Pick<ElectricityFactor, "fiscalYear" | "kind">): string {
  const era = entry.fiscalYear >= 2019 ? `R${entry.fiscalYear - 2018}` : `H${entry.fiscalYear - 1988}`;
  return `${era}年度実績 ${entry.kind}`;
}

/** CEF_electricity,t of a fiscal year (kgCO2/kWh); #N/A with a message where the table has no value. */
export function cefElectricity(
  fiscalYear: number,
  kind: string = DEFAULT_ELECTRICITY_FACTOR_KIND,
): ElectricityFactor {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) {
    throw new GecError(
      "#VALUE!",
      {
        ja: `年度 fiscal_year は 2000〜2100 の整数で指定してください。入力値: ${fiscalYear}`,
        en: `fiscal_year must be an integer 2000–2100. Got: ${fiscalYear}`,
      },
      "fiscal_year",
    );
  }
  const entry = table.get(keyOf(fiscalYear, kind));
  if (!entry) {
    throw new GecError(
      "#N/A",
      {
        ja: `${fiscalYear} 年度の電気の排出係数（${kindOf(kind)}）は表にありません（公表値の出典が確認できた年度だけを収録）。公表値をセルに直接入力してください。`,
        en: `No electricity factor (${kindOf(kind)}) for fiscal ${fiscalYear} in the table (it holds only years whose published source was checked): enter the published value directly.`,
      },
      "fiscal_year",
    );
  }
  return entry;
}
