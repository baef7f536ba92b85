// Excel adapter against office-addin-mock: batch sizes (sync counts) and the exact cells written.
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose ESM dependencies jest
// cannot load untransformed.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import {
  activeCell,
  applyWrites,
  describeOfficeError,
  freeSheetName,
  rangeOrigin,
  readGrid,
  revertWrites,
} from "../../taskpane/excel/adapter";
import type { CellWrite } from "../../src/types";

interface CellMock {
  values: unknown[][];
  formulas: unknown[][];
}

interface UsedMock {
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

/**
 * A workbook whose ranges are OfficeMockObjects (reading a property before load + sync fails, as in Excel),
 * with a hand-made context whose sync is counted and syncs every range handed out.
 */
function workbookMock(
  sheets: { name: string; used: UsedMock; visibility?: string }[],
  cells: Record<string, CellMock>,
) {
  const counter = { syncs: 0, collectionLoads: [] as unknown[], suspended: 0 };
  const handedOut: OfficeMockObject[] = [];
  const written: Record<string, OfficeMockObject> = {};
  const mockOf = (data: object) => {
    const m = new OfficeMockObject(data as never, "excel" as never);
    handedOut.push(m);
    return m;
  };
  // each worksheet is an OfficeMockObject too: its name and visibility read as errors until loaded and synced
  const sheetMocks = sheets.map(
    (s) =>
      mockOf({
        name: s.name,
        visibility: s.visibility ?? "Visible",
        getUsedRangeOrNullObject: (valuesOnly: boolean) => {
          expect(valuesOnly).toBe(true);
          const used = mockOf(s.used);
          used.isNullObject = false; // Office.js sets it on sync without a load
          return used;
        },
        getRange: (address: string) => {
          const key = `${s.name}!${address}`;
          const cell = cells[key] ?? { values: [[""]], formulas: [[""]] };
          written[key] = mockOf({ values: cell.values, formulas: cell.formulas });
          return written[key];
        },
      }) as unknown as { name: string; load(p: string): void },
  );
  const context = {
    workbook: {
      worksheets: {
        items: sheetMocks,
        // the collection's "items/name,items/visibility" is each item's "name,visibility"
        load: (p: unknown) => {
          counter.collectionLoads.push(p);
          if (typeof p !== "string") return;
          const each = p
            .split(",")
            .filter((x) => x.startsWith("items/"))
            .map((x) => x.slice("items/".length));
          for (const ws of sheetMocks) ws.load(each.join(","));
        },
        // by the name as given: getItem needs no load
        getItem: (name: string) => sheetMocks[sheets.findIndex((s) => s.name === name)],
      },
    },
    application: { suspendApiCalculationUntilNextSync: () => counter.suspended++ },
    sync: async () => {
      counter.syncs++;
      for (const m of handedOut) await m.sync();
    },
  };
  (globalThis as { Excel?: unknown }).Excel = {
    run: async (callback: (c: unknown) => Promise<unknown>) => callback(context),
  };
  /** What the adapter last assigned to a cell's values/formulas (the mock keeps assignments as plain props). */
  const cell = (key: string) => written[key] as unknown as { values: unknown[][]; formulas: unknown[][] };
  return { counter, cell };
}

describe("rangeOrigin", () => {
  it("reads the top-left cell of a sheet-qualified address", () => {
    expect(rangeOrigin("別紙1!B2:K40")).toEqual({ row: 1, col: 1 });
    expect(rangeOrigin("'別紙 1'!AA10")).toEqual({ row: 9, col: 26 });
  });
});

describe("freeSheetName", () => {
  it("adds (2), (3) when the name is taken, case-insensitively", () => {
    expect(freeSheetName("別紙1", ["Sheet1"])).toBe("別紙1");
    expect(freeSheetName("別紙1", ["別紙1"])).toBe("別紙1 (2)");
    expect(freeSheetName("Sheet", ["sheet", "Sheet (2)"])).toBe("Sheet (3)");
  });
});

describe("readGrid", () => {
  it("reads all sheets in 2 syncs and converts to a Grid with origins", async () => {
    const { counter } = workbookMock(
      [
        {
          name: "別紙1",
          used: {
            address: "別紙1!B3:C4",
            values: [
              ["施設名", 12],
              ["", true],
            ],
            formulas: [
              ["施設名", "=A1*2"],
              ["", true],
            ],
            numberFormat: [
              ["General", "#,##0"],
              ["General", "General"],
            ],
          },
        },
        {
          name: "別紙2",
          used: { address: "別紙2!A1", values: [[5]], formulas: [[5]], numberFormat: [["0.00%"]] },
        },
      ],
      {},
    );
    const grid = await readGrid();
    expect(counter.syncs).toBe(2);
    expect(counter.collectionLoads).toEqual(["items/name,items/visibility"]);
    expect(grid.sheets).toHaveLength(2);
    expect(grid.sheets[0]).toEqual({
      name: "別紙1",
      origin: { row: 2, col: 1 },
      values: [
        ["施設名", 12],
        [null, true],
      ],
      formulas: [
        [null, "=A1*2"],
        [null, null],
      ],
      numberFormats: [
        ["General", "#,##0"],
        ["General", "General"],
      ],
    });
    expect(grid.sheets[1].numberFormats).toEqual([["0.00%"]]);
  });

  it("reads each sheet's visibility in the same first batch: still 2 syncs (issue 16)", async () => {
    const used = (name: string) => ({
      address: `'${name}'!A1`,
      values: [["x"]],
      formulas: [["x"]],
      numberFormat: [["General"]],
    });
    const { counter } = workbookMock(
      [
        { name: "様式3-2", used: used("様式3-2") },
        { name: "別紙1 (旧)", used: used("別紙1 (旧)"), visibility: "Hidden" },
        { name: "別紙1", used: used("別紙1"), visibility: "Visible" },
        { name: "控え", used: used("控え"), visibility: "VeryHidden" },
      ],
      {},
    );
    const grid = await readGrid();
    expect(counter.syncs).toBe(2);
    expect(counter.collectionLoads).toEqual(["items/name,items/visibility"]);
    expect(grid.sheets.map((s) => [s.name, s.visibility ?? "visible"])).toEqual([
      ["様式3-2", "visible"],
      ["別紙1 (旧)", "hidden"],
      ["別紙1", "visible"],
      ["控え", "veryHidden"],
    ]);
  });
});

describe("applyWrites / revertWrites", () => {
  const ref = (row: number, col: number) => ({ sheet: "別紙1", row, col });
  const usedEmpty = { address: "別紙1!A1", values: [[""]], formulas: [[""]], numberFormat: [["General"]] };

  it("re-reads then writes in 2 syncs, skipping a cell changed since the read", async () => {
    const cells: Record<string, CellMock> = {
      "別紙1!K12": { values: [[100]], formulas: [[100]] },
      "別紙1!K13": { values: [[7]], formulas: [[7]] }, // user typed 7 since the read
      "別紙1!L12": { values: [[3]], formulas: [["=1+2"]] },
    };
    const { counter, cell } = workbookMock([{ name: "別紙1", used: usedEmpty }], cells);
    const plan: CellWrite[] = [
      { ref: ref(11, 10), value: 123, previous: 100 },
      { ref: ref(12, 10), value: 5, previous: null },
      { ref: ref(11, 11), formula: "=ROUNDDOWN(K12,0)", previous: 3, previousFormula: "=1+2" },
    ];
    const result = await applyWrites(plan);
    expect(counter.syncs).toBe(2);
    expect(result.applied).toEqual([plan[0], plan[2]]);
    expect(result.skipped.map((s) => s.write)).toEqual([plan[1]]);
    expect(result.skipped[0].reason.ja).toContain("K13");
    expect(counter.suspended).toBe(1);
    expect(cell("別紙1!K12").values).toEqual([[123]]);
    expect(cell("別紙1!K13").values).toEqual([[7]]);
    expect(cell("別紙1!L12").formulas).toEqual([["=ROUNDDOWN(K12,0)"]]);

    // Revert restores the previous value and the previous formula exactly; the workbook now holds the writes.
    counter.syncs = 0;
    cells["別紙1!K12"] = { values: [[123]], formulas: [[123]] };
    cells["別紙1!L12"] = { values: [[123]], formulas: [["=ROUNDDOWN(K12,0)"]] };
    const back = await revertWrites(result.applied);
    expect(counter.syncs).toBe(2);
    expect(back.skipped).toEqual([]);
    expect(cell("別紙1!K12").values).toEqual([[100]]);
    expect(cell("別紙1!L12").formulas).toEqual([["=1+2"]]);
  });

  it("does nothing and does not sync for an empty plan", async () => {
    const { counter } = workbookMock([{ name: "別紙1", used: usedEmpty }], {});
    expect(await applyWrites([])).toEqual({ applied: [], skipped: [] });
    expect(counter.syncs).toBe(0);
  });

  it("writes a share's % format with its value and reverts both, in 2 syncs each", async () => {
    const cells: Record<string, CellMock> = { "別紙1!S5": { values: [["99.94%"]], formulas: [["99.94%"]] } };
    const { counter, cell } = workbookMock([{ name: "別紙1", used: usedEmpty }], cells);
    const plan: CellWrite[] = [
      {
        ref: ref(4, 18),
        value: 0.9994,
        previous: "99.94%",
        previousFormula: null,
        numberFormat: "0.00%",
        previousNumberFormat: null,
      },
    ];
    const result = await applyWrites(plan);
    expect(counter.syncs).toBe(2);
    const s5 = cell("別紙1!S5") as unknown as { values: unknown[][]; numberFormat: unknown[][] };
    expect([s5.values, s5.numberFormat]).toEqual([[[0.9994]], [["0.00%"]]]);
    counter.syncs = 0;
    cells["別紙1!S5"] = { values: [[0.9994]], formulas: [[0.9994]] };
    const back = await revertWrites(result.applied);
    expect(counter.syncs).toBe(2);
    expect(back.skipped).toEqual([]);
    const restored = cell("別紙1!S5") as unknown as { values: unknown[][]; numberFormat: unknown[][] };
    expect([restored.values, restored.numberFormat]).toEqual([[["99.94%"]], [["General"]]]);
  });

  it("reverts a formula Excel has rewritten ('別紙1'!V4 read back as 別紙1!V4)", async () => {
    const cells: Record<string, CellMock> = { "別紙2!C2": { values: [[32316]], formulas: [["=別紙1!V4"]] } };
    const { cell } = workbookMock([{ name: "別紙2", used: usedEmpty }], cells);
    const applied: CellWrite[] = [
      {
        ref: { sheet: "別紙2", row: 1, col: 2 },
        formula: "='別紙1'!V4",
        value: 32316,
        previous: 32316,
        previousFormula: null,
      },
    ];
    const back = await revertWrites(applied);
    expect(back.skipped).toEqual([]);
    expect(cell("別紙2!C2").values).toEqual([[32316]]);
  });
});

describe("describeOfficeError", () => {
  it("says what to do for edit mode and protection", () => {
    expect(describeOfficeError({ code: "InvalidOperationInCellEditMode" }).ja).toContain("編集");
    expect(describeOfficeError({ code: "AccessDenied" }).en).toContain("Unprotect");
  });
});

describe("insertTemplate", () => {
  it("adds new sheets with free names, never touching existing ones, in 2 syncs", async () => {
    const added: { name: string; cells: Record<string, Record<string, unknown>>; merged: string[] }[] = [];
    const counter = { syncs: 0 };
    const existing = [{ name: "別紙1" }, { name: "別紙1 (2)" }, { name: "Sheet1" }];
    const context = {
      workbook: {
        worksheets: {
          items: existing,
          load: () => undefined,
          add: (name: string) => {
            const sheet = {
              name,
              cells: {} as Record<string, Record<string, unknown>>,
              merged: [] as string[],
            };
            added.push(sheet);
            return {
              getRange: (address: string) => {
                const range: Record<string, unknown> = {
                  format: { font: {}, fill: {}, protection: {} },
                  merge: () => sheet.merged.push(address),
                };
                sheet.cells[address] = range;
                return range;
              },
            };
          },
        },
      },
      application: { suspendApiCalculationUntilNextSync: () => undefined },
      sync: async () => {
        counter.syncs++;
      },
    };
    (globalThis as { Excel?: unknown }).Excel = { run: async (cb: (c: unknown) => unknown) => cb(context) };
    const { insertTemplate } = await import("../../taskpane/excel/adapter");
    const names = await insertTemplate([
      {
        name: "別紙1",
        cells: [
          { row: 0, col: 0, value: "別紙1", kind: "title" },
          { row: 2, col: 2, kind: "input" },
          { row: 2, col: 3, formula: "=ROUNDDOWN(C3,0)", numberFormat: "#,##0", kind: "derived" },
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
        columnWidths: [0, 8.43],
        rowHeights: { 1: 30 },
      },
      {
        name: "別紙2",
        // the template's own 別紙1, renamed: the formula must not read the user's 別紙1
        cells: [{ row: 1, col: 2, formula: "='別紙1'!D3+別紙1!D4&\"別紙1!A1\"", kind: "derived" }],
        merges: [],
      },
    ]);
    expect(names).toEqual(["別紙1 (3)", "別紙2"]);
    expect(counter.syncs).toBe(2);
    expect(added.map((s) => s.name)).toEqual(["別紙1 (3)", "別紙2"]);
    const [first, second] = added;
    expect(first.cells.A1.values).toEqual([["別紙1"]]);
    expect(first.cells.A1.format).toMatchObject({ font: { bold: true, size: 14 } });
    expect(first.cells.C3.values).toBeUndefined();
    expect(first.cells.C3.format).toMatchObject({
      fill: { color: "#FFF2CC" },
      protection: { locked: false },
    });
    expect(first.cells.D3.formulas).toEqual([["=ROUNDDOWN(C3,0)"]]);
    expect(first.cells.D3.numberFormat).toEqual([["#,##0"]]);
    expect(first.cells.D3.format).toMatchObject({ fill: { color: "#DDEBF7" } });
    expect(first.merged).toEqual(["A1:E1"]);
    expect(first.cells.B1.format).toMatchObject({ columnWidth: 48 });
    expect(first.cells["2:2"].format).toMatchObject({ rowHeight: 30 });
    expect(second.cells.C2.formulas).toEqual([["='別紙1 (3)'!D3+'別紙1 (3)'!D4&\"別紙1!A1\""]]);
  });
});

describe("insertTemplate page setup", () => {
  /** A context whose added sheets carry an office-addin-mock pageLayout; Office reports ExcelApi up to `api`. */
  function setup(api: number) {
    const layouts: OfficeMockObject[] = [];
    const calls: string[] = [];
    const context = {
      workbook: {
        worksheets: {
          items: [] as { name: string }[],
          load: () => undefined,
          add: () => {
            const pageLayout = new OfficeMockObject(
              {
                paperSize: "Letter",
                orientation: "Portrait",
                zoom: { scale: 100 },
                setPrintArea: (a: string) => calls.push(`area ${a}`),
                setPrintTitleRows: (r: string) => calls.push(`titles ${r}`),
              } as never,
              "excel" as never,
            );
            layouts.push(pageLayout);
            return { pageLayout, getRange: () => ({ format: { font: {}, fill: {}, protection: {} } }) };
          },
        },
      },
      application: { suspendApiCalculationUntilNextSync: () => undefined },
      sync: async () => undefined,
    };
    (globalThis as { Excel?: unknown }).Excel = { run: async (cb: (c: unknown) => unknown) => cb(context) };
    (globalThis as { Office?: unknown }).Office = {
      context: {
        requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && Number(v) <= api },
      },
    };
    return { layouts, calls };
  }
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  const sheets = [
    {
      name: "別紙1",
      cells: [{ row: 0, col: 0, value: "別紙1", kind: "title" as const }],
      merges: [],
      print: {
        paperSize: "A4" as const,
        orientation: "landscape" as const,
        fitToPagesWide: 1,
        area: { top: 0, left: 0, bottom: 9, right: 25 },
        titleRows: { first: 0, last: 2 },
      },
    },
    {
      name: "別紙2",
      cells: [],
      merges: [],
      print: {
        paperSize: "A4" as const,
        orientation: "portrait" as const,
        fitToPagesWide: 1,
        fitToPagesTall: 2,
        area: { top: 0, left: 0, bottom: 49, right: 2 },
      },
    },
  ];

  it("sets A4, the orientation, one page wide, the print area and 別紙1's title rows 1–3", async () => {
    const { layouts, calls } = setup(1.9);
    const { insertTemplate } = await import("../../taskpane/excel/adapter");
    await insertTemplate(sheets);
    const [list, plan] = layouts as unknown as Record<string, unknown>[];
    expect(list).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
    });
    expect((list.zoom as object) ?? {}).not.toHaveProperty("verticalFitToPages");
    expect(plan).toMatchObject({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 2 },
    });
    expect(calls).toEqual(["area A1:Z10", "titles $1:$3", "area A1:C50"]);
  });

  it("leaves the page setup alone where Excel has no pageLayout (before ExcelApi 1.9)", async () => {
    const { layouts, calls } = setup(1.8);
    const { insertTemplate } = await import("../../taskpane/excel/adapter");
    expect(await insertTemplate(sheets)).toEqual(["別紙1", "別紙2"]);
    layouts[0].load("paperSize,orientation");
    await layouts[0].sync();
    expect(layouts[0] as unknown as Record<string, unknown>).toMatchObject({
      paperSize: "Letter",
      orientation: "Portrait",
    });
    expect(calls).toEqual([]);
  });
});

describe("markCells / clearMarkers", () => {
  /** Conditional formats and settings of a workbook, with counted syncs. */
  function markerWorkbook(sheetNames: string[]) {
    const counter = { syncs: 0 };
    const formats: Record<
      string,
      {
        type: string;
        custom: { rule: { formula: string }; format: { fill: { color: string } } };
        deleted?: boolean;
      }[]
    > = {};
    const settings = new Map<string, string>();
    const sheet = (name: string) => ({
      name,
      getRange: (address: string) => ({
        conditionalFormats: {
          get items() {
            return (formats[`${name}!${address}`] ?? [])
              .filter((f) => !f.deleted)
              .map((f) => ({
                ...f,
                delete: () => (f.deleted = true),
              }));
          },
          load: () => undefined,
          add: (type: string) => {
            const cf = { type, custom: { rule: { formula: "" }, format: { fill: { color: "" } } } };
            (formats[`${name}!${address}`] ??= []).push(cf);
            return cf;
          },
        },
      }),
    });
    const sheets = sheetNames.map(sheet);
    const context = {
      workbook: {
        worksheets: {
          items: sheets,
          load: () => undefined,
          getItem: (n: string) => sheets.find((s) => s.name === n),
        },
        settings: {
          add: (key: string, value: string) => settings.set(key, value),
          getItemOrNullObject: (key: string) => ({
            isNullObject: !settings.has(key),
            value: settings.get(key),
            load: () => undefined,
            delete: () => settings.delete(key),
          }),
        },
      },
      sync: async () => {
        counter.syncs++;
      },
    };
    (globalThis as { Excel?: unknown }).Excel = {
      run: async (cb: (c: unknown) => unknown) => cb(context),
      ConditionalFormatType: { custom: "Custom" },
    };
    return { counter, formats, settings };
  }

  it("marks flagged cells with the add-in's own format and clears only those", async () => {
    const { markCells, clearMarkers } = await import("../../taskpane/excel/adapter");
    const { formats, settings, counter } = markerWorkbook(["別紙1", "別紙2"]);
    // the user's own conditional format on N5 stays
    formats["別紙1!N5"] = [
      { type: "Custom", custom: { rule: { formula: "=N5>0" }, format: { fill: { color: "#00FF00" } } } },
    ];
    await markCells([
      { sheet: "別紙1", row: 4, col: 13 },
      { sheet: "別紙2", row: 1, col: 2 },
    ]);
    expect(JSON.parse(settings.get("gec.markers")!)).toEqual([
      { sheet: "別紙1", address: "N5" },
      { sheet: "別紙2", address: "C2" },
    ]);
    expect(formats["別紙1!N5"].map((f) => f.custom.format.fill.color)).toEqual(["#00FF00", "#FFC7CE"]);
    expect(formats["別紙2!C2"][0].custom.rule.formula).toBe("=TRUE");

    counter.syncs = 0;
    expect(await clearMarkers()).toBe(2);
    expect(counter.syncs).toBe(3);
    expect(settings.has("gec.markers")).toBe(false);
    expect(formats["別紙1!N5"].filter((f) => !f.deleted).map((f) => f.custom.rule.formula)).toEqual([
      "=N5>0",
    ]);
    expect(await clearMarkers()).toBe(0);
  });

  it("skips markers of a sheet deleted since", async () => {
    const { clearMarkers } = await import("../../taskpane/excel/adapter");
    const { settings } = markerWorkbook(["別紙1"]);
    settings.set("gec.markers", JSON.stringify([{ sheet: "消えたシート", address: "A1" }]));
    expect(await clearMarkers()).toBe(0);
    expect(settings.has("gec.markers")).toBe(false);
  });
});

describe("activeCell (このセルの計算根拠)", () => {
  it("reads the selected cell in one sync, a quoted sheet name unquoted", async () => {
    let syncs = 0;
    const cell = new OfficeMockObject({ address: "'別紙 1'!U6" } as never, "excel" as never);
    const context = {
      workbook: { getActiveCell: () => cell },
      sync: async () => {
        syncs++;
        await cell.sync();
      },
    };
    (globalThis as { Excel?: unknown }).Excel = {
      run: async (callback: (c: unknown) => Promise<unknown>) => callback(context),
    };
    expect(await activeCell()).toEqual({ sheet: "別紙 1", row: 5, col: 20 });
    expect(syncs).toBe(1);
  });
});
