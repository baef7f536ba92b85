// The working paper assembled from one reading of the workbook: identity, 概要書, criteria, lines, findings log.
import { readSubmission } from "../forms/read";
import { GecError } from "../errors";
import { validateSubmission } from "../validate";
import type { Grid } from "../types";
import { criteriaOf, opinionOf } from "./criteria";
import { attachmentList } from "./evidence";
import { findingsLog, readPreviousFindings } from "./findingsLog";
import { reportIdentity } from "./identity";
import type { ReportOptions, ReportSource } from "./identity";
import { reportLines } from "./lines";
import type { VerificationPaper } from "./model";
import { overviewOf } from "./overview";
import { SHEETS } from "./workbook";

export interface PaperInput {
  source: ReportSource;
  options: ReportOptions;
  /** The previous version of the paper (its cells), whose findings log is carried over. */
  previous?: Grid | null;
}

/** Reads the workbook once, checks it, recomputes every value and lays out what a verifier hands in. */
export function verificationPaper(grid: Grid, input: PaperInput): VerificationPaper {
  const s = readSubmission(grid);
  const validation = validateSubmission(s, grid);
  const { lines, allocation } = reportLines(grid, s, validation.findings);
  const previous = input.previous ? readPreviousFindings(input.previous) : null;
  if (input.previous && previous === null)
    throw new GecError("#N/A", {
      ja: "前回の作業用紙に指摘事項一覧（番号・ルール・セルの見出し）が見つかりません。gec report が書いた作業用紙を指定してください。",
      en: "The previous paper has no findings log (headings 番号, ルール, セル). Give a paper gec report wrote.",
    });
  const findings = findingsLog(validation.findings, previous ?? []);
  const byCell = new Map<string, string[]>();
  for (const f of findings)
    if (f.state !== "resolved" && f.severity !== "info")
      byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f.number]);
  for (const l of [...lines, ...allocation]) l.findings = byCell.get(l.cell) ?? [];
  const overview = overviewOf(s);
  const criteria = criteriaOf(s, validation.findings, lines, allocation);
  const first = (key: string) => overview.find((f) => f.key === key)?.values[0]?.text ?? null;
  return {
    identity: reportIdentity(s, {
      source: input.source,
      sheets: grid.sheets.map((x) => x.name),
      options: input.options,
    }),
    summary: validation.summary.text,
    notice: validation.summary.notice,
    overview,
    criteria,
    opinion: opinionOf(criteria, first("planName"), first("applicant")),
    lines,
    allocation,
    findings,
    attachments: attachmentList(s, [SHEETS.table.ja]),
  };
}
