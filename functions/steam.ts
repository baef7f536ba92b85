// Excel custom functions for water and steam (IAPWS-IF97): coerce arguments, call src/steam, map errors.
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
} from "../src/steam";
import { lift, numberArg } from "./core";
import type { ArgSpec } from "./core";

const P: ArgSpec = { name: "p", ja: "圧力", en: "Pressure" };
const T: ArgSpec = { name: "t", ja: "温度", en: "Temperature" };
const H: ArgSpec = { name: "h", ja: "比エンタルピー", en: "Specific enthalpy" };

function byPT(p: unknown, t: unknown, property: (p: number, t: number) => number): unknown[][] {
  return lift([p, t], (pv, tv) => property(numberArg(pv, P), numberArg(tv, T)));
}

/**
 * Specific enthalpy h of compressed water or superheated steam, kJ/kg (IAPWS-IF97 = 1999 JSME steam tables).
 * @customfunction STEAM_H
 * @param p Pressure, MPa absolute (0 < p ≤ 100; ≤ 50 above 800 °C). A range gives a spilled range.
 * @param t Temperature, °C (0 to 800; to 2000 at p ≤ 50 MPa).
 * @returns Specific enthalpy, kJ/kg.
 */
export function STEAM_H(p: unknown[][], t: unknown[][]): unknown[][] {
  return byPT(p, t, steamEnthalpy);
}

/**
 * Specific entropy s, kJ/(kg·K) (IAPWS-IF97).
 * @customfunction STEAM_S
 * @param p Pressure, MPa absolute.
 * @param t Temperature, °C.
 * @returns Specific entropy, kJ/(kg·K).
 */
export function STEAM_S(p: unknown[][], t: unknown[][]): unknown[][] {
  return byPT(p, t, steamEntropy);
}

/**
 * Specific volume v, m³/kg (IAPWS-IF97).
 * @customfunction STEAM_V
 * @param p Pressure, MPa absolute.
 * @param t Temperature, °C.
 * @returns Specific volume, m³/kg.
 */
export function STEAM_V(p: unknown[][], t: unknown[][]): unknown[][] {
  return byPT(p, t, steamVolume);
}

/**
 * Specific isobaric heat capacity cp, kJ/(kg·K) (IAPWS-IF97).
 * @customfunction STEAM_CP
 * @param p Pressure, MPa absolute.
 * @param t Temperature, °C.
 * @returns Isobaric heat capacity, kJ/(kg·K).
 */
export function STEAM_CP(p: unknown[][], t: unknown[][]): unknown[][] {
  return byPT(p, t, steamCp);
}

/**
 * Saturation temperature at pressure p, °C (IAPWS-IF97 region 4).
 * @customfunction STEAM_TSAT
 * @param p Pressure, MPa absolute (0.000611213 to 22.064).
 * @returns Saturation temperature, °C.
 */
export function STEAM_TSAT(p: unknown[][]): unknown[][] {
  return lift([p], (pv) => saturationTemperatureC(numberArg(pv, P)));
}

/**
 * Saturation pressure at temperature t, MPa absolute (IAPWS-IF97 region 4).
 * @customfunction STEAM_PSAT
 * @param t Temperature, °C (0 to 373.946).
 * @returns Saturation pressure, MPa absolute.
 */
export function STEAM_PSAT(t: unknown[][]): unknown[][] {
  return lift([t], (tv) => saturationPressureMPa(numberArg(tv, T)));
}

/**
 * Specific enthalpy of saturated liquid h' at temperature t, kJ/kg (feedwater taken as saturated water).
 * @customfunction STEAM_HF
 * @param t Temperature, °C (0 to 373.946).
 * @returns Saturated-liquid enthalpy h', kJ/kg.
 */
export function STEAM_HF(t: unknown[][]): unknown[][] {
  return lift([t], (tv) => saturatedLiquidEnthalpy(numberArg(tv, T)));
}

/**
 * Specific enthalpy of saturated vapour h'' at temperature t, kJ/kg.
 * @customfunction STEAM_HG
 * @param t Temperature, °C (0 to 373.946).
 * @returns Saturated-vapour enthalpy h'', kJ/kg.
 */
export function STEAM_HG(t: unknown[][]): unknown[][] {
  return lift([t], (tv) => saturatedVapourEnthalpy(numberArg(tv, T)));
}

/**
 * Specific enthalpy of saturated liquid h' at pressure p, kJ/kg.
 * @customfunction STEAM_HF_P
 * @param p Pressure, MPa absolute (0.000611213 to 22.064).
 * @returns Saturated-liquid enthalpy h', kJ/kg.
 */
export function STEAM_HF_P(p: unknown[][]): unknown[][] {
  return lift([p], (pv) => saturatedLiquidEnthalpyP(numberArg(pv, P)));
}

/**
 * Specific enthalpy of saturated vapour h'' at pressure p, kJ/kg.
 * @customfunction STEAM_HG_P
 * @param p Pressure, MPa absolute (0.000611213 to 22.064).
 * @returns Saturated-vapour enthalpy h'', kJ/kg.
 */
export function STEAM_HG_P(p: unknown[][]): unknown[][] {
  return lift([p], (pv) => saturatedVapourEnthalpyP(numberArg(pv, P)));
}

/**
 * Temperature from pressure and specific enthalpy, °C (backward equations refined on the basic equations).
 * @customfunction STEAM_T_PH
 * @param p Pressure, MPa absolute.
 * @param h Specific enthalpy, kJ/kg.
 * @returns Temperature, °C.
 */
export function STEAM_T_PH(p: unknown[][], h: unknown[][]): unknown[][] {
  return lift([p, h], (pv, hv) => temperaturePH(numberArg(pv, P), numberArg(hv, H)));
}
