// The scheme's symbols with their Japanese labels, one place for every message and declaration that names them.
import type { Quantity } from "./values";

export const Q_BL: Quantity = { symbol: "Q_BL", ja: "生成熱量", en: "Generated heat" };
export const E_PS: Quantity = { symbol: "E_PS", ja: "補機消費電力量", en: "Auxiliary power consumption" };
export const Q_WB: Quantity = {
  symbol: "Q_WB",
  ja: "補機消費電力量の一次エネルギー換算分を除いた生成熱量",
  en: "Heat net of auxiliary power",
};
export const CEF_FUEL: Quantity = {
  symbol: "CEF_fuel,BL",
  ja: "代替される燃料の排出係数",
  en: "Emission factor of the replaced fuel",
};
export const EPS_BL: Quantity = {
  symbol: "ε_BL",
  ja: "代替される熱源設備の効率",
  en: "Efficiency of the replaced heat source",
};
export const F_B: Quantity = { symbol: "F_B", ja: "バイオマス燃料", en: "Biomass fuel" };
export const F_T: Quantity = { symbol: "F_T", ja: "燃料合計", en: "Total fuel" };
export const S_B: Quantity = { symbol: "S_B", ja: "バイオマス比率", en: "Biomass share" };
export const EM_KG: Quantity = {
  symbol: "EM_WB",
  ja: "排出削減量 (kgCO2)",
  en: "Emission reduction (kgCO2)",
};
export const FACTOR: Quantity = {
  symbol: "factor",
  ja: "一次エネルギー換算係数",
  en: "Primary energy factor",
};
export const EPG: Quantity = { symbol: "EPG", ja: "発電電力量", en: "Generated power" };
export const EPS_SOLD: Quantity = { symbol: "EPS", ja: "販売電力量", en: "Power sold" };
export const EPA: Quantity = { symbol: "EPA", ja: "補機消費電力量", en: "Auxiliary power" };
export const EPC: Quantity = { symbol: "EPC", ja: "自家消費電力量", en: "Self-consumed power" };
export const CEF_ELEC: Quantity = {
  symbol: "CEF_electricity,t",
  ja: "電気の排出係数",
  en: "Electricity emission factor",
};
