// The engine entry points the pane calls, loaded on first use so the initial bundle stays small.
import type { Grid } from "../src/types";
import type { FillPlan, ValidationReport } from "../src/engine";
import type { TemplateWorkbook } from "../src/template/types";

export type { ValidationReport } from "../src/engine";
export type TemplateWorkbookShape = TemplateWorkbook;

export interface EngineApi {
  validateGrid(grid: Grid): ValidationReport;
  planFill(grid: Grid, options: { formulas?: boolean }): FillPlan;
  buildTemplate(methodologyCode: string, facilities: number): TemplateWorkbook;
  methodologies: { code: string; name: { ja: string; en: string } }[];
}

let cached: Promise<EngineApi> | null = null;

export function loadEngine(): Promise<EngineApi> {
  cached ??= Promise.all([import("../src/engine"), import("../src/methodology")]).then(([engine, m]) => ({
    validateGrid: engine.validateGrid,
    planFill: engine.planFill,
    buildTemplate: engine.buildTemplate,
    methodologies: m.METHODOLOGIES.map((d) => ({ code: d.code, name: d.name })),
  }));
  return cached;
}
