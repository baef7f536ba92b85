// The two template writers (io/xlsxWrite for new workbooks, ExcelJS's addTemplate for sheets added to an open one)
// read back with ExcelJS and with the project's own reader: every TemplateCell and TemplateSheet feature lands alike.
import * as ExcelJS from "exceljs";
import { templateToXlsxBytes } from "../../io/xlsxWrite";
import { addTemplate, newWorkbook, saveWorkbook } from "../../io/xlsx";
import { readGrid } from "../../io/read";
import type { TemplateRow, TemplateWorkbook } from "../../src/template/types";

/** Markup, a literal "_x0041_" (which Excel would read as "A" unless escaped), a non-BMP character and a bell. */
const TRICKY = 'A & B <c> "d" _x0041_ 𠮷\u0007';
const MARKUP = 'A & B <c> "d" 𠮷';

function sample(): TemplateWorkbook {
  function* rows(): Generator<TemplateRow> {
    for (let r = 3; r < 1003; r++)
      yield {
        row: r,
        height: r === 3 ? 44 : undefined,
        cells: [
          { row: r, col: 0, kind: "derived", value: r - 2 },
          { row: r, col: 1, kind: "derived", value: `施設 ${r - 2}`, wrap: true },
          { row: r, col: 2, kind: "input", value: "☐", choices: ["☐", "☑"] },
          { row: r, col: 3, kind: "derived", value: "→ 根拠", link: "'根拠'!A1" },
        ],
      };
  }
  return {
    methodology: "",
    facilities: 0,
    properties: { title: "作業用紙: a&b.xlsx", creator: "GEC 様式3-2 ツール", keywords: "SHA-256 abc" },
    sheets: [
      {
        name: "一覧",
        cells: [
          { row: 0, col: 0, kind: "title", value: MARKUP },
          { row: 0, col: 5, kind: "note", value: TRICKY },
          { row: 1, col: 0, kind: "derived", value: 0.0749, numberFormat: "#,##0.0000" },
          { row: 1, col: 1, kind: "derived", value: true },
          { row: 1, col: 2, kind: "derived", formula: "=ROUNDDOWN(A2*1000,0)" },
          { row: 2, col: 0, kind: "label", value: "No." },
          { row: 2, col: 1, kind: "label", value: "設備名称" },
          { row: 2, col: 4, kind: "input", value: "", unlocked: true },
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
        columnWidths: [6, 20, 6, 12, 10],
        rowHeights: { 0: 30 },
        rows,
        freeze: { rows: 3 },
        autoFilter: { top: 2, left: 0, bottom: 1002, right: 3 },
        protect: true,
        print: {
          paperSize: "A4",
          orientation: "landscape",
          fitToPagesWide: 1,
          area: { top: 0, left: 0, bottom: 1002, right: 4 },
          titleRows: { first: 2, last: 2 },
          footer: "&P / &N · a&&b.xlsx · SHA-256 0123456789ab",
        },
      },
      { name: "根拠", cells: [{ row: 0, col: 0, kind: "heading", value: "根拠" }], merges: [] },
    ],
  };
}

async function viaExcelJs(t: TemplateWorkbook): Promise<Uint8Array> {
  const wb = newWorkbook();
  addTemplate(wb, t);
  wb.title = t.properties?.title ?? "";
  return saveWorkbook(wb);
}

describe.each([
  ["io/xlsxWrite", async (t: TemplateWorkbook) => templateToXlsxBytes(t, new Date(Date.UTC(2026, 11, 7)))],
  ["ExcelJS addTemplate", viaExcelJs],
])("%s", (_name, write) => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await write(sample());
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
  });

  it("values, text with markup and control characters, formats, booleans and formulas", () => {
    const ws = wb.getWorksheet("一覧")!;
    expect(ws.getCell("A1").value).toBe(MARKUP);
    expect(ws.getCell("A2").value).toBe(0.0749);
    expect(ws.getCell("A2").numFmt).toBe("#,##0.0000");
    expect(ws.getCell("B2").value).toBe(true);
    expect((ws.getCell("C2").value as ExcelJS.CellFormulaValue).formula).toBe("ROUNDDOWN(A2*1000,0)");
    expect(ws.getCell("A4").value).toBe(1);
    expect(ws.getCell("B1003").value).toBe("施設 1000");
    const link = ws.getCell("D4").value as ExcelJS.CellFormulaValue;
    expect(link.formula).toBe(`HYPERLINK("#'根拠'!A1","→ 根拠")`);
    expect(link.result).toBe("→ 根拠");
  });

  it("wrap, locks, the list, heights, widths, merges", () => {
    const ws = wb.getWorksheet("一覧")!;
    expect(ws.getCell("B4").alignment?.wrapText).toBe(true);
    expect(ws.getCell("C4").protection?.locked).toBe(false);
    expect(ws.getCell("E3").protection?.locked).toBe(false);
    expect(ws.getCell("A4").protection?.locked).not.toBe(false);
    expect(ws.getCell("C500").dataValidation).toMatchObject({ type: "list", formulae: ['"☐,☑"'] });
    expect(ws.getRow(4).height).toBe(44);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getColumn(2).width).toBe(20);
    expect(ws.getCell("B1").isMerged).toBe(true);
  });

  it("print setup, footer, frozen header, filter, protection, properties", () => {
    const ws = wb.getWorksheet("一覧")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
    });
    expect(ws.pageSetup.printArea?.replace(/\$/g, "")).toBe("A1:E1003");
    expect(ws.pageSetup.printTitlesRow?.replace(/\$/g, "")).toBe("3:3");
    expect(ws.headerFooter.oddFooter).toBe("&C&P / &N · a&&b.xlsx · SHA-256 0123456789ab");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.autoFilter).toBe("A3:D1003");
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; sort?: boolean } })
      .sheetProtection;
    expect(protection).toMatchObject({ sheet: true, sort: true });
    expect(wb.title).toBe("作業用紙: a&b.xlsx");
  });

  it("the project's own reader reads the same cells", () => {
    const grid = readGrid(bytes);
    const sheet = grid.sheets.find((s) => s.name === "一覧")!;
    const at = (r: number, c: number) => sheet.values[r - sheet.origin.row]?.[c - sheet.origin.col];
    expect(at(0, 0)).toBe(MARKUP);
    expect(at(1002, 1)).toBe("施設 1000");
    expect(at(3, 3)).toBe("→ 根拠");
  });
});

it("io/xlsxWrite escapes what XML cannot hold as Excel reads it back: _x0007_ for a bell, _x005F_ before a literal _x0041_", () => {
  // ExcelJS's writer leaves "_x0041_" as it is, which Excel and the project's reader read as "A"
  const grid = readGrid(templateToXlsxBytes(sample(), new Date(0)));
  const sheet = grid.sheets.find((s) => s.name === "一覧")!;
  expect(sheet.values[0 - sheet.origin.row][5 - sheet.origin.col]).toBe(TRICKY);
});

it("io/xlsxWrite is deterministic for one date: the same template gives the same bytes, whatever the clock", () => {
  const when = new Date(Date.UTC(2026, 11, 7));
  const first = Buffer.from(templateToXlsxBytes(sample(), when));
  // the ZIP's entry times have a 2-second grain: a clock 2 s later must change nothing
  const now = Date.now;
  Date.now = () => now() + 2_000;
  try {
    expect(first.equals(Buffer.from(templateToXlsxBytes(sample(), when)))).toBe(true);
  } finally {
    Date.now = now;
  }
});
