// The shape in which each methodology declares its quantities and rules, read by checks, fill and templates.
import type { Message } from "../types";
import type { Decimal } from "../numbers";
import type { QuantitySpec } from "../formula";

/** The codes of the 1.3 table; a methodology added at start-up may bring its own (registerMethodologyAtStartUp). */
export type MethodologyCode =
  | "P001"
  | "P002"
  | "P003-1"
  | "P003-2"
  | "P003-3"
  | "P004-1"
  | "P004-2"
  | "P005"
  | "H001-1"
  | "H001-2"
  | "H001-3"
  | "H002-1"
  | "H002-2"
  | "H003"
  | (string & { readonly registered?: true });

/** The 別紙1 quantities the 合計 of a monitoring table (熱実績管理表) gives. */
export type MonitoringTarget = "qBl" | "ePs" | "fB" | "fT";

/** A quantity of a methodology: a 別紙1 column (input or derived) or an intermediate (EPC), with its formula. */
export interface QuantityDeclaration extends QuantitySpec {
  role: "input" | "derived";
  /** 別紙1 column number ("3.1"); none for an intermediate that has no cell of its own. */
  column?: string;
  /** How the value is displayed/entered: a plain number, or a fraction shown as % (S_B, ε_BL). */
  form?: "number" | "ratio";
  /** The Excel number format of its 別紙1 cells in a template ("0.0000" for CEF); whole numbers (#,##0) without one. */
  numberFormat?: string;
  /**
   * False for a 別紙1 column that the plan's tables (1.4's and 2.2's symbols, 別紙1添付's monitored quantities) do not
   * list (heat's ※1, a check column); listed by default.
   */
  inPlanTables?: false;
  provisional?: boolean;
  provenance?: string;
  /** How the 別紙1 header names the column: printed label (default "3.1 生成熱量 Q_BL (MJ_HHV)") and folded aliases. */
  header?: { label?: string; aliases: string[] };
  /** Another quantity this one may not fall below (※1 ≥ Q_BL), checked on the form's cells. */
  atLeast?: string;
  /**
   * How 1.4 prints a derived quantity: its own line (default), written out where it is used ("inline": CEF ÷ ε),
   * or not at all ("omit": the tonnes, kg ÷ 1000).
   */
  formulaLine?: "line" | "inline" | "omit";
  /**
   * An input that is usually a published reference value: a fuel's CEF_fuel,BL (by 算定省令 revision), the default
   * ε_BL that goes with it, or CEF_electricity,t (by fiscal year): checks, explanations and reports name its vintage.
   */
  reference?: "fuelFactor" | "boilerEfficiency" | "electricityFactor";
  /**
   * How far a facility's value may move from its previous 実績 before the year-on-year comparison warns
   * (portfolio.priorYear.*); a quantity without it is not compared.
   */
  priorYear?: PriorYearThreshold;
}

/** A quantity's year-on-year threshold: a relative change, or any change that 1.6 does not declare. */
export interface PriorYearThreshold {
  /** Compared as a share of another quantity of the same row (E_PS per Q_BL), not as itself. */
  per?: string;
  /** A relative change beyond this warns (0.3: more than ±30 %). */
  relative?: number;
  /** Any change warns unless 1.6 declares a change from the approved plan (a default factor does not move by itself). */
  unlessDeclared?: boolean;
  provenance: string;
}

/** What a methodology's forms print and hold beyond its quantities: read by the reader, template, checks and fill. */
export interface FormDeclaration {
  /** The facility as the forms name it: 熱設備 (heat), 発電設備 (power). */
  facility: Message;
  /** Notes under the 別紙1 template's 合計 row. */
  templateNotes: string[];
  /** The quantity that fills 別紙2's 販売電力量 (kWh), or null where it is 0 (heat). */
  powerSoldKey: string | null;
  /** The 別紙1 column of the certified tonnes (3.11 tCO2 in heat): R6 sums it, 別紙2 carries it. */
  tonnesKey: string;
  /** The column that stands for a row where a row-level finding has no cell of its own (3.1 in heat). */
  anchorKey: string;
  /** The 別紙1 inputs a monitoring table's 合計 gives (3.1 Q_BL, 3.2 E_PS, 3.6 F_B, 3.7 F_T in heat; none in power). */
  monitoringTargets: readonly MonitoringTarget[];
  /** Whether 3.4/3.5 take the fuel defaults of docs/domain.md §3 (方法2), with their checks and 2.2's note. */
  fuelDefaults: boolean;
  /** Whether its 3.1 comes from a monitoring table of monthly steam records (熱実績管理表, docs/domain.md §5.1). */
  monitoringTable?: boolean;
  /**
   * 別紙1 quantity columns of this methodology that each row must fill although no formula reads them (heat's ※1);
   * the form's own 1.x/2. columns are declared required in src/forms/layout.ts.
   */
  requiredColumns?: string[];
  /**
   * Its facilities have no grid connection (heat): 1.6 is 自家消費 and 1.7 受電地点特定番号 is "—"; a 系統 or a metering
   * point number on such a row is out of place (form.projectList.gridConnection).
   */
  noGridConnection?: boolean;
}

/** Inputs of one 別紙1 row, by quantity key; null where the cell is empty ("—"). */
export type RowInputs = Record<string, Decimal | null>;

export interface MethodologyDeclaration {
  code: MethodologyCode;
  name: Message;
  /** Descriptive only (docs, names): no code outside src/methodology branches on it. */
  kind: "heat" | "power" | (string & { readonly other?: true });
  /** True where the formula or its parameters are [open] (docs/domain.md). */
  provisional: boolean;
  /** What of a provisional methodology is guessed (its formulas, its 別紙1 3.x layout): check, report and pane say it. */
  provisionalParts?: Message[];
  /** Where the declaration is probably the wrong structure altogether, not only unconfirmed (H003). */
  structureDoubt?: Message;
  provenance: string;
  quantities: QuantityDeclaration[];
  /** The 合計 row's quantity (R6: Σ of the rows' tCO2). */
  total: QuantityDeclaration;
  form: FormDeclaration;
  /** Every derived quantity of one row from its inputs, with the scheme's rounding. Throws GecError on bad input. */
  derive(inputs: RowInputs, params?: MethodologyParams): Record<string, Decimal>;
}

/** Overridable [open] parameters. */
export interface MethodologyParams {
  /** MJ_HHV per kWh of auxiliary power (Q_WB formula). */
  primaryEnergyFactor?: number;
}
