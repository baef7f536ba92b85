// The working paper as a workbook: 表紙 (opinion and identity), 概要書, 検証結果一覧表, 計算根拠 and 指摘事項一覧, laid out
// for A4 with the file's identity in every footer; generated cells locked, the verifier's cells open.
import { stepLine } from "../formula";
import type { DerivationStep } from "../formula";
import type { Decimal } from "../numbers";
import type { CellValue, Message } from "../types";
import type {
  TemplateCell,
  TemplateCellKind,
  TemplateRow,
  TemplateSheet,
  TemplateWorkbook,
} from "../template/types";
import { rowHeight } from "../template/sheets";
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

  /** Each row's height for its wrapped texts (see rowHeight). */
  rowHeights(widths: number[]): Record<number, number> {
    const byRow = new Map<number, TemplateCell[]>();
    for (const c of this.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
    const heights: Record<number, number> = {};
    for (const [row, cells] of byRow) {
      const h = rowHeight(cells, widths, this.merges);
      if (h !== undefined) heights[row] = h;
    }
    return heights;
  }
}

/** A generated row: its cells, each wrapping at the top, and the height they need. */
function tableRow(row: number, cells: TemplateCell[], widths: readonly number[]): TemplateRow {
  const height = rowHeight(cells, widths);
  return height === undefined ? { row, cells } : { row, cells, height };
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
  extra: Partial<TemplateSheet> & { bottom?: number } = {},
): TemplateSheet {
  const { bottom, ...rest } = extra;
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
      area: {
        top: 0,
        left: 0,
        bottom: Math.max(builder.bottom, bottom ?? 0),
        right: Math.max(builder.right, widths.length - 1),
      },
      footer,
    },
    protect: true,
    ...rest,
  };
}

function cover(paper: VerificationPaper, lang: Lang, footer: string): TemplateSheet {
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
  [
    ja ? "名称" : "Name",
    ja ? "値" : "Value",
    ja ? "単位" : "Unit",
    ja ? "出典・版" : "Source and vintage",
  ].forEach((h, c) => b.put(r, c, "label", h));
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
  return r + 1;
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
  r = summaryProcedures(b, r, paper, lang);
  summaryAttachments(b, r, paper, lang);
  return sheetOf(b, t(SHEETS.summary, lang), [30, 10, 36, 20, 26], "portrait", footer);
}

/** 3.: each criterion, its status (a choice), the procedure and the rules behind it. */
function summaryProcedures(b: SheetBuilder, from: number, paper: VerificationPaper, lang: Lang): number {
  const ja = lang === "ja";
  let r = from;
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

/** A derivation step as the 計算根拠 sheet shows it once per facility. */
const stepKey = (step: DerivationStep): string =>
  `${step.symbol}|${step.formula}|${step.result}|${step.cells.join(",")}`;

/**
 * The 計算根拠 sheet's blocks, planned before any cell is made (the 一覧表 links into them): each line's block shows
 * the steps its facility's earlier blocks have not shown, and names the ones they have ("前段"), so a facility's
 * chain is on the sheet once, in order.
 */
interface DerivationBlock {
  line: number;
  /** The block's first row (its heading). */
  row: number;
  steps: DerivationStep[];
  earlier: string[];
}

function planDerivations(lines: ReportLine[], firstRow: number): DerivationBlock[] {
  const shown = new Map<number | null, Set<string>>();
  const blocks: DerivationBlock[] = [];
  let r = firstRow;
  lines.forEach((l, i) => {
    if (l.derivation.length === 0 && !l.reason) return;
    const seen = shown.get(l.facilityIndex) ?? new Set<string>();
    shown.set(l.facilityIndex, seen);
    const last = l.derivation[l.derivation.length - 1];
    const steps = l.derivation.filter((step) => step === last || !seen.has(stepKey(step)));
    const earlier = [
      ...new Set(
        l.derivation.filter((step) => !steps.includes(step)).map((step) => step.partOf ?? step.symbol),
      ),
    ];
    for (const step of l.derivation) seen.add(stepKey(step));
    blocks.push({ line: i, row: r, steps, earlier });
    r += 1 + (l.reason ? 1 : 0) + (earlier.length > 0 ? 1 : 0) + steps.length + 1;
  });
  return blocks;
}

const DERIVATION_WIDTHS = [100, 34, 30];

function derivationSheet(
  lines: ReportLine[],
  blocks: DerivationBlock[],
  lang: Lang,
  footer: string,
  tableName: string,
  tableRowOf: (i: number) => number,
): TemplateSheet {
  const b = new SheetBuilder();
  const ja = lang === "ja";
  b.put(0, 0, "title", ja ? "計算根拠（再計算の全段）" : "Derivations (every step of each recomputation)");
  const last = blocks[blocks.length - 1];
  const bottom = last ? last.row + 1 + last.steps.length + 2 : 1;
  // no merged cells: a paper of 5,000 facilities has 60,000 blocks, and writers check each merge against the others
  function* rows(): Generator<TemplateRow> {
    for (const block of blocks) {
      const l = lines[block.line];
      let r = block.row;
      const w = DERIVATION_WIDTHS;
      yield tableRow(
        r++,
        [
          {
            row: block.row,
            col: 0,
            kind: "heading",
            value: `No. ${block.line + 1}  ${l.facility}  ${l.column} ${l.item}  (${l.cell})`,
            wrap: true,
          },
          {
            row: block.row,
            col: 2,
            kind: "note",
            value: ja ? "← 一覧表" : "← table",
            link: `'${tableName}'!A${tableRowOf(block.line) + 1}`,
          },
        ],
        w,
      );
      if (l.reason)
        yield tableRow(r, [{ row: r++, col: 0, kind: "derived", value: t(l.reason, lang), wrap: true }], w);
      if (block.earlier.length > 0) {
        const text = ja
          ? `前段: ${block.earlier.join("、")}（この施設の上のブロック）`
          : `Earlier steps: ${block.earlier.join(", ")} (this facility's blocks above)`;
        yield tableRow(r, [{ row: r++, col: 0, kind: "note", value: text, wrap: true }], w);
      }
      for (const step of block.steps) {
        const label = step.label ? `${t(step.label, lang)}${step.unit ? ` (${step.unit})` : ""}` : "";
        yield tableRow(
          r,
          [
            { row: r, col: 0, kind: "derived", value: stepLine(step), wrap: true },
            { row: r, col: 1, kind: "derived", value: label, wrap: true },
            { row: r, col: 2, kind: "derived", value: step.cells.join(", "), wrap: true },
          ],
          w,
        );
        r++;
      }
    }
  }
  return sheetOf(b, t(SHEETS.derivations, lang), DERIVATION_WIDTHS, "landscape", footer, { rows, bottom });
}

const TABLE_WIDTHS = TABLE_COLUMNS.map((c) => c.width);

/** One 一覧表 row: blank cells left out (a paper of 5,000 facilities has 55,000 lines), the verifier's cells always. */
function lineRow(
  l: ReportLine,
  i: number,
  r: number,
  lang: Lang,
  anchor: number | undefined,
  derivationsName: string,
): TemplateRow {
  const cells: TemplateCell[] = [];
  const put = (key: TableColumn, value: CellValue, extra: Partial<TemplateCell> = {}) => {
    if (value === null || value === "") return;
    cells.push({ row: r, col: col(key), kind: "derived", value, wrap: true, ...extra });
  };
  put("no", i + 1);
  put("facility", l.facility);
  put("column", l.column);
  put("item", l.item);
  put("unit", l.unit);
  put("cell", l.cell);
  if (l.declaredText !== null) put("declared", l.declaredText);
  else put("declared", numberCell(l.declared).value, numberFormatOf(l.declared, l.ratio));
  put("recomputed", numberCell(l.recomputed).value, numberFormatOf(l.recomputed, l.ratio));
  const diff = l.declared !== null && l.recomputed !== null ? l.declared.sub(l.recomputed) : null;
  put("difference", numberCell(diff).value, numberFormatOf(diff, l.ratio));
  put("verdict", t(VERDICT_TEXT[l.verdict], lang));
  put("materiality", l.materiality ? t(l.materiality.message, lang) : "—");
  put("evidence", l.evidence.join("\n") || (l.means === "再計算" ? "—" : ""));
  cells.push({ row: r, col: col("means"), kind: "input", value: l.means, choices: MEANS });
  cells.push({ row: r, col: col("checked"), kind: "input", value: CHECKBOX[0], choices: CHECKBOX });
  const last = l.derivation[l.derivation.length - 1];
  const lastText = last ? stepLine(last) : l.reason ? t(l.reason, lang) : "";
  put("derivation", lastText, anchor !== undefined ? { link: `'${derivationsName}'!A${anchor + 1}` } : {});
  put("findings", l.findings.join(" "));
  return tableRow(r, cells, TABLE_WIDTHS);
}

const MEANS = [...CONFIRMATION_MEANS];

function table(
  paper: VerificationPaper,
  lang: Lang,
  footer: string,
  derivationsName: string,
): { sheet: TemplateSheet; derivations: TemplateSheet } {
  const b = new SheetBuilder();
  const ja = lang === "ja";
  b.put(0, 0, "title", ja ? "CO2削減相当量検証結果一覧表" : "CO2 reduction verification table");
  b.put(1, 0, "note", t(paper.summary, lang));
  b.put(2, 0, "note", paper.notice ? t(paper.notice, lang) : "");
  const header = 3;
  TABLE_COLUMNS.forEach((c, i) => b.put(header, i, "label", t(c.label, lang), { wrap: true }));
  const lines = [...paper.lines, ...paper.allocation];
  const rowOf = (i: number) => header + 1 + i;
  const blocks = planDerivations(lines, 2);
  const anchors = new Map(blocks.map((x) => [x.line, x.row]));
  const derivations = derivationSheet(lines, blocks, lang, footer, t(SHEETS.table, lang), rowOf);
  function* rows(): Generator<TemplateRow> {
    for (let i = 0; i < lines.length; i++)
      yield lineRow(lines[i], i, rowOf(i), lang, anchors.get(i), derivationsName);
  }
  const bottom = Math.max(header, rowOf(lines.length - 1));
  const right = TABLE_COLUMNS.length - 1;
  const sheet = sheetOf(b, t(SHEETS.table, lang), TABLE_WIDTHS, "landscape", footer, {
    rows,
    bottom,
    freeze: { rows: header + 1 },
    autoFilter: { top: header, left: 0, bottom, right },
  });
  if (sheet.print) sheet.print.titleRows = { first: header, last: header };
  return { sheet, derivations };
}

function numberFormatOf(d: Decimal | null, ratio = false): Partial<TemplateCell> {
  const f = numberCell(d, ratio).numberFormat;
  return f ? { numberFormat: f } : {};
}

const FINDINGS_WIDTHS = FINDINGS_COLUMNS.map((c) => c.width);

function findings(paper: VerificationPaper, lang: Lang, footer: string): TemplateSheet {
  const b = new SheetBuilder();
  const ja = lang === "ja";
  b.put(0, 0, "title", ja ? "指摘事項一覧" : "Findings log");
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
  );
  const header = 3;
  const cols = FINDINGS_COLUMNS.map((c) => c.key);
  FINDINGS_COLUMNS.forEach((c, i) => b.put(header, i, "label", t(c.label, lang), { wrap: true }));
  const at = (key: FindingsColumn) => cols.indexOf(key);
  function* rows(): Generator<TemplateRow> {
    for (let i = 0; i < paper.findings.length; i++) {
      const f = paper.findings[i];
      const r = header + 1 + i;
      const cells: TemplateCell[] = [];
      const put = (key: FindingsColumn, value: CellValue, kind: TemplateCellKind = "derived") =>
        cells.push({ row: r, col: at(key), kind, value, wrap: true });
      put("number", f.number);
      put("category", t(CATEGORY_TEXT[f.category], lang));
      put("severity", t(SEVERITY_TEXT[f.severity], lang));
      put("rule", f.rule);
      put("cell", f.cell);
      put("facility", f.facility);
      put("message", t(f.message, lang));
      put(
        "values",
        f.expected !== null || f.actual !== null ? `${f.expected ?? "—"} / ${f.actual ?? "—"}` : "",
      );
      put("materiality", f.materiality ? t(f.materiality.message, lang) : "");
      put("answer", f.answer, "input");
      put("judgement", f.judgement, "input");
      put("date", f.date, "input");
      put(
        "state",
        f.state === "new" || f.state === "resolved" ? t(STATE_TEXT[f.state], lang) : f.stateText,
        "input",
      );
      cells[cells.length - 1].choices = STATES;
      yield tableRow(r, cells, FINDINGS_WIDTHS);
    }
  }
  for (const key of VERIFIER_COLUMNS) b.right = Math.max(b.right, at(key));
  const bottom = header + Math.max(1, paper.findings.length);
  const sheet = sheetOf(b, t(SHEETS.findings, lang), FINDINGS_WIDTHS, "landscape", footer, {
    rows,
    bottom,
    freeze: { rows: header + 1 },
    autoFilter: { top: header, left: 0, bottom, right: FINDINGS_COLUMNS.length - 1 },
  });
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
