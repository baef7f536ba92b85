// The working paper in Excel: made from the cells the pane read and opened through Excel.createWorkbook once, with
// the paper's bytes (office-addin-mock's Excel, the bytes decoded and read back with ExcelJS).
import * as ExcelJS from "exceljs";
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose ESM dependencies jest
// cannot load untransformed.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel" } }));

import { openAsNewWorkbook, toBase64, workbookName } from "../../taskpane/excel/newWorkbook";
import { cellsSource, fileSource, paperBytes } from "../../taskpane/paper";
import { gridDigest } from "../../src/report";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import { PAPER_SHEETS, coverPairs } from "../fixtures/paper";

interface ExcelMock {
  createWorkbook: jest.Mock;
  run: (f: (context: unknown) => Promise<unknown>) => Promise<unknown>;
}

function install(supported: boolean): { excel: ExcelMock; syncs: () => number } {
  let syncs = 0;
  const workbook = new OfficeMockObject({ name: "申請.xlsx" } as never, "excel" as never);
  const context = {
    workbook,
    sync: async () => {
      syncs++;
      await workbook.sync();
    },
  };
  const excel: ExcelMock = {
    createWorkbook: jest.fn(async () => undefined),
    run: async (f) => f(context),
  };
  Object.assign(globalThis, {
    Excel: excel,
    Office: {
      context: {
        requirements: {
          isSetSupported: (set: string, v: string) => supported && set === "ExcelApi" && v <= "1.8",
        },
      },
    },
  });
  return { excel, syncs: () => syncs };
}

describe("the paper in Excel", () => {
  it("opens as a new workbook: createWorkbook called once with the paper, named after the cells it checked", async () => {
    const { excel, syncs } = install(true);
    const grid = seedGrid("H002-2");
    const name = await workbookName();
    expect(name).toBe("申請.xlsx");
    expect(syncs()).toBe(1);
    await openAsNewWorkbook(paperBytes(grid, cellsSource(name, grid), "ja"));
    expect(excel.createWorkbook).toHaveBeenCalledTimes(1);
    const [base64] = excel.createWorkbook.mock.calls[0] as [string];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(Buffer.from(base64, "base64")).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(PAPER_SHEETS);
    const cover = coverPairs(wb);
    expect(cover.get("ファイル名")).toBe("申請.xlsx");
    expect(cover.get("SHA-256（読み取ったセル）")).toBe(gridDigest(grid));
  });

  it("the cells' digest changes with any cell and is the same for the same cells", () => {
    const grid = seedGrid("H002-2");
    expect(gridDigest(seedGrid("H002-2"))).toBe(gridDigest(grid));
    expect(gridDigest(withCell(grid, "別紙1", "N5", 186081657))).not.toBe(gridDigest(grid));
  });

  it("an Excel without ExcelApi 1.8 is told to use the standalone page, and nothing is created", async () => {
    const { excel } = install(false);
    await expect(openAsNewWorkbook(new Uint8Array([1, 2, 3]))).rejects.toThrow(/ExcelApi 1.8/);
    expect(excel.createWorkbook).not.toHaveBeenCalled();
  });

  it("base64 of a paper larger than one call's arguments", () => {
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) & 255);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });

  it("standalone: the source is the file's bytes", async () => {
    const bytes = new TextEncoder().encode("abc");
    // SHA-256("abc"), FIPS 180-4's example
    expect(fileSource("a.xlsx", bytes)).toEqual({
      fileName: "a.xlsx",
      digestOf: "file",
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      size: 3,
    });
  });
});
