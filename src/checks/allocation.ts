// 別紙2 blocks matched by facility name, their holders and 帰属先.
import type { Finding, Grid } from "../types";
import type { Submission } from "../forms/submission";

export function checkAllocation(submission: Submission, grid: Grid): Finding[] {
  void submission;
  void grid;
  return [];
}
