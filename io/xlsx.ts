// The ExcelJS adapter: templates and the ExcelJS reading kept as the reference the streaming reader is tested against.
import * as ExcelJS from "exceljs";
import { GecError } from "../src/errors";
import type { CellValue, CellWrite, Grid, SheetGrid, WritePlan } from "../src/types";
import type {
  TemplateCell,
  TemplateCellKind,
  TemplatePrint,
  TemplateProperties,
  TemplateSheet,
  TemplateWorkbook,
} from "../src/template/types";
import { cellAddress } from "../src/forms/a1";
import { CELL_LOOKS, freeSheetName, printRanges, renameReferences } from "../src/template/sheets";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, MAX_GRID_CELLS, XlsxError, corrupt } from "./errors";
import { inspectXlsx } from "./inspect";

export * from "./errors";
export { inspectXlsx } from "./inspect";
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
  } catch {
    // ExcelJS's own words ("Bug : uncompressed data size mismatch") mean nothing to the user
    throw corrupt({ ja: "ブックの中身を読めません", en: "the workbook's contents cannot be read" });
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
      const grid = sheetToGrid(ws, date1904, budget);
      // as the streaming reader: only a hidden sheet says so
      sheets.push(
        ws.state === "hidden" || ws.state === "veryHidden" ? { ...grid, visibility: ws.state } : grid,
      );
    } catch (e) {
      if (e instanceof GecError) throw e;
      // e.g. a shared formula whose master is missing or refers back to itself.
      throw corrupt({
        ja: `シート「${ws.name}」の数式またはセルを読めません`,
        en: `sheet "${ws.name}": a formula or cell cannot be read`,
      });
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

export function writeTemplateCell(
  ws: ExcelJS.Worksheet,
  c: TemplateCell,
  renames: Map<string, string>,
): boolean {
  const cell = ws.getCell(c.row + 1, c.col + 1);
  let formula = false;
  if (c.formula !== undefined && c.formula !== "") {
    const f = renameReferences(c.formula.startsWith("=") ? c.formula.slice(1) : c.formula, renames);
    cell.value = { formula: f };
    formula = true;
  } else if (c.link !== undefined) {
    // HYPERLINK rather than a hyperlink relationship: a jump inside the workbook that Excel and LibreOffice both
    // follow, with the text cached for readers that never calculate
    const text = c.value === null || c.value === undefined ? "" : String(c.value);
    const target = renameReferences(c.link, renames).replace(/"/g, '""');
    cell.value = {
      formula: `HYPERLINK("#${target}","${text.replace(/"/g, '""')}")`,
      result: text,
    } satisfies ExcelJS.CellFormulaValue;
  } else if (c.value !== undefined && c.value !== null) {
    cell.value = c.value;
  }
  styleCell(cell, c.kind);
  if (c.link !== undefined)
    cell.font = { ...(cell.font ?? {}), color: { argb: "FF0563C1" }, underline: true };
  if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  if (c.unlocked) cell.protection = { locked: false };
  // one validation a cell; ExcelJS joins equal ones into ranges when it writes them
  if (c.choices) cell.dataValidation = choicesValidation(c.choices);
  if (c.numberFormat !== undefined) cell.numFmt = c.numberFormat;
  return formula;
}

/** An in-cell list (the 確認 box, 確認手段): the values as Excel's list validation, quoted and comma-separated. */
function choicesValidation(choices: string[]): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    showErrorMessage: false,
    formulae: [`"${choices.map((c) => c.replace(/"/g, "")).join(",")}"`],
  };
}

/**
 * What a sheet declares beyond its cells and print setup: a filter, the footer, and sheet
 * protection without a password (sorting, filtering and resizing stay allowed). For both writers.
 */
export function applySheetOptions(ws: ExcelJS.Worksheet, sheet: TemplateSheet): void {
  if (sheet.autoFilter) {
    const { top, left, bottom, right } = sheet.autoFilter;
    ws.autoFilter = `${cellAddress({ row: top, col: left })}:${cellAddress({ row: bottom, col: right })}`;
  }
  if (sheet.print?.footer) {
    ws.headerFooter.oddFooter = `&C${sheet.print.footer}`;
    ws.headerFooter.evenFooter = `&C${sheet.print.footer}`;
  }
  if (sheet.protect)
    void ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      sort: true,
      autoFilter: true,
    });
}

/** Adds the template's sheets after the existing ones, never over them ("別紙1 (2)" when taken). */
/** The template's page setup (src/template: A4 landscape, one page wide, print area and title rows). */
export function applyPrint(ws: ExcelJS.Worksheet, print: TemplatePrint): void {
  Object.assign(ws.pageSetup, pageSetupOf(print));
  const { area, titleRows } = printRanges(print);
  ws.pageSetup.printArea = area.replace(/([A-Z]+)(\d+)/g, "$1$$$2"); // ExcelJS adds the column's $, not the row's
  if (titleRows) ws.pageSetup.printTitlesRow = `${titleRows.first}:${titleRows.last}`;
}

/**
 * Paper, orientation and scale: given when a sheet is made, because the streaming writer writes fitToPage (in the
 * sheet's properties) as soon as the sheet is added.
 */
export function pageSetupOf(print: TemplatePrint): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9 as ExcelJS.PaperSize, // A4 (ExcelJS's PaperSize is a const enum)
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: print.fitToPagesTall ?? 0, // 0: as many pages tall as it takes
  };
}

/** Frozen header rows: given when a sheet is made (the streaming writer writes its views at once). */
export function viewsOf(sheet: TemplateSheet): Partial<ExcelJS.WorksheetView>[] {
  if (!sheet.freeze) return [];
  return [
    {
      state: "frozen",
      xSplit: sheet.freeze.cols ?? 0,
      ySplit: sheet.freeze.rows,
      topLeftCell: cellAddress({ row: sheet.freeze.rows, col: sheet.freeze.cols ?? 0 }),
    },
  ];
}

/** The workbook's core properties (File > Info): title, creator, subject, description, keywords. */
export function applyProperties(
  wb: Pick<ExcelJS.Workbook, "title" | "creator" | "lastModifiedBy" | "subject" | "description" | "keywords">,
  p: TemplateProperties,
): void {
  wb.title = p.title;
  wb.creator = p.creator;
  wb.lastModifiedBy = p.creator;
  if (p.subject !== undefined) wb.subject = p.subject;
  if (p.description !== undefined) wb.description = p.description;
  if (p.keywords !== undefined) wb.keywords = p.keywords;
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
    const ws = wb.addWorksheet(names[i], { views: viewsOf(sheet) });
    for (const c of sheet.cells) {
      if (writeTemplateCell(ws, c, renames)) anyFormula = true;
    }
    for (const row of sheet.rows?.() ?? []) {
      for (const c of row.cells) if (writeTemplateCell(ws, c, renames)) anyFormula = true;
      if (row.height !== undefined) ws.getRow(row.row + 1).height = row.height;
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
    applySheetOptions(ws, sheet);
  });
  if (template.properties) applyProperties(wb, template.properties);
  if (anyFormula) markFullCalc(wb);
  return names;
}
