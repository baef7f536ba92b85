// Fixtures of family 10 (form.*: the submission's sheets and 別紙1's cells complete) and of the period facts that
// completeness brings (family 2: period.missing, 運転開始, the name's (yyyy年度), 5.1 ≤ 5.2).
import type { Case, Edit } from "../ruleCase";
import { ATT, A2, L, P } from "../ruleCase";

/** Every cell of 別紙1添付 block 2 (川辺, rows 25–48, columns A–D) emptied: the block is gone. */
const secondBlockRemoved: Edit[] = [];
for (let row = 25; row <= 48; row++)
  for (const col of ["A", "B", "C", "D"]) secondBlockRemoved.push([ATT, `${col}${row}`, null]);

export const COMPLETENESS_CASES: Case[] = [
  {
    name: "the plan sheet (様式3-2) removed",
    rule: "form.sheet.missing",
    which: "H002-2",
    dropSheets: [P],
    edits: [],
    severity: "error",
    // no sheet of that name is left to point at: 別紙1's header, where the facilities are
    cells: [`${L}!A3`],
    expected: "様式3-2",
  },
  {
    name: "別紙1添付 removed",
    rule: "form.sheet.missing",
    which: "H002-1",
    dropSheets: [ATT],
    edits: [],
    severity: "error",
    cells: [`${L}!A3`],
    expected: "別紙1添付",
  },
  {
    name: "別紙2 removed",
    rule: "form.sheet.missing",
    which: "H002-2",
    dropSheets: [A2],
    edits: [],
    severity: "error",
    cells: [`${L}!A3`],
    expected: "別紙2",
  },
  {
    name: "川辺's 別紙1添付 block removed",
    rule: "form.attachment.missing",
    which: "H002-2",
    edits: secondBlockRemoved,
    severity: "error",
    // 川辺 is 別紙1's second facility: its 1.1 on row 5
    cells: [`${L}!C5`],
  },
  {
    name: "the 1.5 dates deleted",
    rule: "period.missing",
    which: "H002-2",
    edits: [
      [P, "B37", null],
      [P, "B38", null],
    ],
    severity: "error",
    // where each date is typed: right of its 開始日 / 終了日 label
    cells: [`'${P}'!B37`, `'${P}'!B38`],
  },
  {
    name: "※1 blank",
    rule: "form.projectList.blank",
    which: "H002-2",
    edits: [[L, "K4", null]],
    severity: "error",
    cells: [`${L}!K4`],
  },
  {
    name: "1.2 所在地 blank",
    rule: "form.projectList.blank",
    which: "H002-2",
    edits: [[L, "D5", null]],
    severity: "error",
    cells: [`${L}!D5`],
  },
  {
    name: "1.4 設備容量 given as a dash",
    rule: "form.projectList.blank",
    which: "H002-1",
    edits: [[L, "F6", "—"]],
    severity: "error",
    cells: [`${L}!F6`],
  },
  {
    name: "2. 追加性 blank",
    rule: "form.projectList.blank",
    which: "H002-1",
    edits: [[L, "J4", null]],
    severity: "error",
    cells: [`${L}!J4`],
  },
  {
    name: "1.6 系統 on a heat row",
    rule: "form.projectList.gridConnection",
    which: "H002-2",
    edits: [[L, "H4", "系統"]],
    severity: "warning",
    cells: [`${L}!H4`],
    expected: "自家消費",
    actual: "系統",
  },
  {
    name: "a 1.7 受電地点特定番号 on a heat row",
    rule: "form.projectList.gridConnection",
    which: "H002-1",
    edits: [[L, "I5", "0312345678901234567890"]],
    severity: "warning",
    cells: [`${L}!I5`],
    expected: "—",
    actual: "0312345678901234567890",
  },
  {
    name: "運転開始 after the period",
    rule: "period.operationStart.afterPeriod",
    which: "H002-2",
    // 令和3年5月 is May 2021; the period ends 2021-03-31
    edits: [[L, "G6", "令和3年5月"]],
    severity: "error",
    cells: [`${L}!G6`],
    expected: "≤ 2021-03-31",
    actual: "令和3年5月",
  },
  {
    name: "a facility name without its (yyyy年度)",
    rule: "period.fiscalYearInName.missing",
    which: "H002-2",
    edits: [[L, "C5", "川辺木質バイオマス熱電供給設備"]],
    severity: "warning",
    cells: [`${L}!C5`],
    // 1.5 starts 2020-04-01: fiscal 2020
    expected: "(2020年度)",
    actual: "川辺木質バイオマス熱電供給設備",
  },
  {
    name: "5.1 after 5.2 within a row",
    rule: "period.row.order",
    which: "H002-1",
    // both inside 1.5 (2020-04-01 to 2021-03-31): only their order is wrong
    edits: [
      [L, "Y5", "2020年10月1日"],
      [L, "Z5", "2020年9月30日"],
    ],
    severity: "error",
    cells: [`${L}!Z5`],
  },
];
