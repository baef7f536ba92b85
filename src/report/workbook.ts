// The working paper as a workbook: 表紙 (opinion and identity), 概要書, 検証結果一覧表, 計算根拠 and 指摘事項一覧, laid out
// for A4 with the file's identity in every footer; generated cells locked, the verifier's cells open.
// The sheets are built in coverSheet, summarySheet, tableSheet (with derivationsSheet) and findingsSheet.
import type { TemplateWorkbook } from "../template/types";
import { cover } from "./coverSheet";
import { findings } from "./findingsSheet";
import type { VerificationPaper } from "./model";
import { SHEETS, TOOL_NAME, t } from "./sheetBuilder";
import type { Lang } from "./sheetBuilder";
import { summary } from "./summarySheet";
import { table } from "./tableSheet";

export type { Lang } from "./sheetBuilder";
export { SHEETS, TOOL_NAME } from "./sheetBuilder";
export { CHECKBOX, TABLE_COLUMNS, VERDICT_TEXT } from "./tableSheet";

/** Excel's header/footer codes: a literal & is written &&. */
const footerText = (text: string): string => text.replace(/&/g, "&&");

/** The paper as a workbook, in Japanese (default) or English. */
export function paperWorkbook(paper: VerificationPaper, lang: Lang = "ja"): TemplateWorkbook {
  const id = paper.identity;
  const footer = `&P / &N · ${footerText(id.fileName)} · SHA-256 ${id.sha256.slice(0, 12)}`;
  const { sheet: list, derivations } = table(paper, lang, footer, t(SHEETS.derivations, lang));
  return {
    methodology: "",
    facilities: 0,
    sheets: [
      cover(paper, lang, footer),
      summary(paper, lang, footer),
      list,
      derivations,
      findings(paper, lang, footer),
    ],
    properties: {
      title: `${lang === "ja" ? "検証結果報告書（作業用紙）" : "Verification working paper"}: ${id.fileName}`,
      creator: TOOL_NAME,
      subject: paper.summary[lang],
      keywords: `SHA-256 ${id.sha256}`,
      description: `${TOOL_NAME} ${id.toolVersion}; rules ${id.rulesDigest}`,
    },
  };
}
