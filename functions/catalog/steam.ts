// The steam-table functions (IAPWS-IF97): STEAM_H, STEAM_S, … declared once.
import type { Message } from "../../src/types";
import {
  saturatedLiquidEnthalpy,
  saturatedLiquidEnthalpyP,
  saturatedVapourEnthalpy,
  saturatedVapourEnthalpyP,
  saturationPressureMPa,
  saturationTemperatureC,
  steamCp,
  steamEnthalpy,
  steamEntropy,
  steamVolume,
  temperaturePH,
} from "../../src/steam";
import { H, P, T, m } from "./arguments";
import { steamFunction } from "./cells";
import type { FunctionDeclaration } from "./types";

const pAbs = (range: string): { name: string; spec: typeof P; description: Message } => ({
  name: "p",
  spec: P,
  description: {
    ja: `圧力 [MPa 絶対圧]${range ? `（${range}）` : ""}`,
    en: `Pressure, MPa absolute${range ? ` (${range})` : ""}.`,
  },
});
const tC = (range: string): { name: string; spec: typeof T; description: Message } => ({
  name: "t",
  spec: T,
  description: {
    ja: `温度 [°C]${range ? `（${range}）` : ""}`,
    en: `Temperature, °C${range ? ` (${range})` : ""}.`,
  },
});

export const STEAM_FUNCTIONS: readonly FunctionDeclaration[] = [
  steamFunction(
    "STEAM_H",
    [
      {
        ...pAbs(""),
        description: m(
          "圧力 [MPa 絶対圧]（0 < p ≤ 100、800 °C 超は ≤ 50）。範囲を渡すと結果がスピルします",
          "Pressure, MPa absolute (0 < p ≤ 100; ≤ 50 above 800 °C). A range gives a spilled range.",
        ),
      },
      {
        ...tC(""),
        description: m(
          "温度 [°C]（0〜800、p ≤ 50 MPa なら 2000 まで）",
          "Temperature, °C (0 to 800; to 2000 at p ≤ 50 MPa).",
        ),
      },
    ],
    steamEnthalpy,
    m(
      "圧縮水・過熱蒸気の比エンタルピー h [kJ/kg]（IAPWS-IF97 = 1999 日本機械学会蒸気表）",
      "Specific enthalpy h of compressed water or superheated steam, kJ/kg (IAPWS-IF97 = 1999 JSME steam tables).",
    ),
    m("比エンタルピー [kJ/kg]", "Specific enthalpy, kJ/kg."),
  ),
  steamFunction(
    "STEAM_S",
    [pAbs(""), tC("")],
    steamEntropy,
    m("比エントロピー s [kJ/(kg·K)]（IAPWS-IF97）", "Specific entropy s, kJ/(kg·K) (IAPWS-IF97)."),
    m("比エントロピー [kJ/(kg·K)]", "Specific entropy, kJ/(kg·K)."),
  ),
  steamFunction(
    "STEAM_V",
    [pAbs(""), tC("")],
    steamVolume,
    m("比体積 v [m³/kg]（IAPWS-IF97）", "Specific volume v, m³/kg (IAPWS-IF97)."),
    m("比体積 [m³/kg]", "Specific volume, m³/kg."),
  ),
  steamFunction(
    "STEAM_CP",
    [pAbs(""), tC("")],
    steamCp,
    m("定圧比熱 cp [kJ/(kg·K)]（IAPWS-IF97）", "Specific isobaric heat capacity cp, kJ/(kg·K) (IAPWS-IF97)."),
    m("定圧比熱 [kJ/(kg·K)]", "Isobaric heat capacity, kJ/(kg·K)."),
  ),
  steamFunction(
    "STEAM_TSAT",
    [pAbs("0.000611213〜22.064")],
    saturationTemperatureC,
    m(
      "圧力 p における飽和温度 [°C]（IAPWS-IF97 領域4）",
      "Saturation temperature at pressure p, °C (IAPWS-IF97 region 4).",
    ),
    m("飽和温度 [°C]", "Saturation temperature, °C."),
  ),
  steamFunction(
    "STEAM_PSAT",
    [tC("0〜373.946")],
    saturationPressureMPa,
    m(
      "温度 t における飽和圧力 [MPa 絶対圧]（IAPWS-IF97 領域4）",
      "Saturation pressure at temperature t, MPa absolute (IAPWS-IF97 region 4).",
    ),
    m("飽和圧力 [MPa 絶対圧]", "Saturation pressure, MPa absolute."),
  ),
  steamFunction(
    "STEAM_HF",
    [tC("0〜373.946")],
    saturatedLiquidEnthalpy,
    m(
      "温度 t における飽和水の比エンタルピー h' [kJ/kg]（給水を飽和水とみなす場合）",
      "Specific enthalpy of saturated liquid h' at temperature t, kJ/kg (feedwater taken as saturated water).",
    ),
    m("飽和水の比エンタルピー h' [kJ/kg]", "Saturated-liquid enthalpy h', kJ/kg."),
  ),
  steamFunction(
    "STEAM_HG",
    [tC("0〜373.946")],
    saturatedVapourEnthalpy,
    m(
      "温度 t における飽和蒸気の比エンタルピー h'' [kJ/kg]",
      "Specific enthalpy of saturated vapour h'' at temperature t, kJ/kg.",
    ),
    m("飽和蒸気の比エンタルピー h'' [kJ/kg]", "Saturated-vapour enthalpy h'', kJ/kg."),
  ),
  steamFunction(
    "STEAM_HF_P",
    [pAbs("0.000611213〜22.064")],
    saturatedLiquidEnthalpyP,
    m(
      "圧力 p における飽和水の比エンタルピー h' [kJ/kg]",
      "Specific enthalpy of saturated liquid h' at pressure p, kJ/kg.",
    ),
    m("飽和水の比エンタルピー h' [kJ/kg]", "Saturated-liquid enthalpy h', kJ/kg."),
  ),
  steamFunction(
    "STEAM_HG_P",
    [pAbs("0.000611213〜22.064")],
    saturatedVapourEnthalpyP,
    m(
      "圧力 p における飽和蒸気の比エンタルピー h'' [kJ/kg]",
      "Specific enthalpy of saturated vapour h'' at pressure p, kJ/kg.",
    ),
    m("飽和蒸気の比エンタルピー h'' [kJ/kg]", "Saturated-vapour enthalpy h'', kJ/kg."),
  ),
  steamFunction(
    "STEAM_T_PH",
    [pAbs(""), { name: "h", spec: H, description: m("比エンタルピー [kJ/kg]", "Specific enthalpy, kJ/kg.") }],
    temperaturePH,
    m(
      "圧力と比エンタルピーから温度 [°C] を求めます（逆関数式を初期値に基本式で収束）",
      "Temperature from pressure and specific enthalpy, °C (backward equations refined on the basic equations).",
    ),
    m("温度 [°C]", "Temperature, °C."),
  ),
];
