// Rule family 10: a submission complete in its parts (form.*): each declared part present and filled, at the place it
// should be; and the period facts of 別紙1's rows and 1.5 that completeness brings (family 2, period.*).
import { METHODOLOGIES } from "../methodology";
import { projectColumns } from "../forms/layout";
import type { RuleMeta } from "./rule";

/** The required 別紙1 columns as the forms number them, for the rule's description: read from the declaration. */
function requiredColumnNumbers(): string {
  const numbers: string[] = [];
  for (const m of METHODOLOGIES)
    for (const c of projectColumns(m))
      if (c.required && c.number !== null && !numbers.includes(c.number)) numbers.push(c.number);
  return numbers.join("、");
}

const rule = (
  id: string,
  family: 2 | 10,
  severity: RuleMeta["severity"],
  ja: string,
  en: string,
): RuleMeta => ({ id, family, severity, fixable: false, description: { ja, en } });

export const COMPLETENESS_RULES: RuleMeta[] = [
  rule(
    "form.sheet.missing",
    10,
    "error",
    "提出書類のシート（様式3-2 本体、別紙1添付、別紙2）が見つからない。",
    "A sheet of the submission (the 様式3-2 plan sheet, 別紙1添付, 別紙2) is not found.",
  ),
  rule(
    "form.attachment.missing",
    10,
    "error",
    "別紙1 の施設に対応する別紙1添付のブロックがない（別紙1 のその施設の 1.1 のセルに示す）。",
    "A facility of 別紙1 has no 別紙1添付 block (shown at that facility's 1.1 cell in 別紙1).",
  ),
  rule(
    "form.projectList.blank",
    10,
    "error",
    `別紙1 の施設の行で必須の列（${requiredColumnNumbers()}）が空欄。`,
    `A required cell of a 別紙1 facility row (${requiredColumnNumbers().replace(/、/g, ", ")}) is blank.`,
  ),
  rule(
    "form.projectList.gridConnection",
    10,
    "warning",
    "系統に接続しない方法論（熱）の行で 1.6 が「系統」、または 1.7 に受電地点特定番号がある。",
    "On a row of a methodology without grid connection (heat), 1.6 says 系統 or 1.7 holds a metering point number.",
  ),
  rule(
    "period.missing",
    2,
    "error",
    "1.5 認証申請期間の開始日・終了日が空欄。",
    "A 1.5 start or end date is blank.",
  ),
  rule(
    "period.operationStart.afterPeriod",
    2,
    "error",
    "別紙1 の 1.5 運転開始（予定）年月日が認証申請期間の終了日より後。",
    "A 別紙1 1.5 operation start lies after the end of the certification period.",
  ),
  rule(
    "period.fiscalYearInName.missing",
    2,
    "warning",
    "別紙1 の設備名称に (yyyy年度) がない。",
    "A 別紙1 facility name carries no (yyyy年度).",
  ),
  rule(
    "period.row.order",
    2,
    "error",
    "別紙1 の行の 5.1 開始日が 5.2 終了予定日より後。",
    "A 別紙1 row's 5.1 start date is after its 5.2 end date.",
  ),
];
