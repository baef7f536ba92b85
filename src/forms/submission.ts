// The typed Submission a workbook is read into: every field knows the cell it came from.
import type { CellRef, CellValue, Finding } from "../types";
import type { DateReading, NumberReading } from "../numbers";
import type { MonitoringTable } from "./monitoring";

export interface NumberField {
  reading: NumberReading;
  raw: CellValue;
  ref: CellRef;
  formula: string | null;
  /** The cell's number format ("#,##0", "0.00%"), kept so that a fix can be undone exactly. */
  numberFormat: string | null;
}

export interface TextField {
  value: string | null;
  raw: CellValue;
  ref: CellRef;
}

export interface DateField {
  reading: DateReading;
  raw: CellValue;
  ref: CellRef;
}

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

/** A 記号 column: 1.4 算定式 (記号/定義/単位), 2.2 モニタリングの対象及び方法, or a 別紙1添付 block's table. */
export interface SymbolTable {
  section: "1.4" | "2.2" | "attachment";
  /** The 記号 header cell. */
  headerRef: CellRef;
  /** One field per row that holds a symbol (Q_BL, E_PS, …), as typed. */
  symbols: TextField[];
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
}

export interface Submission {
  recognized: boolean;
  methodology: { code: string | null; checked: { code: string; ref: CellRef }[]; tableRef: CellRef | null };
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
  /** 熱実績管理表: one monitoring table per facility, where the workbook has them (DOMAIN.md §5.1). */
  monitoring: MonitoringTable[];
  /** What the reader itself has to say: unreadable cells, numbers stored as text, a workbook that is no 様式3-2. */
  notes: Finding[];
}
