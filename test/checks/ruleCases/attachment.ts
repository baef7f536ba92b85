// Rule family 12 (別紙1添付 as each facility's monitoring plan): one fault each on the corrected seed, plain layout.
import type { Case } from "../ruleCase";
import { ATT } from "../ruleCase";
import { seedGrid } from "../../fixtures/seedSubmissions";

/** A method text of the plain seed (別紙1添付, 0-based row and column), to edit one phrase of it. */
function methodText(which: "published" | "corrected", row: number, col: number): string {
  const sheet = seedGrid("H002-2", { corrected: which === "corrected" }).sheets[2];
  return String(sheet.values[row][col]);
}

// 津別's Q_BL method (C20) with its absolute pressure rounded at the 4th decimal (ROUNDUP 3) instead of the 3rd
const TSUBETSU_QBL = methodText("corrected", 19, 2);
const ABSOLUTE_4TH = TSUBETSU_QBL.replace(
  "絶対圧力の数値(小数点第3位切上)",
  "絶対圧力の数値(小数点第4位切上)",
);
// セイホク's Q_BL method as published (C68): 主蒸気圧力 for the steam's operating days, プロセス蒸気圧力 for the feedwater's
const SEIHOKU_PUBLISHED = methodText("published", 67, 2);

export const ATTACHMENT_CASES: Case[] = [
  {
    name: "津別's 計量器維持・管理 責任者 left blank (the name under the seed's side-by-side labels)",
    rule: "attachment.role.blank",
    which: "H002-2",
    edits: [[ATT, "A9", null]],
    severity: "error",
    cells: [`${ATT}!A9`],
  },
  {
    name: "津別's データの測定 実施者 left blank",
    rule: "attachment.role.blank",
    which: "H002-2",
    edits: [[ATT, "B12", ""]],
    severity: "error",
    cells: [`${ATT}!B12`],
  },
  {
    name: "津別's 報告書最終承認者 left blank (its name to the right of the label)",
    rule: "attachment.role.blank",
    which: "H002-2",
    edits: [[ATT, "B15", null]],
    severity: "error",
    cells: [`${ATT}!B15`],
  },
  {
    name: "津別's E_PS without a monitoring method",
    rule: "attachment.method.blank",
    which: "H002-2",
    edits: [[ATT, "C21", null]],
    severity: "error",
    cells: [`${ATT}!C21`],
  },
  {
    name: "津別's S_B without its documents (the seed prints — there)",
    rule: "attachment.documents.blank",
    which: "H002-2",
    edits: [[ATT, "D22", null]],
    severity: "error",
    cells: [`${ATT}!D22`],
  },
  {
    name: "H002-1's ヴァルト E_PS documents blank (the seed prints なし there)",
    rule: "attachment.documents.blank",
    which: "H002-1",
    edits: [[ATT, "D21", " "]],
    severity: "error",
    cells: [`${ATT}!D21`],
  },
  {
    name: "セイホク's Q_BL method as published: 主蒸気圧力 ≥ 4 MPa for the steam, プロセス蒸気圧力 ≥ 4 MPa for the feedwater",
    rule: "attachment.operatingDays.inconsistent",
    which: "H002-2",
    edits: [[ATT, "C68", SEIHOKU_PUBLISHED]],
    severity: "warning",
    cells: [`${ATT}!C68`],
    expected: "主蒸気圧力が4MPa以上",
    actual: "プロセス蒸気圧力が4MPa以上",
  },
  {
    name: "津別's absolute pressure stated 小数点第4位切上 (ROUNDUP 3), not the procedure's 第3位 (ROUNDUP 2)",
    rule: "attachment.digits.stated",
    which: "H002-2",
    edits: [[ATT, "C20", ABSOLUTE_4TH]],
    severity: "info",
    cells: [`${ATT}!C20`],
  },
];
