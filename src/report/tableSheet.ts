// 検証結果一覧表: one row per line, declared against recomputed, with the verifier's 確認手段 and 確認 cells and a link
// to the line's block on the 計算根拠 sheet (which it plans and builds alongside).
import { stepLine } from "../formula";
import type { Decimal } from "../numbers";
import type { CellValue, Message } from "../types";
import type { TemplateCell, TemplateRow, TemplateSheet } from "../template/types";
import { CONFIRMATION_MEANS } from "./model";
import type { ReportLine, VerificationPaper, Verdict } from "./model";
import { derivationSheet, planDerivations } from "./derivationsSheet";
import { SHEETS, SheetBuilder, sheetOf, t, tableRow } from "./sheetBuilder";
import type { Lang } from "./sheetBuilder";

export const VERDICT_TEXT: Record<Verdict, Message> = {
  agrees: { ja: "一致", en: "agrees" },
  differs: { ja: "不一致", en: "differs" },
  notComputable: { ja: "計算不能", en: "cannot be computed" },
  input: { ja: "入力値", en: "input" },
};

/** 確認: an open box the verifier ticks. */
export const CHECKBOX = ["☐", "☑"];

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

export function table(
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
