// What a rule is (its id, family, severity, fixability and description) and what a rule module is: the metas of the
// rules it reports with the check that reports them. The registry lists the modules (src/checks/rules/).
import type { Finding, Grid, Message, Severity } from "../types";
import type { Submission } from "../forms/submission";

/** The rule families of docs/domain.md §7 (1–8), the monitoring records of §5.1 (9), completeness (10), the plan's text (11),
 * 別紙1添付 as each facility's monitoring plan (12) and what only many workbooks together show (13). */
export type RuleFamily = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13;

export const RULE_FAMILIES: Record<RuleFamily, Message> = {
  1: { ja: "方法論", en: "Methodology" },
  2: { ja: "期間", en: "Periods" },
  3: { ja: "派生値の再計算", en: "Derived values reproduce" },
  4: { ja: "別紙2 と別紙1 の整合", en: "別紙2 against 別紙1" },
  5: { ja: "値の範囲", en: "Ranges" },
  6: { ja: "デフォルト値", en: "Default values" },
  7: { ja: "名称・番号の一致", en: "Identity" },
  8: { ja: "ブックの健全性", en: "Workbook hygiene" },
  9: { ja: "モニタリング記録（熱実績管理表）", en: "Monitoring records (熱実績管理表)" },
  10: { ja: "提出書類の完全性", en: "Completeness of the submission" },
  11: { ja: "計画書の記述（1.1–2.2）", en: "The plan's text (1.1–2.2)" },
  12: { ja: "別紙1添付（施設ごとのモニタリング計画）", en: "別紙1添付 (each facility's monitoring plan)" },
  13: {
    ja: "複数のブック（重複・前年度・認定計画）",
    en: "Across workbooks (duplicates, prior year, registered plan)",
  },
};

export interface RuleMeta {
  /** Stable id, e.g. "projectList.emKg.recompute". */
  id: string;
  family: RuleFamily;
  /** The severity of its findings: finding() reads it from here. */
  severity: Severity;
  /**
   * The other severities a finding of this rule may take, each for a case its description names (a provisional
   * methodology's formula lines are warnings); finding() refuses any severity that is neither this nor `severity`.
   */
  alsoReportsAs?: Severity[];
  /** Whether its findings carry a safe one-cell fix. */
  fixable: boolean;
  description: Message;
  /**
   * For a rule made per quantity ("projectList.<key>.recompute"), the concrete ids it reports under and the 別紙1
   * columns they stand for ("projectList.qWb.recompute" → "3.3 Q_WB").
   */
  instances?: { id: string; where: string }[];
}

/** A rule's meta with a fixed family, fixability and description: the shape every module declares its rules in. */
export const rule = (
  id: string,
  family: RuleFamily,
  severity: Severity,
  fixable: boolean,
  ja: string,
  en: string,
): RuleMeta => ({ id, family, severity, fixable, description: { ja, en } });

/** What every check reads: the Submission, the Grid (hygiene scans cells). */
export interface CheckContext {
  submission: Submission;
  grid: Grid;
}

/**
 * A rule module, as ESLint has them: the metas of the rules it reports next to the check that reports them. Metas
 * built from the methodologies are a function, called on first use (which fixes the methodologies).
 */
export interface RuleModule {
  metas: readonly RuleMeta[] | (() => readonly RuleMeta[]);
  check(ctx: CheckContext): Finding[];
}

/** A module's metas, built if they are built on first use. */
export const metasOf = (m: RuleModule): readonly RuleMeta[] =>
  typeof m.metas === "function" ? m.metas() : m.metas;
