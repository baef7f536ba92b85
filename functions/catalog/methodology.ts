// The methodology functions: each a declared quantity (Q_WB, S_B, EM_WB, …) or a reference table (CEF, ε_BL).
import {
  cefElectricity,
  cefFuel,
  epsBl,
  getMethodology,
  heatForm,
  heatQuantities,
  powerQuantities,
  steamMonthQuantities,
  DEFAULT_BOILER_EFFICIENCY_LHV,
  DEFAULT_ELECTRICITY_FACTOR_KIND,
} from "../../src/methodology";
import { monitoringMonthQuantities } from "../../src/methodology/monitoringQuantities";
import { isBlank, m, numberOf, textOf } from "./arguments";
import { quantityFunction } from "./cells";
import type { FunctionDeclaration } from "./types";

export const METHODOLOGY_FUNCTIONS: readonly FunctionDeclaration[] = [
  quantityFunction(
    "Q_WB",
    heatQuantities,
    "qWb",
    [
      { name: "Q_BL", key: "qBl" },
      { name: "E_PS", key: "ePs" },
      { name: "factor", param: "primaryEnergyFactor", optional: true },
    ],
    {
      description: m(
        "補機消費電力量を一次エネルギー換算して除いた生成熱量 Q_WB [MJ_HHV]（R1: Q_BL − ROUNDDOWN(E_PS × 9.484, 0)）",
        "Q_WB: heat net of auxiliary power in primary energy, MJ_HHV (rule R1: Q_BL − ROUNDDOWN(E_PS × 9.484, 0)).",
      ),
      result: m("Q_WB [MJ_HHV]", "Q_WB, MJ_HHV."),
      params: {
        factor: m(
          "一次エネルギー換算係数 [MJ_HHV/kWh]（省略時 9.484）",
          "Primary energy factor, MJ_HHV/kWh (default 9.484).",
        ),
      },
    },
  ),
  quantityFunction(
    "S_B",
    heatQuantities,
    "sB",
    [
      { name: "F_B", key: "fB" },
      { name: "F_T", key: "fT" },
    ],
    {
      description: m(
        "バイオマス比率 S_B = F_B ÷ F_T を小数第4位未満切捨て（R3）。0.9994 = 99.94%",
        "Biomass share S_B = F_B ÷ F_T truncated to 4 decimals (rule R3), as a fraction (0.9994 = 99.94 %).",
      ),
      result: m("S_B（小数）", "S_B as a fraction."),
    },
  ),
  quantityFunction(
    "EF_WB",
    heatQuantities,
    "emissionFactor",
    [
      { name: "CEF", key: "cefFuel" },
      { name: "eps", key: "epsBl" },
    ],
    {
      description: m(
        "排出係数 CEF ÷ ε を小数第4位未満切捨て（R2）[kgCO2/MJ_HHV]",
        "Emission factor CEF ÷ ε truncated to 4 decimals (rule R2), kgCO2/MJ_HHV.",
      ),
      result: m("CEF ÷ ε [kgCO2/MJ_HHV]", "CEF ÷ ε, kgCO2/MJ_HHV."),
    },
  ),
  quantityFunction(
    "EM_WB",
    heatQuantities,
    "emKg",
    [
      { name: "Q_WB", key: "qWb" },
      { name: "S_B", key: "sB" },
      { name: "CEF", key: "cefFuel" },
      { name: "eps", key: "epsBl" },
    ],
    {
      description: m(
        "排出削減量 EM_WB = Q_WB × S_B × ROUNDDOWN(CEF ÷ ε, 4) を kg 未満切捨て（R2〜R4）[kgCO2]",
        "Emission reduction EM_WB = Q_WB × S_B × ROUNDDOWN(CEF ÷ ε, 4), truncated to whole kgCO2 (rules R2–R4).",
      ),
      result: m("EM_WB [kgCO2]", "EM_WB, kgCO2."),
    },
  ),
  quantityFunction("EM_T", heatQuantities, heatForm.tonnesKey, [{ name: "kg", key: "emKg" }], {
    description: m(
      "排出削減量を t 単位に換算し切捨て（R5: ROUNDDOWN(kg ÷ 1000, 0)）[tCO2]",
      "Emission reduction in tCO2: kgCO2 ÷ 1000 truncated (rule R5).",
    ),
    result: m("排出削減量 [tCO2]", "Emission reduction, tCO2."),
  }),
  {
    id: "CEF_FUEL",
    group: "methodology",
    description: m(
      "代替される燃料のデフォルト排出係数 CEF_fuel,BL [kgCO2/MJ_HHV]（LPG・都市ガスは暫定値）",
      "Default CO2 emission factor of a fuel CEF_fuel,BL, kgCO2/MJ_HHV (LPG and 都市ガス are provisional).",
    ),
    result: m("CEF_fuel,BL [kgCO2/MJ_HHV]", "CEF_fuel,BL, kgCO2/MJ_HHV."),
    parameters: [
      {
        name: "fuel",
        description: m(
          "燃料名: 灯油、A重油、重油、LPG、都市ガス（kerosene、heavy oil なども可）",
          "Fuel name: 灯油, A重油, 重油, LPG, 都市ガス (or kerosene, heavy oil, city gas).",
        ),
      },
    ],
    cell: (fuel) => cefFuel(textOf(fuel, { ja: "燃料", en: "Fuel" }, "fuel")),
  },
  {
    id: "EPS_BL",
    group: "methodology",
    description: m(
      "代替される熱源設備の効率 ε_BL（高位発熱量ベース）= ボイラ効率（低位）× LHV/HHV（灯油 → 0.92022）",
      "Default efficiency of the replaced boiler on the HHV basis ε_BL = eff_LHV × LHV/HHV of the fuel (灯油 → 0.92022).",
    ),
    result: m("ε_BL（小数）", "ε_BL as a fraction."),
    parameters: [
      {
        name: "fuel",
        description: m(
          "燃料名: 灯油、A重油（LPG・都市ガスは LHV/HHV 未確定のため #N/A）",
          "Fuel name: 灯油, A重油 (LPG and 都市ガス have no settled LHV/HHV: #N/A).",
        ),
      },
      {
        name: "eff_LHV",
        optional: true,
        description: m(
          "ボイラ効率（低位発熱量ベース、省略時 0.98）",
          "Boiler efficiency on the LHV basis (default 0.98).",
        ),
      },
    ],
    cell: (fuel, eff) =>
      epsBl(
        textOf(fuel, { ja: "燃料", en: "Fuel" }, "fuel"),
        isBlank(eff) ? DEFAULT_BOILER_EFFICIENCY_LHV : (eff as number | string),
      ),
  },
  quantityFunction(
    "EPC",
    powerQuantities,
    "epc",
    [
      { name: "EPG", key: "epg" },
      { name: "EPS", key: "eps" },
      { name: "EPA", key: "epa" },
    ],
    {
      description: m(
        "自家消費電力量 EPC = EPG − EPS − EPA [kWh]（暫定）",
        "Self-consumed power EPC = EPG − EPS − EPA, kWh (power methodologies, provisional).",
      ),
      result: m("EPC [kWh]", "EPC, kWh."),
    },
  ),
  quantityFunction(
    "EM_P",
    powerQuantities,
    "emKg",
    [
      { name: "EPS", key: "eps" },
      { name: "EPC", key: "epc" },
      { name: "CEF_elec", key: "cefElec" },
    ],
    {
      description: m(
        "グリーン電力の排出削減量 (EPS + EPC) × CEF_electricity,t を kg 未満切捨て [kgCO2]（暫定）",
        "Emission reduction of green power EMP = (EPS + EPC) × CEF_electricity,t truncated to whole kgCO2 (provisional).",
      ),
      result: m("排出削減量 [kgCO2]", "EMP, kgCO2."),
    },
  ),
  {
    id: "CEF_ELEC",
    group: "methodology",
    description: m(
      "年度別の電気の排出係数 CEF_electricity,t [kgCO2/kWh]。表に値がない年度は #N/A（暫定）",
      "Electricity emission factor CEF_electricity,t of a fiscal year from the add-in's table, kgCO2/kWh; #N/A where the table has no value (provisional).",
    ),
    result: m("CEF_electricity,t [kgCO2/kWh]", "CEF_electricity,t, kgCO2/kWh."),
    parameters: [
      { name: "fiscal_year", description: m("年度（例: 2020）", "Fiscal year (e.g. 2020).") },
      {
        name: "kind",
        optional: true,
        description: m(
          "係数の種類: 代替値（既定）、全国平均、全電源平均",
          "Kind of factor: 代替値 (default), 全国平均, 全電源平均.",
        ),
      },
    ],
    cell: (year, kind) =>
      cefElectricity(
        numberOf(year, {
          symbol: "fiscal_year",
          label: { ja: "年度", en: "Fiscal year" },
          domain: "positive",
        }),
        isBlank(kind)
          ? DEFAULT_ELECTRICITY_FACTOR_KIND
          : textOf(kind, { ja: "係数の種類", en: "Factor kind" }, "kind"),
      ).value,
  },
  quantityFunction("P_ABS", steamMonthQuantities, "pAbs", [{ name: "p_gauge_mean", key: "pGauge" }], {
    description: m(
      "日本機械学会の手順による絶対圧: ROUNDUP(ROUNDUP(ゲージ圧平均, 3) + 0.101325, 2) [MPa]",
      "Absolute pressure by the JSME procedure: ROUNDUP(ROUNDUP(gauge mean, 3) + 0.101325, 2), MPa.",
    ),
    result: m("絶対圧 [MPa]", "Absolute pressure, MPa."),
  }),
  quantityFunction(
    "Q_STEAM",
    steamMonthQuantities,
    "qMonth",
    [
      { name: "p_gauge_mean", key: "pGauge" },
      { name: "t_steam_mean", key: "tSteamMean" },
      { name: "F_s", key: "fSteam" },
      { name: "t_fw_mean", key: "tFeedMean" },
      { name: "F_fw", key: "fFeed" },
    ],
    {
      description: m(
        "H002-2 の蒸気手順による月間熱量 h(p_abs, t_s) × F_s − h'(t_fw) × F_fw [MJ]",
        "One month's heat by the H002-2 steam procedure: h(p_abs, t_s) × F_s − h'(t_fw) × F_fw, MJ.",
      ),
      result: m("月間熱量 [MJ]", "Heat of the month, MJ."),
    },
  ),
  quantityFunction(
    "E_PS_RATED",
    monitoringMonthQuantities,
    "ePsRated",
    [
      { name: "rated_kW", key: "ratedPower" },
      { name: "hours", key: "operatingHours" },
    ],
    {
      description: m(
        "補機消費電力量 E_PS = 補機定格出力 × 稼働時間 [kWh]（§5.1、津別の方式。丸めなし）",
        "Auxiliary power E_PS = rated auxiliary power × operating hours, kWh (§5.1, as 津別 meters it; not rounded).",
      ),
      result: m("E_PS [kWh]", "E_PS, kWh."),
    },
  ),
  quantityFunction(
    "E_PS_DAYS",
    monitoringMonthQuantities,
    "ePsRatedDays",
    [
      { name: "days", key: "operatingDays" },
      { name: "rated_kW", key: "ratedPower" },
    ],
    {
      description: m(
        "補機消費電力量 E_PS = 稼働日数 × 24 h × 補機定格出力 [kWh]（§5.1、川辺の方式。丸めなし）",
        "Auxiliary power E_PS = operating days × 24 h × rated auxiliary power, kWh (§5.1, as 川辺 meters it; not rounded).",
      ),
      result: m("E_PS [kWh]", "E_PS, kWh."),
    },
  ),
  quantityFunction(
    "F_B_DRY",
    monitoringMonthQuantities,
    "fBDryBasis",
    [
      { name: "LHV_dry", key: "lhvDry" },
      { name: "w", key: "moisture" },
      { name: "mass_t", key: "biomassMass" },
    ],
    {
      description: m(
        "バイオマス燃料 F_B = 低位発熱量(dry) × (1 − 水分率) × 投入量 [MJ]（§5.1、川辺の方式。丸めなし）",
        "Biomass fuel heat F_B = LHV_dry × (1 − w) × mass, MJ (§5.1, as 川辺 computes it; not rounded).",
      ),
      result: m("F_B [MJ]", "F_B, MJ."),
      params: { w: m('水分率: 0.4、"40%" のいずれも可', 'Moisture content: 0.4 or "40%".') },
    },
  ),
  quantityFunction(
    "F_B_WET",
    monitoringMonthQuantities,
    "fBWetBasis",
    [
      { name: "LHV_dry", key: "lhvDry" },
      { name: "w", key: "moisture" },
      { name: "mass_t", key: "biomassMass" },
    ],
    {
      description: m(
        "バイオマス燃料 F_B = {低位発熱量(dry) × (1 − 水分率) − 2,500 × 水分率} × 投入量 [MJ]（§5.1、セイホクの方式。丸めなし）",
        "Biomass fuel heat F_B = {LHV_dry × (1 − w) − 2,500 × w} × mass, MJ (§5.1, as セイホク computes it; not rounded).",
      ),
      result: m("F_B [MJ]", "F_B, MJ."),
      params: { w: m('水分率: 0.4、"40%" のいずれも可', 'Moisture content: 0.4 or "40%".') },
    },
  ),
  quantityFunction(
    "FUEL_HEAT",
    monitoringMonthQuantities,
    "auxFuelHeat",
    [{ name: "kL", key: "auxFuelVolume" }],
    {
      description: m(
        "助燃料（A重油）の熱量 = 使用量 × 39,100 MJ/kL × 0.95（低位換算）[MJ]（§5.1、川辺の方式。丸めなし）",
        "Auxiliary fuel (A heavy oil) heat = volume × 39,100 MJ/kL × 0.95 (to LHV), MJ (§5.1, as 川辺 computes it; not rounded).",
      ),
      result: m("助燃料熱量 [MJ]", "Fuel heat, MJ."),
    },
  ),
  {
    id: "METHODOLOGY",
    group: "methodology",
    description: m(
      "種別方法論の正式名称（H002-2 → バイオマス熱（…））",
      "Official Japanese name of a methodology (H002-2 → バイオマス熱（…）).",
    ),
    result: m("種別方法論名称", "The methodology's name."),
    parameters: [
      {
        name: "code",
        description: m("方法論コード（例: H002-2、P002）", "Methodology code, e.g. H002-2, P002."),
      },
    ],
    cell: (code) =>
      getMethodology(textOf(code, { ja: "方法論コード", en: "Methodology code" }, "code")).name.ja,
  },
];
