// 表紙: the title, the addressee and the draft opinion, what the paper was made from and by, the parameters and
// methodologies the recomputation used, and the verifier's preparation and review cells.
import type { CellValue } from "../types";
import type { TemplateSheet } from "../template/types";
import type { VerificationPaper } from "./model";
import { SHEETS, SheetBuilder, TOOL_NAME, sheetOf, t } from "./sheetBuilder";
import type { Lang } from "./sheetBuilder";

export function cover(paper: VerificationPaper, lang: Lang, footer: string): TemplateSheet {
  const b = new SheetBuilder();
  const ja = lang === "ja";
  let r = 0;
  b.put(
    r++,
    0,
    "title",
    ja ? "検証結果報告書（実績）— 作業用紙" : "Verification report (actuals) — working paper",
  );
  b.put(
    r++,
    0,
    "note",
    ja
      ? `${TOOL_NAME} が申請ブックから作成した作業用紙です。判断と文言は検証機関が確定します（黄色のセルに記入）。`
      : `A working paper made by ${TOOL_NAME} from the application workbook. The verifier decides and words it (yellow cells).`,
  );
  r++;
  r = coverAddressAndOpinion(b, r, paper, lang);
  r = coverIdentity(b, r, paper.identity, lang);
  r = coverParameters(b, r, paper.identity, lang);
  r = coverMethodologies(b, r, paper.identity, lang);
  b.put(r++, 0, "heading", ja ? "作成・品質管理レビュー" : "Preparation and quality review");
  for (const label of ja
    ? ["作成者", "作成日", "品質管理レビュー者", "レビュー日"]
    : ["Prepared by", "Date", "Quality reviewer", "Review date"]) {
    b.put(r, 0, "label", label);
    b.put(r, 1, "input", "");
    b.merge(r, 1, 3);
    r++;
  }
  return sheetOf(b, t(SHEETS.cover, lang), [26, 30, 14, 48], "portrait", footer);
}

/** Date, addressee and verification body, then the draft opinion; the row after them. */
function coverAddressAndOpinion(b: SheetBuilder, from: number, paper: VerificationPaper, lang: Lang): number {
  const ja = lang === "ja";
  let r = from;
  const applicant = paper.overview.find((f) => f.key === "applicant")?.values[0]?.text ?? "";
  const pairs: [string, CellValue, boolean][] = [
    [ja ? "日付" : "Date", paper.identity.date, true],
    [ja ? "宛先（申請者）" : "To (applicant)", applicant, true],
    [ja ? "検証機関" : "Verification body", "", true],
  ];
  for (const [label, value, open] of pairs) {
    b.put(r, 0, "label", label);
    b.put(r, 1, open ? "input" : "derived", value);
    b.merge(r, 1, 3);
    r++;
  }
  r++;
  b.put(r++, 0, "heading", ja ? "検証意見（案）" : "Opinion (draft)");
  b.put(r, 0, "input", t(paper.opinion, lang), { wrap: true });
  b.merge(r, 0, 3, r + 3);
  return r + 5;
}

type Identity = VerificationPaper["identity"];

/** What the paper was made from and by: file, digest, size, sheets, tool, rule set, date. */
function coverIdentity(b: SheetBuilder, from: number, id: Identity, lang: Lang): number {
  const ja = lang === "ja";
  let r = from;
  b.put(
    r++,
    0,
    "heading",
    ja ? "識別情報（この用紙が何から、何で作られたか）" : "Identity (what this paper was made from, and by)",
  );
  const identity: [string, CellValue][] = [
    [ja ? "ファイル名" : "File", id.fileName],
    [
      id.digestOf === "file" ? "SHA-256" : ja ? "SHA-256（読み取ったセル）" : "SHA-256 (of the cells read)",
      id.sha256,
    ],
    [ja ? "サイズ（バイト）" : "Size (bytes)", id.size],
    [ja ? "シート" : "Sheets", id.sheets.join("、")],
    [ja ? "ツール" : "Tool", `${TOOL_NAME} ${id.toolVersion}`],
    [ja ? "ルールセット（SHA-256）" : "Rule set (SHA-256)", id.rulesDigest],
    [ja ? "作成日" : "Made on", id.date],
  ];
  for (const [label, value] of identity) {
    b.put(r, 0, "label", label);
    b.put(r, 1, "derived", value, { wrap: true });
    b.merge(r, 1, 3);
    r++;
  }
  return r + 1;
}

/** The parameters the recomputation used, with their source and vintage. */
function coverParameters(b: SheetBuilder, from: number, id: Identity, lang: Lang): number {
  const ja = lang === "ja";
  let r = from;
  b.put(r++, 0, "heading", ja ? "再計算に使用したパラメータ" : "Parameters the recomputation used");
  b.labels(r, [
    ja ? "名称" : "Name",
    ja ? "値" : "Value",
    ja ? "単位" : "Unit",
    ja ? "出典・版" : "Source and vintage",
  ]);
  r++;
  for (const p of id.parameters) {
    b.put(r, 0, "derived", `${t(p.name, lang)} ${p.symbol}`, { wrap: true });
    b.put(r, 1, "derived", p.value);
    b.put(r, 2, "derived", p.unit);
    b.put(r, 3, "derived", p.vintage ? `${p.vintage}: ${p.source}` : p.source, { wrap: true });
    r++;
  }
  return r + 1;
}

/** Each methodology the paper names, confirmed or provisional. */
function coverMethodologies(b: SheetBuilder, from: number, id: Identity, lang: Lang): number {
  const ja = lang === "ja";
  let r = from;
  b.put(r++, 0, "heading", ja ? "方法論の状態" : "Methodologies");
  b.labels(r, [ja ? "方法論" : "Code", ja ? "名称" : "Name", ja ? "状態" : "Status"]);
  r++;
  for (const m of id.methodologies) {
    b.put(r, 0, "derived", m.code);
    b.put(r, 1, "derived", t(m.name, lang), { wrap: true });
    b.put(
      r,
      2,
      "derived",
      m.status === "confirmed" ? (ja ? "確定" : "confirmed") : ja ? "暫定" : "provisional",
    );
    r++;
  }
  return r + 1;
}
