// What the reader notes as it reads the workbook: no form at all, a hidden or second 別紙1, a layout that does not fit
// the methodology ticked in 1.3. src/forms/read.ts reports them (it runs before any check); their rules are declared here.
import { rule } from "../rule";
import type { RuleMeta, RuleModule } from "../rule";

export const READER_RULES: RuleMeta[] = [
  rule(
    "form.notRecognized",
    8,
    "error",
    false,
    "ブックが様式3-2 として認識できない（別紙1 の事業リストも 1.3 の方法論表も見つからない）。",
    "The workbook is not recognised as a Form 3-2 (neither a 別紙1 project list nor a 1.3 methodology table).",
  ),
  rule(
    "form.projectList.hidden",
    8,
    "warning",
    false,
    "別紙1 の事業リストが非表示のシートにある（表示されているシートの別紙1 を検証し、非表示の方は検証しない）。",
    "A 別紙1 project list is on a hidden sheet (the visible sheet's list is the one checked; the hidden one is not).",
  ),
  rule(
    "form.projectList.second",
    8,
    "warning",
    false,
    "表示されているシートに別紙1 の事業リストが 2 つ以上ある（別紙1 (2) など）。どれも同じ規則で検証する。",
    "More than one visible sheet holds a 別紙1 project list (別紙1 (2) …); each is checked by the same rules.",
  ),
  rule(
    "methodology.layout.mismatch",
    1,
    "warning",
    false,
    "1.3 でチェックされた方法論と別紙1 の列の様式が合わない（別紙1 は列に合う様式で読む）。",
    "The methodology ticked in 1.3 does not fit 別紙1's columns (別紙1 is read with the layout its columns fit).",
  ),
];

/** The reader's notes, first of every workbook's findings. */
export const readerModule: RuleModule = {
  metas: READER_RULES,
  check: ({ submission }) => [...submission.notes],
};
