// The plan's text (1.1–2.2) against its methodology and its own rows.
import type { Finding, Grid } from "../types";
import type { Submission } from "../forms/submission";

export function checkPlanText(submission: Submission, grid: Grid): Finding[] {
  void submission;
  void grid;
  return [];
}
