// Biomass heat H002-1 / H002-2 (and the generic heat path of H001-x, H003): Q_WB, S_B, CEF/ε, EM_WB, with R1–R6.
import { Decimal } from "../numbers";
import { GecError } from "../errors";
import { amount, positive, ratio, signed, required } from "./values";
import type { NumberLike } from "./values";
import { CEF_FUEL, E_PS, EM_KG, EPS_BL, FACTOR, F_B, F_T, Q_BL, Q_WB, S_B } from "./quantities";
import type { MethodologyParams, QuantityDeclaration, RowInputs } from "./types";

/**
 * MJ_HHV per kWh used to convert auxiliary power to primary energy in Q_WB = Q_BL − E_PS × 9.484.
 * [open] The footnote defining it is missing from the seed (its formula carries a "*"); 9.484 is the figure the seed
 * prints and uses. Overridable per call.
 */
export const PRIMARY_ENERGY_FACTOR = 9.484;

/** R1: Q_WB = Q_BL − ROUNDDOWN(E_PS × 9.484, 0) [MJ_HHV]. Q_BL 生成熱量, E_PS 補機消費電力量 (kWh). */
export function qWb(qBl: NumberLike, ePs: NumberLike, factor: NumberLike = PRIMARY_ENERGY_FACTOR): number {
  return qWbDecimal(qBl, ePs, factor).toNumber();
}

export function qWbDecimal(
  qBl: NumberLike,
  ePs: NumberLike,
  factor: NumberLike = PRIMARY_ENERGY_FACTOR,
): Decimal {
  return amount(qBl, Q_BL).sub(amount(ePs, E_PS).mul(positive(factor, FACTOR)).roundDown(0));
}

/** R3: S_B = ROUNDDOWN(F_B ÷ F_T, 4) as a fraction. F_B バイオマス燃料, F_T 燃料合計 (MJ). */
export function biomassShare(fB: NumberLike, fT: NumberLike): number {
  return biomassShareDecimal(fB, fT).toNumber();
}

export function biomassShareDecimal(fB: NumberLike, fT: NumberLike): Decimal {
  const b = amount(fB, F_B);
  const t = amount(fT, F_T);
  if (t.isZero()) {
    throw new GecError("#VALUE!", { ja: "燃料合計 F_T が 0 です。", en: "Total fuel F_T is 0." }, "F_T");
  }
  if (b.cmp(t) > 0) {
    throw new GecError(
      "#VALUE!",
      {
        ja: `バイオマス燃料 F_B (${b}) が燃料合計 F_T (${t}) を超えています。`,
        en: `Biomass fuel F_B (${b}) exceeds total fuel F_T (${t}).`,
      },
      "F_B",
    );
  }
  return b.div(t, 4, "down");
}

/** R2: CEF_fuel,BL ÷ ε_BL truncated to 4 decimals (kgCO2/MJ_HHV), e.g. 0.0678 ÷ 0.92022 → 0.0736. */
export function emissionFactor(cef: NumberLike, eps: NumberLike): number {
  return emissionFactorDecimal(cef, eps).toNumber();
}

export function emissionFactorDecimal(cef: NumberLike, eps: NumberLike): Decimal {
  return positive(cef, CEF_FUEL).div(ratio(eps, EPS_BL), 4, "down");
}

/** R4: EM_WB = ROUNDDOWN(Q_WB × S_B × ROUNDDOWN(CEF ÷ ε, 4), 0) kgCO2; S_B as its truncated 4-decimal fraction. */
export function emWb(qWbValue: NumberLike, sB: NumberLike, cef: NumberLike, eps: NumberLike): number {
  return emWbDecimal(qWbValue, sB, cef, eps).toNumber();
}

export function emWbDecimal(qWbValue: NumberLike, sB: NumberLike, cef: NumberLike, eps: NumberLike): Decimal {
  const q = amount(qWbValue, Q_WB);
  return q.mul(ratio(sB, S_B)).mul(emissionFactorDecimal(cef, eps)).roundDown(0);
}

/** R5: tCO2 = ROUNDDOWN(kg ÷ 1000, 0) (445,795 kg → 445 t). */
export function emTonnes(kg: NumberLike): number {
  return emTonnesDecimal(kg).toNumber();
}

export function emTonnesDecimal(kg: NumberLike): Decimal {
  return amount(kg, EM_KG).div(1000, 0, "down");
}

/** R6: the 合計 is the sum of the rows' truncated tonnes, not the truncated sum of kg. */
export function totalTonnes(rowsKg: NumberLike[]): number {
  return rowsKg.reduce<Decimal>((sum, kg) => sum.add(emTonnesDecimal(kg)), Decimal.zero).toNumber();
}

/** 別紙1 columns of the heat project list (DOMAIN.md §6). */
export const heatQuantities: QuantityDeclaration[] = [
  {
    key: "totalHeat",
    symbol: "※1",
    label: { ja: "申請期間における全生成熱量", en: "All heat generated in the period" },
    unit: "MJ_HHV",
    role: "input",
    column: "※1",
  },
  {
    key: "qBl",
    symbol: "Q_BL",
    label: { ja: "生成熱量", en: "Generated heat" },
    unit: "MJ_HHV",
    role: "input",
    column: "3.1",
  },
  {
    key: "ePs",
    symbol: "E_PS",
    label: { ja: "補機消費電力量", en: "Auxiliary power consumption" },
    unit: "kWh",
    role: "input",
    column: "3.2",
  },
  {
    key: "qWb",
    symbol: "Q_WB",
    label: {
      ja: "生成熱量から補機消費電力量を一次エネルギー換算した値を除いた熱量",
      en: "Heat net of auxiliary power in primary energy",
    },
    unit: "MJ_HHV",
    role: "derived",
    column: "3.3",
    rounding: { rule: "R1", mode: "down", places: 0, excel: "ROUNDDOWN({ePs}*{primaryEnergyFactor},0)" },
    excelFormula: "{qBl}-ROUNDDOWN({ePs}*{primaryEnergyFactor},0)",
  },
  {
    key: "cefFuel",
    symbol: "CEF_fuel,BL",
    label: {
      ja: "代替される燃料の単位発熱量当たりの二酸化炭素排出係数",
      en: "CO2 emission factor of the replaced fuel",
    },
    unit: "kgCO2/MJ_HHV",
    role: "input",
    column: "3.4",
  },
  {
    key: "epsBl",
    symbol: "ε_BL",
    label: {
      ja: "代替される熱源設備のエネルギー消費効率",
      en: "Efficiency of the replaced heat source (HHV)",
    },
    unit: "%",
    role: "input",
    column: "3.5",
    form: "ratio",
  },
  {
    key: "fB",
    symbol: "F_B",
    label: { ja: "バイオマス燃料", en: "Biomass fuel" },
    unit: "MJ",
    role: "input",
    column: "3.6",
  },
  {
    key: "fT",
    symbol: "F_T",
    label: { ja: "燃料合計", en: "Total fuel" },
    unit: "MJ",
    role: "input",
    column: "3.7",
  },
  {
    key: "sB",
    symbol: "S_B",
    label: { ja: "バイオマス比率", en: "Biomass share" },
    unit: "%",
    role: "derived",
    column: "3.8",
    form: "ratio",
    rounding: { rule: "R3", mode: "down", places: 4, excel: "ROUNDDOWN({fB}/{fT},4)" },
    // 100 % when both F_B and F_T are blank or "—" (not numbers), as deriveHeatRow; one of them alone is an error
    excelFormula: 'IF(AND(OR({fB}="",ISERROR(--{fB})),OR({fT}="",ISERROR(--{fT}))),1,ROUNDDOWN({fB}/{fT},4))',
  },
  {
    key: "emissionFactor",
    symbol: "CEF/ε",
    label: { ja: "二酸化炭素排出係数（CEF÷ε）", en: "Emission factor (CEF ÷ ε)" },
    unit: "kgCO2/MJ_HHV",
    role: "derived",
    column: "3.9",
    rounding: { rule: "R2", mode: "down", places: 4, excel: "ROUNDDOWN({cefFuel}/{epsBl},4)" },
    excelFormula: "ROUNDDOWN({cefFuel}/{epsBl},4)",
  },
  {
    key: "emKg",
    symbol: "EM_WB",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "kgCO2",
    role: "derived",
    column: "3.10",
    rounding: { rule: "R4", mode: "down", places: 0, excel: "ROUNDDOWN({qWb}*{sB}*{emissionFactor},0)" },
    excelFormula: "ROUNDDOWN({qWb}*{sB}*{emissionFactor},0)",
  },
  {
    key: "emT",
    symbol: "EM",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "tCO2",
    role: "derived",
    column: "3.11",
    rounding: { rule: "R5", mode: "down", places: 0, excel: "ROUNDDOWN({emKg}/1000,0)" },
    excelFormula: "ROUNDDOWN({emKg}/1000,0)",
  },
];

/**
 * Every derived column of one heat row. S_B is 100 % where F_B and F_T are both empty ("—": no auxiliary fuel,
 * as the seed's rows without fuel data print 100%).
 */
export function deriveHeatRow(inputs: RowInputs, params: MethodologyParams = {}): Record<string, Decimal> {
  const need = (key: string, symbol: string): Decimal => required(inputs, key, symbol);
  const qWbValue = qWbDecimal(
    need("qBl", "Q_BL"),
    need("ePs", "E_PS"),
    params.primaryEnergyFactor ?? PRIMARY_ENERGY_FACTOR,
  );
  if (qWbValue.isNegative()) {
    throw new GecError(
      "#VALUE!",
      {
        ja: `Q_WB が負になります (${qWbValue})。Q_BL と E_PS を確認してください。`,
        en: `Q_WB is negative (${qWbValue}): check Q_BL and E_PS.`,
      },
      "Q_WB",
    );
  }
  const fB = inputs.fB ?? null;
  const fT = inputs.fT ?? null;
  const sB =
    fB === null && fT === null ? Decimal.from(1) : biomassShareDecimal(need("fB", "F_B"), need("fT", "F_T"));
  const factor = emissionFactorDecimal(need("cefFuel", "CEF_fuel,BL"), need("epsBl", "ε_BL"));
  const emKg = signed(qWbValue, Q_WB).mul(sB).mul(factor).roundDown(0);
  return { qWb: qWbValue, sB, emissionFactor: factor, emKg, emT: emKg.div(1000, 0, "down") };
}
