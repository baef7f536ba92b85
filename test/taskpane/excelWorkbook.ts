// Excel over a Grid for the pane's Office.js code: sheets and ranges are office-addin-mock objects (a property read
// before load + sync is an error, as in Excel), syncs are counted, writes land in the Grid, selections are kept.
// The test file must mock office-addin-manifest first (see adapter.test.ts).
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue, Grid } from "../../src/types";
import { cellAddress, parseA1 } from "../../src/forms/a1";

export interface ExcelLog {
  syncs: number;
  /** "別紙1!N5" for each cell the pane selected, in order. */
  selected: string[];
  /** Each cell written, with what: "別紙1!N5 = 186081657". */
  writes: string[];
  /** The base64 of each workbook Excel.createWorkbook was asked to open. */
  created: string[];
}

const NOT_READ = ["Error, property was not loaded", "Error, context.sync() was not called"];

/** Installs `Excel` over a copy of `grid`; `activeCell` ("別紙1!U6") is the cell the person clicked. */
export function excelWorkbook(source: Grid, activeCell = ""): { grid: Grid; log: ExcelLog } {
  const grid: Grid = JSON.parse(JSON.stringify(source)) as Grid;
  const log: ExcelLog = { syncs: 0, selected: [], writes: [], created: [] };
  const handedOut: OfficeMockObject[] = [];
  const cells: {
    sheet: string;
    row: number;
    col: number;
    range: OfficeMockObject;
    values: unknown;
    formulas: unknown;
  }[] = [];
  const mockOf = (data: object): OfficeMockObject => {
    const m = new OfficeMockObject(data as never, "excel" as never);
    handedOut.push(m);
    return m;
  };
  const at = (sheet: string, row: number, col: number): { value: CellValue; formula: string | null } => {
    const s = grid.sheets.find((x) => x.name === sheet);
    if (!s) return { value: null, formula: null };
    const r = row - s.origin.row;
    const c = col - s.origin.col;
    return { value: s.values[r]?.[c] ?? null, formula: s.formulas?.[r]?.[c] ?? null };
  };
  const put = (sheet: string, row: number, col: number, value: CellValue, formula: string | null) => {
    const s = grid.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const r = row - s.origin.row;
    const c = col - s.origin.col;
    while (s.values.length <= r) s.values.push([]);
    s.values[r][c] = value;
    if (s.formulas) {
      while (s.formulas.length <= r) s.formulas.push([]);
      s.formulas[r][c] = formula;
    }
  };

  const sheets = grid.sheets.map((s) =>
    mockOf({
      name: s.name,
      visibility:
        s.visibility === "hidden" ? "Hidden" : s.visibility === "veryHidden" ? "VeryHidden" : "Visible",
      getUsedRangeOrNullObject: () => {
        // the used range now, as Excel gives it: rectangular, "" for an empty cell, a formula or the value
        const width = Math.max(1, ...s.values.map((line) => line.length));
        const rows = Math.max(1, s.values.length);
        const values = Array.from({ length: rows }, (_, r) =>
          Array.from({ length: width }, (_, c) => s.values[r]?.[c] ?? ""),
        );
        const formulas = values.map((line, r) => line.map((v, c) => s.formulas?.[r]?.[c] ?? v));
        const last = { row: s.origin.row + rows - 1, col: s.origin.col + width - 1 };
        const used = mockOf({
          address: `'${s.name}'!${cellAddress(s.origin)}:${cellAddress(last)}`,
          values,
          formulas,
          numberFormat: values.map((line) => line.map(() => "General")),
        });
        used.isNullObject = false; // Office.js sets it on sync, without a load
        return used;
      },
      getRange: (address: string) => {
        const p = parseA1(address);
        if (!p) throw new Error(`not one cell: ${address}`);
        const { value, formula } = at(s.name, p.row, p.col);
        const values = [[value ?? ""]];
        const formulas = [[formula ?? value ?? ""]];
        const range = mockOf({ values, formulas, select: () => log.selected.push(`${s.name}!${address}`) });
        cells.push({ sheet: s.name, row: p.row, col: p.col, range, values, formulas });
        return range;
      },
      activate: () => undefined,
    }),
  );

  /** What the pane assigned to a range since the last sync goes into the Grid (a value clears the formula). */
  const writeBack = () => {
    for (const c of cells) {
      const r = c.range as unknown as { values: unknown; formulas: unknown };
      const assigned = (now: unknown, before: unknown) =>
        now !== before && !NOT_READ.includes(now as string) ? (now as CellValue[][])[0][0] : undefined;
      const formula = assigned(r.formulas, c.formulas);
      const value = assigned(r.values, c.values);
      if (formula !== undefined) {
        put(c.sheet, c.row, c.col, null, String(formula));
        log.writes.push(`${c.sheet}!${cellAddress(c)} ${String(formula)}`);
        c.formulas = r.formulas;
      } else if (value !== undefined) {
        put(c.sheet, c.row, c.col, value === "" ? null : value, null);
        log.writes.push(`${c.sheet}!${cellAddress(c)} = ${String(value)}`);
        c.values = r.values;
      }
    }
  };

  const context = {
    workbook: {
      // the open workbook's name (ExcelApi 1.7): read after load + sync
      name: "申請.xlsx",
      load: () => undefined,
      worksheets: {
        items: sheets,
        // "items/name,items/visibility" is each item's "name,visibility"
        load: (p: string) => {
          const each = p
            .split(",")
            .filter((x) => x.startsWith("items/"))
            .map((x) => x.slice("items/".length));
          for (const ws of sheets) ws.load(each.join(","));
        },
        getItem: (name: string) => sheets[grid.sheets.findIndex((s) => s.name === name)],
      },
      // the last cell the pane selected, else the one the person clicked
      getActiveCell: () => {
        const a = log.selected[log.selected.length - 1] ?? activeCell;
        const bang = a.lastIndexOf("!");
        return mockOf({ address: `'${a.slice(0, bang)}'${a.slice(bang)}` });
      },
    },
    application: { suspendApiCalculationUntilNextSync: () => undefined },
    sync: async () => {
      log.syncs++;
      writeBack();
      for (const m of handedOut) await m.sync();
    },
  };
  (globalThis as { Excel?: unknown }).Excel = {
    run: async (callback: (c: unknown) => Promise<unknown>) => callback(context),
    // a new workbook from base64 (ExcelApi 1.8): recorded, as Excel would open it beside this one
    createWorkbook: async (base64: string) => void log.created.push(base64),
  };
  (globalThis as { Office?: unknown }).Office = {
    context: {
      requirements: {
        isSetSupported: (set: string, version: string) => set === "ExcelApi" && Number(version) <= 1.8,
      },
    },
  };
  return { grid, log };
}
