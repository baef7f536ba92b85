// Where the pane's workbook lives: Excel (Office.js, read on the page's thread) or the standalone document the engine
// holds; either way the engine computes, the backend only reads and writes.
import type { CellRef, CellWrite, WritePlan } from "../src/types";
import { invertPlan } from "../src/fill/invert";
import type { ApplyResult } from "./excel/adapter";
import type { Engine, GridSource, TemplateWorkbook } from "./engine/api";

export type { ApplyResult, SkippedWrite, TemplateSheetShape } from "./excel/adapter";

export interface Backend {
  kind: "excel" | "standalone";
  /** What the engine reads: the workbook read now (Excel, one batch), or the document the engine holds. */
  source(): Promise<GridSource>;
  apply(plan: WritePlan): Promise<ApplyResult>;
  revert(applied: CellWrite[]): Promise<ApplyResult>;
  /** Adds the template as new sheets; returns their names. */
  insertTemplate(template: TemplateWorkbook): Promise<string[]>;
  /** Excel only: select and scroll to a cell. */
  select?(ref: CellRef): Promise<void>;
  /** Excel only: the cell the person has selected. */
  activeCell?(): Promise<CellRef>;
  /** Excel only: the add-in's removable highlight of flagged cells. */
  mark?(refs: CellRef[]): Promise<void>;
  clearMarks?(): Promise<number>;
}

/** The Excel backend: every call goes through taskpane/excel/adapter (lazily loaded). */
export function excelBackend(): Backend {
  const adapter = () => import("./excel/adapter");
  return {
    kind: "excel",
    source: async () => ({ grid: await (await adapter()).readGrid() }),
    apply: async (plan) => (await adapter()).applyWrites(plan),
    revert: async (applied) => (await adapter()).revertWrites(applied),
    insertTemplate: async (template) => (await adapter()).insertTemplate(template.sheets),
    select: async (ref) => (await adapter()).selectCell(ref),
    activeCell: async () => (await adapter()).activeCell(),
    mark: async (refs) => (await adapter()).markCells(refs),
    clearMarks: async () => (await adapter()).clearMarkers(),
  };
}

/** Standalone: the document the engine holds (an opened .xlsx or a new workbook); a plan is recorded whole or not at all. */
export function documentBackend(engine: Engine): Backend {
  const apply = async (plan: WritePlan): Promise<ApplyResult> => {
    await engine.applyToDocument(plan);
    return { applied: plan, skipped: [] };
  };
  return {
    kind: "standalone",
    source: async () => ({ document: true }),
    apply,
    revert: (applied) => apply(invertPlan(applied)),
    insertTemplate: (template) => engine.insertIntoDocument(template),
  };
}
