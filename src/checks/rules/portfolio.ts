// Rule family 13: what only many workbooks together show — the same facility claimed twice, the year before, the
// registered plan (様式1-2). src/portfolio reports them over the digests of many workbooks (`gec check` over several
// files); one workbook alone has nothing to say, so this module's check reports nothing.
import type { RuleMeta, RuleModule } from "../rule";
import type { Severity } from "../../types";

const portfolioRule = (id: string, severity: Severity, ja: string, en: string): RuleMeta => ({
  id,
  family: 13,
  severity,
  fixable: false,
  description: { ja, en },
});

export const PORTFOLIO_RULES: RuleMeta[] = [
  portfolioRule(
    "portfolio.approvalNumber.duplicate",
    "error",
    "同じ承認番号が、申請期間の重なる 2 つのブックにある（別紙1 ※1 の注:「重複した…認証申請がなされていないか、チェックするため」）。",
    "The same approval number is in two workbooks whose periods overlap (別紙1's ※1 note: to check that no certification is applied for twice).",
  ),
  portfolioRule(
    "portfolio.facility.duplicate",
    "error",
    "同じ施設（名称が一致または 1 文字違いで、所在地が一致）が、申請期間の重なる 2 つのブックに別の承認番号である。",
    "The same facility (its name equal or one character off, the same address) is in two workbooks whose periods overlap, under different approval numbers.",
  ),
  portfolioRule(
    "portfolio.file.duplicate",
    "info",
    "同じ内容のファイル（SHA-256 が同じ）が 2 回ある。2 つ目の施設はブック間の照合に含めない。",
    "The same file (the same SHA-256) is given twice; the second copy's facilities are not compared again.",
  ),
  portfolioRule(
    "portfolio.priorYear.change",
    "warning",
    "施設の値（Q_BL、E_PS/Q_BL、S_B、t など）が前年度の実績から方法論の閾値を超えて変わった。",
    "A facility's value (Q_BL, E_PS/Q_BL, S_B, t …) moved from its previous 実績 beyond the methodology's threshold.",
  ),
  portfolioRule(
    "portfolio.priorYear.factorChanged",
    "warning",
    "CEF または ε が前年度の実績から変わったのに、1.6 に認定計画からの変更が記載されていない。",
    "CEF or ε changed from the previous 実績 while 1.6 declares no change from the approved plan.",
  ),
  portfolioRule(
    "portfolio.priorYear.factorDeclared",
    "info",
    "CEF または ε が前年度の実績から変わり、1.6 に変更が記載されている（記載内容と照合する）。",
    "CEF or ε changed from the previous 実績 and 1.6 declares a change (compare the two).",
  ),
  portfolioRule(
    "portfolio.priorYear.factorVintage",
    "info",
    "CEF が前年度の実績から、同じ燃料の算定省令の改正後の値に変わった（各期間の年度の版どおり）。",
    "CEF moved from the previous 実績 to the same fuel's value under the next revision of the SHK ordinance (each period's own vintage).",
  ),
  portfolioRule(
    "portfolio.priorYear.appeared",
    "info",
    "前年度の実績にない施設（新しい施設、または承認番号・名称の変更）。",
    "A facility that the previous 実績 does not have (a new facility, or a changed approval number and name).",
  ),
  portfolioRule(
    "portfolio.priorYear.disappeared",
    "info",
    "前年度の実績にあった施設が、今年度のどのブックにもない。",
    "A facility of the previous 実績 is in none of this year's workbooks.",
  ),
  portfolioRule(
    "portfolio.plan.undeclared",
    "error",
    "認定計画（様式1-2）と違う点（方法論、施設、CEF・ε、方法1/方法2）があるのに、1.6 が「無し」（JQA 検証の観点 5）。",
    "Something differs from the registered plan (様式1-2: methodology, facilities, CEF/ε, 方法1/方法2) while 1.6 says 無し (JQA's criterion 5).",
  ),
  portfolioRule(
    "portfolio.plan.changed",
    "warning",
    "認定計画と違う点があり、1.6 に変更が記載されている（運営規則・方法論に照らして適切か確認する）。",
    "Something differs from the registered plan and 1.6 declares changes (check it against the rules and the methodology).",
  ),
  portfolioRule(
    "portfolio.plan.changeUnseen",
    "warning",
    "1.6 に変更が記載されているが、認定計画と比べた項目（方法論、施設、CEF・ε、方法1/方法2）に違いがない。",
    "1.6 declares changes, but none of what is compared with the registered plan (methodology, facilities, CEF/ε, 方法1/方法2) differs.",
  ),
  portfolioRule(
    "portfolio.plan.facilityAbsent",
    "info",
    "認定計画の施設が実績のブックにない。",
    "A facility of the registered plan is not in the 実績 workbook.",
  ),
];

export const portfolioModule: RuleModule = {
  metas: PORTFOLIO_RULES,
  check: () => [],
};
