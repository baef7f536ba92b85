// The parts of a 様式3-2 submission declared once: the sheet each sits on, the heading that finds it, what a
// completeness finding calls it and whether the methodology requires it. Reader, template and form.* rules read this.
import { normalizeText } from "../numbers";
import type { MethodologyDeclaration } from "../methodology/types";
import type { Message } from "../types";
import { SHEET_NAMES } from "./layout";

export type PartSheet = keyof typeof SHEET_NAMES;

export interface FormPart {
  /** Stable id, e.g. "plan:name" (a colon: part ids are not rule ids); form.* findings name it. */
  id: string;
  sheet: PartSheet;
  /** Number as the form prints it ("1.1"), or null for an unnumbered part. */
  number: string | null;
  /** The heading as the template prints it. */
  heading: string;
  /** Texts (after the number) by which the reader recognises the heading; folded with normalizeText. */
  aliases: string[];
  /** What a completeness finding calls the part. */
  what: Message;
  /** Once per submission, or once per facility (a 別紙1添付 block, a 別紙2 block). */
  scope: "submission" | "facility";
  /** Whether a submission of this methodology must have it filled. */
  required: (methodology: MethodologyDeclaration) => boolean;
}

const always = (): boolean => true;

const part = (
  id: string,
  sheet: PartSheet,
  number: string | null,
  heading: string,
  aliases: string[],
  what: Message,
  scope: FormPart["scope"] = "submission",
  required: FormPart["required"] = always,
): FormPart => ({ id, sheet, number, heading, aliases, what, scope, required });

/** 様式3-2 (the plan sheet), in form order. */
export const PLAN_PARTS: FormPart[] = [
  part("plan:name", "plan", "1.1", "1.1 グリーンエネルギーCO2削減計画の名称", ["計画の名称"], {
    ja: "1.1 計画の名称",
    en: "1.1 name of the plan",
  }),
  part(
    "plan:facilities",
    "plan",
    "1.2",
    "1.2 グリーンエネルギーCO2削減計画に関わる設備（詳細）",
    ["計画に関わる設備"],
    { ja: "1.2 計画に関わる設備（別紙1 の参照）", en: "1.2 facilities of the plan (the pointer to 別紙1)" },
  ),
  part(
    "plan:methodology",
    "plan",
    "1.3",
    "1.3 グリーンエネルギーCO2削減計画に適用される方法論",
    ["適用される方法論"],
    { ja: "1.3 適用される方法論（チェック表）", en: "1.3 the methodology table" },
  ),
  part("plan:formula", "plan", "1.4", "1.4 グリーンエネルギーCO2削減相当量の算定", ["削減相当量の算定"], {
    ja: "1.4 算定式と記号表",
    en: "1.4 the formulas and their symbol table",
  }),
  part("plan:period", "plan", "1.5", "1.5 グリーンエネルギーCO2削減計画の認証申請期間", ["認証申請期間"], {
    ja: "1.5 認証申請期間（開始日・終了日）",
    en: "1.5 the certification period (start and end dates)",
  }),
  part(
    "plan:changes",
    "plan",
    "1.6",
    "1.6 認定グリーンエネルギーCO2削減計画からの変更項目",
    ["からの変更項目"],
    {
      ja: "1.6 認定計画からの変更項目（無し、または変更点）",
      en: "1.6 changes from the approved plan (無し, or the changes)",
    },
  ),
  part(
    "plan:monitoringStructure",
    "plan",
    "2.1",
    "2.1 各グリーンエネルギーCO2削減事業の実施者によるモニタリング方法及び報告方法",
    ["モニタリング方法及び報告方法"],
    { ja: "2.1 モニタリング方法及び報告方法（体制）", en: "2.1 monitoring and reporting structure" },
  ),
  part(
    "plan:monitoringTargets",
    "plan",
    "2.2",
    "2.2 モニタリングの対象及び方法",
    ["モニタリングの対象及び方法"],
    {
      ja: "2.2 モニタリングの対象及び方法（記号表）",
      en: "2.2 monitoring targets and methods (the symbol table)",
    },
  ),
  part(
    "plan:holders",
    "plan",
    "3.1",
    "3.1 グリーンエネルギーCO2削減相当量保有予定者に関する情報",
    ["保有予定者に関する情報"],
    {
      ja: "3.1 保有予定者に関する情報（別紙2 1. の参照）",
      en: "3.1 planned holders (the pointer to 別紙2 1.)",
    },
  ),
  part(
    "plan:attribution",
    "plan",
    "3.2",
    "3.2 環境価値が除かれた電気価値・熱価値の帰属先に関する情報",
    ["帰属先に関する情報"],
    { ja: "3.2 帰属先に関する情報（別紙2 2. の参照）", en: "3.2 attribution (the pointer to 別紙2 2.)" },
  ),
];

/** The sheets of a submission; each must be there (別紙1 is the facilities themselves). */
export const SHEET_PARTS: FormPart[] = [
  part("sheet:plan", "plan", null, "様式3-2", ["グリーンエネルギーCO2削減等計画書"], {
    ja: "様式3-2（計画書（実績）本体）",
    en: "様式3-2 (the plan sheet itself)",
  }),
  part("sheet:projectList", "projectList", null, "別紙1", ["事業リスト"], {
    ja: "別紙1（事業リスト）",
    en: "別紙1 (the project list)",
  }),
  part("sheet:attachment", "attachment", null, "別紙1添付", ["種別方法論名称"], {
    ja: "別紙1添付（施設ごとのモニタリング方法）",
    en: "別紙1添付 (each facility's monitoring method)",
  }),
  part("sheet:allocationPlan", "allocationPlan", null, "別紙2", ["配分計画"], {
    ja: "別紙2（配分計画）",
    en: "別紙2 (the allocation plan)",
  }),
];

/** One 別紙1添付 block per facility, and what it must hold. */
export const ATTACHMENT_PARTS: FormPart[] = [
  part(
    "attachment:block",
    "attachment",
    null,
    "種別方法論名称",
    ["種別方法論名称"],
    { ja: "別紙1添付 のこの施設のブロック", en: "this facility's 別紙1添付 block" },
    "facility",
  ),
  part(
    "attachment:metering",
    "attachment",
    "(1)",
    "(1)計量器維持・管理",
    ["計量器維持・管理", "計量器維持管理"],
    { ja: "(1) 計量器維持・管理の責任者・実施者", en: "(1) meter upkeep: responsible person and operator" },
    "facility",
  ),
  part(
    "attachment:measurement",
    "attachment",
    "(2)",
    "(2)データの測定",
    ["データの測定"],
    { ja: "(2) データの測定の責任者・実施者", en: "(2) measurement: responsible person and operator" },
    "facility",
  ),
  part(
    "attachment:report",
    "attachment",
    "(3)",
    "(3)報告書の作成",
    ["報告書の作成"],
    {
      ja: "(3) 報告書作成者・報告書最終承認者・報告書受領者",
      en: "(3) report author, final approver and recipient",
    },
    "facility",
  ),
  part(
    "attachment:methods",
    "attachment",
    "2.",
    "2. モニタリング方法および提出書類",
    ["モニタリング方法および提出書類", "モニタリング方法及び提出書類"],
    {
      ja: "2. モニタリング方法および提出書類（記号ごと）",
      en: "2. monitoring method and documents (per symbol)",
    },
    "facility",
  ),
];

/** The roles of a 別紙1添付 block's 計量体制, by part: each must name a person (a redaction counts). */
export const ATTACHMENT_ROLES: Record<string, string[]> = {
  "attachment:metering": ["責任者", "実施者"],
  "attachment:measurement": ["責任者", "実施者"],
  "attachment:report": ["報告書作成者", "報告書最終承認者", "報告書受領者（証書発行事業者）"],
};

/** One 別紙2 block per facility, and what it must hold. */
export const ALLOCATION_PARTS: FormPart[] = [
  part(
    "allocation:block",
    "allocationPlan",
    null,
    "グリーンエネルギーCO2削減相当量配分計画",
    ["削減相当量（単位"],
    { ja: "別紙2 のこの施設のブロック（tCO2）", en: "this facility's 別紙2 block (tCO2)" },
    "facility",
  ),
  part(
    "allocation:holders",
    "allocationPlan",
    "1.",
    "1. グリーンエネルギーCO2削減相当量保有予定者に関する情報",
    ["保有予定者に関する情報"],
    {
      ja: "1. 保有予定者（名称と保有予定量、残りは配分予定なし）",
      en: "1. planned holders (name and amount; the rest 配分予定なし)",
    },
    "facility",
  ),
  part(
    "allocation:attribution",
    "allocationPlan",
    "2.",
    "2. 環境価値が除かれた電気価値・熱価値の帰属先に関する情報",
    ["帰属先に関する情報"],
    {
      ja: "2. 環境価値が除かれた価値の帰属先",
      en: "2. where the value without its environmental value goes",
    },
    "facility",
  ),
];

/** Every declared part, for the docs and the completeness rules. */
export const FORM_PARTS: FormPart[] = [
  ...SHEET_PARTS,
  ...PLAN_PARTS,
  ...ATTACHMENT_PARTS,
  ...ALLOCATION_PARTS,
];

export function formPart(id: string): FormPart {
  const found = FORM_PARTS.find((p) => p.id === id);
  if (!found) throw new Error(`no form part ${id}`);
  return found;
}

/** Texts that stand for a withheld entry in a published submission: present, not blank. */
const REDACTION_MARKS = ["[redacted]", "redacted", "非公開", "黒塗り", "＊＊＊", "***", "■■■"].map(
  normalizeText,
);

export function isRedaction(text: string): boolean {
  const folded = normalizeText(text);
  return REDACTION_MARKS.includes(folded) || /^[■●＊*]{2,}$/.test(folded);
}

/** Does a folded label name the part ("1.1 グリーン…計画の名称", "1. 1 …", or the alias without its number)? */
const foldedAliases = new WeakMap<FormPart, string[]>();

export function labelNamesPart(label: string, p: FormPart): boolean {
  let folded = foldedAliases.get(p);
  if (!folded) foldedAliases.set(p, (folded = p.aliases.map(normalizeText)));
  if (p.number !== null) {
    const number = normalizeText(p.number);
    if (label.startsWith(number) && !/[0-9]/.test(label.charAt(number.length))) {
      const rest = label.slice(number.length);
      return folded.some((a) => rest.includes(a));
    }
  }
  return folded.some((a) => label.includes(a));
}
