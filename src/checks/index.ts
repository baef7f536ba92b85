// Runs every rule family on a Submission: the verifier's checks of docs/domain.md §7, as Findings.
import { isGecError } from "../errors";
import type { CellRef, Finding, Grid } from "../types";
import { RULE_FAMILIES } from "./registry";
import type { RuleFamily } from "./registry";
import { at, finding } from "./finding";
import { methodologyOf } from "../forms/submission";
import type { Submission } from "../forms/submission";
import { checkProjectList } from "./projectList";
import { everyKnown, recomputedTonnes, rowDerivation, totalDerivation } from "../domain/rows";
import { submissionPeriod } from "../domain/referenceValues";
import { checkAttachmentMethodology, checkFacilityNames, checkFuelStatement, checkSymbols } from "./plan";
import { checkAllocation, checkHygiene, checkIdentity, checkMethodology, checkPeriods } from "./submission";
import { checkMonitoring } from "./monitoring";
import { checkCompleteness } from "./completeness";
import { checkPlanText } from "./planText";
import { checkAttachment } from "./attachment";
import { checkAllocation as checkAllocationBlocks } from "./allocation";
import { withMateriality } from "../domain/materiality";

/** A form without one facility row is not ready to submit, however clean the rest is (a blank template). */
function checkHasFacilities(submission: Submission, grid: Grid): Finding[] {
  const list = submission.projectList;
  if (list && list.rows.length > 0) return [];
  const ref: CellRef = list
    ? { sheet: list.sheet, row: list.headerRow, col: Math.min(...Object.values(list.columns)) }
    : (submission.methodology.tableRef ?? { sheet: grid.sheets[0]?.name ?? "", row: 0, col: 0 });
  return [
    finding("form.noFacilities", ref, {
      ja: list
        ? `${at(ref)} の別紙1 に施設の行がありません。施設ごとに 1 行入力してください（このままでは提出できません）。`
        : "別紙1 の事業リストが見つかりません。別紙1 を追加し、施設ごとに 1 行入力してください（このままでは提出できません）。",
      en: list
        ? `別紙1 at ${at(ref)} has no facility row: enter one row per facility (the form cannot be submitted as it is).`
        : "No 別紙1 project list was found: add 別紙1 with one row per facility (the form cannot be submitted as it is).",
    }),
  ];
}

/** What every family's checks read: the Submission, the Grid (hygiene scans cells) and the checked methodology. */
export interface CheckContext {
  submission: Submission;
  grid: Grid;
}

type Check = (ctx: CheckContext) => Finding[];

/** The 別紙2 reconciliation (R7), with each expected figure's derivation, and each block's holders and 帰属先. */
function checkAllocationOf({ submission }: CheckContext): Finding[] {
  const list = submission.projectList;
  if (!list) return [];
  const declaration = methodologyOf(submission);
  const tonnes = recomputedTonnes(list.rows, declaration);
  const blocks = checkAllocationBlocks(submission, tonnes);
  return [
    ...checkAllocation(submission, tonnes, {
      row: (i) => {
        const d = rowDerivation(list.rows[i], declaration, declaration.form.tonnesKey);
        return isGecError(d) ? [] : d.steps;
      },
      total: () => {
        const all = everyKnown(tonnes);
        return all ? totalDerivation(list, declaration, all).steps : [];
      },
    }),
    ...blocks,
  ];
}

/**
 * The checks of each rule family of the registry (RULE_FAMILIES). 別紙1's row check sits in family 3 and also
 * reports its row's ranges (5), defaults (6) and unreadable inputs (8): they share one derivation per row.
 */
export const FAMILY_CHECKS: Record<RuleFamily, Check[]> = {
  1: [
    ({ submission }) => checkMethodology(submission),
    ({ submission }) => checkSymbols(submission),
    ({ submission }) => checkAttachmentMethodology(submission),
  ],
  2: [({ submission }) => checkPeriods(submission)],
  3: [
    ({ submission }) =>
      submission.projectList
        ? checkProjectList(submission.projectList, methodologyOf(submission), submissionPeriod(submission))
        : [],
    // a second visible 別紙1 (別紙1 (2)) is checked by the same rules, each finding at its own cell
    ({ submission }) =>
      submission.otherProjectLists.flatMap((list) =>
        checkProjectList(list, methodologyOf(submission), submissionPeriod(submission)),
      ),
  ],
  // the 別紙2 blocks (allocation.ts) share checkAllocationOf's recomputed tonnes
  4: [checkAllocationOf],
  5: [],
  6: [({ submission }) => checkFuelStatement(submission)],
  7: [({ submission }) => checkIdentity(submission), ({ submission }) => checkFacilityNames(submission)],
  8: [
    ({ submission, grid }) => checkHasFacilities(submission, grid),
    ({ submission, grid }) => checkHygiene(grid, submission),
  ],
  9: [({ submission }) => checkMonitoring(submission)],
  10: [({ submission, grid }) => checkCompleteness(submission, grid)],
  11: [({ submission, grid }) => checkPlanText(submission, grid)],
  12: [({ submission, grid }) => checkAttachment(submission, grid)],
  // across workbooks: src/portfolio compares the digests of many workbooks; one workbook alone has nothing to say
  13: [],
};

/** Runs the checks of every family of the registry, in family order, after what the reader had to say. */
export function runChecks(submission: Submission, grid: Grid): Finding[] {
  if (!submission.recognized) return [...submission.notes];
  const findings: Finding[] = [...submission.notes];
  const ctx: CheckContext = { submission, grid };
  for (const family of Object.keys(RULE_FAMILIES).map(Number) as RuleFamily[]) {
    for (const check of FAMILY_CHECKS[family]) findings.push(...check(ctx));
  }
  // each finding about a number says what correcting it does to the certified tonnes
  return withMateriality(submission, findings);
}
