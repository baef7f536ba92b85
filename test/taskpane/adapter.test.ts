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
function workbookMock(sheets: { name: string; used: UsedMock }[], cells: Record<string, CellMock>) {
  const counter = { syncs: 0, collectionLoads: [] as unknown[], suspended: 0 };
  const handedOut: OfficeMockObject[] = [];
  const written: Record<string, OfficeMockObject> = {};
  const mockOf = (data: object) => {
    const m = new OfficeMockObject(data as never, "excel" as never);
    handedOut.push(m);
    return m;
  };
  const sheetMocks = sheets.map((s) => ({
    name: s.name,
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
  }));
  const context = {
    workbook: {
      worksheets: {
        items: sheetMocks,
        load: (p: unknown) => counter.collectionLoads.push(p),
        getItem: (name: string) => sheetMocks.find((s) => s.name === name),
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
    expect(counter.collectionLoads).toEqual(["items/name"]);
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
                  format: {},
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
          { row: 0, col: 0, value: "別紙1" },
          { row: 2, col: 3, formula: "=ROUNDDOWN(C3,0)", numberFormat: "#,##0" },
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
      },
      { name: "別紙2", cells: [], merges: [] },
    ]);
    expect(names).toEqual(["別紙1 (3)", "別紙2"]);
    expect(counter.syncs).toBe(2);
    expect(added.map((s) => s.name)).toEqual(["別紙1 (3)", "別紙2"]);
    expect(added[0].cells.A1.values).toEqual([["別紙1"]]);
    expect(added[0].cells.D3.formulas).toEqual([["=ROUNDDOWN(C3,0)"]]);
    expect(added[0].cells.D3.numberFormat).toEqual([["#,##0"]]);
    expect(added[0].merged).toEqual(["A1:E1"]);
  });
});
