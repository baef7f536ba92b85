// The one ExcelJS adapter (Node CLI and browser page): untrusted .xlsx bytes -> Grid, WritePlan and templates -> bytes.
import * as ExcelJS from "exceljs";
import { GecError } from "../src/errors";
import type { CellValue, CellWrite, Grid, Message, SheetGrid, WritePlan } from "../src/types";
import type { TemplateCell, TemplateCellKind, TemplatePrint, TemplateWorkbook } from "../src/template/types";
import { CELL_LOOKS, freeSheetName, printRanges, renameReferences } from "../src/template/sheets";

export const MAX_XLSX_BYTES = 50 * 1024 * 1024;
/** Limits of the zip-bomb guard (declared sizes in the central directory). */
export const MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;
const MAX_RATIO = 200;
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** A dense Grid of a sheet whose used range reaches XFD1048576 would not fit in memory: refuse beyond this. */
export const MAX_GRID_CELLS = 5_000_000;

const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLS = 16_384;

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
  | "xlsx.badRef";

/** A GecError that also says which check refused the file, for callers and tests that branch on it. */
export class XlsxError extends GecError {
  readonly reason: XlsxErrorReason;
  constructor(reason: XlsxErrorReason, text: Message, argument?: string) {
    super("#VALUE!", text, argument);
    this.name = "XlsxError";
    this.reason = reason;
  }
}

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

// ---------------------------------------------------------------------------------------------------------
// Cheap checks on the raw bytes

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function corrupt(detail: Message): XlsxError {
  return new XlsxError("xlsx.corrupt", {
    ja: `ファイルが壊れているか、途中で切れています（${detail.ja}）。Excel で開いて保存し直すか、元のファイルをもう一度取得してください。`,
    en: `The file is damaged or truncated (${detail.en}). Open and re-save it in Excel, or get the original file again.`,
  });
}

/** Little-endian reads with bounds checks: a short read means a damaged file, never a RangeError. */
class Reader {
  constructor(private readonly bytes: Uint8Array) {}
  has(offset: number, length: number): boolean {
    return Number.isInteger(offset) && offset >= 0 && offset + length <= this.bytes.length;
  }
  private need(offset: number, length: number): void {
    if (!this.has(offset, length)) {
      throw corrupt({
        ja: "ZIP の目次がファイルの外を指しています",
        en: "the ZIP directory points outside the file",
      });
    }
  }
  u16(offset: number): number {
    this.need(offset, 2);
    return this.bytes[offset] | (this.bytes[offset + 1] << 8);
  }
  u32(offset: number): number {
    this.need(offset, 4);
    return (
      (this.bytes[offset] |
        (this.bytes[offset + 1] << 8) |
        (this.bytes[offset + 2] << 16) |
        (this.bytes[offset + 3] << 24)) >>>
      0
    );
  }
  /** 64-bit sizes as a number: exact below 2^53, and anything above is refused by the limits anyway. */
  u64(offset: number): number {
    return this.u32(offset) + this.u32(offset + 4) * 0x1_0000_0000;
  }
  is(offset: number, signature: number): boolean {
    return this.has(offset, 4) && this.u32(offset) === signature;
  }
  bytesEqual(offset: number, expected: number[]): boolean {
    if (!this.has(offset, expected.length)) return false;
    return expected.every((b, i) => this.bytes[offset + i] === b);
  }
}

const WORKBOOK_ENTRY = Array.from("xl/workbook.xml", (c) => c.charCodeAt(0));
const WORKBOOK_ENTRY_SLASH = [0x2f, ...WORKBOOK_ENTRY];

interface CentralDirectory {
  offset: number;
  size: number;
  entries: number;
  /** Where the directory must end: the (ZIP64) end record. */
  end: number;
}

function findCentralDirectory(r: Reader, length: number): CentralDirectory {
  // The EOCD record is 22 bytes plus a comment of up to 65535 bytes, at the very end of the file.
  let eocd = -1;
  for (let i = length - 22; i >= 0 && i >= length - 22 - 0xffff; i--) {
    if (r.is(i, SIG_EOCD)) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw corrupt({ ja: "ZIP の終端レコードがありません", en: "no ZIP end-of-central-directory record" });
  }
  let entries = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  let end = eocd;
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (r.is(locator, SIG_ZIP64_LOCATOR)) {
      const zip64 = r.u64(locator + 8);
      if (!r.is(zip64, SIG_ZIP64_EOCD)) {
        throw corrupt({ ja: "ZIP64 の終端レコードが見つかりません", en: "ZIP64 end record not found" });
      }
      entries = r.u64(zip64 + 32);
      size = r.u64(zip64 + 40);
      offset = r.u64(zip64 + 48);
      end = zip64;
    }
  }
  return { offset, size, entries, end };
}

/** Throws unless the bytes look like an .xlsx whose declared contents are of a sane size. */
export function inspectXlsx(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw new XlsxError("xlsx.empty", {
      ja: "ファイルが空です（0 バイト）。保存し直したブックを選んでください。",
      en: "The file is empty (0 bytes). Choose a saved workbook.",
    });
  }
  if (bytes.length > MAX_XLSX_BYTES) {
    throw new XlsxError("xlsx.tooLarge", {
      ja: `ファイルが大きすぎます（${mb(bytes.length)} MB、上限 ${mb(MAX_XLSX_BYTES)} MB）。様式3-2 のブックか確認し、不要なシートや画像を削除してください。`,
      en: `The file is too large (${mb(bytes.length)} MB, limit ${mb(MAX_XLSX_BYTES)} MB). Check that it is a Form 3-2 workbook and remove unneeded sheets or images.`,
    });
  }
  const r = new Reader(bytes);
  if (r.bytesEqual(0, OLE_MAGIC)) {
    throw new XlsxError("xlsx.legacyOrEncrypted", {
      ja: "古い形式（.xls）か、パスワードで保護されたブックです。Excel でパスワードを外し、「Excel ブック (*.xlsx)」で保存し直してください。",
      en: "This is an old-format (.xls) or password-protected workbook. Remove the password in Excel and save as “Excel Workbook (*.xlsx)”.",
    });
  }
  if (!r.is(0, SIG_LOCAL)) {
    throw new XlsxError("xlsx.notZip", {
      ja: "Excel ブック（.xlsx）ではありません。.xlsx ファイルを選んでください（.xls・.csv・PDF は読めません）。",
      en: "This is not an Excel workbook (.xlsx). Choose an .xlsx file (.xls, .csv and PDF cannot be read).",
    });
  }

  const cd = findCentralDirectory(r, bytes.length);
  // Data prepended to the archive shifts every offset; JSZip tolerates it, so find the directory the same way.
  let at = cd.offset;
  if (!r.is(at, SIG_CENTRAL) && cd.entries > 0) at = cd.end - cd.size;
  if (cd.entries > 0 && !r.is(at, SIG_CENTRAL)) {
    throw corrupt({ ja: "ZIP の目次が見つかりません", en: "ZIP central directory not found" });
  }

  let count = 0;
  let total = 0;
  let hasWorkbook = false;
  // Walk by signature, as JSZip does, so that a lying entry count cannot hide entries.
  while (r.is(at, SIG_CENTRAL)) {
    count++;
    if (count > MAX_ZIP_ENTRIES) throw tooManyEntries(count);
    let compressed = r.u32(at + 20);
    let uncompressed = r.u32(at + 24);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    const name = at + 46;
    if (!r.has(name, nameLength + extraLength + commentLength)) {
      throw corrupt({ ja: "ZIP の目次が途中で切れています", en: "the ZIP directory is cut short" });
    }
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) {
      // ZIP64 extended information: only the fields that overflowed, uncompressed first.
      for (let e = name + nameLength; e + 4 <= name + nameLength + extraLength;) {
        const id = r.u16(e);
        const size = r.u16(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressed === 0xffffffff && f + 8 <= e + 4 + size) {
            uncompressed = r.u64(f);
            f += 8;
          }
          if (compressed === 0xffffffff && f + 8 <= e + 4 + size) compressed = r.u64(f);
          break;
        }
        e += 4 + size;
      }
    }
    total += uncompressed;
    if (
      total > MAX_UNCOMPRESSED_BYTES ||
      (uncompressed > RATIO_FLOOR_BYTES && uncompressed > compressed * MAX_RATIO)
    ) {
      throw new XlsxError("xlsx.zipBomb", {
        ja: `圧縮されたデータが異常に大きく展開されます（展開後 ${mb(total)} MB 以上）。安全のため読み込みません。作成元に確認し、Excel で保存し直したブックを使ってください。`,
        en: `The compressed contents expand to an abnormal size (${mb(total)} MB or more); refused for safety. Check the file's origin and use a workbook re-saved in Excel.`,
      });
    }
    if (
      (nameLength === WORKBOOK_ENTRY.length && r.bytesEqual(name, WORKBOOK_ENTRY)) ||
      (nameLength === WORKBOOK_ENTRY_SLASH.length && r.bytesEqual(name, WORKBOOK_ENTRY_SLASH))
    ) {
      hasWorkbook = true;
    }
    at = name + nameLength + extraLength + commentLength;
  }
  if (!hasWorkbook) {
    throw new XlsxError("xlsx.notXlsx", {
      ja: "ZIP ファイルですが Excel ブックではありません（xl/workbook.xml がありません。Word や PowerPoint のファイルではありませんか）。.xlsx ファイルを選んでください。",
      en: "This is a ZIP file but not an Excel workbook (no xl/workbook.xml; is it a Word or PowerPoint file?). Choose an .xlsx file.",
    });
  }
}

function tooManyEntries(n: number): XlsxError {
  return new XlsxError("xlsx.tooManyEntries", {
    ja: `ZIP 内のファイル数が多すぎます（${n} 個以上、上限 ${MAX_ZIP_ENTRIES}）。様式3-2 のブックか確認してください。`,
    en: `The archive holds too many entries (${n} or more, limit ${MAX_ZIP_ENTRIES}). Check that this is a Form 3-2 workbook.`,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Load and save

/** An empty workbook, so that callers need not import ExcelJS themselves (the CLI's `gec template`). */
export function newWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  inspectXlsx(bytes);
  // A private ArrayBuffer copy: ExcelJS's typings want one, and JSZip reads it the same in Node and browsers.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(copy.buffer);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw corrupt({ ja: why, en: why });
  }
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out: unknown = await wb.xlsx.writeBuffer();
  // Node gives a Buffer, browsers an ArrayBuffer or Uint8Array: return a plain Uint8Array of its own.
  if (out instanceof ArrayBuffer) return new Uint8Array(out.slice(0));
  if (ArrayBuffer.isView(out)) {
    const view = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    const copy = new Uint8Array(view.byteLength);
    copy.set(view);
    return copy;
  }
  throw new XlsxError("xlsx.corrupt", {
    ja: "ブックを書き出せませんでした。",
    en: "The workbook could not be written.",
  });
}

// ---------------------------------------------------------------------------------------------------------
// Workbook -> Grid

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 1904 date system: serial 0 is 1904-01-01, 1462 days after the 1900 system's. */
const DATE1904_OFFSET_DAYS = 1462;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function richTextOf(v: unknown): string | null {
  if (!isRecord(v) || !Array.isArray(v.richText)) return null;
  return v.richText
    .map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : ""))
    .join("");
}

function dateSerial(d: Date, date1904: boolean): CellValue {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return null;
  return (ms - EXCEL_EPOCH_MS) / DAY_MS - (date1904 ? DATE1904_OFFSET_DAYS : 0);
}

/** A cell's plain value (not a formula) as the core sees it. */
function plainValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateSerial(v, date1904);
  if (!isRecord(v)) return null;
  const rich = richTextOf(v);
  if (rich !== null) return rich;
  if (typeof v.error === "string") return v.error;
  if ("hyperlink" in v) {
    if (typeof v.text === "string") return v.text;
    return richTextOf(v.text) ?? null;
  }
  return null;
}

interface ReadCell {
  value: CellValue;
  formula: string | null;
  numFmt: string | null;
}

function readCell(cell: ExcelJS.Cell, date1904: boolean): ReadCell {
  const numFmt = typeof cell.numFmt === "string" && cell.numFmt !== "" ? cell.numFmt : null;
  // ExcelJS reports a merged range's other cells with the master's value; only the master holds it.
  if (cell.isMerged && cell.master !== cell) return { value: null, formula: null, numFmt };
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.formula resolves shared formulas to this cell's own references.
    const f: unknown = cell.formula;
    return {
      value: plainValue(cell.result, date1904),
      formula: typeof f === "string" && f !== "" ? `=${f}` : null,
      numFmt,
    };
  }
  return { value: plainValue(cell.value, date1904), formula: null, numFmt };
}

function sheetToGrid(ws: ExcelJS.Worksheet, date1904: boolean, budget: { cells: number }): SheetGrid {
  const cells: { row: number; col: number; read: ReadCell }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ row: r, col: c, read: readCell(cell, date1904) });
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  if (cells.length === 0) {
    return { name: ws.name, values: [], formulas: [], numberFormats: [], origin: { row: 0, col: 0 } };
  }
  // Like Office.js getUsedRange: the grid starts at the used range's top-left cell.
  const height = bottom - top + 1;
  const width = right - left + 1;
  budget.cells -= height * width;
  if (budget.cells < 0) {
    throw new XlsxError("xlsx.gridTooLarge", {
      ja: `シート「${ws.name}」の使用範囲が広すぎます（${height} 行 × ${width} 列）。表の外の不要なセルを削除して保存し直してください。`,
      en: `The used range of sheet "${ws.name}" is too large (${height} rows × ${width} columns). Delete stray cells outside the tables and save again.`,
    });
  }
  const nulls = <T>(): (T | null)[][] =>
    Array.from({ length: height }, () => new Array<T | null>(width).fill(null));
  const values = nulls<CellValue>();
  const formulas = nulls<string>();
  const numberFormats = nulls<string>();
  for (const { row, col, read } of cells) {
    values[row - top][col - left] = read.value;
    formulas[row - top][col - left] = read.formula;
    numberFormats[row - top][col - left] = read.numFmt;
  }
  return { name: ws.name, values, formulas, numberFormats, origin: { row: top, col: left } };
}

export function workbookToGrid(wb: ExcelJS.Workbook): Grid {
  const date1904 = wb.properties?.date1904 === true;
  const budget = { cells: MAX_GRID_CELLS };
  const sheets: SheetGrid[] = [];
  for (const ws of wb.worksheets) {
    try {
      sheets.push(sheetToGrid(ws, date1904, budget));
    } catch (e) {
      if (e instanceof GecError) throw e;
      // e.g. a shared formula whose master is missing or refers back to itself.
      const why = e instanceof Error ? e.message : String(e);
      throw corrupt({ ja: `シート「${ws.name}」: ${why}`, en: `sheet "${ws.name}": ${why}` });
    }
  }
  return { sheets };
}

// ---------------------------------------------------------------------------------------------------------
// WritePlan -> cells

function checkRef(write: CellWrite): void {
  const { row, col } = write.ref;
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0) {
    throw badRef(write, "row/col");
  }
  if (row >= EXCEL_MAX_ROWS || col >= EXCEL_MAX_COLS) throw badRef(write, "range");
}

function badRef(write: CellWrite, what: string): XlsxError {
  const at = `${write.ref.sheet} (${write.ref.row}, ${write.ref.col})`;
  return new XlsxError(
    "xlsx.badRef",
    {
      ja: `書き込み先のセルが正しくありません: ${at}（${what}）。`,
      en: `Invalid cell to write: ${at} (${what}).`,
    },
    write.ref.sheet,
  );
}

/** Writes every planned cell and nothing else; a cell keeps its style. Checks all refs before writing any. */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const targets = plan.map((write) => {
    checkRef(write);
    const ws = wb.getWorksheet(write.ref.sheet);
    if (ws === undefined) {
      throw new XlsxError(
        "xlsx.noSheet",
        {
          ja: `シート「${write.ref.sheet}」がブックにありません。シート名を変えていないか確認してください。`,
          en: `The workbook has no sheet "${write.ref.sheet}". Check that the sheet was not renamed.`,
        },
        write.ref.sheet,
      );
    }
    return { write, ws };
  });
  let wroteFormula = false;
  for (const { write, ws } of targets) {
    const cell = ws.getCell(write.ref.row + 1, write.ref.col + 1);
    if (write.formula !== undefined && write.formula !== "") {
      const formula = write.formula.startsWith("=") ? write.formula.slice(1) : write.formula;
      // A known result is cached so that readers which never recalculate still see the number.
      const result = write.value;
      cell.value =
        result === undefined || result === null
          ? { formula }
          : ({ formula, result } satisfies ExcelJS.CellFormulaValue);
      wroteFormula = true;
    } else {
      cell.value = write.value ?? null;
    }
    if (write.numberFormat !== undefined) cell.numFmt = write.numberFormat;
  }
  if (wroteFormula) markFullCalc(wb);
}

function markFullCalc(wb: ExcelJS.Workbook): void {
  // calcProperties may be absent on a workbook read from a file that had no <calcPr>.
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
}

// ---------------------------------------------------------------------------------------------------------
// Templates -> new sheets

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** How each kind looks (src/template CELL_LOOKS): inputs light yellow and unlocked, derived light blue. */
function styleCell(cell: ExcelJS.Cell, kind: TemplateCellKind): void {
  const look = CELL_LOOKS[kind];
  if (look.bold || look.size || look.fontColor) {
    const font: Partial<ExcelJS.Font> = {};
    if (look.bold) font.bold = true;
    if (look.size) font.size = look.size;
    if (look.fontColor) font.color = { argb: `FF${look.fontColor}` };
    cell.font = font;
  }
  if (look.fill) cell.fill = solid(`FF${look.fill}`);
  if (look.border) cell.border = THIN;
  if (look.wrap) cell.alignment = { wrapText: true, vertical: "middle" };
  if (look.unlocked) cell.protection = { locked: false };
}

function writeTemplateCell(ws: ExcelJS.Worksheet, c: TemplateCell, renames: Map<string, string>): boolean {
  const cell = ws.getCell(c.row + 1, c.col + 1);
  let formula = false;
  if (c.formula !== undefined && c.formula !== "") {
    const f = renameReferences(c.formula.startsWith("=") ? c.formula.slice(1) : c.formula, renames);
    cell.value = { formula: f };
    formula = true;
  } else if (c.value !== undefined && c.value !== null) {
    cell.value = c.value;
  }
  styleCell(cell, c.kind);
  if (c.numberFormat !== undefined) cell.numFmt = c.numberFormat;
  return formula;
}

/** Adds the template's sheets after the existing ones, never over them ("別紙1 (2)" when taken). */
/** The template's page setup (src/template: A4 landscape, one page wide, print area and title rows). */
function applyPrint(ws: ExcelJS.Worksheet, print: TemplatePrint): void {
  const { area, titleRows } = printRanges(print);
  ws.pageSetup.paperSize = 9 as ExcelJS.PaperSize; // A4 (ExcelJS's PaperSize is a const enum)
  ws.pageSetup.orientation = print.orientation;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = print.fitToPagesWide;
  ws.pageSetup.fitToHeight = print.fitToPagesTall ?? 0; // 0: as many pages tall as it takes
  ws.pageSetup.printArea = area.replace(/([A-Z]+)(\d+)/g, "$1$$$2"); // ExcelJS adds the column's $, not the row's
  if (titleRows) ws.pageSetup.printTitlesRow = `${titleRows.first}:${titleRows.last}`;
}

export function addTemplate(wb: ExcelJS.Workbook, template: TemplateWorkbook): string[] {
  const taken = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  const renames = new Map<string, string>();
  const names = template.sheets.map((sheet) => {
    const name = freeSheetName(sheet.name, taken);
    taken.add(name.toLowerCase());
    if (name !== sheet.name) renames.set(sheet.name, name);
    return name;
  });
  let anyFormula = false;
  template.sheets.forEach((sheet, i) => {
    const ws = wb.addWorksheet(names[i]);
    for (const c of sheet.cells) {
      if (writeTemplateCell(ws, c, renames)) anyFormula = true;
    }
    for (const m of sheet.merges) {
      if (m.bottom > m.top || m.right > m.left)
        ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
    sheet.columnWidths?.forEach((width, col) => {
      if (width > 0) ws.getColumn(col + 1).width = width;
    });
    for (const [row, height] of Object.entries(sheet.rowHeights ?? {}))
      ws.getRow(Number(row) + 1).height = height;
    if (sheet.print) applyPrint(ws, sheet.print);
  });
  if (anyFormula) markFullCalc(wb);
  return names;
}
