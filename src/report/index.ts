// The verifier's working paper (検証結果報告書の作業用紙): 表紙, 概要書, 検証結果一覧表, 計算根拠 and 指摘事項一覧.
export { verificationPaper } from "./paper";
export type { PaperInput } from "./paper";
export { paperWorkbook, SHEETS, TOOL_NAME, VERDICT_TEXT } from "./workbook";
export { paperJson } from "./json";
export { reportLines } from "./lines";
export { readPreviousFindings, findingIdentity, categoryOf } from "./findingsLog";
export type * from "./model";
export type { ReportIdentity, ReportOptions, ReportParameter, ReportSource } from "./identity";
export { gridDigest } from "./identity";
