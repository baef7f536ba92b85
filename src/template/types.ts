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
}

export interface TemplateSheet {
  name: string;
  cells: TemplateCell[];
  merges: TemplateMerge[];
  /** Column widths in characters, by 0-based column (0 or missing: leave the default). */
  columnWidths?: number[];
  /** Row heights in points by 0-based row, where wrapped labels need more than one line. */
  rowHeights?: Record<number, number>;
  print?: TemplatePrint;
}

export interface TemplateWorkbook {
  methodology: string;
  facilities: number;
  sheets: TemplateSheet[];
}
