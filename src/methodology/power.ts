// Green power P001–P005 (provisional): self-consumption and emission reduction from the electricity factor.
import { add, div, mul, num, ref, roundDown, sub } from "../formula";
import type { FormDeclaration, MethodologyCode, MethodologyDeclaration, QuantityDeclaration } from "./types";
import { deriveWith } from "./derive";
import { YEAR_ON_YEAR, tonnesTotal } from "./biomassHeat";
import { evaluateDeclared } from "./evaluate";
import type { NumberLike } from "./values";
import { guessedParts } from "./provisional";

/** 別紙1 power block [open beyond 3.1 販売電力量 and 3.6 排出削減量 (tCO2), which the 別紙2 note names]. */
export const powerQuantities: QuantityDeclaration[] = [
  {
    key: "eps",
    symbol: "EPS",
    label: { ja: "販売電力量", en: "Power sold" },
    unit: "kWh",
    role: "input",
    column: "3.1",
    domain: "amount",
    priorYear: YEAR_ON_YEAR.amount,
  },
  {
    key: "epg",
    symbol: "EPG",
    label: { ja: "発電電力量", en: "Generated power" },
    unit: "kWh",
    role: "input",
    column: "3.2",
    domain: "amount",
    provisional: true,
    priorYear: YEAR_ON_YEAR.amount,
  },
  {
    key: "epa",
    symbol: "EPA",
    label: { ja: "補機消費電力量", en: "Auxiliary power" },
    unit: "kWh",
    role: "input",
    column: "3.3",
    domain: "amount",
    provisional: true,
  },
  {
    key: "cefElec",
    symbol: "CEF_electricity,t",
    label: { ja: "電気の排出係数", en: "Electricity emission factor" },
    unit: "kgCO2/kWh",
    role: "input",
    column: "3.4",
    numberFormat: "0.0000##",
    domain: "positive",
    // not compared year on year (no priorYear): it is the factor of each fiscal year by design
    provisional: true,
    reference: "electricityFactor",
  },
  {
    // no column of its own: the formula of 3.5 carries it inline
    key: "epc",
    symbol: "EPC",
    label: { ja: "自家消費電力量", en: "Self-consumed power" },
    unit: "kWh",
    role: "derived",
    domain: "amount",
    expr: sub(sub(ref("epg"), ref("eps")), ref("epa")),
  },
  {
    key: "emKg",
    symbol: "EMP",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "kgCO2",
    role: "derived",
    column: "3.5",
    domain: "amount",
    provisional: true,
    // EMP = ROUNDDOWN((EPS + EPC) × CEF_electricity,t, 0) [provisional: rounding by analogy with R4]
    expr: roundDown(mul(add(ref("eps"), ref("epc")), ref("cefElec")), 0),
  },
  {
    key: "emT",
    // "EM" alone would match too much: the tonnes column is named by its unit
    header: { aliases: ["排出削減量(tco2)"] },
    symbol: "EM",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "tCO2",
    role: "derived",
    column: "3.6",
    domain: "amount",
    expr: roundDown(div(ref("emKg"), num(1000)), 0),
    formulaLine: "omit",
    priorYear: YEAR_ON_YEAR.amount,
  },
];

/** What the power forms print and hold besides the quantities. */
export const powerForm: FormDeclaration = {
  facility: { ja: "発電設備", en: "power plant" },
  templateNotes: [
    "黄色のセルに入力してください。青色のセルは入力値から計算されます（暫定: 電力の算定式は公表例で未確認）。",
  ],
  powerSoldKey: "eps",
  tonnesKey: "emT",
  anchorKey: "eps",
  monitoringTargets: [],
  fuelDefaults: false,
};

const POWER_NAMES: [MethodologyCode, string, string][] = [
  ["P001", "風力発電", "Wind power"],
  ["P002", "太陽光発電", "Solar power"],
  ["P003-1", "バイオマス発電（鶏糞、バガス等）", "Biomass power (poultry manure, bagasse, etc.)"],
  ["P003-2", "バイオガス発電", "Biogas power"],
  ["P003-3", "木質バイオマス発電", "Woody biomass power"],
  ["P004-1", "河川に設置する新設水力発電", "New hydropower on rivers"],
  ["P004-2", "既設設備等に付加して設置される水力発電", "Hydropower added to existing facilities"],
  ["P005", "地熱発電", "Geothermal power"],
];

/** The green power methodologies P001–P005: one provisional formula family (docs/domain.md §2 [public, P002 only]). */
export const POWER_METHODOLOGIES: MethodologyDeclaration[] = POWER_NAMES.map(([code, ja, en]) => ({
  code,
  name: { ja, en },
  kind: "power",
  provisional: true,
  provenance:
    "[open] formula not confirmed by a published submission; generic path of docs/domain.md §2 (暫定)",
  provisionalParts: guessedParts(powerQuantities),
  quantities: powerQuantities,
  total: tonnesTotal,
  form: powerForm,
  derive: deriveWith(powerQuantities),
}));

/** EPC = EPG − EPS − EPA (kWh): self-consumed = generated − sold to the grid − auxiliary. */
export function epc(epg: NumberLike, eps: NumberLike, epa: NumberLike): number {
  return evaluateDeclared(powerQuantities, { epg, eps, epa }, "epc").toNumber();
}

/** EMP = ROUNDDOWN((EPS + EPC) × CEF_electricity,t, 0) kgCO2 [provisional: rounding by analogy with R4]. */
export function emP(eps: NumberLike, epcValue: NumberLike, cefElec: NumberLike): number {
  return evaluateDeclared(powerQuantities, { eps, epc: epcValue, cefElec }, "emKg").toNumber();
}
