// The monitoring table (熱実績管理表, docs/domain.md §5.1) declared as formulas: a month's extra quantities, E_PS from rated
// power, biomass and fuel heat, and the 合計 → 別紙1 3.1 / 3.2 / 3.6 / 3.7 under each [open] rounding convention.
import { add, mul, num, param, ref, round, roundDown, sub, sumOf } from "../formula";
import type { Expr, QuantitySpec } from "../formula";
import { SEED_STEAM_DIGITS, steamQuantitiesWith } from "./steamProcedure";
import type { SteamDigits } from "./steamProcedure";
import type { MonitoringTarget } from "./types";
import { AUX_FUEL_HEAT_PARAMETER, AUX_FUEL_LHV_PARAMETER } from "./parameters";

/** Latent heat per kg of moisture in セイホク's wet-basis LHV ({LHV_dry × (1 − w) − 2,500 × w}), kJ/kg. */
export const MOISTURE_LATENT_HEAT = "2500";

/** The month's quantities beyond the steam procedure: operating days, 控除熱量, E_PS, biomass and fuel. */
const monthExtras: QuantitySpec[] = [
  {
    key: "operatingDays",
    symbol: "d",
    label: { ja: "稼働日数", en: "Operating days" },
    unit: "日",
    domain: "amount",
  },
  {
    key: "deduction",
    symbol: "Q_ded",
    label: { ja: "控除熱量", en: "Heat deducted" },
    unit: "MJ",
    domain: "amount",
  },
  {
    key: "ePsMonth",
    symbol: "E_PS,m",
    label: { ja: "補機消費電力量", en: "Auxiliary power consumption" },
    unit: "kWh",
    domain: "amount",
  },
  {
    key: "ratedPower",
    symbol: "P_aux",
    label: { ja: "補機定格出力", en: "Rated auxiliary power" },
    unit: "kW",
    domain: "amount",
  },
  {
    key: "operatingHours",
    symbol: "h_op",
    label: { ja: "稼働時間", en: "Operating hours" },
    unit: "h",
    domain: "amount",
  },
  {
    // 津別: 稼働時間 (meter photo) × 補機定格出力 1198.5 kW
    key: "ePsRated",
    symbol: "E_PS,m",
    label: {
      ja: "補機消費電力量（定格出力 × 稼働時間）",
      en: "Auxiliary power (rated power × operating hours)",
    },
    unit: "kWh",
    domain: "amount",
    expr: mul(ref("ratedPower"), ref("operatingHours")),
  },
  {
    // 川辺: 稼働日 × 24 h × 補機定格出力 1049.45 kW
    key: "ePsRatedDays",
    symbol: "E_PS,m",
    label: {
      ja: "補機消費電力量（稼働日数 × 24 h × 定格出力）",
      en: "Auxiliary power (operating days × 24 h × rated power)",
    },
    unit: "kWh",
    domain: "amount",
    expr: mul(mul(ref("operatingDays"), num(24)), ref("ratedPower")),
  },
  {
    key: "biomassMass",
    symbol: "m_B",
    label: { ja: "バイオマス投入量", en: "Biomass input" },
    unit: "t",
    domain: "amount",
  },
  {
    key: "lhvDry",
    symbol: "LHV_dry",
    label: { ja: "低位発熱量(dry)", en: "Lower heating value (dry)" },
    unit: "kJ/kg",
    domain: "amount",
  },
  {
    key: "moisture",
    symbol: "w",
    label: { ja: "水分率", en: "Moisture content" },
    unit: "%",
    domain: "amount",
  },
  {
    // 川辺: 低位発熱量(dry) × (1 − 水分率) × バイオマス投入量; kJ/kg × t = MJ
    key: "fBDryBasis",
    symbol: "F_B,m",
    label: { ja: "バイオマス燃料（乾量基準 × (1 − 水分率)）", en: "Biomass fuel heat (dry LHV × (1 − w))" },
    unit: "MJ",
    domain: "amount",
    expr: mul(mul(ref("lhvDry"), sub(num(1), ref("moisture"))), ref("biomassMass")),
  },
  {
    // セイホク: {低位発熱量(dry) × (1 − 水分率) − 2,500 × 水分率} × バイオマス投入量
    key: "fBWetBasis",
    symbol: "F_B,m",
    label: {
      ja: "バイオマス燃料（{LHV_dry × (1 − w) − 2,500 × w} × 投入量）",
      en: "Biomass fuel heat ({dry LHV × (1 − w) − 2,500 × w} × mass)",
    },
    unit: "MJ",
    domain: "amount",
    expr: mul(
      sub(mul(ref("lhvDry"), sub(num(1), ref("moisture"))), mul(num(MOISTURE_LATENT_HEAT), ref("moisture"))),
      ref("biomassMass"),
    ),
  },
  {
    key: "fBMonth",
    symbol: "F_B,m",
    label: { ja: "バイオマス燃料", en: "Biomass fuel heat" },
    unit: "MJ",
    domain: "amount",
  },
  {
    key: "auxFuelVolume",
    symbol: "V_A",
    label: { ja: "助燃料（A重油）使用量", en: "Auxiliary fuel (A heavy oil) used" },
    unit: "kL",
    domain: "amount",
  },
  {
    key: "auxFuelHeat",
    symbol: "F_A,m",
    label: { ja: "助燃料熱量", en: "Auxiliary fuel heat" },
    unit: "MJ",
    domain: "amount",
    // 39,100 MJ/kL × 低位換算 0.95
    expr: mul(mul(ref("auxFuelVolume"), param(AUX_FUEL_HEAT_PARAMETER)), param(AUX_FUEL_LHV_PARAMETER)),
  },
];

const monitoringByDigits = new Map<SteamDigits, QuantitySpec[]>();

/** Every quantity of one month with a facility's roundings (its 別紙1添付 block); one list per set of digits. */
export function monitoringQuantitiesWith(digits: SteamDigits): QuantitySpec[] {
  const steam = steamQuantitiesWith(digits);
  const known = [...monitoringByDigits].find(([, list]) => list[0] === steam[0]);
  if (known) return known[1];
  const list = [...steam, ...monthExtras];
  monitoringByDigits.set(digits, list);
  return list;
}

/** Every quantity of one month of the monitoring table: the steam procedure and the extras. */
export const monitoringMonthQuantities: QuantitySpec[] = monitoringQuantitiesWith(SEED_STEAM_DIGITS);

/** How the 合計 is rounded into 別紙1 ([open], docs/domain.md §5.1): per month then summed, or the sum; or not at all. */
export interface RoundingConvention {
  id: "exact" | "sumDown" | "monthDown" | "sumHalfUp" | "monthHalfUp";
  label: { ja: string; en: string };
}

export const ROUNDING_CONVENTIONS: RoundingConvention[] = [
  { id: "sumDown", label: { ja: "合計を整数に切捨", en: "the sum truncated to a whole number" } },
  { id: "monthDown", label: { ja: "各月を整数に切捨てて合計", en: "each month truncated, then summed" } },
  { id: "exact", label: { ja: "端数処理なし", en: "no rounding" } },
  { id: "sumHalfUp", label: { ja: "合計を整数に四捨五入", en: "the sum rounded half up" } },
  {
    id: "monthHalfUp",
    label: { ja: "各月を整数に四捨五入して合計", en: "each month rounded half up, then summed" },
  },
];

export type { MonitoringTarget } from "./types";

/** The 別紙1 inputs a monitoring table's 合計 gives, in form order: 3.1 Q_BL, 3.2 E_PS, 3.6 F_B, 3.7 F_T. */
export const MONITORING_TARGETS: readonly MonitoringTarget[] = ["qBl", "ePs", "fB", "fT"];

/** Per-month column each target sums, and its truncated per-month form. */
const MONTH_COLUMNS: Record<MonitoringTarget, { month: string; down: string; halfUp: string }> = {
  qBl: { month: "qMonth", down: "qMonthDown", halfUp: "qMonthHalfUp" },
  ePs: { month: "ePsMonth", down: "ePsMonthDown", halfUp: "ePsMonthHalfUp" },
  fB: { month: "fBMonth", down: "fBMonthDown", halfUp: "fBMonthHalfUp" },
  fT: { month: "fTMonth", down: "fTMonthDown", halfUp: "fTMonthHalfUp" },
};

/** The per-month column whose Σ gives a target (3.1 Q_BL: qMonth). */
export function monthColumnOf(target: MonitoringTarget): string {
  return MONTH_COLUMNS[target].month;
}

const SYMBOLS: Record<MonitoringTarget, { symbol: string; ja: string; en: string; unit: string }> = {
  qBl: { symbol: "Q_BL", ja: "生成熱量", en: "Generated heat", unit: "MJ_HHV" },
  ePs: { symbol: "E_PS", ja: "補機消費電力量", en: "Auxiliary power consumption", unit: "kWh" },
  fB: { symbol: "F_B", ja: "バイオマス燃料", en: "Biomass fuel", unit: "MJ" },
  fT: { symbol: "F_T", ja: "燃料合計", en: "Total fuel", unit: "MJ" },
};

/** The per-month quantities a convention sums: the month's value itself, or it rounded (declared here, once). */
export function monthlyRounded(target: MonitoringTarget): QuantitySpec[] {
  const c = MONTH_COLUMNS[target];
  const s = SYMBOLS[target];
  return [
    { key: c.month, symbol: `${s.symbol},m`, label: { ja: s.ja, en: s.en }, unit: s.unit },
    {
      key: c.down,
      symbol: `${s.symbol},m↓`,
      label: { ja: `${s.ja}（月、切捨）`, en: `${s.en} of the month, truncated` },
      unit: s.unit,
      expr: roundDown(ref(c.month), 0),
    },
    {
      key: c.halfUp,
      symbol: `${s.symbol},m≈`,
      label: { ja: `${s.ja}（月、四捨五入）`, en: `${s.en} of the month, rounded` },
      unit: s.unit,
      expr: round(ref(c.month), 0),
    },
  ];
}

/**
 * 別紙1's 3.1 / 3.2 / 3.6 / 3.7 from the monitoring table's months under one convention: Q_BL = Σ 生成熱量 − Σ 控除熱量,
 * E_PS = Σ 補機消費電力量, F_B = Σ バイオマス燃料, F_T = Σ (F_B + 助燃料熱量) (the caller gives F_T's month column).
 */
export function monitoringTotal(
  target: MonitoringTarget,
  convention: RoundingConvention["id"],
  options: { deduction?: boolean } = {},
): QuantitySpec {
  const c = MONTH_COLUMNS[target];
  const s = SYMBOLS[target];
  const deduct = (e: Expr): Expr => (options.deduction ? sub(e, sumOf("deduction")) : e);
  let expr: Expr;
  switch (convention) {
    case "sumDown":
      expr = roundDown(deduct(sumOf(c.month)), 0);
      break;
    case "sumHalfUp":
      expr = round(deduct(sumOf(c.month)), 0);
      break;
    case "monthDown":
      expr = deduct(sumOf(c.down));
      break;
    case "monthHalfUp":
      expr = deduct(sumOf(c.halfUp));
      break;
    default:
      expr = deduct(sumOf(c.month));
  }
  return {
    key: `${target}Total`,
    symbol: s.symbol,
    label: { ja: `${s.ja}（熱実績管理表の合計）`, en: `${s.en} (monitoring table total)` },
    unit: s.unit,
    expr,
  };
}

/** F_T's month: F_B + 助燃料熱量 (MJ). */
export const fuelTotalMonth: QuantitySpec = {
  key: "fTMonth",
  symbol: "F_T,m",
  label: { ja: "燃料合計", en: "Total fuel" },
  unit: "MJ",
  domain: "amount",
  expr: add(ref("fBMonth"), ref("auxFuelHeat")),
};

/** The 合計 row's cell of a column: Σ of its months (as the table holds them). */
export function columnTotal(month: QuantitySpec): QuantitySpec {
  return {
    key: `${month.key}Sum`,
    symbol: `Σ ${month.symbol}`,
    label: { ja: `${month.label.ja}（合計）`, en: `${month.label.en} (total)` },
    unit: month.unit,
    expr: sumOf(month.key),
  };
}
