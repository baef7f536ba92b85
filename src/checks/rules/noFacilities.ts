// Rule family 8: a form without one facility row is not ready to submit, however clean the rest is (a blank template).
import type { CellRef, Finding, Grid } from "../../types";
import type { Submission } from "../../forms/submission";
import { at, reporter } from "../finding";
import { rule } from "../rule";
import type { RuleMeta, RuleModule } from "../rule";

export const NO_FACILITIES_RULES: RuleMeta[] = [
  rule(
    "form.noFacilities",
    8,
    "error",
    false,
    "別紙1 に施設の行が 1 つもない（提出できる状態ではない）。",
    "別紙1 has no facility row: the form is not ready to submit.",
  ),
];

const { finding } = reporter(NO_FACILITIES_RULES);

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

export const noFacilitiesModule: RuleModule = {
  metas: NO_FACILITIES_RULES,
  check: ({ submission, grid }) => checkHasFacilities(submission, grid),
};
