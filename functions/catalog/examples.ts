// Each function's example for the README and docs: units, arguments and the result with its source.

/** How each function is shown in the README and docs: units of its arguments, an example and its result with source. */
export interface FunctionExample {
  units: string;
  args: (number | string)[];
  result: string;
  /** Marked * in the table: the formula or value is [open] (docs/domain.md). */
  provisional?: boolean;
  /** The row of the table stands for this function and another ("STEAM_HF(t) / STEAM_HG(t)"). */
  with?: string;
  /** The function the example calls, where it is the row's other one. */
  call?: string;
}

export const EXAMPLES: Record<string, FunctionExample> = {
  STEAM_H: {
    units: "p MPa abs (or [unit] MPaG, kPa, bar, barG), t °C",
    args: [3, 26.85],
    result: "115.331273 kJ/kg (IF97 Table 5)",
  },
  STEAM_S: { units: "p MPa abs, t °C", args: [3, 26.85], result: "0.392294792 kJ/(kg·K)" },
  STEAM_V: { units: "p MPa abs, t °C", args: [3, 26.85], result: "0.00100215168 m³/kg" },
  STEAM_CP: { units: "p MPa abs, t °C", args: [3, 26.85], result: "4.17301218 kJ/(kg·K)" },
  STEAM_TSAT: { units: "p MPa abs", args: [0.1], result: "99.605919 °C" },
  STEAM_PSAT: { units: "t °C", args: [26.85], result: "0.00353658941 MPa" },
  STEAM_HF: {
    units: "t °C",
    args: [104.3],
    result: "437.255055 kJ/kg (h′, feedwater rule)",
    with: "STEAM_HG",
  },
  STEAM_HF_P: {
    units: "p MPa abs",
    call: "STEAM_HG_P",
    args: [1],
    result: "2,777.1 kJ/kg (h″ at 1 MPa, steam tables)",
    with: "STEAM_HG_P",
  },
  STEAM_T_PH: { units: "p MPa abs, h kJ/kg", args: [3, 115.331273], result: "26.85 °C" },
  Q_WB: { units: "MJ_HHV, kWh, MJ_HHV/kWh (9.484)", args: [257572286, 7538025], result: "186,081,657 (R1)" },
  S_B: { units: "MJ, MJ", args: [910178720, 910724806], result: "0.9994 (R3)" },
  EF_WB: { units: "kgCO2/MJ_HHV, fraction or %", args: [0.0678, 0.92022], result: "0.0736 (R2)" },
  EM_WB: {
    units: 'MJ_HHV, 0.9994 / 99.94 / "99.94%", …',
    args: [186081657, "99.94%", 0.0678, 0.92022],
    result: "13,687,392 kgCO2 (R4)",
  },
  EM_T: { units: "kgCO2", args: [445795], result: "445 tCO2 (R5)" },
  CEF_FUEL: {
    units: "灯油, A重油/重油, LPG*, 都市ガス* (or kerosene, heavy oil…)",
    args: ["灯油"],
    result: "0.0678",
  },
  EPS_BL: { units: "fuel, LHV-basis efficiency (0.98)", args: ["灯油"], result: "0.92022" },
  EPC: { units: "kWh", args: [1000, 600, 50], result: "350 kWh", provisional: true },
  EM_P: { units: "kWh, kWh, kgCO2/kWh", args: [600, 350, 0.5], result: "475 kgCO2", provisional: true },
  CEF_ELEC: {
    units: "year, 代替値/全国平均/全電源平均",
    args: [2020],
    result: "#N/A until the table holds a checked value (see below)",
    provisional: true,
  },
  P_ABS: { units: "MPa gauge", args: [0.84237], result: "0.95 MPa abs" },
  Q_STEAM: {
    units: "MPa, °C, t, °C, t",
    args: [0.84237, 185.468, 1234.5, 104.37, 1250],
    result: "2,904,231.71 MJ",
  },
  E_PS_RATED: { units: "kW, h", args: [1198.5, 720], result: "862,920 kWh" },
  E_PS_DAYS: { units: "days, kW", args: [30, 1049.45], result: "755,604 kWh" },
  F_B_DRY: { units: "kJ/kg, fraction or %, t", args: [18000, "40%", 1000], result: "10,800,000 MJ" },
  F_B_WET: { units: "kJ/kg, fraction or %, t", args: [18000, "40%", 1000], result: "9,800,000 MJ" },
  FUEL_HEAT: { units: "kL", args: [10], result: "371,450 MJ" },
  METHODOLOGY: {
    units: "code",
    args: ["H002-2"],
    result: "バイオマス熱（木質バイオマス蒸気供給施設（熱電供給システム））",
  },
};
