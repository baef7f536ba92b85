// Validating a Grid: the checks and their summary, in Japanese and English (what `gec check` loads, and no more).
import type { Finding, Grid, Message } from "./types";
import { readSubmission } from "./forms/read";
import type { Submission } from "./forms/submission";
import { runChecks } from "./checks";
import { nameFacilities } from "./domain/facility";
import { findMethodology } from "./methodology";
import { Decimal } from "./numbers";
import { grouped } from "./formula";
import type { MethodologyDeclaration } from "./methodology";

/** 暫定: what is guessed, and a structure that is probably wrong (H003), as one notice. */
function provisionalNotice(m: MethodologyDeclaration | undefined): Message | null {
  if (!m?.provisional) return null;
  const parts = m.provisionalParts ?? [];
  const doubt = m.structureDoubt;
  return {
    ja: `暫定: ${m.code} の算定は暫定です（${parts.map((p) => p.ja).join("。") || "算定式が未確認です"}）。${doubt ? doubt.ja : ""}`,
    en: `Provisional: ${m.code} is checked on provisional formulas (${parts.map((p) => p.en).join("; ") || "formulas not confirmed"}).${doubt ? ` ${doubt.en}` : ""}`,
  };
}

export interface ValidationSummary {
  recognized: boolean;
  methodology: string | null;
  methodologyName: Message | null;
  facilities: number;
  period: { start: string; end: string } | null;
  errors: number;
  warnings: number;
  infos: number;
  text: Message;
  /** The methodology's formulas are provisional (暫定): 12 of 14 are not confirmed by a published submission. */
  provisional: boolean;
  /** What of it is guessed, from its declaration (formulas, 別紙1 3.x layout). */
  provisionalParts: Message[];
  /** The one notice every front end prints (暫定, what is guessed, H003's doubt), null for a confirmed methodology. */
  notice: Message | null;
}

export interface ValidationReport {
  summary: ValidationSummary;
  findings: Finding[];
}

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

/** "1 warning", "2 warnings", "1,000 errors". */
function plural(n: number, one: string, many = `${one}s`): string {
  return `${grouped(Decimal.from(n))} ${n === 1 ? one : many}`;
}

/** A date reading as "2020-04-01" (a month without a day as its first), null where it is no date. */
export function isoDate(reading: {
  kind: string;
  year?: number;
  month?: number;
  day?: number | null;
}): string | null {
  if (reading.kind !== "date" || reading.year === undefined || reading.month === undefined) return null;
  const d = reading.day ?? 1;
  return `${reading.year}-${String(reading.month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Reads the workbook, runs every check and summarises, in Japanese and English. */
export function validateGrid(grid: Grid): ValidationReport {
  return validateSubmission(readSubmission(grid), grid);
}

/** Runs every check on a workbook already read (the report and `gec check` of many files read it once). */
export function validateSubmission(submission: Submission, grid: Grid): ValidationReport {
  const sheetOrder = new Map(grid.sheets.map((s, i) => [s.name, i]));
  const checked = runChecks(submission, grid);
  nameFacilities(submission, checked);
  const findings = checked.sort(
    (a, b) =>
      (sheetOrder.get(a.ref.sheet) ?? 99) - (sheetOrder.get(b.ref.sheet) ?? 99) ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      a.ref.row - b.ref.row ||
      a.ref.col - b.ref.col,
  );
  const count = (s: keyof typeof severityOrder) => findings.filter((f) => f.severity === s).length;
  const code = submission.methodology.resolved.code;
  const start = submission.period.start ? isoDate(submission.period.start.reading) : null;
  const end = submission.period.end ? isoDate(submission.period.end.reading) : null;
  const facilities = submission.projectList?.rows.length ?? 0;
  const errors = count("error");
  const warnings = count("warning");
  const infos = count("info");
  const period = start && end ? { start, end } : null;
  const declaration = code ? findMethodology(code) : undefined;
  const provisional = declaration?.provisional === true;
  const mark = provisional ? { ja: "（暫定）", en: " (provisional)" } : { ja: "", en: "" };
  const n = (count: number) => grouped(Decimal.from(count)); // "10,000 施設", as the pane groups numbers
  const text: Message = submission.recognized
    ? {
        ja: `様式3-2 ${code ?? "（方法論未確定）"}${mark.ja}、${n(facilities)} 施設${period ? `、${period.start}〜${period.end}` : ""}：エラー ${n(errors)} 件、警告 ${n(warnings)} 件、情報 ${n(infos)} 件`,
        en: `Form 3-2 ${code ?? "(methodology not determined)"}${mark.en}, ${plural(facilities, "facility", "facilities")}${period ? `, ${period.start} to ${period.end}` : ""}: ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(infos, "note")}`,
      }
    : { ja: "様式3-2 として認識できません。", en: "Not recognised as a Form 3-2." };
  return {
    summary: {
      recognized: submission.recognized,
      methodology: code,
      methodologyName: code ? (findMethodology(code)?.name ?? null) : null,
      facilities,
      period,
      errors,
      warnings,
      infos,
      text,
      provisional,
      provisionalParts: provisional ? (declaration?.provisionalParts ?? []) : [],
      notice: provisionalNotice(declaration),
    },
    findings,
  };
}
