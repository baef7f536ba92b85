// The shape of a blank 様式3-2 workbook as data: cells by kind, merges and widths; adapters turn it into sheets.
import type { CellValue } from "../types";

/** What a template cell is for; adapters style each kind apart (inputs light yellow, derived light blue, headings bold). */
export type TemplateCellKind = "title" | "heading" | "label" | "input" | "derived" | "note";

/** One cell, 0-based row and column. `formula` is a native Excel formula ("=ROUNDDOWN(…)"), never GEC. */
export interface TemplateCell {
  row: number;
  col: number;
  value?: CellValue;
  formula?: string;
  kind: TemplateCellKind;
  numberFormat?: string;
  /** A link inside the workbook ("'計算根拠'!A12"): the cell jumps there when clicked. */
  link?: string;
  /** Unlocked under sheet protection whatever its kind (a verifier's column on a generated sheet). */
  unlocked?: boolean;
  /** Wrap long text onto several lines (a facility name is wrapped, never cut). */
  wrap?: boolean;
  /** An in-cell drop-down of these values (a 確認 checkbox: ["☐", "☑"]). */
  choices?: string[];
}

export interface TemplateMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A 0-based range of rows, inclusive. */
export interface TemplateRows {
  first: number;
  last: number;
}

/**
 * How a sheet prints, declared once for both adapters (ExcelJS pageSetup, Office.js worksheet.pageLayout): A4, scaled
 * to one page wide, `titleRows` repeated on every page. 別紙1 (a wide table) is landscape; the text sheets portrait.
 */
export interface TemplatePrint {
  paperSize: "A4";
  orientation: "landscape" | "portrait";
  fitToPagesWide: number;
  /** Pages tall to fit into; absent: as many as the width's scale takes. */
  fitToPagesTall?: number;
  /** The printed range: the sheet's cells and merges. */
  area: TemplateMerge;
  titleRows?: TemplateRows;
  /**
   * The page footer in Excel's header/footer codes, centre section: "&P / &N · file · 1a2b3c4d5e6f" (&P the page,
   * &N the pages; a literal & is written &&).
   */
  footer?: string;
}

/** One row made on demand, with its height in points where its wrapped texts need more than one line. */
export interface TemplateRow {
  row: number;
  cells: TemplateCell[];
  height?: number;
}

export interface TemplateSheet {
  name: string;
  /** The sheet's cells; with `rows`, only those above the generated rows (titles, the header). */
  cells: TemplateCell[];
  /**
   * Further rows made one at a time, in order and below every cell of `cells`: a table of a million cells (the
   * working paper of 5,000 facilities) is written without being held.
   */
  rows?: () => Iterable<TemplateRow>;
  merges: TemplateMerge[];
  /** Column widths in characters, by 0-based column (0 or missing: leave the default). */
  columnWidths?: number[];
  /** Row heights in points by 0-based row, where wrapped labels need more than one line. */
  rowHeights?: Record<number, number>;
  print?: TemplatePrint;
  /** Rows (and columns) kept in view while scrolling: the header of a long table. */
  freeze?: { rows: number; cols?: number };
  /** The header row and data range a filter drop-down sits on. */
  autoFilter?: TemplateMerge;
  /**
   * Sheet protection without a password (a guard against an accidental edit, not a secret): locked cells cannot be
   * changed, unlocked ones (inputs, `unlocked`) can; sorting, filtering and resizing stay allowed.
   */
  protect?: boolean;
}

/** The workbook's core properties (File > Info). */
export interface TemplateProperties {
  title: string;
  creator: string;
  subject?: string;
  description?: string;
  keywords?: string;
}

export interface TemplateWorkbook {
  methodology: string;
  facilities: number;
  sheets: TemplateSheet[];
  properties?: TemplateProperties;
}
