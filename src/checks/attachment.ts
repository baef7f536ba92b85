// 別紙1添付 read as each facility's monitoring plan (roles, documents, the rules it states).
import type { Finding, Grid } from "../types";
import type { Submission } from "../forms/submission";

export function checkAttachment(submission: Submission, grid: Grid): Finding[] {
  void submission;
  void grid;
  return [];
}
