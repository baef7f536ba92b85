// The verifier's working paper as data: what the 表紙, 概要書, 検証結果一覧表, 計算根拠 and 指摘事項一覧 sheets and `--json` print.
import type { Decimal } from "../numbers";
import type { DerivationStep } from "../formula";
import type { Materiality, Message, Severity } from "../types";
import type { RuleFamily } from "../checks/registry";
import type { ReportIdentity } from "./identity";

/** 判定 of one line: recomputed and equal, recomputed and not, not recomputable, or an input the engine cannot recompute. */
export type Verdict = "agrees" | "differs" | "notComputable" | "input";

/** 確認手段: how the verifier confirmed a value (JQA's 再計算; the MRV guidelines' 閲覧, 照合, 視察, 質問). */
export const CONFIRMATION_MEANS = ["再計算", "照合", "閲覧", "視察", "質問"] as const;

/** One line of the 検証結果一覧表: a declared value of one facility (or the 合計, or a 別紙2 block) against the recomputed. */
export interface ReportLine {
  facility: string;
  /** The facility's 別紙1 row (0-based among the rows), null for the 合計. */
  facilityIndex: number | null;
  /** 別紙1 column as printed ("3.1"), "合計" or "別紙2". */
  column: string;
  /** "生成熱量 Q_BL", with the monitoring table's convention where 3.1 was re-derived from it. */
  item: string;
  unit: string;
  /** A share or efficiency held as a fraction (S_B 0.9994, ε_BL 0.92022): shown as a percentage. */
  ratio: boolean;
  /** Where the value is declared, "別紙1!K5". */
  cell: string;
  declared: Decimal | null;
  /** What the cell holds when it is no number ("abc"), shortened. */
  declaredText: string | null;
  recomputed: Decimal | null;
  verdict: Verdict;
  /** The whole chain, one step per rounding and per quantity (empty for an input). */
  derivation: DerivationStep[];
  /** Why there is no recomputed value. */
  reason: Message | null;
  /** What correcting a value that does not agree does to the certified t (the finding's), null where nothing is to correct. */
  materiality: Materiality | null;
  /** The 提出書類 別紙1添付 names for the quantity (Q_BL: DCS運転記録), or where a default comes from. */
  evidence: string[];
  /** 確認手段 pre-filled: 再計算 where the engine recomputed the value; empty for the verifier to choose. */
  means: string;
  /** The 指摘事項一覧 numbers of the findings at this cell. */
  findings: string[];
}

/** One field of 概要書 §1, with the cells it was read from. */
export interface OverviewField {
  key: "planName" | "applicant" | "sites" | "projects" | "allocation" | "period" | "methodology";
  label: Message;
  /** One value per line (① ② ③ for sites and projects); empty where the workbook gives none. */
  values: { text: string; cell: string | null }[];
}

/** 適合 / 不備あり / 不明: a criterion's status as the rules that support it leave it. */
export type CriterionStatus = "conforms" | "deficient" | "unknown";

/** One of the five criteria JQA's 概要書 §3 lists, with the rule families that support it. */
export interface Criterion {
  number: number;
  title: Message;
  families: RuleFamily[];
  status: CriterionStatus;
  /** The rules that fired on it, with how many findings of which severity. */
  rules: { id: string; severity: Severity; count: number }[];
  /** The procedure pre-filled from what the engine did (the verifier edits it). */
  procedure: Message;
}

/** 是正要求 (a correction the certified t or the form needs), 明確化要求 (explain or confirm), 次回確認 (note for next time). */
export type FindingCategory = "corrective" | "clarification" | "forward";

/** 状態 of a finding in the 再検証 loop. */
export type FindingState = "new" | "open" | "resolved";

/** One row of the 指摘事項一覧. */
export interface LoggedFinding {
  /** "F-001": the number the paper and its next version use for the finding. */
  number: string;
  /** What identifies a finding across versions: rule, cell and facility. */
  identity: string;
  rule: string;
  family: RuleFamily | null;
  severity: Severity;
  /** "別紙1!U6" */
  cell: string;
  facility: string;
  message: Message;
  expected: string | null;
  actual: string | null;
  category: FindingCategory;
  materiality: Materiality | null;
  state: FindingState;
  /** The verifier's columns, carried over from the previous version of the paper. */
  answer: string;
  judgement: string;
  date: string;
  /** 状態 as the verifier typed it in the previous version (回答済, 確認済 …), kept where the finding still fires. */
  stateText: string;
}

/** 添付資料: what the paper rests on, by who made it (JQA's list). */
export interface AttachmentList {
  verifier: string[];
  applicant: string[];
  /** 熱事業者作成・提出資料: each symbol with the documents 別紙1添付 names for it ("Q_BL：DCS運転記録、発電所月報"). */
  operator: { symbol: string; documents: string[] }[];
}

export interface VerificationPaper {
  identity: ReportIdentity;
  summary: Message;
  /** 暫定: the methodology's provisional notice, null for a confirmed one. */
  notice: Message | null;
  overview: OverviewField[];
  criteria: Criterion[];
  /** The opinion drafted from the criteria (the verifier edits it). */
  opinion: Message;
  lines: ReportLine[];
  allocation: ReportLine[];
  findings: LoggedFinding[];
  attachments: AttachmentList;
}
