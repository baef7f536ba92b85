// A minimal Office.js for the browser tests: Excel over an in-memory Grid (syncs and writes logged), with Office's
// display language, theme and a possibly slow Office.onReady. Passed to page.addInitScript, so self-contained.
import type { Grid } from "../../src/types";

export interface FakeExcelOptions {
  grid: Grid;
  /** Office.context.displayLanguage. */
  displayLanguage?: string;
  /** Office.context.officeTheme. */
  officeTheme?: { bodyBackgroundColor?: string; bodyForegroundColor?: string; isDarkTheme?: boolean };
  /** How long Office.onReady takes to resolve. */
  readyDelayMs?: number;
  /** The active cell ("別紙1!U6") until the pane selects another. */
  activeCell?: string;
}

/** Runs in the page before any script: a minimal Office.js over an in-memory Grid, logging syncs and writes. */
export function fakeExcel({
  grid,
  displayLanguage = "ja-JP",
  officeTheme = { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" },
  readyDelayMs = 0,
  activeCell = "",
}: FakeExcelOptions): void {
  type Cell = string | number | boolean | null;
  const w = window as unknown as Record<string, unknown>;
  const log = {
    syncs: 0,
    selected: [] as string[],
    writes: [] as { address: string; values?: unknown; formulas?: unknown }[],
    /** The base64 of each workbook Excel.createWorkbook opened. */
    created: [] as string[],
  };
  w.__gecLog = log;
  const col = (n: number) => {
    let s = "";
    for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: c - 1 };
  };
  const sheets = grid.sheets.map((s) => ({
    name: s.name,
    getUsedRangeOrNullObject: () => {
      const last = {
        row: s.origin.row + s.values.length - 1,
        col: s.origin.col + Math.max(1, ...s.values.map((r) => r.length)) - 1,
      };
      const width = last.col - s.origin.col + 1;
      const values = s.values.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? "") as Cell));
      return {
        isNullObject: false,
        load: () => undefined,
        address: `${s.name}!${col(s.origin.col)}${s.origin.row + 1}:${col(last.col)}${last.row + 1}`,
        values,
        formulas: values,
        numberFormat: values.map((r) => r.map(() => "General")),
      };
    },
    getRange: (address: string) => {
      const { row, col: c } = parse(address);
      const v = (s.values[row - s.origin.row]?.[c - s.origin.col] ?? "") as Cell;
      const range = {
        values: [[v]] as unknown,
        formulas: [[v]] as unknown,
        load: () => undefined,
        select: () => log.selected.push(`${s.name}!${address}`),
      };
      return new Proxy(range, {
        set(target, key, value) {
          (target as Record<string | symbol, unknown>)[key] = value;
          if (key === "values" || key === "formulas") {
            log.writes.push({ address: `${s.name}!${address}`, [key]: value });
            const cellValue = (value as Cell[][])[0][0];
            const line = s.values[row - s.origin.row];
            if (line) line[c - s.origin.col] = cellValue === "" ? null : cellValue;
          }
          return true;
        },
      });
    },
    activate: () => undefined,
  }));
  const quoted = (address: string) => {
    const bang = address.lastIndexOf("!");
    const sheet = address.slice(0, bang);
    return /^[\w\u3040-\u30ff\u4e00-\u9fff]+$/.test(sheet) ? address : `'${sheet}'${address.slice(bang)}`;
  };
  const context = {
    workbook: {
      name: "申請.xlsx",
      load: () => undefined,
      // the last cell the pane selected, else the one the test says the person clicked
      getActiveCell: () => ({
        load: () => undefined,
        get address() {
          return quoted(log.selected[log.selected.length - 1] ?? activeCell);
        },
      }),
      worksheets: {
        items: sheets,
        load: () => undefined,
        getItem: (n: string) => sheets.find((x) => x.name === n),
      },
    },
    application: { suspendApiCalculationUntilNextSync: () => undefined },
    sync: async () => {
      log.syncs++;
      // an Office error for the next sync, as OfficeExtension.Error carries it (code + message)
      const fail = w.__gecFailNextSync;
      if (typeof fail === "string") {
        delete w.__gecFailNextSync;
        throw Object.assign(new Error(fail), { code: fail });
      }
    },
  };
  w.Excel = {
    run: async (cb: (c: unknown) => unknown) => cb(context),
    createWorkbook: async (base64: string) => void log.created.push(base64),
    ConditionalFormatType: { custom: "Custom" },
  };
  w.Office = {
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage,
      officeTheme,
      requirements: { isSetSupported: () => true },
    },
    // Office may report ready long after the page loaded (a cold start of Excel's runtime)
    onReady: () =>
      new Promise((resolve) =>
        setTimeout(() => resolve({ host: "Excel", platform: "OfficeOnline" }), readyDelayMs),
      ),
  };
}
