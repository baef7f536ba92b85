// Rule family 12: 別紙1添付 read as each facility's monitoring plan (roles, documents, the rules it states).
import type { RuleMeta } from "./rule";

const rule = (id: string, severity: RuleMeta["severity"], ja: string, en: string): RuleMeta => ({
  id,
  family: 12,
  severity,
  fixable: false,
  description: { ja, en },
});

export const ATTACHMENT_RULES: RuleMeta[] = [
  rule(
    "attachment.role.blank",
    "error",
    "別紙1添付 1. 計量体制の各役割（計量器維持・管理とデータの測定の責任者・実施者、報告書作成者・最終承認者・受領者）に氏名がある（[REDACTED] などの伏せ字も記入とみなす）。",
    "Each role of a 別紙1添付 block's 1. 計量体制 (responsible person and operator of meter upkeep and of measurement; report author, final approver and recipient) names a person (a redaction such as [REDACTED] counts).",
  ),
  rule(
    "attachment.method.blank",
    "error",
    "別紙1添付 2. の記号ごとにモニタリング方法が記入されている（「なし」も記入）。",
    "Each symbol of a 別紙1添付 block's 2. has a monitoring method (なし counts).",
  ),
  rule(
    "attachment.documents.blank",
    "error",
    "別紙1添付 2. の記号ごとに提出書類が記入されている（「—」「なし」も記入）。",
    "Each symbol of a 別紙1添付 block's 2. names its documents (— and なし count).",
  ),
  rule(
    "attachment.operatingDays.inconsistent",
    "warning",
    "1 つのブロックで蒸気（①）と給水（③）の稼働日の定義が同じ（セイホクの公開版は主蒸気圧力とプロセス蒸気圧力で食い違う）。",
    "Within one block the operating days of the steam (①) and of the feedwater (③) are defined alike (the published セイホク block says 主蒸気圧力 for one and プロセス蒸気圧力 for the other).",
  ),
  rule(
    "attachment.digits.stated",
    "info",
    "ブロックが方法論の手順と異なる端数処理（圧力 月平均 ROUNDUP 3 桁、絶対圧 ROUNDUP 2 桁、温度 ROUNDDOWN 1 桁）または標準大気圧を定めるとき、その施設の熱実績管理表はブロックの桁で照合する。",
    "Where a block states roundings (pressure mean ROUNDUP 3, absolute ROUNDUP 2, temperatures ROUNDDOWN 1) or a standard atmosphere other than the procedure's, that facility's monitoring table is checked with the block's.",
  ),
  rule(
    "attachment.ratedPower.mismatch",
    "warning",
    "熱実績管理表の補機定格出力（kW）が、その施設の別紙1添付 E_PS 欄に記載の補機定格出力と同じ。",
    "A monitoring table's rated auxiliary power (kW) is the one its facility's 別紙1添付 E_PS row states.",
  ),
];
