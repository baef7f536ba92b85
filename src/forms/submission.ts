// The typed Submission a workbook is read into: every field knows the cell it came from.
import type { CellRef, CellValue, Finding } from "../types";
import type { DateReading, NumberReading } from "../numbers";

export interface NumberField {
  reading: NumberReading;
  raw: CellValue;
  ref: CellRef;
  formula: string | null;
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
}

export interface Submission {
  recognized: boolean;
  methodology: { code: string | null; checked: { code: string; ref: CellRef }[]; tableRef: CellRef | null };
  period: { start: DateField | null; end: DateField | null };
  projectList: ProjectList | null;
  allocationPlan: AllocationBlock[];
  /** What the reader itself has to say: unreadable cells, numbers stored as text, a workbook that is no 様式3-2. */
  notes: Finding[];
}
