// Green power P001–P005 (provisional): self-consumption and emission reduction from the electricity factor.
import { add, div, mul, num, ref, roundDown, sub } from "../formula";
import type { QuantityDeclaration } from "./types";
import { evaluateDeclared } from "./evaluate";
import type { NumberLike } from "./values";

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
    domain: "positive",
    provisional: true,
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
    symbol: "EM",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "tCO2",
    role: "derived",
    column: "3.6",
    domain: "amount",
    expr: roundDown(div(ref("emKg"), num(1000)), 0),
  },
];

/** EPC = EPG − EPS − EPA (kWh): self-consumed = generated − sold to the grid − auxiliary. */
export function epc(epg: NumberLike, eps: NumberLike, epa: NumberLike): number {
  return evaluateDeclared(powerQuantities, { epg, eps, epa }, "epc").toNumber();
}

/** EMP = ROUNDDOWN((EPS + EPC) × CEF_electricity,t, 0) kgCO2 [provisional: rounding by analogy with R4]. */
export function emP(eps: NumberLike, epcValue: NumberLike, cefElec: NumberLike): number {
  return evaluateDeclared(powerQuantities, { eps, epc: epcValue, cefElec }, "emKg").toNumber();
}
