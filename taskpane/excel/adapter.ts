// The only code that speaks Office.js: reads the workbook into a Grid in one batch and applies WritePlans.
import type {
  CellRef,
  CellValue,
  CellWrite,
  Grid,
  Message,
  SheetGrid,
  SheetVisibility,
  WritePlan,
} from "../../src/types";
import { cellAddress, parseA1 } from "../../src/forms/a1";
import { invertPlan, sameFormula } from "../../src/fill/invert";
import { CELL_LOOKS, freeSheetName, printRanges, renameReferences } from "../../src/template/sheets";
import type { TemplateCellKind, TemplatePrint } from "../../src/template/types";

export { freeSheetName, renameReferences } from "../../src/template/sheets";

/** A write the adapter refused, with the reason in both languages. */
export interface SkippedWrite {
  write: CellWrite;
  reason: Message;
}

export interface ApplyResult {
  /** What was written; feed it to revertWrites to restore exactly what was there. */
  applied: CellWrite[];
  skipped: SkippedWrite[];
}

/** "'別紙 1'!B2:K40" → { sheet, row, col } of the top-left cell (0-based). */
export function rangeOrigin(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const topLeft = parseA1(local.split(":")[0]);
  return topLeft ?? { row: 0, col: 0 };
}

function toCellValue(v: unknown): CellValue {
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? null : v;
  return null;
}

function toFormula(f: unknown): string | null {
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

/** Excel.SheetVisibility ("Visible", "Hidden", "VeryHidden") as the core names it; absent for a visible sheet. */
function visibilityOf(v: unknown): { visibility?: SheetVisibility } {
  if (v === "Hidden") return { visibility: "hidden" };
  if (v === "VeryHidden") return { visibility: "veryHidden" };
  return {};
}

/**
 * Reads every worksheet's used range (values, formulas, number formats) and whether it is hidden: 2 syncs whatever
 * the size (the visibility comes with the names, in the first).
 */
export async function readGrid(): Promise<Grid> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    await context.sync();
    const ranges = sheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address,values,formulas,numberFormat");
      return { name: ws.name, hidden: visibilityOf(ws.visibility), used };
    });
    await context.sync();
    const grid: SheetGrid[] = [];
    for (const { name, hidden, used } of ranges) {
      if (used.isNullObject) {
        grid.push({
          name,
          values: [],
          formulas: [],
          numberFormats: [],
          origin: { row: 0, col: 0 },
          ...hidden,
        });
        continue;
      }
      grid.push({
        name,
        origin: rangeOrigin(used.address),
        values: used.values.map((row) => row.map(toCellValue)),
        formulas: used.formulas.map((row) => row.map(toFormula)),
        numberFormats: used.numberFormat.map((row) => row.map((f) => (typeof f === "string" ? f : null))),
        ...hidden,
      });
    }
    return { sheets: grid };
  });
}

function sameValue(a: CellValue, b: CellValue): boolean {
  return a === b || ((a === null || a === "") && (b === null || b === ""));
}

/**
 * Applies a plan in 2 syncs: one re-reads the target cells, one writes those still holding `previous`
 * (a cell changed since the read is skipped, so no input typed meanwhile is lost).
 */
export async function applyWrites(plan: WritePlan): Promise<ApplyResult> {
  if (plan.length === 0) return { applied: [], skipped: [] };
  return Excel.run(async (context) => {
    const bySheet = new Map<string, CellWrite[]>();
    for (const w of plan) bySheet.set(w.ref.sheet, [...(bySheet.get(w.ref.sheet) ?? []), w]);
    const targets: { write: CellWrite; range: Excel.Range }[] = [];
    for (const [sheet, writes] of bySheet) {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const write of writes) {
        const range = ws.getRange(cellAddress(write.ref));
        range.load("values,formulas");
        targets.push({ write, range });
      }
    }
    await context.sync();
    const applied: CellWrite[] = [];
    const skipped: SkippedWrite[] = [];
    const ready: { write: CellWrite; range: Excel.Range }[] = [];
    for (const t of targets) {
      const now = toCellValue(t.range.values[0][0]);
      const formulaNow = toFormula(t.range.formulas[0][0]);
      const expectedFormula = t.write.previousFormula ?? null;
      const unchanged =
        t.write.previousFormula === undefined
          ? sameValue(now, t.write.previous)
          : expectedFormula === null
            ? formulaNow === null && sameValue(now, t.write.previous)
            : sameFormula(formulaNow, expectedFormula); // Excel may rewrite '別紙1'!V4 as 別紙1!V4
      if (unchanged) ready.push(t);
      else
        skipped.push({
          write: t.write,
          reason: {
            ja: `${cellAddress(t.write.ref)} は読み込み後に変更されたため書き込みませんでした。もう一度検証してください。`,
            en: `${cellAddress(t.write.ref)} changed since it was read and was not written. Validate again.`,
          },
        });
    }
    if (ready.length === 0) return { applied, skipped };
    context.application.suspendApiCalculationUntilNextSync();
    for (const { write, range } of ready) {
      if (write.formula !== undefined) range.formulas = [[write.formula]];
      else range.values = [[write.value ?? ""]];
      if (write.numberFormat !== undefined) range.numberFormat = [[write.numberFormat]];
      applied.push(write);
    }
    await context.sync();
    return { applied, skipped };
  });
}

/** Restores what an applyWrites replaced, refusing cells the user changed since. */
export function revertWrites(applied: CellWrite[]): Promise<ApplyResult> {
  return applyWrites(invertPlan(applied));
}

/** Selects the finding's cell and scrolls it into view (one sync). */
export async function selectCell(ref: CellRef): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(ref.sheet);
    ws.activate();
    ws.getRange(cellAddress(ref)).select();
    await context.sync();
  });
}

/** The active cell, for このセルの計算根拠 (one sync). */
export async function activeCell(): Promise<CellRef> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.load("address");
    await context.sync();
    const address = cell.address;
    const bang = address.lastIndexOf("!");
    const sheet = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    return { sheet, ...rangeOrigin(address) };
  });
}

/** Names of the workbook's sheets (one sync), for choosing free template names. */
export async function sheetNames(): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

export { describeOfficeError } from "./officeErrors";

/** The shape of the engine's buildTemplate result that the adapter needs (0-based cells). */
export interface TemplateSheetShape {
  name: string;
  cells: {
    row: number;
    col: number;
    value?: CellValue;
    formula?: string;
    kind?: TemplateCellKind;
    numberFormat?: string;
  }[];
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Characters, as in ExcelJS. */
  columnWidths?: number[];
  /** Points, by 0-based row. */
  rowHeights?: Record<number, number>;
  /** Page setup (src/template): applied where Excel has worksheet.pageLayout (ExcelApi 1.9). */
  print?: TemplatePrint;
}

/** worksheet.pageLayout came with ExcelApi 1.9 (Excel 2016 one-time purchase lacks it: the sheets print as Excel's default). */
function pageLayoutSupported(): boolean {
  const requirements = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
  return requirements ? requirements.isSetSupported("ExcelApi", "1.9") : false;
}

/** The template's page setup, as io/xlsx applies it to a .xlsx: A4, orientation, one page wide, area, title rows. */
function applyPrint(ws: Excel.Worksheet, print: TemplatePrint): void {
  const { area, titleRows } = printRanges(print);
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // no verticalFitToPages: as many pages tall as the width's scale takes
  layout.zoom =
    print.fitToPagesTall !== undefined
      ? { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: print.fitToPagesTall }
      : { horizontalFitToPages: print.fitToPagesWide };
  layout.setPrintArea(area);
  if (titleRows) layout.setPrintTitleRows(`$${titleRows.first}:$${titleRows.last}`);
}

/** Points per character of column width (Excel's default 8.43 characters = 48 pt). */
const POINTS_PER_CHAR = 48 / 8.43;

/** The look of each template cell kind (src/template CELL_LOOKS), as the .xlsx templates have it. */
function styleTemplateCell(range: Excel.Range, kind: TemplateCellKind | undefined): void {
  const look = kind ? CELL_LOOKS[kind] : undefined;
  if (!look) return;
  if (look.bold) range.format.font.bold = true;
  if (look.size) range.format.font.size = look.size;
  if (look.fontColor) range.format.font.color = `#${look.fontColor}`;
  if (look.fill) range.format.fill.color = `#${look.fill}`;
  if (look.wrap) {
    range.format.wrapText = true;
    range.format.verticalAlignment = "Center";
  }
  if (look.unlocked) range.format.protection.locked = false;
}

/**
 * Adds the template's sheets as NEW sheets (" (2)" suffix when a name is taken, and formulas pointed at the
 * renamed sheets so they never read the user's own): 2 syncs, never writes into an existing sheet.
 */
export async function insertTemplate(sheets: TemplateSheetShape[]): Promise<string[]> {
  return Excel.run(async (context) => {
    const existing = context.workbook.worksheets;
    existing.load("items/name");
    await context.sync();
    const taken = existing.items.map((s) => s.name);
    const names = sheets.map((sheet) => {
      const name = freeSheetName(sheet.name, taken);
      taken.push(name);
      return name;
    });
    const renames = new Map(
      sheets.flatMap((s, i) => (names[i] !== s.name ? [[s.name, names[i]] as const] : [])),
    );
    context.application.suspendApiCalculationUntilNextSync();
    const printable = pageLayoutSupported();
    sheets.forEach((sheet, i) => {
      const ws = existing.add(names[i]);
      for (const c of sheet.cells) {
        const range = ws.getRange(cellAddress(c));
        if (c.formula !== undefined && c.formula !== "")
          range.formulas = [[renameReferences(c.formula, renames)]];
        else if (c.value !== undefined && c.value !== null) range.values = [[c.value]];
        if (c.numberFormat) range.numberFormat = [[c.numberFormat]];
        styleTemplateCell(range, c.kind);
      }
      for (const m of sheet.merges) {
        if (m.bottom === m.top && m.right === m.left) continue;
        ws.getRange(
          `${cellAddress({ row: m.top, col: m.left })}:${cellAddress({ row: m.bottom, col: m.right })}`,
        ).merge();
      }
      sheet.columnWidths?.forEach((w, col) => {
        if (w > 0) ws.getRange(cellAddress({ row: 0, col })).format.columnWidth = w * POINTS_PER_CHAR;
      });
      for (const [row, height] of Object.entries(sheet.rowHeights ?? {}))
        ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
      if (sheet.print && printable) applyPrint(ws, sheet.print);
    });
    await context.sync();
    return names;
  });
}

const MARK_KEY = "gec.markers";
const MARK_FILL = "#FFC7CE";

function parseMarks(value: unknown): { sheet: string; address: string }[] {
  try {
    const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
    return Array.isArray(parsed)
      ? parsed.filter(
          (m): m is { sheet: string; address: string } =>
            typeof (m as { sheet?: unknown })?.sheet === "string" &&
            typeof (m as { address?: unknown })?.address === "string",
        )
      : [];
  } catch {
    return [];
  }
}

/** Clears the add-in's own markers (recorded in the document settings), leaving the user's formats alone. */
export async function clearMarkers(): Promise<number> {
  return Excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(MARK_KEY);
    setting.load("value");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    if (setting.isNullObject) return 0;
    // A sheet deleted or renamed since the marking took its markers with it.
    const present = new Set(sheets.items.map((ws) => ws.name));
    const marks = parseMarks(setting.value).filter((m) => present.has(m.sheet));
    const formats = marks.map((m) => {
      const cfs = sheets.getItem(m.sheet).getRange(m.address).conditionalFormats;
      cfs.load("items/type,items/custom/rule/formula,items/custom/format/fill/color");
      return cfs;
    });
    await context.sync();
    let removed = 0;
    for (const cfs of formats) {
      for (const cf of cfs.items) {
        if (
          cf.type === "Custom" &&
          cf.custom.rule.formula.toUpperCase() === "=TRUE" &&
          cf.custom.format.fill.color.toUpperCase() === MARK_FILL
        ) {
          cf.delete();
          removed++;
        }
      }
    }
    setting.delete();
    await context.sync();
    return removed;
  });
}

/** Marks the flagged cells with a removable custom conditional format (=TRUE, pink fill). */
export async function markCells(refs: CellRef[]): Promise<void> {
  await clearMarkers();
  await Excel.run(async (context) => {
    const marks = refs.map((r) => ({ sheet: r.sheet, address: cellAddress(r) }));
    for (const m of marks) {
      const cf = context.workbook.worksheets
        .getItem(m.sheet)
        .getRange(m.address)
        .conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=TRUE";
      cf.custom.format.fill.color = MARK_FILL;
    }
    context.workbook.settings.add(MARK_KEY, JSON.stringify(marks));
    await context.sync();
  });
}
