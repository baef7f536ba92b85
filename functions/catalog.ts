// Every custom function declared once: Excel's metadata (en/ja), the cell implementation, gec eval, docs and README.
import { GecError } from "../src/errors";
import type { Message } from "../src/types";
import { Decimal, spreadsheetNumber } from "../src/numbers";
import {
  cefElectricity,
  cefFuel,
  epsBl,
  evaluateDeclared,
  getMethodology,
  heatForm,
  heatQuantities,
  powerQuantities,
  readQuantity,
  steamMonthQuantities,
  DEFAULT_BOILER_EFFICIENCY_LHV,
  DEFAULT_ELECTRICITY_FACTOR_KIND,
} from "../src/methodology";
import type { QuantitySpec } from "../src/formula";
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
import { parsePressureUnit, toAbsoluteMPa } from "../src/steam/units";
import { monitoringMonthQuantities } from "../src/methodology/monitoringQuantities";
import { STANDARD_ATMOSPHERE_MPA } from "../src/methodology/steamProcedure";

export type CellAnswer = number | string;

export interface ParameterDeclaration {
  /** The ASCII name Excel shows in the formula bar ("eps"); messages name the quantity by its symbol (ε_BL). */
  name: string;
  description: Message;
  optional?: boolean;
}

export interface FunctionDeclaration {
  /** ASCII id and name in every locale: a translated name in a written formula gives #NAME?. */
  id: string;
  description: Message;
  result: Message;
  parameters: ParameterDeclaration[];
  /** One cell: each argument as the cell holds it (null where omitted or blank); throws GecError. */
  cell: (...args: unknown[]) => CellAnswer;
  /**
   * The steam functions' cell through exact decimals only, which `cell` answers the same without a Decimal for
   * plain numbers (a fast-check property in test/functions compares the two).
   */
  decimalCell?: (...args: unknown[]) => CellAnswer;
  /** Group for docs. */
  group: "steam" | "methodology";
}

// ---- reading arguments: one coercion layer for every entry point -------------------------------------------

/** A number argument read as a quantity (its symbol and label name it in messages). */
function numberOf(raw: unknown, spec: Pick<QuantitySpec, "symbol" | "label" | "domain">): number {
  return readQuantity(raw, spec).toNumber();
}

const isBlank = (raw: unknown): boolean => raw === null || raw === undefined || raw === "";

function textOf(raw: unknown, label: Message, symbol: string): string {
  if (typeof raw === "string" && raw.trim() !== "") return raw.trim();
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (isBlank(raw)) {
    throw new GecError(
      "#VALUE!",
      { ja: `${label.ja} ${symbol} が空です。`, en: `${label.en} ${symbol} is empty.` },
      symbol,
    );
  }
  throw new GecError(
    "#VALUE!",
    { ja: `${label.ja} ${symbol} には文字列を指定してください。`, en: `${label.en} ${symbol} must be text.` },
    symbol,
  );
}

const P = { symbol: "p", label: { ja: "圧力", en: "Pressure" } };
const T = { symbol: "t", label: { ja: "温度", en: "Temperature" } };
const H = { symbol: "h", label: { ja: "比エンタルピー", en: "Specific enthalpy" } };

// ---- functions of a declared quantity ----------------------------------------------------------------------

type Binding =
  { name: string; key: string; optional?: boolean } | { name: string; param: string; optional?: boolean };

function describe(q: QuantitySpec, lang: "ja" | "en"): string {
  const ratio = q.domain === "ratio";
  const forms = lang === "ja" ? '0.9994、99.94、"99.94%" のいずれも可' : 'typed 0.9994, 99.94 or "99.94%"';
  return `${q.label[lang]} ${q.symbol} [${q.unit}]${ratio ? (lang === "ja" ? `: ${forms}` : `, ${forms}`) : ""}`;
}

/**
 * A custom function that evaluates one declared quantity: its arguments are the quantities (and parameters) it is
 * given, read by the one coercion layer, and the formula is the declaration's, so Excel, gec eval and the checks agree.
 */
function quantityFunction(
  id: string,
  quantities: readonly QuantitySpec[],
  key: string,
  bindings: Binding[],
  text: { description: Message; result: Message; params?: Record<string, Message> },
): FunctionDeclaration {
  const specOf = (k: string) => {
    const q = quantities.find((x) => x.key === k);
    if (!q) throw new Error(`${id}: quantity "${k}" is not declared`);
    return q;
  };
  const parameters = bindings.map((b) => {
    const described: Message =
      text.params?.[b.name] ??
      ("key" in b
        ? { ja: describe(specOf(b.key), "ja"), en: describe(specOf(b.key), "en") }
        : { ja: b.param, en: b.param });
    const p: ParameterDeclaration = { name: b.name, description: described };
    if (b.optional) p.optional = true;
    return p;
  });
  return {
    id,
    group: "methodology",
    description: text.description,
    result: text.result,
    parameters,
    cell: (...args: unknown[]) => {
      const given: Record<string, unknown> = {};
      const params: Record<string, string | number | Decimal | null> = {};
      bindings.forEach((b, i) => {
        const raw = args[i];
        if ("key" in b) given[b.key] = raw ?? null;
        else if (!isBlank(raw)) {
          params[b.param] = readQuantity(raw, {
            symbol: b.name,
            label: text.params?.[b.name] ?? { ja: b.name, en: b.name },
            domain: "positive",
          });
        }
      });
      return evaluateDeclared(quantities, given, key, params).toNumber();
    },
  };
}

const m = (ja: string, en: string): Message => ({ ja, en });

/** The optional last argument of every function that takes a pressure: its unit, so gauge-vs-absolute is said. */
const UNIT_PARAMETER: ParameterDeclaration = {
  name: "unit",
  optional: true,
  description: m(
    '圧力の単位: "MPa"（絶対圧、省略時）、"MPaG"（ゲージ圧）、"kPa"、"bar"、"barG"',
    'Pressure unit: "MPa" (absolute, the default), "MPaG" (gauge), "kPa", "bar", "barG".',
  ),
};

function steamFunction(
  id: string,
  args: { name: string; spec: typeof P; description: Message }[],
  property: ((a: number) => number) | ((a: number, b: number) => number),
  description: Message,
  result: Message,
): FunctionDeclaration {
  // a function of pressure takes its unit last (appended: Excel caches metadata, parameters are only ever added)
  const takesPressure = args.some((a) => a.spec === P);
  const decimalCell = (...raw: unknown[]): number => {
    const unit = takesPressure ? raw[args.length] : null;
    const unitText = isBlank(unit) ? null : textOf(unit, { ja: "圧力の単位", en: "Pressure unit" }, "unit");
    const values = args.map((a, i) =>
      a.spec === P
        ? toAbsoluteMPa(
            readQuantity(raw[i], { ...a.spec, domain: "signed" }),
            parsePressureUnit(unitText),
            STANDARD_ATMOSPHERE_MPA,
          ).toNumber()
        : numberOf(raw[i], { ...a.spec, domain: "signed" }),
    );
    // exactly the declared arguments: the steam functions take options after them that a cell never passes
    return values.length === 1
      ? (property as (a: number) => number)(values[0])
      : property(values[0], values[1]);
  };
  return {
    id,
    group: "steam",
    description,
    result,
    parameters: [
      ...args.map((a) => ({ name: a.name, description: a.description })),
      ...(takesPressure ? [UNIT_PARAMETER] : []),
    ],
    cell: plainNumberCell(args.length, takesPressure, property, decimalCell),
    decimalCell,
  };
}

/**
 * The cell Excel calls: plain numbers and no unit go to the kernel as the Decimal path would give them (15
 * significant digits, spreadsheetNumber) without a Decimal; anything else goes the Decimal path. One closure per
 * shape (one or two quantities, with or without a unit), so that a call branches on nothing else.
 */
function plainNumberCell(
  quantities: number,
  takesPressure: boolean,
  property: ((a: number) => number) | ((a: number, b: number) => number),
  decimalCell: (...raw: unknown[]) => number,
): (...raw: unknown[]) => number {
  const plain = (raw: unknown): number | undefined =>
    typeof raw === "number" ? spreadsheetNumber(raw) : undefined;
  if (quantities === 1) {
    const one = property as (a: number) => number;
    return takesPressure
      ? (x: unknown, unit: unknown) => {
          const a = isBlank(unit) ? plain(x) : undefined;
          return a !== undefined ? one(a) : decimalCell(x, unit);
        }
      : (x: unknown) => {
          const a = plain(x);
          return a !== undefined ? one(a) : decimalCell(x);
        };
  }
  const two = property as (a: number, b: number) => number;
  return takesPressure
    ? (x: unknown, y: unknown, unit: unknown) => {
        const a = isBlank(unit) ? plain(x) : undefined;
        const b = a !== undefined ? plain(y) : undefined;
        return b !== undefined ? two(a as number, b) : decimalCell(x, y, unit);
      }
    : (x: unknown, y: unknown) => {
        const a = plain(x);
        const b = a !== undefined ? plain(y) : undefined;
        return b !== undefined ? two(a as number, b) : decimalCell(x, y);
      };
}

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

export const FUNCTIONS: readonly FunctionDeclaration[] = [
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

/** "Q_WB(Q_BL, E_PS, [factor])" */
export function signature(f: FunctionDeclaration): string {
  return `${f.id}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

function exampleCall(f: FunctionDeclaration, e: FunctionExample): string {
  return `=GEC.${e.call ?? f.id}(${e.args.map((a) => (typeof a === "string" ? `"${a}"` : String(a))).join(", ")})`;
}

/** The README's function table, made from the declarations (a test fails when the README differs). */
export function functionTable(): string {
  const rows = ["| function | arguments (units) | example | result |", "| --- | --- | --- | --- |"];
  const shown = new Set<string>();
  for (const f of FUNCTIONS) {
    if (shown.has(f.id)) continue;
    const e = EXAMPLES[f.id];
    if (!e) continue;
    const other = e.with ? FUNCTIONS.find((x) => x.id === e.with) : undefined;
    if (other) shown.add(other.id);
    const name = `\`${signature(f)}\`${other ? ` / \`${signature(other)}\`` : ""}${e.provisional ? " *" : ""}`;
    rows.push(`| ${name} | ${e.units} | \`${exampleCall(f, e)}\` | ${e.result} |`);
  }
  return rows.join("\n");
}

/** docs/functions.md: every function with its parameters in Japanese and English. */
export function functionsMarkdown(): string {
  const out = [
    "# GEC custom functions / カスタム関数",
    "",
    "Generated from `functions/catalog.ts` by `npm run docs`; do not edit by hand.",
    "",
  ];
  for (const f of FUNCTIONS) {
    out.push(`## ${f.id}`, "", `\`=GEC.${signature(f)}\``, "", f.description.ja, "", f.description.en, "");
    out.push("| parameter | 説明 | description |", "| --- | --- | --- |");
    for (const p of f.parameters)
      out.push(
        `| \`${p.name}\`${p.optional ? " (optional)" : ""} | ${p.description.ja} | ${p.description.en} |`,
      );
    out.push("", `結果 / result: ${f.result.ja} / ${f.result.en}`, "");
    const e = EXAMPLES[f.id];
    if (e) out.push(`例 / example: \`${exampleCall(f, e)}\` → ${e.result}`, "");
  }
  return out.join("\n");
}

/** Excel's functions.json (lang "en") or its Japanese override (lang "ja"): same ids, names and parameters. */
export function functionsMetadata(lang: "en" | "ja"): { functions: unknown[] } {
  return {
    functions: FUNCTIONS.map((f) => ({
      id: f.id,
      name: f.id,
      description: f.description[lang],
      parameters: f.parameters.map((p) => ({
        name: p.name,
        description: p.description[lang],
        type: "any",
        dimensionality: "matrix",
        ...(p.optional ? { optional: true } : {}),
      })),
      result: { dimensionality: "matrix" },
    })),
  };
}
