// 概要書: §1 the plan as the workbook states it, §2 the result (a draft the verifier words), §3 the procedures per
// criterion, and the attachments by who made them.
import type { TemplateSheet } from "../template/types";
import { STATUS_TEXT } from "./criteria";
import { SEVERITY_TEXT } from "./findingsLog";
import type { VerificationPaper } from "./model";
import { SHEETS, SheetBuilder, sheetOf, t } from "./sheetBuilder";
import type { Lang } from "./sheetBuilder";

export function summary(paper: VerificationPaper, lang: Lang, footer: string): TemplateSheet {
  const b = new SheetBuilder();
  const ja = lang === "ja";
  let r = 0;
  b.put(r++, 0, "title", ja ? "検証結果概要書" : "Verification summary");
  if (paper.notice) b.put(r++, 0, "note", t(paper.notice, lang), { wrap: true });
  r++;
  b.put(r++, 0, "heading", ja ? "1. グリーンエネルギーCO2削減計画の概要" : "1. The plan");
  for (const f of paper.overview) {
    b.put(r, 0, "label", t(f.label, lang));
    b.put(r, 1, "derived", f.values.map((v) => v.text).join("\n") || "—", { wrap: true });
    b.merge(r, 1, 3);
    b.put(
      r,
      4,
      "note",
      f.values
        .map((v) => v.cell ?? "")
        .filter(Boolean)
        .join("\n"),
      { wrap: true },
    );
    r++;
  }
  r++;
  b.put(r++, 0, "heading", ja ? "2. 検証結果" : "2. Result");
  const allConform = paper.criteria.every((c) => c.status === "conforms");
  b.put(
    r,
    0,
    "input",
    ja
      ? allConform
        ? "以下に示す実施した検証手続きの概要のとおり、本申請に基づくグリーンエネルギーCO2削減相当量については、「グリーンエネルギーCO2削減相当量認証制度運営規則」に定める要件及び「方法論」に適合しているものと判断できる。なお、詳細については「CO2削減相当量検証結果一覧表」に示す。"
        : "以下に示す実施した検証手続きの概要のとおり、指摘事項（指摘事項一覧）への対応を確認した後に判断する。詳細は「CO2削減相当量検証結果一覧表」に示す。"
      : allConform
        ? "As the procedures below set out, the reductions applied for conform to the operating rules and the methodology. Details are in the verification table."
        : "As the procedures below set out, a conclusion follows once the findings (findings log) are dealt with. Details are in the verification table.",
    { wrap: true },
  );
  b.merge(r, 0, 4, r + 1);
  r += 3;
  r = summaryProcedures(b, r, paper, lang);
  summaryAttachments(b, r, paper, lang);
  return sheetOf(b, t(SHEETS.summary, lang), [30, 10, 36, 20, 26], "portrait", footer);
}

/** 3.: each criterion, its status (a choice), the procedure and the rules behind it. */
function summaryProcedures(b: SheetBuilder, from: number, paper: VerificationPaper, lang: Lang): number {
  const ja = lang === "ja";
  let r = from;
  b.put(r++, 0, "heading", ja ? "3. 実施した検証手続の概要" : "3. Procedures performed");
  b.labels(r, [
    ja ? "判断基準" : "Criterion",
    ja ? "状態" : "Status",
    ja ? "実施した検証手続と結論" : "Procedure and conclusion",
    "",
    ja ? "根拠ルール（件数）" : "Rules (count)",
  ]);
  b.merge(r, 2, 3);
  r++;
  const statuses = [STATUS_TEXT.conforms, STATUS_TEXT.deficient, STATUS_TEXT.unknown].map((m) => t(m, lang));
  for (const c of paper.criteria) {
    b.put(r, 0, "derived", `${c.number}. ${t(c.title, lang)}`, { wrap: true });
    b.put(r, 1, "input", t(STATUS_TEXT[c.status], lang), { choices: statuses });
    b.put(r, 2, "input", t(c.procedure, lang), { wrap: true });
    b.merge(r, 2, 3);
    b.put(
      r,
      4,
      "derived",
      c.rules.map((x) => `${x.id}（${t(SEVERITY_TEXT[x.severity], lang)} ${x.count}）`).join("\n") || "—",
      { wrap: true },
    );
    r++;
  }
  return r + 1;
}

/** The attachments by who made them. */
function summaryAttachments(b: SheetBuilder, from: number, paper: VerificationPaper, lang: Lang): void {
  const ja = lang === "ja";
  let r = from;
  b.put(r++, 0, "heading", ja ? "（添付資料）" : "(Attachments)");
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    b.put(r++, 0, "label", title);
    for (const item of items) {
      b.put(r, 0, "derived", `・${item}`, { wrap: true });
      b.merge(r, 0, 4);
      r++;
    }
  };
  list(ja ? "【検証機関作成資料】" : "[Made by the verifier]", paper.attachments.verifier);
  list(ja ? "【申請者作成資料】" : "[Made by the applicant]", paper.attachments.applicant);
  list(
    ja
      ? "【熱事業者作成・提出資料】（別紙1添付の提出書類）"
      : "[Made by the operators] (別紙1添付's documents)",
    paper.attachments.operator.map((o) => `${o.symbol}：${o.documents.join("、")}`),
  );
}
