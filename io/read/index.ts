// The bounded .xlsx reader: untrusted bytes -> Grid through the zip reader (zlib or fflate) and io/read/xmlScan.ts, every budget enforced while streaming.
// Each part of the package has its own module: workbook + rels, shared strings, styles, the sheet's handlers,
// shared formulas, the Grid's assembly; the writer's locator beside them.
import type { Grid, SheetGrid } from "../../src/types";
import { BUDGET, MAX_GRID_CELLS, XlsxError, overBudget } from "../errors";
import { inspectXlsx } from "../inspect";
import { unzipEntries } from "../zip";
import type { EntrySink } from "../zip";
import { sheetGrid } from "./grid";
import type { Area } from "./grid";
import { newSheetPart, sheetHandlers } from "./sheet";
import type { SheetPart } from "./sheet";
import { sharedStringHandlers } from "./strings";
import { styleHandlers } from "./styles";
import type { StylesPart } from "./styles";
import { partName, relsHandlers, workbookHandlers } from "./workbook";
import type { WorkbookPart } from "./workbook";
import { feedWhole, freshBudgets, tick, xmlSink } from "./xml";
import type { Budgets } from "./xml";

export { BUILTIN_FORMATS, isDateFormat } from "./styles";
export { decodeTwice } from "./strings";
export { slideFormula } from "./formula";
export { duplicateCell, firstCovering } from "./grid";
export { locateSheet } from "./locate";
export type { SheetLocation, Span } from "./locate";
export type { SheetPart } from "./sheet";

/** The parts of one package as they stream by. */
interface Package {
  budgets: Budgets;
  workbook: WorkbookPart;
  sawWorkbook: boolean;
  rels: Map<string, string>;
  strings: string[];
  styles: StylesPart | null;
  sheets: Map<string, SheetPart>;
}

const nothing = () => undefined;

/** The sink of entry `name`, the part it fills in `pkg`; null for an entry the engine does not read. */
function partSink(name: string, pkg: Package): EntrySink | null {
  const { budgets } = pkg;
  if (name === "xl/workbook.xml") {
    pkg.sawWorkbook = true;
    return xmlSink(name, budgets, workbookHandlers(pkg.workbook, budgets), nothing);
  }
  if (name === "xl/_rels/workbook.xml.rels") return xmlSink(name, budgets, relsHandlers(pkg.rels), nothing);
  if (name === "xl/sharedStrings.xml")
    return xmlSink(name, budgets, sharedStringHandlers(pkg.strings, budgets), nothing);
  if (name === "xl/styles.xml") {
    const s: StylesPart = { formats: new Map(), xfs: [] };
    pkg.styles = s;
    return xmlSink(name, budgets, styleHandlers(s), nothing);
  }
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
    if (pkg.sheets.size >= BUDGET.sheets)
      throw overBudget({ ja: "シートの数", en: "The sheets" }, BUDGET.sheets);
    const part = newSheetPart();
    pkg.sheets.set(name, part);
    return xmlSink(name, budgets, sheetHandlers(name, part, budgets), nothing);
  }
  return null;
}

/** Reads what the engine uses from .xlsx bytes, within the budgets; throws an XlsxError with what to do otherwise. */
export function readGrid(bytes: Uint8Array): Grid {
  inspectXlsx(bytes);
  const pkg: Package = {
    budgets: freshBudgets(),
    workbook: { date1904: false, sheets: [] },
    sawWorkbook: false,
    rels: new Map(),
    strings: [],
    styles: null,
    sheets: new Map(),
  };
  unzipEntries(bytes, { tick: () => tick(pkg.budgets), open: (name) => partSink(name, pkg) });
  if (!pkg.sawWorkbook) {
    throw new XlsxError("xlsx.notXlsx", {
      ja: "ZIP ファイルですが Excel ブックではありません（xl/workbook.xml がありません）。.xlsx ファイルを選んでください。",
      en: "This is a ZIP file but not an Excel workbook (no xl/workbook.xml). Choose an .xlsx file.",
    });
  }
  const area: Area = { left: MAX_GRID_CELLS, formulaChars: BUDGET.formulaChars };
  const context = { strings: pkg.strings, styles: pkg.styles, date1904: pkg.workbook.date1904 };
  const out: SheetGrid[] = [];
  for (const { name, rid, visibility } of pkg.workbook.sheets) {
    const target = pkg.rels.get(rid);
    const part = target === undefined ? undefined : pkg.sheets.get(partName(target));
    if (!part || !part.isWorksheet) continue; // a chart sheet or a dangling entry: nothing the engine reads
    const grid = sheetGrid(name, part, context, area, pkg.budgets);
    // only a hidden sheet says so: a visible one reads exactly as before
    out.push(visibility === "visible" ? grid : { ...grid, visibility });
  }
  return { sheets: out };
}

/** The worksheets of a package in workbook order, with their entry names (for the writer). */
export function sheetEntries(
  workbookXml: Uint8Array,
  relsXml: Uint8Array,
): { name: string; entry: string }[] {
  const budgets = freshBudgets();
  const workbook: WorkbookPart = { date1904: false, sheets: [] };
  const rels = new Map<string, string>();
  feedWhole("xl/workbook.xml", workbookXml, budgets, workbookHandlers(workbook, budgets));
  feedWhole("xl/_rels/workbook.xml.rels", relsXml, budgets, relsHandlers(rels));
  return workbook.sheets.flatMap(({ name, rid }) => {
    const target = rels.get(rid);
    return target === undefined ? [] : [{ name, entry: partName(target) }];
  });
}
