// Runs every rule module on a Submission: the verifier's checks, as Findings.
import type { Finding, Grid } from "../types";
import type { Submission } from "../forms/submission";
import type { CheckContext } from "./rule";
import { RULE_MODULES } from "./registry";
import { withMateriality } from "../domain/materiality";

export type { CheckContext } from "./rule";

/** Runs every rule module of the registry in its order; the reader's notes come first (its module reports them). */
export function runChecks(submission: Submission, grid: Grid): Finding[] {
  if (!submission.recognized) return [...submission.notes];
  const ctx: CheckContext = { submission, grid };
  const findings = RULE_MODULES.flatMap((m) => m.check(ctx));
  // each finding about a number says what correcting it does to the certified tonnes
  return withMateriality(submission, findings);
}
