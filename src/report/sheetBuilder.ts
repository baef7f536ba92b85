// What every sheet of the working paper shares: the sheet names, the builder that places cells and merges row by row,
// and the A4 print setup with the file's identity in the footer; generated cells locked.
import type { CellValue, Message } from "../types";
import type { TemplateCell, TemplateCellKind, TemplateRow, TemplateSheet } from "../template/types";
import { rowHeight } from "../template/sheets";

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

/** Cells, merges and widths of one sheet, placed row by row. */
export class SheetBuilder {
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

  /** A table's header: its column labels along `row`, from the first column. */
  labels(row: number, texts: readonly string[]): void {
    texts.forEach((text, column) => this.put(row, column, "label", text));
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
export function tableRow(row: number, cells: TemplateCell[], widths: readonly number[]): TemplateRow {
  const height = rowHeight(cells, widths);
  return height === undefined ? { row, cells } : { row, cells, height };
}

export const t = (m: Message, lang: Lang): string => m[lang];

export function sheetOf(
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
