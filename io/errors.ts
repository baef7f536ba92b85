// Why an .xlsx was refused: limits, the XlsxError type and its bilingual messages (no ExcelJS, no Node APIs).
import { EXCEL_MAX_COLS as GRID_COLS, EXCEL_MAX_ROWS as GRID_ROWS } from "../src/forms/a1";
import { GecError } from "../src/errors";
import type { Message } from "../src/types";

export const MAX_XLSX_BYTES = 50 * 1024 * 1024;
/** Limits of the zip-bomb guard (declared sizes in the central directory). */
export const MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_RATIO = 200;
export const RATIO_FLOOR_BYTES = 1024 * 1024;
/**
 * A dense Grid of a sheet whose used range reaches XFD1048576 would not fit in memory: refuse beyond this many
 * cells of used range, summed over the sheets (3 dense arrays of 2 M slots stay well under 150 MiB).
 */
export const MAX_GRID_CELLS = 2_000_000;

/**
 * Budgets of the streaming reader, counted while inflating and parsing (declared sizes are never trusted).
 * A 10,000-row 様式3-2 sheet is about 9 MB of XML, 260,000 cells and 600,000 XML nodes.
 */
export const BUDGET = {
  /** Inflated bytes of one part that is read (a sheet, the shared strings, the styles). */
  entryBytes: 32 * 1024 * 1024,
  /** Inflated bytes of all parts read together. */
  totalBytes: 64 * 1024 * 1024,
  /** Bytes of one text or attribute value (the XML scanner holds it whole until it ends). */
  runBytes: 4 * 1024 * 1024,
  /** XML elements over all parts read. */
  xmlNodes: 8_000_000,
  /** `<c>` elements over all sheets. */
  cells: 600_000,
  /** Merged ranges over all sheets. */
  merges: 100_000,
  /** Data validations and conditional formats over all sheets (not read, only counted). */
  validations: 10_000,
  /** Defined names (not read, only counted). */
  definedNames: 10_000,
  /** Shared strings. */
  sharedStrings: 1_000_000,
  /** Worksheets. */
  sheets: 255,
  /**
   * Characters of formula text in the Grid, a shared formula counted once per cell of its group (each cell gets
   * its own moved text). 10,000 rows of 8 formulas of 100 characters are 8 M; a workbook just under the
   * limit takes `gec fill --formulas` about 3 s and 190 MiB.
   */
  formulaChars: 16 * 1024 * 1024,
  /** Wall-clock time of one read, milliseconds. */
  ms: 8_000,
};

/** Excel's grid (src/forms/a1.ts), as plain constants: the reader reads them per cell, and a re-export is a getter. */
export const EXCEL_MAX_ROWS = GRID_ROWS;
export const EXCEL_MAX_COLS = GRID_COLS;

/** Why a file was refused; `code` of the GecError stays "#VALUE!" (ErrorCode has no room for these). */
export type XlsxErrorReason =
  | "xlsx.empty"
  | "xlsx.tooLarge"
  | "xlsx.legacyOrEncrypted"
  | "xlsx.notZip"
  | "xlsx.corrupt"
  | "xlsx.zipBomb"
  | "xlsx.tooManyEntries"
  | "xlsx.notXlsx"
  | "xlsx.gridTooLarge"
  | "xlsx.noSheet"
  | "xlsx.badRef"
  | "xlsx.overBudget"
  | "xlsx.unsafeName"
  | "xlsx.writeFailed"
  | "xlsx.badValue";

/** A GecError that also says which check refused the file, for callers and tests that branch on it. */
export class XlsxError extends GecError {
  readonly reason: XlsxErrorReason;
  constructor(reason: XlsxErrorReason, text: Message, argument?: string) {
    super("#VALUE!", text, argument);
    this.name = "XlsxError";
    this.reason = reason;
  }
}

export const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

/** Refuses a file of more than MAX_XLSX_BYTES; called with a File's size before any of it is read. */
export function checkFileSize(bytes: number): void {
  if (!(bytes <= MAX_XLSX_BYTES)) {
    throw new XlsxError("xlsx.tooLarge", {
      ja: `ファイルが大きすぎます（${mb(bytes)} MB、上限 ${mb(MAX_XLSX_BYTES)} MB）。様式3-2 のブックか確認し、不要なシートや画像を削除してください。`,
      en: `The file is too large (${mb(bytes)} MB, limit ${mb(MAX_XLSX_BYTES)} MB). Check that it is a Form 3-2 workbook and remove unneeded sheets or images.`,
    });
  }
}

export function corrupt(detail: Message): XlsxError {
  return new XlsxError("xlsx.corrupt", {
    ja: `ファイルが壊れているか、途中で切れています（${detail.ja}）。Excel で開いて保存し直すか、元のファイルをもう一度取得してください。`,
    en: `The file is damaged or truncated (${detail.en}). Open and re-save it in Excel, or get the original file again.`,
  });
}

/** A budget of the streaming reader was exceeded: what, how much, and what to do. */
export function overBudget(what: Message, limit: number): XlsxError {
  const n = limit.toLocaleString("en-US");
  return new XlsxError("xlsx.overBudget", {
    ja: `${what.ja}が上限（${n}）を超えています。安全のため読み込みません。様式3-2 のブックか確認し、不要なシート・セル・書式を削除して Excel で保存し直してください。`,
    en: `${what.en} exceed the limit (${n}); refused for safety. Check that this is a Form 3-2 workbook, delete unneeded sheets, cells or formats, and re-save it in Excel.`,
  });
}
