// Runs every rule family on a Submission: the verifier's checks of DOMAIN.md §7, as Findings.
import { Decimal } from "../numbers";
import { getMethodology } from "../methodology";
import { isGecError } from "../errors";
import type { Finding, Grid } from "../types";
import type { ProjectRow, Submission } from "../forms/submission";
import { checkProjectList, deriveRow, rowInputs } from "./projectList";
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
  if (submission.projectList) {
    findings.push(...checkProjectList(submission.projectList, code));
    findings.push(...checkAllocation(submission, recomputedTonnes(submission.projectList.rows, code)));
  }
  findings.push(
    ...checkFuelStatement(submission),
    ...checkIdentity(submission),
    ...checkFacilityNames(submission),
    ...checkHygiene(grid, submission),
  );
  return findings;
}
