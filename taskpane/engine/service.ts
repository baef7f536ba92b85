// The engine's side of the pane: what the Web Worker runs (and the pane itself where no worker can start) — the
// engine on a Grid, and the standalone document, which lives here so its bytes and Grid never cross to the page.
import { validateGrid, planFill, planFinalize, buildTemplate } from "../../src/engine";
import { METHODOLOGIES } from "../../src/methodology";
import { explainCell, parseCellReference } from "../../src/explain";
import { addMonitoringTables, lastFiscalYear } from "../../src/template/monitoring";
import type { Grid } from "../../src/types";
import { StandaloneDocument } from "../web/document";
import type { Engine, GridSource } from "./api";
import type { GridStaging } from "./protocol";

/** Standalone with no file open: what the pane says (describeError knows the code). */
const NO_WORKBOOK = { code: "NoWorkbook" };

/** The engine as plain async calls; `now` dates the fiscal year a template's 熱実績管理表 defaults to. */
export function engineService(now: () => Date = () => new Date()): Engine & GridStaging {
  let document: StandaloneDocument | null = null;
  const doc = (): StandaloneDocument => {
    if (!document) throw NO_WORKBOOK;
    return document;
  };
  const staged = new Map<number, Grid>();
  const gridOf = (source: GridSource): Grid => {
    if ("grid" in source) return source.grid;
    if ("staged" in source) {
      const grid = staged.get(source.staged);
      if (!grid) throw new Error(`no grid ${source.staged} was handed over`);
      return grid;
    }
    return doc().readGrid();
  };

  return {
    stageGrid: async (id, sheets) => {
      staged.set(id, { sheets: sheets.map((s) => ({ ...s, values: [] })) });
    },
    stageRows: async (id, sheet, rows) => {
      const s = staged.get(id)?.sheets[sheet];
      if (!s) throw new Error(`no grid ${id} sheet ${sheet}`);
      for (const r of rows.values) s.values.push(r);
      if (rows.formulas) for (const r of rows.formulas) (s.formulas ??= []).push(r);
      if (rows.numberFormats) for (const r of rows.numberFormats) (s.numberFormats ??= []).push(r);
    },
    dropGrid: async (id) => {
      staged.delete(id);
    },
    info: async () => ({
      methodologies: METHODOLOGIES.map((d) => ({
        code: d.code,
        name: d.name,
        monitoringTable: d.form.monitoringTable === true,
      })),
      lastFiscalYear: lastFiscalYear(now()),
    }),
    validate: async (source) => validateGrid(gridOf(source)),
    planFill: async (source, options) => planFill(gridOf(source), options),
    planFinalize: async (source) => planFinalize(gridOf(source)),
    explain: async (source, ref) => explainCell(gridOf(source), ref),
    parseCell: async (text) => parseCellReference(text),
    buildTemplate: async (code, facilities, monitoringYear) => {
      const template = buildTemplate(code, facilities);
      return monitoringYear === undefined ? template : addMonitoringTables(template, monitoringYear);
    },
    workingPaper: async (source, lang, fileName) => {
      const { cellsSource, fileSource, paperBytes } = await import("../paper");
      const grid = gridOf(source);
      // the paper names what it checked: the document's bytes as they stand (with this session's writes), or the cells
      const named = "document" in source ? fileSource(fileName, doc().save()) : cellsSource(fileName, grid);
      return paperBytes(grid, named, lang);
    },
    compareWithPrevious: async (source, previous, names) => {
      const [{ readGrid }, { compareGrids }] = await Promise.all([
        import("../../io/read"),
        import("../../src/portfolio"),
      ]);
      // the earlier file through the same bounded reader as any opened file: a hostile one is refused, not read
      return compareGrids(
        { grid: gridOf(source), name: names.current },
        { grid: readGrid(previous), name: names.previous },
      );
    },
    openDocument: async (bytes) => {
      document = StandaloneDocument.open(bytes);
    },
    newDocument: async () => {
      document = StandaloneDocument.empty();
    },
    applyToDocument: async (plan) => doc().apply(plan),
    insertIntoDocument: async (template) => doc().insertTemplate(template),
    saveDocument: async () => doc().save(),
  };
}
