// The engine entry points the pane calls, loaded on first use so the initial bundle stays small.
import type { Grid } from "../src/types";
import type { FillPlan, ValidationReport } from "../src/engine";
import type { TemplateWorkbook } from "../src/template/types";
import type { CellRef } from "../src/types";
import type { ExplainResult } from "../src/explain";

export type { ValidationReport } from "../src/engine";
export type { ExplainResult, CellExplanation } from "../src/explain";
export type TemplateWorkbookShape = TemplateWorkbook;

export interface EngineApi {
  validateGrid(grid: Grid): ValidationReport;
  planFill(grid: Grid, options: { formulas?: boolean }): FillPlan;
  buildTemplate(methodologyCode: string, facilities: number): TemplateWorkbook;
  /** このセルの計算根拠: the derivation of the value a cell should hold. */
  explainCell(grid: Grid, ref: CellRef): ExplainResult;
  /** "別紙1!U6" → a CellRef, null for anything else. */
  parseCell(text: string): CellRef | null;
  methodologies: { code: string; name: { ja: string; en: string } }[];
}

let cached: Promise<EngineApi> | null = null;

export function loadEngine(): Promise<EngineApi> {
  cached ??= Promise.all([
    import("../src/engine"),
    import("../src/methodology"),
    import("../src/explain"),
  ]).then(([engine, m, explain]) => ({
    validateGrid: engine.validateGrid,
    planFill: engine.planFill,
    buildTemplate: engine.buildTemplate,
    explainCell: (grid: Grid, ref: CellRef) => explain.explainCell(grid, ref),
    parseCell: explain.parseCellReference,
    methodologies: m.METHODOLOGIES.map((d) => ({ code: d.code, name: d.name })),
  }));
  return cached;
}
