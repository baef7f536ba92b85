// The pane's own words in Japanese (default) and English; engine messages carry their own {ja, en}.
import type { Message } from "../src/types";

export type Lang = "ja" | "en";

export const strings = {
  title: { ja: "GEC 様式3-2 チェック", en: "GEC Form 3-2 checker" },
  validate: { ja: "検証", en: "Validate" },
  fill: { ja: "自動入力", en: "Fill" },
  fix: { ja: "修正", en: "Fix" },
  apply: { ja: "書き込む", en: "Write" },
  cancel: { ja: "キャンセル", en: "Cancel" },
  revert: { ja: "元に戻す", en: "Revert" },
  insertTemplate: { ja: "テンプレート挿入", en: "Insert template" },
  openFile: { ja: "ファイルを開く", en: "Open file" },
  download: { ja: "ダウンロード", en: "Download" },
  report: { ja: "検証結果一覧表", en: "Verification table" },
  reportInExcel: { ja: "検証結果一覧表（新しいブック）", en: "Verification table (new workbook)" },
  comparePrevious: { ja: "前年度と比較", en: "Compare with the previous year" },
  comparePreviousFile: {
    ja: "前年度の実績ファイル（.xlsx）を選ぶ",
    en: "Choose the previous year's file (.xlsx)",
  },
  finalize: { ja: "提出用に確定", en: "Finalize for submission" },
  withMonitoring: { ja: "熱実績管理表を付ける", en: "With monitoring tables (熱実績管理表)" },
  fiscalYear: { ja: "年度", en: "Fiscal year" },
  nothingToFinalize: {
    ja: "GEC. 関数の数式はありません。そのまま提出できます。",
    en: "There is no GEC. formula: the workbook can be submitted as it is.",
  },
  finalizeNote: {
    ja: "GEC. 関数の数式を値に置き換えます（提出先にはアドインがなく #NAME? になるため）。Excel では「名前を付けて保存」で提出用の複製にしてください。",
    en: "Replaces every GEC. formula by its value (recipients have no add-in and would see #NAME?). In Excel, Save As a copy for submission.",
  },
  mark: { ja: "指摘セルに色を付ける", en: "Highlight flagged cells" },
  clearMarks: { ja: "色を消す", en: "Clear highlights" },
  language: { ja: "English", en: "日本語" },
  methodology: { ja: "方法論", en: "Methodology" },
  facilities: { ja: "施設数", en: "Facilities" },
  cell: { ja: "セル", en: "Cell" },
  severity: { ja: "重要度", en: "Severity" },
  message: { ja: "内容", en: "Message" },
  expected: { ja: "期待値", en: "Expected" },
  actual: { ja: "実際", en: "Actual" },
  current: { ja: "現在の値", en: "Current" },
  newValue: { ja: "新しい値", en: "New" },
  error: { ja: "エラー", en: "Error" },
  warning: { ja: "警告", en: "Warning" },
  info: { ja: "情報", en: "Note" },
  working: { ja: "処理中…", en: "Working…" },
  noFindings: { ja: "指摘はありません。", en: "No findings." },
  previewTitle: { ja: "書き込む前の確認", en: "Preview before writing" },
  nothingToFill: { ja: "自動入力するセルはありません。", en: "There are no cells to fill." },
  inserted: { ja: "次のシートを追加しました：", en: "Added sheets: " },
  standalone: {
    ja: "Excel の外で動いています。.xlsx を開いて検証・自動入力し、結果をダウンロードできます。",
    en: "Running outside Excel. Open an .xlsx file to validate and fill it, then download the result.",
  },
  notForm: {
    ja: "このブックは様式3-2 として認識できません。別紙1・別紙2 の見出しがあるか確認してください。",
    en: "This workbook is not recognised as a Form 3-2. Check that it has the 別紙1 and 別紙2 headers.",
  },
  noFile: { ja: "先に .xlsx ファイルを開いてください。", en: "Open an .xlsx file first." },
  why: { ja: "なぜ？", en: "Why?" },
  hideWhy: { ja: "閉じる", en: "Hide" },
  derivation: { ja: "計算根拠", en: "Derivation" },
  explainCell: { ja: "このセルの計算根拠", en: "Why this cell" },
  cellToExplain: { ja: "セル（例: 別紙1!U6）", en: "Cell (e.g. 別紙1!U6)" },
  shouldBe: { ja: "あるべき値", en: "Should be" },
  holds: { ja: "セルの値", en: "Holds" },
  agrees: { ja: "一致", en: "Agrees" },
  differs: { ja: "不一致", en: "Differs" },
  cellsRead: { ja: "読んだセル", en: "Cells read" },
  badCell: {
    ja: "セルは 別紙1!U6 の形で指定してください。",
    en: "Give the cell as 別紙1!U6.",
  },
  facility: { ja: "施設", en: "Facility" },
  sheet: { ja: "シート", en: "Sheet" },
  all: { ja: "すべて", en: "All" },
  findings: { ja: "指摘", en: "Findings" },
  nextFinding: { ja: "次の指摘", en: "Next finding" },
  previousFinding: { ja: "前の指摘", en: "Previous finding" },
  nextPage: { ja: "次へ", en: "Next" },
  previousPage: { ja: "前へ", en: "Previous" },
  noneMatch: { ja: "条件に合う指摘はありません。", en: "No findings match the filter." },
  formula: { ja: "数式", en: "Formula" },
  value: { ja: "値", en: "Value" },
} satisfies Record<string, Message>;

export type StringKey = keyof typeof strings;

/** The text of a Message in the chosen language. */
export function tr(message: Message, lang: Lang): string {
  return message[lang];
}
