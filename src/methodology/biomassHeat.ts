// Biomass heat H002-1 / H002-2 (and the generic heat path of H001-x, H003): Q_WB, S_B, CEF/ε, EM_WB, with R1–R6.
import { MONITORING_TARGETS } from "./monitoringQuantities";
import { Decimal } from "../numbers";
import { evaluateQuantities, div, mul, num, param, ref, roundDown, sub, sumOf, whenBlank } from "../formula";
import type {
  FormDeclaration,
  MethodologyCode,
  MethodologyDeclaration,
  PriorYearThreshold,
  QuantityDeclaration,
} from "./types";
import { deriveWith } from "./derive";
import { evaluateDeclared } from "./evaluate";
import type { NumberLike } from "./values";
import { guessedParts } from "./provisional";
import { PRIMARY_ENERGY_FACTOR_PARAMETER } from "./parameters";

/**
 * MJ_HHV per kWh used to convert auxiliary power to primary energy in Q_WB = Q_BL − E_PS × 9.484 (declared with its
 * source in ./parameters). Overridable per call (parameter primaryEnergyFactor).
 */
export const PRIMARY_ENERGY_FACTOR = Number(PRIMARY_ENERGY_FACTOR_PARAMETER.value);

/**
 * How far a facility may move from its previous 実績 before `gec check --previous` warns. [open] The scheme publishes
 * no threshold: ±30 % for amounts and for E_PS as a share of Q_BL, ±10 % for S_B (a biomass share near 100 %), and a
 * default factor (CEF, ε) should not change at all unless 1.6 declares a change from the approved plan.
 */
export const YEAR_ON_YEAR = {
  amount: { relative: 0.3, provenance: "[open] no published threshold; ±30 %" },
  auxiliaryShare: { per: "qBl", relative: 0.3, provenance: "[open] no published threshold; E_PS/Q_BL ±30 %" },
  share: { relative: 0.1, provenance: "[open] no published threshold; S_B ±10 %" },
  factor: {
    unlessDeclared: true,
    provenance:
      "方法2 defaults do not move by themselves: a change belongs in 1.6 (JQA's criterion 5, seed report)",
  },
} as const satisfies Record<string, PriorYearThreshold>;

/** 別紙1 columns of the heat project list (docs/domain.md §6), each derived one with its formula and rounding (§4). */
export const heatQuantities: QuantityDeclaration[] = [
  {
    key: "totalHeat",
    header: {
      label: "※1 申請期間における全生成熱量 (MJ_HHV)",
      aliases: ["申請期間における全生成熱量", "全生成熱量"],
    },
    atLeast: "qBl",
    symbol: "※1",
    label: { ja: "申請期間における全生成熱量", en: "All heat generated in the period" },
    unit: "MJ_HHV",
    role: "input",
    column: "※1",
    inPlanTables: false,
    domain: "amount",
  },
  {
    key: "qBl",
    header: { aliases: ["qbl"] },
    symbol: "Q_BL",
    label: { ja: "生成熱量", en: "Generated heat" },
    unit: "MJ_HHV",
    role: "input",
    column: "3.1",
    domain: "amount",
    priorYear: YEAR_ON_YEAR.amount,
  },
  {
    key: "ePs",
    header: { aliases: ["eps(kwh)", "補機消費電力量"] },
    symbol: "E_PS",
    label: { ja: "補機消費電力量", en: "Auxiliary power consumption" },
    unit: "kWh",
    role: "input",
    column: "3.2",
    domain: "amount",
    priorYear: YEAR_ON_YEAR.auxiliaryShare,
  },
  {
    key: "qWb",
    header: { aliases: ["qwb"] },
    symbol: "Q_WB",
    label: {
      ja: "生成熱量から補機消費電力量を一次エネルギー換算した値を除いた熱量",
      en: "Heat net of auxiliary power in primary energy",
    },
    unit: "MJ_HHV",
    role: "derived",
    column: "3.3",
    domain: "amount",
    // R1
    expr: sub(ref("qBl"), roundDown(mul(ref("ePs"), param(PRIMARY_ENERGY_FACTOR_PARAMETER)), 0)),
  },
  {
    key: "cefFuel",
    header: { aliases: ["ceffuel,bl", "ceffuel"] },
    symbol: "CEF_fuel,BL",
    label: {
      ja: "代替される燃料の単位発熱量当たりの二酸化炭素排出係数",
      en: "CO2 emission factor of the replaced fuel",
    },
    unit: "kgCO2/MJ_HHV",
    role: "input",
    column: "3.4",
    numberFormat: "0.0000",
    domain: "positive",
    reference: "fuelFactor",
    priorYear: YEAR_ON_YEAR.factor,
  },
  {
    key: "epsBl",
    header: { aliases: ["εbl", "ϵbl"] },
    symbol: "ε_BL",
    label: {
      ja: "代替される熱源設備のエネルギー消費効率",
      en: "Efficiency of the replaced heat source (HHV)",
    },
    unit: "%",
    role: "input",
    column: "3.5",
    numberFormat: "0.00000",
    form: "ratio",
    domain: "ratio",
    reference: "boilerEfficiency",
    priorYear: YEAR_ON_YEAR.factor,
  },
  {
    key: "fB",
    header: { aliases: ["fb(mj)", "バイオマス燃料"] },
    symbol: "F_B",
    label: { ja: "バイオマス燃料", en: "Biomass fuel" },
    unit: "MJ",
    role: "input",
    column: "3.6",
    domain: "amount",
    atMost: "fT",
  },
  {
    key: "fT",
    header: { aliases: ["ft(mj)", "燃料合計"] },
    symbol: "F_T",
    label: { ja: "燃料合計", en: "Total fuel" },
    unit: "MJ",
    role: "input",
    column: "3.7",
    domain: "amount",
  },
  {
    key: "sB",
    header: { aliases: ["sb(%)", "バイオマス比率"] },
    symbol: "S_B",
    label: { ja: "バイオマス比率", en: "Biomass share" },
    unit: "%",
    role: "derived",
    column: "3.8",
    numberFormat: "0.00%",
    form: "ratio",
    domain: "ratio",
    // R3; 100 % where a row has no fuel data (F_B and F_T both "—"), as the seed prints it
    expr: whenBlank(["fB", "fT"], num(1), roundDown(div(ref("fB"), ref("fT")), 4)),
    priorYear: YEAR_ON_YEAR.share,
  },
  {
    key: "emissionFactor",
    header: { label: "3.9 二酸化炭素排出係数 CEF_electricity,t (kgCO2/kWh)", aliases: ["cefelectricity"] },
    symbol: "CEF/ε",
    label: { ja: "二酸化炭素排出係数（CEF÷ε）", en: "Emission factor (CEF ÷ ε)" },
    unit: "kgCO2/MJ_HHV",
    role: "derived",
    column: "3.9",
    numberFormat: "0.0000",
    domain: "positive",
    // R2; 1.4 writes it out inside EM_WB's line
    expr: roundDown(div(ref("cefFuel"), ref("epsBl")), 4),
    formulaLine: "inline",
  },
  {
    key: "emKg",
    header: { aliases: ["emwb"] },
    symbol: "EM_WB",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "kgCO2",
    role: "derived",
    column: "3.10",
    domain: "amount",
    // R4
    expr: roundDown(mul(mul(ref("qWb"), ref("sB")), ref("emissionFactor")), 0),
  },
  {
    key: "emT",
    header: { label: "3.11 排出削減量 (tCO2)", aliases: ["排出削減量(tco2)"] },
    symbol: "EM",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "tCO2",
    role: "derived",
    column: "3.11",
    domain: "amount",
    // R5
    expr: roundDown(div(ref("emKg"), num(1000)), 0),
    formulaLine: "omit",
    priorYear: YEAR_ON_YEAR.amount,
  },
];

/** R6: the 合計 is the sum of the rows' truncated tonnes, not the truncated sum of kg. */
export const tonnesTotal: QuantityDeclaration = {
  key: "emTotal",
  symbol: "Σ EM",
  label: { ja: "排出削減量の合計", en: "Total emission reduction" },
  unit: "tCO2",
  role: "derived",
  domain: "amount",
  expr: sumOf("emT"),
};

/** What the heat forms print and hold besides the quantities. */
export const heatForm: FormDeclaration = {
  facility: { ja: "熱設備", en: "heat facility" },
  templateNotes: [
    "※1 申請期間における全生成熱量の内、一部の生成熱量について本申請の対象とするケースを考慮し、当該値を報告ください。",
    "黄色のセルに入力してください。青色のセルは入力値から計算されます（ROUNDDOWN による切捨て: 3.3 は整数、3.8 と 3.9 は小数第4位、3.10 は整数、3.11 は kg ÷ 1000 の整数）。",
  ],
  // heat sells no power: 別紙2's 販売電力量 is 0
  powerSoldKey: null,
  tonnesKey: "emT",
  anchorKey: "qBl",
  monitoringTargets: [...MONITORING_TARGETS],
  fuelDefaults: true,
  monitoringTable: true,
  // ※1 (all heat of the period) enters no formula: only its own cell says whether it was given
  requiredColumns: ["totalHeat"],
  // heat is used on site: there is no 系統 and no 受電地点特定番号
  noGridConnection: true,
};

/** Official names as the seed's 1.3 checkbox table prints them (docs/domain.md §2). */
const HEAT_NAMES: [MethodologyCode, string, string][] = [
  [
    "H001-1",
    "太陽熱（強制循環式給湯用ソーラーシステム（単独供給方式））",
    "Solar heat (forced-circulation hot-water system, single supply)",
  ],
  [
    "H001-2",
    "太陽熱（強制循環式給湯用ソーラーシステム（複数供給方式））",
    "Solar heat (forced-circulation hot-water system, multiple supply)",
  ],
  [
    "H001-3",
    "太陽熱（太陽熱利用セントラルシステム（給湯・暖房））",
    "Solar heat (central system, hot water and heating)",
  ],
  ["H002-1", "バイオマス熱（木質バイオマス熱利用システム）", "Biomass heat (woody biomass heat system)"],
  [
    "H002-2",
    "バイオマス熱（木質バイオマス蒸気供給施設（熱電供給システム））",
    "Biomass heat (woody biomass steam supply, CHP)",
  ],
  [
    "H003",
    "雪氷エネルギー（熱交換冷水循環式雪氷エネルギー施設）",
    "Snow and ice energy (heat-exchange chilled-water facility)",
  ],
];

/** Only the biomass heat formulas are confirmed by the seed; H001-x and H003 follow the generic heat path (暫定). */
const CONFIRMED = new Set<string>(["H002-1", "H002-2"]);

/** H003 on the heat path: a snow/ice facility displaces cooling (a chiller's power), not a boiler's fuel. */
const SNOW_ICE_DOUBT = {
  ja: "H003（雪氷エネルギー）は生成熱量・ボイラ効率・燃料の排出係数の算定式（バイオマス熱と同じ）で読んでいますが、雪氷エネルギー施設が代替するのはボイラでなく冷房（冷凍機の電力）なので、算定式も別紙1 の構成もおそらく違います。結果は参考にとどめてください。",
  en: "H003 (snow and ice energy) is read with the heat formulas of biomass heat (generated heat, boiler efficiency, a fuel's emission factor), but a snow/ice facility displaces cooling (a chiller's power), not a boiler: its formulas and its 別紙1 are probably structured differently. Take the results as indicative only.",
};

/** The heat methodologies: H002-1/H002-2 as the seed, H001-x and H003 on the same formulas, provisional. */
export const HEAT_METHODOLOGIES: MethodologyDeclaration[] = HEAT_NAMES.map(([code, ja, en]) => ({
  code,
  name: { ja, en },
  kind: "heat",
  provisional: !CONFIRMED.has(code),
  provenance: CONFIRMED.has(code)
    ? "seed submissions (reference/003), docs/domain.md §2–§4"
    : "[open] formula not confirmed by a published submission; generic heat path of docs/domain.md §2 (暫定)",
  ...(CONFIRMED.has(code) ? {} : { provisionalParts: guessedParts(heatQuantities) }),
  ...(code === "H003" ? { structureDoubt: SNOW_ICE_DOUBT } : {}),
  quantities: heatQuantities,
  total: tonnesTotal,
  form: heatForm,
  derive: deriveWith(heatQuantities),
}));

const one = (key: string, given: Record<string, NumberLike>, params?: Record<string, NumberLike>): Decimal =>
  evaluateDeclared(heatQuantities, given, key, params);

/** R6: the 合計 of the rows' kg, each truncated to t first (57,778 t for the seed's H002-2). */
export function totalTonnes(rowsKg: NumberLike[]): number {
  const tonnes = rowsKg.map((kg) => one("emT", { emKg: kg }));
  return evaluateQuantities([...heatQuantities, tonnesTotal], {}, ["emTotal"], {
    columns: { emT: { values: tonnes, cells: [] } },
  }).values.emTotal.toNumber();
}

/** R1: Q_WB = Q_BL − ROUNDDOWN(E_PS × 9.484, 0) [MJ_HHV]. Q_BL 生成熱量, E_PS 補機消費電力量 (kWh). */
export function qWb(qBl: NumberLike, ePs: NumberLike, factor: NumberLike = PRIMARY_ENERGY_FACTOR): number {
  return one("qWb", { qBl, ePs }, { primaryEnergyFactor: factor }).toNumber();
}

/** R3: S_B = ROUNDDOWN(F_B ÷ F_T, 4) as a fraction. F_B バイオマス燃料, F_T 燃料合計 (MJ). */
export function biomassShare(fB: NumberLike, fT: NumberLike): number {
  return one("sB", { fB, fT }).toNumber();
}

/** R2: CEF_fuel,BL ÷ ε_BL truncated to 4 decimals (kgCO2/MJ_HHV), e.g. 0.0678 ÷ 0.92022 → 0.0736. */
export function emissionFactor(cef: NumberLike, eps: NumberLike): number {
  return one("emissionFactor", { cefFuel: cef, epsBl: eps }).toNumber();
}

/** R4: EM_WB = ROUNDDOWN(Q_WB × S_B × ROUNDDOWN(CEF ÷ ε, 4), 0) kgCO2; S_B as its truncated 4-decimal fraction. */
export function emWb(qWbValue: NumberLike, sB: NumberLike, cef: NumberLike, eps: NumberLike): number {
  return one("emKg", { qWb: qWbValue, sB, cefFuel: cef, epsBl: eps }).toNumber();
}

/** R5: tCO2 = ROUNDDOWN(kg ÷ 1000, 0) (445,795 kg → 445 t). */
export function emTonnes(kg: NumberLike): number {
  return one("emT", { emKg: kg }).toNumber();
}
