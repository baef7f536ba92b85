// The verifier's working paper (検証結果報告書の作業用ブック): 概要書, 検証結果一覧表, 指摘事項一覧 and 計算根拠.
export { verificationReport, reportWorkbook } from "./lines";
export type { ReportLine, Verdict, VerificationReport } from "./lines";
export type { ReportIdentity, ReportOptions, ReportParameter, ReportSource } from "./identity";
