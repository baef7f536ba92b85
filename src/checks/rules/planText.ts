// The plan's text (1.1–2.2) against its methodology and its own rows; and the plan's parts present and filled.
// Its parts (./planText/) report in one sequence per plan, so they are one module.
import { PARTS_RULES, checkParts, checkName, checkMethodologyTable } from "./planText/parts";
import { FORMULA_RULES, checkFormulaLines, checkSymbolTable, provisional } from "./planText/formulas";
import {
  STATEMENT_RULES,
  checkFiscalYears,
  checkChanges,
  checkMonitoringStatements,
} from "./planText/statements";
import type { RuleModule } from "../rule";
import { findMethodology } from "../../methodology";
import type { Finding, Grid } from "../../types";
import type { Submission } from "../../forms/submission";

export function checkPlanText(submission: Submission, grid: Grid): Finding[] {
  void grid;
  const plan = submission.plan;
  if (!plan) return []; // no plan sheet at all: form.plan.missing (the completeness rules)
  const code = submission.methodology.resolved.code;
  const m = code ? findMethodology(code) : undefined;
  const out = [
    // a blank template's one error is that no facility is typed yet (form.noFacilities); its blank parts follow
    ...(submission.projectList && submission.projectList.rows.length > 0 ? checkParts(plan) : []),
    ...checkMethodologyTable(plan),
    ...checkFiscalYears(submission),
    ...checkChanges(plan),
  ];
  if (m)
    out.push(
      ...checkName(plan, m),
      ...provisional(m, [...checkFormulaLines(plan, m), ...checkSymbolTable(plan, m)]),
      ...checkMonitoringStatements(submission, plan, m),
    );
  return out;
}

export const planTextModule: RuleModule = {
  metas: [...PARTS_RULES, ...FORMULA_RULES, ...STATEMENT_RULES],
  check: ({ submission, grid }) => checkPlanText(submission, grid),
};
