// CEF_electricity,t per fiscal year: a table with provenance per entry, which the user can extend or override.
import { GecError } from "../errors";

export interface ElectricityFactor {
  fiscalYear: number;
  kind: string;
  /** kgCO2/kWh */
  value: number;
  provenance: string;
}

/** Kinds of published factor; which one the power methodologies require is [open] (DOMAIN.md §2). */
export const ELECTRICITY_FACTOR_KINDS = ["代替値", "全国平均", "全電源平均"] as const;
export const DEFAULT_ELECTRICITY_FACTOR_KIND = "代替値";

/**
 * Built-in values. Deliberately empty: no published figure has been checked against its source in this project yet,
 * and a wrong factor would silently shift every certificate. Add entries with their provenance, or register them at
 * run time with setElectricityFactor.
 */
const BUILT_IN: ElectricityFactor[] = [];

const table = new Map<string, ElectricityFactor>();
const keyOf = (fiscalYear: number, kind: string) => `${fiscalYear}|${kind}`;
for (const entry of BUILT_IN) table.set(keyOf(entry.fiscalYear, entry.kind), entry);

/** Registers or overrides a factor (e.g. from the published list the user works with). */
export function setElectricityFactor(entry: ElectricityFactor): void {
  if (!Number.isInteger(entry.fiscalYear) || !(entry.value > 0)) {
    throw new GecError("#VALUE!", {
      ja: "年度と正の係数を指定してください。",
      en: "Give a fiscal year and a positive factor.",
    });
  }
  table.set(keyOf(entry.fiscalYear, entry.kind), entry);
}

export function electricityFactors(): ElectricityFactor[] {
  return [...table.values()];
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
        ja: `${fiscalYear} 年度の電気の排出係数（${kind}）は表にありません。公表値をセルに直接入力してください。`,
        en: `No electricity factor (${kind}) for fiscal ${fiscalYear} in the table: enter the published value directly.`,
      },
      "fiscal_year",
    );
  }
  return entry;
}
