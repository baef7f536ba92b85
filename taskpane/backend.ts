// What the pane needs from where the workbook lives: Excel (Office.js) or a .xlsx file in the browser (ExcelJS).
import type { CellRef, CellWrite, Grid, WritePlan } from "../src/types";
import type { ApplyResult } from "./excel/adapter";
import type { TemplateWorkbookShape } from "./engineApi";

export type { ApplyResult, SkippedWrite, TemplateSheetShape } from "./excel/adapter";

export interface Backend {
  kind: "excel" | "standalone";
  readGrid(): Promise<Grid>;
  apply(plan: WritePlan): Promise<ApplyResult>;
  revert(applied: CellWrite[]): Promise<ApplyResult>;
  /** Adds the template as new sheets; returns their names. */
  insertTemplate(template: TemplateWorkbookShape): Promise<string[]>;
  /** Excel only: select and scroll to a cell. */
  select?(ref: CellRef): Promise<void>;
  /** Excel only: the cell the person has selected. */
  activeCell?(): Promise<CellRef>;
  /** Excel only: the add-in's removable highlight of flagged cells. */
  mark?(refs: CellRef[]): Promise<void>;
  clearMarks?(): Promise<number>;
}

/** Standalone only: opens a new empty workbook (テンプレート挿入 before any file is open). */
export interface WorkbookFactory {
  create(fileName: string): Promise<Backend>;
}

/** The Excel backend: every call goes through taskpane/excel/adapter (lazily loaded). */
export function excelBackend(): Backend {
  const adapter = () => import("./excel/adapter");
  return {
    kind: "excel",
    readGrid: async () => (await adapter()).readGrid(),
    apply: async (plan) => (await adapter()).applyWrites(plan),
    revert: async (applied) => (await adapter()).revertWrites(applied),
    insertTemplate: async (template) => (await adapter()).insertTemplate(template.sheets),
    select: async (ref) => (await adapter()).selectCell(ref),
    activeCell: async () => (await adapter()).activeCell(),
    mark: async (refs) => (await adapter()).markCells(refs),
    clearMarks: async () => (await adapter()).clearMarkers(),
  };
}
