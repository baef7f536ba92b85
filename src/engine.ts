// The engine's facade: what the taskpane, the standalone page and the CLI call on a Grid.
export { validateGrid } from "./validate";
export type { ValidationReport, ValidationSummary } from "./validate";

export { readSubmission } from "./forms/read";
export { readSubmission as readGrid } from "./forms/read";
export { formatRef, cellAddress } from "./forms/a1";
export { planFill, invertPlan, describeWrite } from "./fill";
export { planFinalize } from "./fill/finalize";
export type { FinalizePlan } from "./fill/finalize";
export type { FillOptions, FillPlan } from "./fill";
export { buildTemplate, templateToGrid, templateColumns } from "./template";
export type { TemplateWorkbook, TemplateSheet, TemplateCell } from "./template";
