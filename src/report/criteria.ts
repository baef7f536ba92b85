// 概要書 §2/§3: the five criteria of the scheme's verification (as JQA's 検証結果概要書 lists them), each with the
// status the rules that support it leave it in, and a procedure text drafted from what the engine did.
import { ruleMeta } from "../checks/registry";
import type { RuleFamily } from "../checks/registry";
import type { Submission } from "../forms/submission";
import type { Finding, Message, Severity } from "../types";
import type { Criterion, CriterionStatus, ReportLine } from "./model";

interface CriterionDeclaration {
  number: number;
  title: Message;
  /** The rule families whose findings bear on it. */
  families: RuleFamily[];
  /** Rules that bear on it whatever their family (1.6 changes bear on criterion 5, not on 1). */
  rules?: RegExp;
}

/** The criteria as the seed's 概要書 states them (reference: JQA 検証結果概要書 §3, 2023-01-27). */
const CRITERIA: CriterionDeclaration[] = [
  {
    number: 1,
    title: {
      ja: "排出削減量の実績及びグリーンエネルギーCO2削減相当量配分計画が示され、かつ当該内容が運営規則及び方法論に適合していること",
      en: "The reductions achieved and the allocation plan are stated and conform to the operating rules and the methodology",
    },
    families: [1, 2, 6, 8, 10, 11],
  },
  {
    number: 2,
    title: {
      ja: "認定計画、認証申請書のとおり確実に電力量又は熱量が算定され、かつ算定された電力量又は熱量に基づき方法論に従って正確にグリーンエネルギーCO2削減相当量が算定されていること",
      en: "The power or heat is determined as the approved plan states, and the reductions are calculated from it exactly as the methodology prescribes",
    },
    families: [3, 5, 9],
  },
  {
    number: 3,
    title: {
      ja: "グリーンエネルギーCO2削減相当量が適切に配分されていること",
      en: "The reductions are allocated appropriately",
    },
    families: [4],
  },
  {
    number: 4,
    title: {
      ja: "各グリーンエネルギーCO2削減事業が適切に管理され、モニタリング対象となる項目が正確に把握されていること",
      en: "Each project is managed appropriately and its monitored quantities are captured accurately",
    },
    families: [7, 12],
  },
  {
    number: 5,
    title: {
      ja: "認定グリーンエネルギーCO2削減計画から変更された点（グリーンエネルギーCO2削減事業の追加を含む。）について、運営規則及び方法論に照らし適切であること",
      en: "Changes from the approved plan (including added projects) are appropriate under the operating rules and the methodology",
    },
    families: [],
    rules: /^plan\.changes\./,
  },
];

const familyOf = (rule: string): RuleFamily | null => {
  try {
    return ruleMeta(rule).family;
  } catch {
    return null;
  }
};

/** The criterion a finding bears on: its rule's own claim first, then its family. */
export function criterionOf(f: Pick<Finding, "rule">): number | null {
  const own = CRITERIA.find((c) => c.rules?.test(f.rule));
  if (own) return own.number;
  const family = familyOf(f.rule);
  return CRITERIA.find((c) => family !== null && c.families.includes(family))?.number ?? null;
}

function statusOf(findings: Finding[], checkable: boolean): CriterionStatus {
  if (findings.some((f) => f.severity === "error")) return "deficient";
  if (!checkable || findings.some((f) => f.severity === "warning")) return "unknown";
  return "conforms";
}

const count = (lines: ReportLine[], verdict: ReportLine["verdict"]) =>
  lines.filter((l) => l.verdict === verdict).length;

function procedure(n: number, s: Submission, lines: ReportLine[], allocation: ReportLine[]): Message {
  const facilities = s.projectList?.rows.length ?? 0;
  switch (n) {
    case 1:
      return {
        ja: `様式3-2 の方法論（1.3）、算定式と記号表（1.4）、認証申請期間（1.5）、モニタリングの対象及び方法とデフォルト値（2.2）、各施設の実施期間（別紙1 5.）と提出書類の完全性を、運営規則及び方法論（${s.methodology.resolved.code ?? "未確定"}）に照らして確認した。`,
        en: `Checked the methodology (1.3), formulas and symbol table (1.4), period (1.5), monitoring targets, methods and defaults (2.2), each facility's period (別紙1 5.) and the completeness of the submission against the rules and the methodology (${s.methodology.resolved.code ?? "not determined"}).`,
      };
    case 2: {
      const recomputed = lines.length - count(lines, "input");
      return {
        ja: `別紙1 の ${facilities} 施設について、派生値と合計を方法論の算定式と端数処理で再計算した（${recomputed} 項目: 一致 ${count(lines, "agrees")}、不一致 ${count(lines, "differs")}、計算不能 ${count(lines, "notComputable")}）。${s.monitoring.length > 0 ? `3.1 等は熱実績管理表（${s.monitoring.length} 表）の月別記録から再計算した。` : "入力値（3.1 等）は提出書類との照合を要する。"}`,
        en: `Recomputed the derived values and the total of ${facilities} facilities with the methodology's formulas and rounding (${recomputed} items: ${count(lines, "agrees")} agree, ${count(lines, "differs")} differ, ${count(lines, "notComputable")} cannot be computed).${s.monitoring.length > 0 ? ` 3.1 and the like were recomputed from the monthly records (${s.monitoring.length} tables).` : " Inputs (3.1 …) are to be matched against the documents."}`,
      };
    }
    case 3:
      return {
        ja: `別紙2 の ${allocation.length} ブロックの CO2削減相当量を別紙1 の各施設の t と照合し（一致 ${count(allocation, "agrees")}）、保有予定量と配分予定なしの合計、帰属先を確認した。`,
        en: `Matched the ${allocation.length} 別紙2 blocks against each facility's t in 別紙1 (${count(allocation, "agrees")} agree) and checked the holders' amounts, 配分予定なし and the attribution.`,
      };
    case 4:
      return {
        ja: `別紙1添付 の ${s.attachments.length} ブロックについて、計量体制（責任者・実施者）、モニタリング方法と提出書類を施設ごとのモニタリング計画として確認し、設備名称・所在地・承認番号の一致を確認した。`,
        en: `Checked the ${s.attachments.length} 別紙1添付 blocks as each facility's monitoring plan (roles, methods, documents) and that names, addresses and approval numbers agree across the sheets.`,
      };
    default: {
      const changes =
        s.plan?.parts.find((p) => p.part === "plan:changes")?.texts.map((t) => t.value ?? "") ?? [];
      const stated = changes.filter((t) => t.trim() !== "" && !/^注/.test(t)).join(" ");
      return {
        ja: `1.6 認定計画からの変更項目: ${stated || "記載なし"}。認定計画（様式1-2）との照合は検証機関が行う。`,
        en: `1.6 changes from the approved plan: ${stated || "nothing stated"}. Matching against the approved plan (様式1-2) is the verifier's.`,
      };
    }
  }
}

/** The five criteria with their status, the rules that fired on each, and a drafted procedure. */
export function criteriaOf(
  s: Submission,
  findings: Finding[],
  lines: ReportLine[],
  allocation: ReportLine[],
): Criterion[] {
  const facilities = s.projectList?.rows.length ?? 0;
  const checkable: Record<number, boolean> = {
    1: s.recognized,
    2: s.recognized && facilities > 0,
    3: s.recognized && s.allocationPlan.length > 0,
    4: s.recognized && s.attachments.length > 0,
    5: s.recognized && (s.plan?.parts.some((p) => p.part === "plan:changes") ?? false),
  };
  return CRITERIA.map((c) => {
    const own = findings.filter((f) => criterionOf(f) === c.number && f.severity !== "info");
    const byRule = new Map<string, { id: string; severity: Severity; count: number }>();
    for (const f of own) {
      const key = `${f.rule}|${f.severity}`;
      const entry = byRule.get(key) ?? { id: f.rule, severity: f.severity, count: 0 };
      entry.count++;
      byRule.set(key, entry);
    }
    return {
      number: c.number,
      title: c.title,
      families: c.families,
      status: statusOf(own, checkable[c.number]),
      rules: [...byRule.values()],
      procedure: procedure(c.number, s, lines, allocation),
    };
  });
}

export const STATUS_TEXT: Record<CriterionStatus, Message> = {
  conforms: { ja: "適合", en: "Conforms" },
  deficient: { ja: "不備あり", en: "Deficient" },
  unknown: { ja: "不明", en: "Undetermined" },
};

/** The opinion the criteria support, as JQA words it; the verifier edits it. */
export function opinionOf(criteria: Criterion[], planName: string | null, applicant: string | null): Message {
  const who = applicant ?? "（申請者）";
  const what = planName ? `（排出削減事業の名称：${planName}）` : "";
  if (criteria.every((c) => c.status === "conforms"))
    return {
      ja: `${who}が作成した「グリーンエネルギーCO2削減相当量認証申請書」${what}について、「グリーンエネルギーCO2削減相当量認証制度運営規則」に基づいて独立の立場から検証を行った結果、別添「検証結果概要書」のとおり、全ての点において適正であると認めます。`,
      en: `Having verified independently, under the scheme's operating rules, the certification application made by ${applicant ?? "(the applicant)"}${planName ? ` (${planName})` : ""}, we find it appropriate in all respects, as the attached summary sets out.`,
    };
  const open = criteria.filter((c) => c.status !== "conforms").map((c) => c.number);
  return {
    ja: `${who}が作成した「グリーンエネルギーCO2削減相当量認証申請書」${what}について検証を行った結果、判断基準 ${open.join("・")} に指摘事項が残っています（指摘事項一覧）。是正・回答の後に再検証します。`,
    en: `Verifying the application made by ${applicant ?? "(the applicant)"}, findings remain on criteria ${open.join(", ")} (see the findings log). They are to be corrected or answered, then verified again.`,
  };
}
