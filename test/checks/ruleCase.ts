// The shape of a rule fixture: one fault on the corrected seed, its cells in the plain layout, checked in every layout
// by test/checks/rules.test.ts. Case files under test/checks/ruleCases/ add to the list; each family keeps its own.
import type { CellValue, Severity } from "../../src/types";
import type { SeedName } from "../fixtures/seedSubmissions";
import { METHODOLOGIES } from "../../src/methodology";

/** One edit at a plain-layout address: [sheet, A1, value, formula?]. */
export type Edit = [string, string, CellValue, string?];

export interface Case {
  name: string;
  rule: string;
  which: SeedName;
  edits: Edit[];
  severity: Severity;
  /** "sheet!A1" of each finding of the rule, plain layout. */
  cells: string[];
  expected?: string | number;
  actual?: string | number;
  /** Errors the fault necessarily causes elsewhere (as "rule sheet!A1"), with the reason in a comment. */
  alsoErrors?: string[];
  /** Sheets removed from the workbook before the edits (a missing part), by their plain-layout names. */
  dropSheets?: string[];
  /** Layout variants where the rule does not apply. */
  skip?: ("shift" | "textNumbers" | "ocrHeaders")[];
}

// Plain layout (test/fixtures/seedSubmissions.ts): 別紙1 header on row 3, facilities on rows 4–6 (H002-2: 津別,
// 川辺, セイホク), 合計 on row 7; columns B 承認番号, C 1.1, K ※1, L 3.1 Q_BL, M 3.2 E_PS, N 3.3 Q_WB, O 3.4 CEF,
// P 3.5 ε_BL, Q 3.6 F_B, R 3.7 F_T, S 3.8 S_B, T 3.9, U 3.10 kg, V 3.11 t, W 4.1, Y 5.1, Z 5.2.
// 様式3-2: 1.3 codes in B5:B18, 1.4 記号 in A25:A34, 1.5 dates in B37/B38, 2.2 記号 in A46:A51, its CEF row's text D48.
// 別紙1添付: a block every 24 rows: 種別方法論名称 in A1/A25/A49, 熱設備名称 in A3/A27/A51; in block 1, 計量器 責任者/実施者
// A9/B9, データの測定 A12/B12, 報告書作成者/最終承認者/受領者 B14/B15/B16, 記号 A20:A22 (Q_BL, E_PS, S_B) with
// モニタリング方法 C20:C22 and 提出書類 D20:D22.
// 別紙2: a block every 12 rows: tCO2 in C2/C14/C26, 販売電力量 in C3, 保有予定者 A7:C7, 配分予定なし A8/C8, 帰属先 A11.
// 様式3-2 also: 1.1 in A2/B2, 1.2 in A19/B19, 1.4 formula lines A21:A23, 1.6 A41 (無し), 2.1 A43/B43, 3.1/3.2 A54:A57.
export const P = "様式3-2";
export const L = "別紙1";
export const ATT = "別紙1添付";
export const A2 = "別紙2";
export const h2Index = METHODOLOGIES.findIndex((m) => m.code === "H002-1");
