// The engine entry points the pane calls, loaded on first use so the initial bundle stays small.
import type { Grid } from "../src/types";
import type { FillPlan, FinalizePlan, ValidationReport } from "../src/engine";
import type { TemplateWorkbook } from "../src/template/types";
import type { CellRef } from "../src/types";
import type { ExplainResult } from "../src/explain";

export type { ValidationReport } from "../src/engine";
export type { ExplainResult, CellExplanation } from "../src/explain";
export type TemplateWorkbookShape = TemplateWorkbook;

export interface EngineApi {
  validateGrid(grid: Grid): ValidationReport;
  planFill(grid: Grid, options: { formulas?: boolean }): FillPlan;
  /** 提出用に確定: every GEC. formula replaced by its value. */
  planFinalize(grid: Grid): FinalizePlan;
  /** A blank 様式3-2; with `monitoringYear`, a 熱実績管理表 per facility for that fiscal year's months. */
  buildTemplate(methodologyCode: string, facilities: number, monitoringYear?: number): TemplateWorkbook;
  /** The fiscal year a 実績 form reports today. */
  lastFiscalYear: number;
  /** このセルの計算根拠: the derivation of the value a cell should hold. */
  explainCell(grid: Grid, ref: CellRef): ExplainResult;
  /** "別紙1!U6" → a CellRef, null for anything else. */
  parseCell(text: string): CellRef | null;
  methodologies: { code: string; name: { ja: string; en: string }; monitoringTable: boolean }[];
}

let cached: Promise<EngineApi> | null = null;

export function loadEngine(): Promise<EngineApi> {
  cached ??= Promise.all([
    import("../src/engine"),
    import("../src/methodology"),
    import("../src/explain"),
    import("../src/template/monitoring"),
  ]).then(([engine, m, explain, monitoring]) => ({
    validateGrid: engine.validateGrid,
    planFill: engine.planFill,
    planFinalize: engine.planFinalize,
    buildTemplate: (code: string, facilities: number, monitoringYear?: number) => {
      const template = engine.buildTemplate(code, facilities);
      return monitoringYear === undefined
        ? template
        : monitoring.addMonitoringTables(template, monitoringYear);
    },
    lastFiscalYear: monitoring.lastFiscalYear(new Date()),
    explainCell: (grid: Grid, ref: CellRef) => explain.explainCell(grid, ref),
    parseCell: explain.parseCellReference,
    methodologies: m.METHODOLOGIES.map((d) => ({
      code: d.code,
      name: d.name,
      monitoringTable: d.form.monitoringTable === true,
    })),
  }));
  return cached;
}
