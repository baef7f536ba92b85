// The typed Submission a workbook is read into: every field knows the cell it came from.
import type { CellRef, Finding } from "../types";
import type { MonitoringTable } from "./monitoring";
import type { MethodologyDeclaration } from "../methodology/types";
import type { DateField, NumberField, TextField } from "./fields";
import type { SteamDigits } from "../methodology/steamProcedure";

export type { DateField, NumberField, TextField } from "./fields";

/** One facility row of 別紙1. */
export interface ProjectRow {
  row: number;
  text: Record<string, TextField>;
  numbers: Record<string, NumberField>;
  dates: Record<string, DateField>;
}

export interface ProjectList {
  sheet: string;
  headerRow: number;
  /** Column index of each found column key. */
  columns: Record<string, number>;
  rows: ProjectRow[];
  /** The 合計 row's tCO2 cell, when there is one. */
  totalTonnes: NumberField | null;
  /** The 合計 row's label cell. */
  totalRef: CellRef | null;
}

export interface AllocationBlock {
  /** グリーンエネルギーCO2削減相当量（単位:tCO2） */
  tonnes: NumberField;
  /** 販売電力量（kWh） */
  powerSold: NumberField | null;
  /** 熱設備名称 / 発電設備名称, where a block names its facility (the seed's blocks do not). */
  facilityName: TextField | null;
  /** 1. 保有予定者 rows with anything typed in them; null when the block has no 1. heading. */
  holders: AllocationHolder[] | null;
  /** The first holder row's 名称 cell: where a block with no holder is reported. */
  holdersRef: CellRef | null;
  /** The 配分予定なし amount cell; null when the block has no 配分予定なし row. */
  unallocated: NumberField | null;
  /** 2. 帰属先: the text under its heading (value null when blank); null when the block has no 2. heading. */
  attribution: TextField | null;
}

/** One row of a 別紙2 block's 1. 保有予定者 table (保有予定者名称 | 所在地 | 保有予定量（tCO2）). */
export interface AllocationHolder {
  name: TextField;
  address: TextField;
  amount: NumberField;
}

/** One row of a 記号 table: the symbol and the cells under the header's other columns (null: no such column). */
export interface SymbolRow {
  symbol: TextField;
  /** 定義 */
  definition: TextField | null;
  /** 単位 */
  unit: TextField | null;
  /** モニタリング方法 */
  method: TextField | null;
  /** 提出書類 */
  documents: TextField | null;
}

/** A 記号 column: 1.4 算定式 (記号/定義/単位), 2.2 モニタリングの対象及び方法, or a 別紙1添付 block's table. */
export interface SymbolTable {
  section: "1.4" | "2.2" | "attachment";
  /** The 記号 header cell. */
  headerRef: CellRef;
  /** One field per row that holds a symbol (Q_BL, E_PS, …), as typed. */
  symbols: TextField[];
  /** The same rows with their 定義, 単位, モニタリング方法 and 提出書類 cells. */
  rows: SymbolRow[];
}

/** A fuel default stated in 2.2, e.g. 「燃料の種類：灯油 二酸化炭素排出係数：0.0678tCO2/GJ」. */
export interface FuelStatement {
  /** The fuel as named in the text (灯油, 重油, LPG, 都市ガス, …). */
  fuel: string;
  /** The figure as printed, tCO2/GJ. */
  figure: string;
  ref: CellRef;
}

/** One 別紙1添付 block (one per facility). */
export interface AttachmentBlock {
  /** 種別方法論名称 */
  methodologyName: TextField;
  /** 熱設備名称 (発電設備名称 for power) */
  facilityName: TextField | null;
  /** 2. モニタリング方法および提出書類: 記号/定義/モニタリング方法/提出書類 */
  symbols: SymbolTable | null;
  /** The row of 種別方法論名称 that starts the block, and the row after its last (the next block's, or the sheet's end). */
  rows: { from: number; to: number };
  /** 1. 計量体制: each declared role (ATTACHMENT_ROLES) of each part found in the block. */
  roles: AttachmentRole[];
  /** 2.: each symbol row with its 定義, モニタリング方法 and 提出書類 cells. */
  symbolRows: AttachmentSymbolRow[];
  /** What the method texts state: the facility's monitoring plan. */
  plan: MonitoringPlan;
}

/** One role of a 計量体制 part (責任者, 報告書作成者, …) and the cells that name its person. */
export interface AttachmentRole {
  /** ATTACHMENT_PARTS id: "attachment:metering" | "attachment:measurement" | "attachment:report". */
  part: string;
  role: string;
  /** The label cell; null when the part has no such label (then `at` is the part's heading). */
  label: CellRef | null;
  /** The name cells: to the right of the label, or below it where labels stand side by side (the seed). */
  values: TextField[];
  /** Where the name is, or should be. */
  at: CellRef;
}

/** One row of a block's 記号 table; a cell is null only where the table has no such column. */
export interface AttachmentSymbolRow extends SymbolRow {
  /** The method text with its continuation rows (blank 記号 below it), as one text. */
  methodText: string;
}

/** An operating-day rule as stated: a threshold on a recorded quantity, or a calendar. */
export interface OperatingDayRule {
  kind: "threshold" | "calendar" | "other";
  /** The quantity compared ("主蒸気圧力"), its threshold ("4"), unit ("MPa") and comparison ("以上"). */
  quantity?: string;
  value?: string;
  unit?: string;
  comparison?: string;
  /** The sentence as printed. */
  text: string;
  ref: CellRef;
}

/** What a block's method texts state, each with the cell that states it; null where a text states nothing. */
export interface MonitoringPlan {
  /** 補機定格出力 (kW) of the E_PS row, as printed ("1198.5"). */
  ratedPowerKw: { value: string; ref: CellRef } | null;
  /** How E_PS is had: rated power × 稼働時間, × 稼働日 × 24 h, a meter, or not at all (なし). */
  ePsMethod: "ratedHours" | "ratedDays" | "metered" | "none" | null;
  /** 稼働日 of the steam (①) and of the feedwater (③). */
  operatingDays: { steam: OperatingDayRule | null; feedwater: OperatingDayRule | null };
  /** The roundings stated, each with its text ("小数点第4位切上"); a part not stated is null. */
  digits: Partial<
    Record<keyof SteamDigits, { places: number; mode: "up" | "down" | "halfUp"; text: string }>
  >;
  /** The Q_BL method cell, where digits and operating days are stated. */
  digitsRef: CellRef | null;
  /** 標準大気圧 as printed (MPa). */
  standardAtmosphere: string | null;
  /** The LHV recipe of F_B: LHV_dry × (1 − w) × m, or {LHV_dry × (1 − w) − 2,500 × w} × m. */
  lhv: { recipe: "dryBasis" | "wetBasis"; latentHeat?: string; ref: CellRef } | null;
  /** A重油: heat per kL and 低位換算 factor as printed ("39,100" kJ/㎘ × 0.95). */
  auxFuel: { heatPerKl: string; lhvFactor: string; ref: CellRef } | null;
}

/**
 * The methodology the submission is read and checked under, decided once by the reader: the 1.3 tick where there is
 * exactly one and 別紙1's columns fit it; otherwise the registered 別紙1 layout its headers fit best.
 */
export interface ResolvedMethodology {
  declaration: MethodologyDeclaration;
  /** The code, where the submission determines one (a single tick, or headers that only one methodology has). */
  code: string | null;
  /** "checked": one 1.3 tick that the headers fit; "headers": by 別紙1's columns; "default": nothing to go by. */
  source: "checked" | "headers" | "default";
  /** How many 別紙1 headers name a column of this layout by its words or symbol (not only by a shared number). */
  evidence: number;
}

/** One part of the plan sheet (1.1 … 3.2) as found: its heading and the texts it holds. */
export interface PlanPartText {
  /** The part's id in PLAN_PARTS ("plan:name"). */
  part: string;
  heading: CellRef;
  /** The non-blank cells right of the heading and in the rows below it, up to the next heading. */
  texts: TextField[];
}

/** A row of the 1.3 table: its code cell, the name beside it, and whether its box is ticked. */
export interface MethodologyTableRow {
  code: TextField;
  name: TextField | null;
  checked: boolean;
}

/** Where the submission's parts were found, and where a missing one should be (src/forms/places.ts finds them). */
export interface PartPlaces {
  /** Where each part of SHEET_PARTS was found (its title, table or first block), null where none was. */
  sheets: Record<string, CellRef | null>;
  /** The 1.5 heading, where found. */
  periodHeading: CellRef | null;
  /** The cell right of 1.5's 開始日 / 終了日 label, where its date is (or should be) typed; null without a label. */
  periodCells: { start: CellRef | null; end: CellRef | null };
}

/** The plan sheet (様式3-2) read as text. */
export interface PlanText {
  sheet: string;
  /** The parts found, in sheet order. */
  parts: PlanPartText[];
  /** 1.4's formula lines: the texts with "=" between the 1.4 heading and its 記号 header. */
  formulaLines: TextField[];
  /** 1.4's 記号/定義/単位 table. */
  formulaTable: SymbolTable | null;
  /** 2.2's 記号/定義/単位/モニタリング方法 table. */
  monitoringTable: SymbolTable | null;
  /** The 1.3 table's rows. */
  methodologyRows: MethodologyTableRow[];
}

export interface Submission {
  recognized: boolean;
  methodology: {
    code: string | null;
    checked: { code: string; ref: CellRef }[];
    tableRef: CellRef | null;
    /** The one answer to "which methodology is this?" (source "default" for a workbook that gives nothing to go by). */
    resolved: ResolvedMethodology;
  };
  period: { start: DateField | null; end: DateField | null };
  projectList: ProjectList | null;
  /**
   * Further visible sheets with the same 別紙1 headers (a copied 別紙1 (2)): each is checked like the first, and
   * the reader's notes name it. Lists on hidden sheets are not here: they are named, never checked.
   */
  otherProjectLists: ProjectList[];
  allocationPlan: AllocationBlock[];
  /** 1.4 and 2.2 symbol tables of the plan sheet, where found. */
  symbolTables: SymbolTable[];
  /** Fuel defaults stated in 2.2. */
  fuelStatements: FuelStatement[];
  /** 別紙1添付 blocks in sheet order. */
  attachments: AttachmentBlock[];
  /** 熱実績管理表: one monitoring table per facility, where the workbook has them (docs/domain.md §5.1). */
  monitoring: MonitoringTable[];
  /** The plan sheet read as text; null where the workbook has none. */
  plan: PlanText | null;
  /** Where the sheets and 1.5's dates were found, or should be: what the completeness rules point at. */
  places: PartPlaces;
  /** What the reader itself has to say: unreadable cells, numbers stored as text, a workbook that is no 様式3-2. */
  notes: Finding[];
}

/** The methodology every check, fill and report of this submission uses (the reader's one answer). */
export function methodologyOf(submission: Pick<Submission, "methodology">): MethodologyDeclaration {
  return submission.methodology.resolved.declaration;
}
