// Green power P001–P005 (provisional): self-consumption and emission reduction from the electricity factor.
import { GecError } from "../errors";
import { amount, positive, required } from "./values";
import type { NumberLike } from "./values";
import { CEF_ELEC, EPA, EPC, EPG, EPS_SOLD } from "./quantities";
import type { Decimal } from "../numbers";
import type { QuantityDeclaration, RowInputs } from "./types";

/** EPC = EPG − EPS − EPA (kWh): self-consumed = generated − sold to the grid − auxiliary. */
export function epc(epg: NumberLike, eps: NumberLike, epa: NumberLike): number {
  return epcDecimal(epg, eps, epa).toNumber();
}

export function epcDecimal(epg: NumberLike, eps: NumberLike, epa: NumberLike): Decimal {
  const result = amount(epg, EPG).sub(amount(eps, EPS_SOLD)).sub(amount(epa, EPA));
  if (result.isNegative()) {
    throw new GecError(
      "#VALUE!",
      {
        ja: `販売電力量と補機消費電力量の和が発電電力量を超えています（EPC = ${result}）。`,
        en: `Power sold plus auxiliary power exceeds generated power (EPC = ${result}).`,
      },
      "EPG",
    );
  }
  return result;
}

/** EMP = ROUNDDOWN((EPS + EPC) × CEF_electricity,t, 0) kgCO2 [provisional: rounding by analogy with R4]. */
export function emP(eps: NumberLike, epcValue: NumberLike, cefElec: NumberLike): number {
  return emPDecimal(eps, epcValue, cefElec).toNumber();
}

export function emPDecimal(eps: NumberLike, epcValue: NumberLike, cefElec: NumberLike): Decimal {
  return amount(eps, EPS_SOLD).add(amount(epcValue, EPC)).mul(positive(cefElec, CEF_ELEC)).roundDown(0);
}

/** 別紙1 power block [open beyond 3.1 販売電力量 and 3.6 排出削減量 (tCO2), which the 別紙2 note names]. */
export const powerQuantities: QuantityDeclaration[] = [
  {
    key: "eps",
    symbol: "EPS",
    label: { ja: "販売電力量", en: "Power sold" },
    unit: "kWh",
    role: "input",
    column: "3.1",
  },
  {
    key: "epg",
    symbol: "EPG",
    label: { ja: "発電電力量", en: "Generated power" },
    unit: "kWh",
    role: "input",
    column: "3.2",
    provisional: true,
  },
  {
    key: "epa",
    symbol: "EPA",
    label: { ja: "補機消費電力量", en: "Auxiliary power" },
    unit: "kWh",
    role: "input",
    column: "3.3",
    provisional: true,
  },
  {
    key: "cefElec",
    symbol: "CEF_electricity,t",
    label: { ja: "電気の排出係数", en: "Electricity emission factor" },
    unit: "kgCO2/kWh",
    role: "input",
    column: "3.4",
    provisional: true,
  },
  {
    key: "emKg",
    symbol: "EMP",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "kgCO2",
    role: "derived",
    column: "3.5",
    provisional: true,
    rounding: { rule: "R4", mode: "down", places: 0, excel: "ROUNDDOWN(({epg}-{epa})*{cefElec},0)" },
    excelFormula: "ROUNDDOWN(({epg}-{epa})*{cefElec},0)",
  },
  {
    key: "emT",
    symbol: "EM",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "tCO2",
    role: "derived",
    column: "3.6",
    rounding: { rule: "R5", mode: "down", places: 0, excel: "ROUNDDOWN({emKg}/1000,0)" },
    excelFormula: "ROUNDDOWN({emKg}/1000,0)",
  },
];

export function derivePowerRow(inputs: RowInputs): Record<string, Decimal> {
  const need = (key: string, symbol: string): Decimal => required(inputs, key, symbol);
  const eps = need("eps", "EPS");
  const epcValue = epcDecimal(need("epg", "EPG"), eps, need("epa", "EPA"));
  const emKg = emPDecimal(eps, epcValue, need("cefElec", "CEF_electricity,t"));
  return { epc: epcValue, emKg, emT: emKg.div(1000, 0, "down") };
}
