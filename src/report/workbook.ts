// The working paper as a workbook: 表紙 (opinion and identity), 概要書, 検証結果一覧表, 計算根拠 and 指摘事項一覧, laid out
// for A4 with the file's identity in every footer; generated cells locked, the verifier's cells open.
import { stepLine } from "../formula";
import type { Decimal } from "../numbers";
import type { CellValue, Message } from "../types";
import type { TemplateCell, TemplateCellKind, TemplateSheet, TemplateWorkbook } from "../template/types";
import { CELL_LOOKS } from "../template/sheets";
import { STATUS_TEXT } from "./criteria";
import { CATEGORY_TEXT, FINDINGS_COLUMNS, SEVERITY_TEXT, STATE_TEXT, VERIFIER_COLUMNS } from "./findingsLog";
import type { FindingsColumn } from "./findingsLog";
import { CONFIRMATION_MEANS } from "./model";
import type { ReportLine, VerificationPaper, Verdict } from "./model";

export type Lang = "ja" | "en";

/** The tool as the workbook's creator and every page names it. */
export const TOOL_NAME = "GEC 様式3-2 ツール";

export const SHEETS: Record<"cover" | "summary" | "table" | "derivations" | "findings", Message> = {
  cover: { ja: "表紙", en: "Cover" },
  summary: { ja: "概要書", en: "Summary" },
  table: { ja: "検証結果一覧表", en: "Verification" },
  derivations: { ja: "計算根拠", en: "Derivations" },
  findings: { ja: "指摘事項一覧", en: "Findings" },
};

export const VERDICT_TEXT: Record<Verdict, Message> = {
  agrees: { ja: "一致", en: "agrees" },
  differs: { ja: "不一致", en: "differs" },
  notComputable: { ja: "計算不能", en: "cannot be computed" },
  input: { ja: "入力値", en: "input" },
};

/** 確認: an open box the verifier ticks. */
export const CHECKBOX = ["☐", "☑"];
/** 状態 as the verifier may set it. */
const STATES = ["新規", "継続", "回答済", "確認済", "解消"];

/** The 一覧表's columns, in order. */
export const TABLE_COLUMNS = [
  { key: "no", label: { ja: "No.", en: "No." }, width: 5 },
  { key: "facility", label: { ja: "設備名称", en: "Facility" }, width: 22 },
  { key: "column", label: { ja: "欄", en: "Col." }, width: 6 },
  { key: "item", label: { ja: "項目", en: "Item" }, width: 22 },
  { key: "unit", label: { ja: "単位", en: "Unit" }, width: 9 },
  { key: "cell", label: { ja: "セル", en: "Cell" }, width: 10 },
  { key: "declared", label: { ja: "申請値", en: "Declared" }, width: 14 },
  { key: "recomputed", label: { ja: "再計算値", en: "Recomputed" }, width: 14 },
  { key: "difference", label: { ja: "差", en: "Difference" }, width: 10 },
  { key: "verdict", label: { ja: "判定", en: "Verdict" }, width: 8 },
  { key: "materiality", label: { ja: "重要性（t への影響）", en: "Materiality (effect on t)" }, width: 16 },
  { key: "evidence", label: { ja: "根拠資料", en: "Evidence" }, width: 18 },
  { key: "means", label: { ja: "確認手段", en: "Means" }, width: 8 },
  { key: "checked", label: { ja: "確認", en: "Done" }, width: 5 },
  { key: "derivation", label: { ja: "計算根拠（最終段）", en: "Derivation (last step)" }, width: 34 },
  { key: "findings", label: { ja: "指摘", en: "Findings" }, width: 8 },
] as const;

type TableColumn = (typeof TABLE_COLUMNS)[number]["key"];
const col = (key: TableColumn): number => TABLE_COLUMNS.findIndex((c) => c.key === key);

/** Cells, merges and widths of one sheet, placed row by row. */
class SheetBuilder {
  /** Every cell wraps and sits at the top of its row (a table whose rows grow with their longest text). */
  constructor(private readonly wrapAll = false) {}
  readonly cells: TemplateCell[] = [];
  readonly merges: TemplateSheet["merges"] = [];
  right = 0;
  bottom = 0;

  put(
    row: number,
    column: number,
    kind: TemplateCellKind,
    value: CellValue,
    extra: Partial<TemplateCell> = {},
  ): void {
    this.cells.push({ row, col: column, kind, value, ...(this.wrapAll ? { wrap: true } : {}), ...extra });
    this.right = Math.max(this.right, column);
    this.bottom = Math.max(this.bottom, row);
  }

  merge(row: number, left: number, right: number, bottom = row): void {
    if (right > left || bottom > row) this.merges.push({ top: row, left, bottom, right });
    this.right = Math.max(this.right, right);
    this.bottom = Math.max(this.bottom, bottom);
  }

  /**
   * Row heights that show every wrapped text whole: spreadsheets keep a row one line high unless told, so a long
   * facility name would be cut on the page. Lines are estimated from the text's width (a CJK character takes two
   * units of a column's width) over the cell's width, merged columns included.
   */
  rowHeights(widths: number[]): Record<number, number> {
    const spans = new Map<string, TemplateSheet["merges"][number]>();
    for (const m of this.merges) spans.set(`${m.top}:${m.left}`, m);
    const heights: Record<number, number> = {};
    for (const c of this.cells) {
      if (!(c.wrap ?? CELL_LOOKS[c.kind].wrap) || c.value === null || c.value === undefined) continue;
      const m = spans.get(`${c.row}:${c.col}`);
      if (m && m.bottom > m.top) continue; // a block of rows has room of its own
      let width = 0;
      for (let k = c.col; k <= (m?.right ?? c.col); k++) width += widths[k] ?? DEFAULT_WIDTH;
      const lines = String(c.value)
        .split("\n")
        .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width * 0.92))), 0);
      const height = Math.min(409, Math.max(LINE_POINTS + 3, lines * LINE_POINTS + 3));
      if (height > (heights[c.row] ?? 0)) heights[c.row] = height;
    }
    return heights;
  }
}

/** Excel's default column width (characters) and the height of one line of 11-point text (points). */
const DEFAULT_WIDTH = 8.43;
const LINE_POINTS = 14.5;

/** A text's width in column units: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd) ||
      (cp >= 0x2460 && cp <= 0x24ff) ||
      (cp >= 0x25a0 && cp <= 0x27bf);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Excel's header/footer codes: a literal & is written &&. */
const footerText = (text: string): string => text.replace(/&/g, "&&");

/**
 * The number as a cell holds it, with a format showing every digit it has ("#,##0.0000"); a share as a percentage
 * with the same digits (0.9994 → "0.00%": 99.94%).
 */
function numberCell(d: Decimal | null, ratio = false): { value: CellValue; numberFormat?: string } {
  if (d === null) return { value: null };
  const text = d.toString();
  const dot = text.indexOf(".");
  const places = dot < 0 ? 0 : text.length - dot - 1;
  if (ratio) {
    const shown = Math.max(0, places - 2);
    return { value: d.toNumber(), numberFormat: shown === 0 ? "0%" : `0.${"0".repeat(shown)}%` };
  }
  return { value: d.toNumber(), numberFormat: places === 0 ? "#,##0" : `#,##0.${"0".repeat(places)}` };
}

const t = (m: Message, lang: Lang): string => m[lang];

function sheetOf(
  builder: SheetBuilder,
  name: string,
  widths: number[],
  orientation: "portrait" | "landscape",
  footer: string,
  extra: Partial<TemplateSheet> = {},
): TemplateSheet {
  return {
    name,
    cells: builder.cells,
    merges: builder.merges,
    columnWidths: widths,
    rowHeights: builder.rowHeights(widths),
    print: {
      paperSize: "A4",
      orientation,
      fitToPagesWide: 1,
      area: { top: 0, left: 0, bottom: builder.bottom, right: Math.max(builder.right, widths.length - 1) },
      footer,
      ...(extra.print ?? {}),
    },
    protect: true,
    ...extra,
  };
}

function cover(paper: VerificationPaper, lang: Lang, footer: string): TemplateSheet {
  const b = new SheetBuilder();
  const id = paper.identity;
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
  const applicant = paper.overview.find((f) => f.key === "applicant")?.values[0]?.text ?? "";
  const pairs: [string, CellValue, boolean][] = [
    [ja ? "日付" : "Date", id.date, true],
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
  r += 5;
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
  r++;
  b.put(r++, 0, "heading", ja ? "再計算に使用したパラメータ" : "Parameters the recomputation used");
  [
    ja ? "名称" : "Name",
    ja ? "値" : "Value",
    ja ? "単位" : "Unit",
    ja ? "出典・版" : "Source and vintage",
  ].forEach((h, c) => b.put(r, c, "label", h));
  r++;
  for (const p of id.parameters) {
    b.put(r, 0, "derived", t(p.name, lang), { wrap: true });
    b.put(r, 1, "derived", p.value);
    b.put(r, 2, "derived", p.unit);
    b.put(r, 3, "derived", p.source, { wrap: true });
    r++;
  }
  r++;
  b.put(r++, 0, "heading", ja ? "方法論の状態" : "Methodologies");
  [ja ? "方法論" : "Code", ja ? "名称" : "Name", ja ? "状態" : "Status"].forEach((h, c) =>
    b.put(r, c, "label", h),
  );
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
  r++;
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

function summary(paper: VerificationPaper, lang: Lang, footer: string): TemplateSheet {
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
  b.put(r++, 0, "heading", ja ? "3. 実施した検証手続の概要" : "3. Procedures performed");
  [
    ja ? "判断基準" : "Criterion",
    ja ? "状態" : "Status",
    ja ? "実施した検証手続と結論" : "Procedure and conclusion",
    "",
    ja ? "根拠ルール（件数）" : "Rules (count)",
  ].forEach((h, c) => b.put(r, c, "label", h));
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
  r++;
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
  return sheetOf(b, t(SHEETS.summary, lang), [30, 10, 36, 20, 26], "portrait", footer);
}

/** Where each line's chain sits on the 計算根拠 sheet (its block's first row), by line index. */
function derivationSheet(
  lines: ReportLine[],
  lang: Lang,
  footer: string,
  tableName: string,
  tableRow: (i: number) => number,
): { sheet: TemplateSheet; anchors: Map<number, number> } {
  const b = new SheetBuilder();
  const ja = lang === "ja";
  const anchors = new Map<number, number>();
  let r = 0;
  b.put(r++, 0, "title", ja ? "計算根拠（再計算の全段）" : "Derivations (every step of each recomputation)");
  r++;
  lines.forEach((l, i) => {
    if (l.derivation.length === 0 && !l.reason) return;
    anchors.set(i, r);
    b.put(r, 0, "heading", `No. ${i + 1}  ${l.facility}  ${l.column} ${l.item}  (${l.cell})`, { wrap: true });
    b.merge(r, 0, 3);
    b.put(r, 4, "note", ja ? "← 一覧表" : "← table", { link: `'${tableName}'!A${tableRow(i) + 1}` });
    r++;
    if (l.reason) {
      b.put(r, 0, "derived", t(l.reason, lang), { wrap: true });
      b.merge(r, 0, 4);
      r++;
    }
    for (const step of l.derivation) {
      b.put(r, 0, "derived", stepLine(step), { wrap: true });
      b.merge(r, 0, 2);
      b.put(
        r,
        3,
        "derived",
        step.label ? `${t(step.label, lang)}${step.unit ? ` (${step.unit})` : ""}` : "",
        {
          wrap: true,
        },
      );
      b.put(r, 4, "derived", step.cells.join(", "), { wrap: true });
      r++;
    }
    r++;
  });
  return {
    sheet: sheetOf(b, t(SHEETS.derivations, lang), [40, 40, 30, 30, 30], "landscape", footer),
    anchors,
  };
}

function table(
  paper: VerificationPaper,
  lang: Lang,
  footer: string,
  derivationsName: string,
): { sheet: TemplateSheet; derivations: TemplateSheet } {
  const b = new SheetBuilder(true);
  const ja = lang === "ja";
  b.put(0, 0, "title", ja ? "CO2削減相当量検証結果一覧表" : "CO2 reduction verification table", {
    wrap: false,
  });
  b.put(1, 0, "note", t(paper.summary, lang), { wrap: false });
  b.put(2, 0, "note", paper.notice ? t(paper.notice, lang) : "", { wrap: false });
  const header = 3;
  TABLE_COLUMNS.forEach((c, i) => b.put(header, i, "label", t(c.label, lang), { wrap: true }));
  const lines = [...paper.lines, ...paper.allocation];
  const rowOf = (i: number) => header + 1 + i;
  const { sheet: derivations, anchors } = derivationSheet(lines, lang, footer, t(SHEETS.table, lang), rowOf);
  lines.forEach((l, i) => {
    const r = rowOf(i);
    b.put(r, col("no"), "derived", i + 1);
    b.put(r, col("facility"), "derived", l.facility, { wrap: true });
    b.put(r, col("column"), "derived", l.column);
    b.put(r, col("item"), "derived", l.item, { wrap: true });
    b.put(r, col("unit"), "derived", l.unit, { wrap: true });
    b.put(r, col("cell"), "derived", l.cell);
    if (l.declaredText !== null) b.put(r, col("declared"), "derived", l.declaredText, { wrap: true });
    else
      b.put(r, col("declared"), "derived", numberCell(l.declared).value, numberFormatOf(l.declared, l.ratio));
    b.put(
      r,
      col("recomputed"),
      "derived",
      numberCell(l.recomputed).value,
      numberFormatOf(l.recomputed, l.ratio),
    );
    const diff = l.declared !== null && l.recomputed !== null ? l.declared.sub(l.recomputed) : null;
    b.put(r, col("difference"), "derived", numberCell(diff).value, numberFormatOf(diff, l.ratio));
    b.put(r, col("verdict"), "derived", t(VERDICT_TEXT[l.verdict], lang));
    b.put(r, col("materiality"), "derived", l.materiality ? t(l.materiality.message, lang) : "—", {
      wrap: true,
    });
    b.put(r, col("evidence"), "derived", l.evidence.join("\n") || (l.means === "再計算" ? "—" : ""), {
      wrap: true,
    });
    b.put(r, col("means"), "input", l.means, { choices: [...CONFIRMATION_MEANS] });
    b.put(r, col("checked"), "input", CHECKBOX[0], { choices: CHECKBOX });
    const last = l.derivation[l.derivation.length - 1];
    const anchor = anchors.get(i);
    const lastText = last ? stepLine(last) : l.reason ? t(l.reason, lang) : "";
    b.put(r, col("derivation"), "derived", lastText, {
      wrap: true,
      ...(anchor !== undefined ? { link: `'${derivationsName}'!A${anchor + 1}` } : {}),
    });
    b.put(r, col("findings"), "derived", l.findings.join(" "), { wrap: true });
  });
  const bottom = Math.max(header, rowOf(lines.length - 1));
  const right = TABLE_COLUMNS.length - 1;
  const sheet = sheetOf(
    b,
    t(SHEETS.table, lang),
    TABLE_COLUMNS.map((c) => c.width),
    "landscape",
    footer,
    {
      freeze: { rows: header + 1 },
      autoFilter: { top: header, left: 0, bottom, right },
    },
  );
  if (sheet.print) sheet.print.titleRows = { first: header, last: header };
  return { sheet, derivations };
}

function numberFormatOf(d: Decimal | null, ratio = false): Partial<TemplateCell> {
  const f = numberCell(d, ratio).numberFormat;
  return f ? { numberFormat: f } : {};
}

function findings(paper: VerificationPaper, lang: Lang, footer: string): TemplateSheet {
  const b = new SheetBuilder(true);
  const ja = lang === "ja";
  b.put(0, 0, "title", ja ? "指摘事項一覧" : "Findings log", { wrap: false });
  const counts = (["new", "open", "resolved"] as const).map(
    (s) => `${t(STATE_TEXT[s], lang)} ${paper.findings.filter((f) => f.state === s).length}`,
  );
  b.put(
    1,
    0,
    "note",
    ja
      ? `全 ${paper.findings.length} 件（${counts.join("、")}）。事業者回答・検証機関の判断・日付・状態の列に記入できます。`
      : `${paper.findings.length} findings (${counts.join(", ")}). The answer, judgement, date and state columns are for you.`,
    { wrap: false },
  );
  const header = 3;
  const cols = FINDINGS_COLUMNS.map((c) => c.key);
  FINDINGS_COLUMNS.forEach((c, i) => b.put(header, i, "label", t(c.label, lang), { wrap: true }));
  const at = (key: FindingsColumn) => cols.indexOf(key);
  paper.findings.forEach((f, i) => {
    const r = header + 1 + i;
    const open = (key: FindingsColumn, value: CellValue, extra: Partial<TemplateCell> = {}) =>
      b.put(r, at(key), "input", value, { wrap: true, ...extra });
    b.put(r, at("number"), "derived", f.number);
    b.put(r, at("category"), "derived", t(CATEGORY_TEXT[f.category], lang));
    b.put(r, at("severity"), "derived", t(SEVERITY_TEXT[f.severity], lang));
    b.put(r, at("rule"), "derived", f.rule, { wrap: true });
    b.put(r, at("cell"), "derived", f.cell);
    b.put(r, at("facility"), "derived", f.facility, { wrap: true });
    b.put(r, at("message"), "derived", t(f.message, lang), { wrap: true });
    const values =
      f.expected !== null || f.actual !== null ? `${f.expected ?? "—"} / ${f.actual ?? "—"}` : "";
    b.put(r, at("values"), "derived", values, { wrap: true });
    b.put(r, at("materiality"), "derived", f.materiality ? t(f.materiality.message, lang) : "", {
      wrap: true,
    });
    open("answer", f.answer);
    open("judgement", f.judgement);
    open("date", f.date);
    open("state", f.state === "new" || f.state === "resolved" ? t(STATE_TEXT[f.state], lang) : f.stateText, {
      choices: STATES,
    });
  });
  for (const key of VERIFIER_COLUMNS) b.right = Math.max(b.right, at(key));
  const bottom = header + Math.max(1, paper.findings.length);
  const sheet = sheetOf(
    b,
    t(SHEETS.findings, lang),
    FINDINGS_COLUMNS.map((c) => c.width),
    "landscape",
    footer,
    {
      freeze: { rows: header + 1 },
      autoFilter: { top: header, left: 0, bottom, right: FINDINGS_COLUMNS.length - 1 },
    },
  );
  if (sheet.print) sheet.print.titleRows = { first: header, last: header };
  return sheet;
}

/** The paper as a workbook, in Japanese (default) or English. */
export function paperWorkbook(paper: VerificationPaper, lang: Lang = "ja"): TemplateWorkbook {
  const id = paper.identity;
  const footer = `&P / &N · ${footerText(id.fileName)} · SHA-256 ${id.sha256.slice(0, 12)}`;
  const { sheet: list, derivations } = table(paper, lang, footer, t(SHEETS.derivations, lang));
  return {
    methodology: "",
    facilities: 0,
    sheets: [
      cover(paper, lang, footer),
      summary(paper, lang, footer),
      list,
      derivations,
      findings(paper, lang, footer),
    ],
    properties: {
      title: `${lang === "ja" ? "検証結果報告書（作業用紙）" : "Verification working paper"}: ${id.fileName}`,
      creator: TOOL_NAME,
      subject: paper.summary[lang],
      keywords: `SHA-256 ${id.sha256}`,
      description: `${TOOL_NAME} ${id.toolVersion}; rules ${id.rulesDigest}`,
    },
  };
}
