// Runs every rule family on a Submission: the verifier's checks of DOMAIN.md §7, as Findings.
import { Decimal } from "../numbers";
import { getMethodology } from "../methodology";
import { isGecError } from "../errors";
import type { CellRef, Finding, Grid } from "../types";
import { at, finding } from "./finding";
import type { ProjectRow, Submission } from "../forms/submission";
import { checkProjectList, deriveRow, rowInputs } from "./projectList";
import { rowDerivation, totalDerivation } from "../explain";
import { checkMonitoring } from "./monitoring";
import { checkAttachmentMethodology, checkFacilityNames, checkFuelStatement, checkSymbols } from "./plan";
import { checkAllocation, checkHygiene, checkIdentity, checkMethodology, checkPeriods } from "./submission";

/** Each row's tCO2 as the formulas give it (null where its inputs cannot be read). */
function recomputedTonnes(rows: ProjectRow[], code: string | null): (Decimal | null)[] {
  const declaration = getMethodology(code ?? "H002-2");
  return rows.map((row) => {
    const inputs = rowInputs(row, declaration);
    if (!inputs) return null;
    const result = deriveRow(row, inputs, declaration);
    return isGecError(result) ? null : (result.emT ?? null);
  });
}

/** A form without one facility row is not ready to submit, however clean the rest is (a blank template). */
function checkHasFacilities(submission: Submission, grid: Grid): Finding[] {
  const list = submission.projectList;
  if (list && list.rows.length > 0) return [];
  const ref: CellRef = list
    ? { sheet: list.sheet, row: list.headerRow, col: Math.min(...Object.values(list.columns)) }
    : (submission.methodology.tableRef ?? { sheet: grid.sheets[0]?.name ?? "", row: 0, col: 0 });
  return [
    finding("form.noFacilities", "error", ref, {
      ja: list
        ? `${at(ref)} の別紙1 に施設の行がありません。施設ごとに 1 行入力してください（このままでは提出できません）。`
        : "別紙1 の事業リストが見つかりません。別紙1 を追加し、施設ごとに 1 行入力してください（このままでは提出できません）。",
      en: list
        ? `別紙1 at ${at(ref)} has no facility row: enter one row per facility (the form cannot be submitted as it is).`
        : "No 別紙1 project list was found: add 別紙1 with one row per facility (the form cannot be submitted as it is).",
    }),
  ];
}

export function runChecks(submission: Submission, grid: Grid): Finding[] {
  if (!submission.recognized) return [...submission.notes];
  const code = submission.methodology.code;
  const findings: Finding[] = [
    ...submission.notes,
    ...checkMethodology(submission),
    ...checkSymbols(submission),
    ...checkAttachmentMethodology(submission),
    ...checkPeriods(submission),
  ];
  findings.push(...checkHasFacilities(submission, grid));
  if (submission.projectList) {
    findings.push(...checkProjectList(submission.projectList, code));
    const list = submission.projectList;
    const declaration = getMethodology(code ?? "H002-2");
    const tonnes = recomputedTonnes(list.rows, code);
    findings.push(
      ...checkAllocation(submission, tonnes, {
        row: (i) => {
          const d = rowDerivation(list.rows[i], declaration, "emT");
          return isGecError(d) ? [] : d.steps;
        },
        total: () =>
          tonnes.every((t) => t !== null)
            ? totalDerivation(list, declaration, tonnes as Decimal[]).steps
            : [],
      }),
    );
  }
  findings.push(
    ...checkFuelStatement(submission),
    ...checkIdentity(submission),
    ...checkFacilityNames(submission),
    ...checkHygiene(grid, submission),
    ...checkMonitoring(submission),
  );
  return findings;
}
