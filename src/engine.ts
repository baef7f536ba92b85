// The engine's facade: what the taskpane, the standalone page and the CLI call on a Grid.
import { planFill as planFillWith } from "./fill";
import type { FillOptions, FillPlan } from "./fill";
import { checkMonitoring } from "./checks/rules/monitoring";
import type { Grid } from "./types";

export { validateGrid } from "./validate";
export type { ValidationReport, ValidationSummary } from "./validate";

export { readSubmission } from "./forms/read";
export { formatRef, cellAddress } from "./forms/a1";
export { invertPlan, describeWrite, applyToGrid } from "./fill";
export { planFinalize } from "./fill/finalize";
export type { FinalizePlan } from "./fill/finalize";
export type { FillOptions, FillPlan } from "./fill";
export { buildTemplate, templateToGrid, templateColumns } from "./template";
export type { TemplateWorkbook, TemplateSheet, TemplateCell } from "./template";

/** Plans every derived cell of the workbook (src/fill), refusing a monitoring table whose months the checks fault. */
export function planFill(grid: Grid, options: FillOptions = {}): FillPlan {
  return planFillWith(grid, options, checkMonitoring);
}
