// Excel custom functions for the methodology formulas: coerce arguments, call src/methodology, map errors.
import {
  absolutePressure,
  biomassShare,
  cefElectricity,
  cefFuel,
  emP,
  emTonnes,
  emWb,
  emissionFactor,
  epc,
  epsBl,
  getMethodology,
  qWb,
  steamMonthHeat,
  PRIMARY_ENERGY_FACTOR,
  DEFAULT_BOILER_EFFICIENCY_LHV,
  DEFAULT_ELECTRICITY_FACTOR_KIND,
} from "../src/methodology";
import { lift, numberArg, optionalNumberArg, textArg } from "./core";
import type { ArgSpec } from "./core";

const arg = (name: string, ja: string, en: string): ArgSpec => ({ name, ja, en });
const A = {
  qBl: arg("Q_BL", "生成熱量", "Generated heat"),
  ePs: arg("E_PS", "補機消費電力量", "Auxiliary power"),
  factor: arg("factor", "一次エネルギー換算係数", "Primary energy factor"),
  fB: arg("F_B", "バイオマス燃料", "Biomass fuel"),
  fT: arg("F_T", "燃料合計", "Total fuel"),
  cef: arg("CEF", "排出係数", "Emission factor"),
  eps: arg("eps", "熱源設備効率", "Heat source efficiency"),
  qWb: arg("Q_WB", "正味生成熱量", "Net heat"),
  sB: arg("S_B", "バイオマス比率", "Biomass share"),
  kg: arg("kg", "排出削減量", "Emission reduction"),
  fuel: arg("fuel", "燃料", "Fuel"),
  effLhv: arg("eff_LHV", "ボイラ効率（低位）", "Boiler efficiency (LHV)"),
  epg: arg("EPG", "発電電力量", "Generated power"),
  epsSold: arg("EPS", "販売電力量", "Power sold"),
  epa: arg("EPA", "補機消費電力量", "Auxiliary power"),
  epc: arg("EPC", "自家消費電力量", "Self-consumed power"),
  cefElec: arg("CEF_elec", "電気の排出係数", "Electricity factor"),
  year: arg("fiscal_year", "年度", "Fiscal year"),
  kind: arg("kind", "係数の種類", "Factor kind"),
  pGauge: arg("p_gauge_mean", "ゲージ圧の月平均", "Mean gauge pressure"),
  tSteam: arg("t_steam_mean", "蒸気温度の月平均", "Mean steam temperature"),
  fS: arg("F_s", "蒸気流量", "Steam flow"),
  tFw: arg("t_fw_mean", "給水温度の月平均", "Mean feedwater temperature"),
  fFw: arg("F_fw", "給水流量", "Feedwater flow"),
  code: arg("code", "方法論コード", "Methodology code"),
};

/** A number or the text people type ("99.94%") for shares, passed on as typed so that percent forms are read. */
function ratioArg(raw: unknown, spec: ArgSpec): number | string {
  return typeof raw === "string" && raw.trim() !== "" ? raw : numberArg(raw, spec);
}

/**
 * Q_WB: heat net of auxiliary power in primary energy, MJ_HHV (rule R1: Q_BL − ROUNDDOWN(E_PS × 9.484, 0)).
 * @customfunction Q_WB
 * @param Q_BL Generated heat Q_BL, MJ_HHV.
 * @param E_PS Auxiliary power consumption E_PS, kWh.
 * @param [factor] Primary energy factor, MJ_HHV/kWh (default 9.484).
 * @returns Q_WB, MJ_HHV.
 */
export function Q_WB(Q_BL: unknown[][], E_PS: unknown[][], factor?: unknown[][]): unknown[][] {
  return lift([Q_BL, E_PS, factor ?? null], (q, e, f) =>
    qWb(numberArg(q, A.qBl), numberArg(e, A.ePs), optionalNumberArg(f, A.factor, PRIMARY_ENERGY_FACTOR)),
  );
}

/**
 * Biomass share S_B = F_B ÷ F_T truncated to 4 decimals (rule R3), as a fraction (0.9994 = 99.94 %).
 * @customfunction S_B
 * @param F_B Biomass fuel F_B, MJ.
 * @param F_T Total fuel F_T, MJ.
 * @returns S_B as a fraction.
 */
export function S_B(F_B: unknown[][], F_T: unknown[][]): unknown[][] {
  return lift([F_B, F_T], (b, t) => biomassShare(numberArg(b, A.fB), numberArg(t, A.fT)));
}

/**
 * Emission factor CEF ÷ ε truncated to 4 decimals (rule R2), kgCO2/MJ_HHV.
 * @customfunction EF_WB
 * @param CEF Emission factor of the replaced fuel CEF_fuel,BL, kgCO2/MJ_HHV.
 * @param eps Efficiency of the replaced heat source ε_BL (HHV basis): 0.92022, 92.022 or "92.022%".
 * @returns CEF ÷ ε, kgCO2/MJ_HHV.
 */
export function EF_WB(CEF: unknown[][], eps: unknown[][]): unknown[][] {
  return lift([CEF, eps], (c, e) => emissionFactor(numberArg(c, A.cef), ratioArg(e, A.eps)));
}

/**
 * Emission reduction EM_WB = Q_WB × S_B × ROUNDDOWN(CEF ÷ ε, 4), truncated to whole kgCO2 (rules R2–R4).
 * @customfunction EM_WB
 * @param Q_WB Net heat Q_WB, MJ_HHV.
 * @param S_B Biomass share: 0.9994, 99.94 or "99.94%".
 * @param CEF Emission factor of the replaced fuel, kgCO2/MJ_HHV.
 * @param eps Efficiency of the replaced heat source (HHV basis): 0.92022, 92.022 or "92.022%".
 * @returns EM_WB, kgCO2.
 */
export function EM_WB(Q_WB: unknown[][], S_B: unknown[][], CEF: unknown[][], eps: unknown[][]): unknown[][] {
  return lift([Q_WB, S_B, CEF, eps], (q, s, c, e) =>
    emWb(numberArg(q, A.qWb), ratioArg(s, A.sB), numberArg(c, A.cef), ratioArg(e, A.eps)),
  );
}

/**
 * Emission reduction in tCO2: kgCO2 ÷ 1000 truncated (rule R5).
 * @customfunction EM_T
 * @param kg Emission reduction, kgCO2.
 * @returns Emission reduction, tCO2.
 */
export function EM_T(kg: unknown[][]): unknown[][] {
  return lift([kg], (k) => emTonnes(numberArg(k, A.kg)));
}

/**
 * Default CO2 emission factor of a fuel CEF_fuel,BL, kgCO2/MJ_HHV (灯油, A重油/重油, LPG and 都市ガス are provisional).
 * @customfunction CEF_FUEL
 * @param fuel Fuel name: 灯油, A重油, 重油, LPG, 都市ガス (or kerosene, heavy oil, city gas).
 * @returns CEF_fuel,BL, kgCO2/MJ_HHV.
 */
export function CEF_FUEL(fuel: unknown[][]): unknown[][] {
  return lift([fuel], (f) => cefFuel(textArg(f, A.fuel)));
}

/**
 * Default efficiency of the replaced boiler on the HHV basis ε_BL = eff_LHV × LHV/HHV of the fuel (灯油 → 0.92022).
 * @customfunction EPS_BL
 * @param fuel Fuel name: 灯油, A重油 (LPG and 都市ガス have no settled LHV/HHV: #N/A).
 * @param [eff_LHV] Boiler efficiency on the LHV basis (default 0.98).
 * @returns ε_BL as a fraction.
 */
export function EPS_BL(fuel: unknown[][], eff_LHV?: unknown[][]): unknown[][] {
  return lift([fuel, eff_LHV ?? null], (f, e) =>
    epsBl(
      textArg(f, A.fuel),
      e === null || e === undefined || e === "" ? DEFAULT_BOILER_EFFICIENCY_LHV : ratioArg(e, A.effLhv),
    ),
  );
}

/**
 * Self-consumed power EPC = EPG − EPS − EPA, kWh (power methodologies, provisional).
 * @customfunction EPC
 * @param EPG Generated power, kWh.
 * @param EPS Power sold to the grid, kWh.
 * @param EPA Auxiliary power, kWh.
 * @returns EPC, kWh.
 */
export function EPC(EPG: unknown[][], EPS: unknown[][], EPA: unknown[][]): unknown[][] {
  return lift([EPG, EPS, EPA], (g, s, a) =>
    epc(numberArg(g, A.epg), numberArg(s, A.epsSold), numberArg(a, A.epa)),
  );
}

/**
 * Emission reduction of green power EMP = (EPS + EPC) × CEF_electricity,t truncated to whole kgCO2 (provisional).
 * @customfunction EM_P
 * @param EPS Power sold to the grid, kWh.
 * @param EPC Self-consumed power, kWh.
 * @param CEF_elec Electricity emission factor, kgCO2/kWh.
 * @returns EMP, kgCO2.
 */
export function EM_P(EPS: unknown[][], EPC: unknown[][], CEF_elec: unknown[][]): unknown[][] {
  return lift([EPS, EPC, CEF_elec], (s, c, f) =>
    emP(numberArg(s, A.epsSold), numberArg(c, A.epc), numberArg(f, A.cefElec)),
  );
}

/**
 * Electricity emission factor CEF_electricity,t of a fiscal year from the add-in's table, kgCO2/kWh; #N/A where the table has no value (provisional).
 * @customfunction CEF_ELEC
 * @param fiscal_year Fiscal year (e.g. 2020).
 * @param [kind] Kind of factor: 代替値 (default), 全国平均, 全電源平均.
 * @returns CEF_electricity,t, kgCO2/kWh.
 */
export function CEF_ELEC(fiscal_year: unknown[][], kind?: unknown[][]): unknown[][] {
  return lift(
    [fiscal_year, kind ?? null],
    (y, k) =>
      cefElectricity(
        numberArg(y, A.year),
        k === null || k === undefined || k === "" ? DEFAULT_ELECTRICITY_FACTOR_KIND : textArg(k, A.kind),
      ).value,
  );
}

/**
 * Absolute pressure by the JSME procedure: ROUNDUP(ROUNDUP(gauge mean, 3) + 0.101325, 2), MPa.
 * @customfunction P_ABS
 * @param p_gauge_mean Monthly mean gauge pressure, MPa.
 * @returns Absolute pressure, MPa.
 */
export function P_ABS(p_gauge_mean: unknown[][]): unknown[][] {
  return lift([p_gauge_mean], (p) => absolutePressure(numberArg(p, A.pGauge)));
}

/**
 * One month's heat by the H002-2 steam procedure: h(p_abs, t_s) × F_s − h'(t_fw) × F_fw, MJ.
 * @customfunction Q_STEAM
 * @param p_gauge_mean Monthly mean gauge pressure of the supplied steam, MPa.
 * @param t_steam_mean Monthly mean steam temperature, °C.
 * @param F_s Steam flow, t.
 * @param t_fw_mean Monthly mean feedwater temperature, °C.
 * @param F_fw Feedwater flow, t.
 * @returns Heat of the month, MJ.
 */
export function Q_STEAM(
  p_gauge_mean: unknown[][],
  t_steam_mean: unknown[][],
  F_s: unknown[][],
  t_fw_mean: unknown[][],
  F_fw: unknown[][],
): unknown[][] {
  return lift([p_gauge_mean, t_steam_mean, F_s, t_fw_mean, F_fw], (p, ts, fs, tf, ff) =>
    steamMonthHeat({
      gaugePressureMean: numberArg(p, A.pGauge),
      steamTemperatureMean: numberArg(ts, A.tSteam),
      steamFlow: numberArg(fs, A.fS),
      feedwaterTemperatureMean: numberArg(tf, A.tFw),
      feedwaterFlow: numberArg(ff, A.fFw),
    }),
  );
}

/**
 * Official Japanese name of a methodology (H002-2 → バイオマス熱（…）).
 * @customfunction METHODOLOGY
 * @param code Methodology code, e.g. H002-2, P002.
 * @returns The methodology's name.
 */
export function METHODOLOGY(code: unknown[][]): unknown[][] {
  return lift([code], (c) => getMethodology(textArg(c, A.code)).name.ja);
}
