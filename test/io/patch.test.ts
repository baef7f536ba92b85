// The package-preserving writer: only the planned cells change; every other part and cell is carried over.
import * as ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { patchPackage, patchSheetXml, escapeText } from "../../io/patch";
import { readGrid } from "../../io/read";
import { XlsxError } from "../../io/errors";
import type { WritePlan } from "../../src/types";
import { richWorkbook } from "./richWorkbook";
import { changedCells } from "../fixtures/gridCells";

function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a !== undefined && b !== undefined && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

async function reread(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Uint8Array.from(bytes).buffer);
  return wb;
}

describe("patchPackage", () => {
  let original: Uint8Array;
  beforeAll(async () => {
    original = await richWorkbook();
  });

  const values: WritePlan = [
    { ref: { sheet: "別紙1", row: 4, col: 3 }, value: 186081657, previous: 1 }, // D5: keeps its fill and format
    { ref: { sheet: "別紙1", row: 5, col: 1 }, value: "新しい & <text>", previous: null }, // B6: a new row
    { ref: { sheet: "別紙1", row: 1, col: 4 }, value: true, previous: null }, // E2: a new cell in an existing row
    { ref: { sheet: "別紙1", row: 0, col: 0 }, value: null, previous: "項目" }, // A1 cleared
  ];

  it("with values only: every entry but the sheet is byte-identical, and only the planned cells change", async () => {
    const out = patchPackage(original, values);
    const before = entries(original);
    const after = entries(out);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const differing = Object.keys(before).filter((name) => !same(before[name], after[name]));
    expect(differing).toEqual(["xl/worksheets/sheet1.xml"]);
    for (const part of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/media/image1.png",
      "xl/calcChain.xml",
    ]) {
      expect(after[part]).toBeDefined();
    }
    expect(changedCells(readGrid(original), readGrid(out))).toEqual([
      "別紙1!0,0",
      "別紙1!1,4",
      "別紙1!4,3",
      "別紙1!5,1",
    ]);

    // An independent reader sees the written values and the kept style.
    const ws = (await reread(out)).getWorksheet("別紙1") as ExcelJS.Worksheet;
    expect(ws.getCell("D5").value).toBe(186081657);
    expect(ws.getCell("D5").numFmt).toBe("#,##0");
    expect(ws.getCell("D5").fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
    expect(ws.getCell("B6").value).toBe("新しい & <text>");
    expect(ws.getCell("E2").value).toBe(true);
    expect(ws.getCell("A1").value).toBeNull();
    expect(ws.getCell("C3").formula).toBe("B3*2");
  });

  it("with formulas and a number format: styles gain one xf, the calc chain goes, workbook.xml asks for a recalculation", async () => {
    const plan: WritePlan = [
      // C2 is the master of the shared formula C2:C4: its group keeps its formulas
      { ref: { sheet: "別紙1", row: 1, col: 2 }, formula: "=ROUNDDOWN(B2*2.5,0)", value: 25, previous: 20 },
      {
        ref: { sheet: "別紙1", row: 6, col: 3 },
        formula: "=SUM(D5)",
        value: 186081657,
        numberFormat: "0.00%",
        previous: null,
      },
    ];
    const out = patchPackage(original, plan);
    const before = entries(original);
    const after = entries(out);
    expect(after["xl/calcChain.xml"]).toBeUndefined();
    const differing = Object.keys(before)
      .filter((name) => !same(before[name], after[name]))
      .sort();
    expect(differing).toEqual([
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
      "xl/calcChain.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const dec = (b: Uint8Array) => new TextDecoder().decode(b);
    expect(dec(after["xl/workbook.xml"])).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(dec(after["[Content_Types].xml"])).not.toMatch(/calcChain/);
    expect(dec(after["xl/_rels/workbook.xml.rels"])).not.toMatch(/calcChain/);
    // the rest of those parts is unchanged
    expect(dec(after["[Content_Types].xml"])).toBe(
      dec(before["[Content_Types].xml"]).replace(/<Override PartName="\/xl\/calcChain.xml"[^>]*\/>/, ""),
    );

    const grid = readGrid(out);
    expect(changedCells(readGrid(original), grid)).toEqual(["別紙1!1,2", "別紙1!6,3"]);
    const s = grid.sheets[0];
    const at = (r: number, c: number) => [
      s.values[r - s.origin.row][c - s.origin.col],
      s.formulas?.[r - s.origin.row][c - s.origin.col],
    ];
    expect(at(1, 2)).toEqual([25, "=ROUNDDOWN(B2*2.5,0)"]);
    expect(at(2, 2)).toEqual([40, "=B3*2"]); // the group's other cells: same formula, now written out
    expect(at(3, 2)).toEqual([60, "=B4*2"]);
    const ws = (await reread(out)).getWorksheet("別紙1") as ExcelJS.Worksheet;
    expect(ws.getCell("D7").formula).toBe("SUM(D5)");
    expect(ws.getCell("D7").numFmt).toBe("0.00%");
  });

  it("checks every write before changing anything", () => {
    const reason = (plan: WritePlan) => {
      try {
        patchPackage(original, plan);
        return "written";
      } catch (e) {
        expect(e).toBeInstanceOf(XlsxError);
        return (e as XlsxError).reason;
      }
    };
    expect(reason([{ ref: { sheet: "別紙9", row: 0, col: 0 }, value: 1, previous: null }])).toBe(
      "xlsx.noSheet",
    );
    expect(reason([{ ref: { sheet: "別紙1", row: 0, col: 16384 }, value: 1, previous: null }])).toBe(
      "xlsx.badRef",
    );
    expect(reason([{ ref: { sheet: "別紙1", row: 0, col: 0 }, value: Infinity, previous: null }])).toBe(
      "xlsx.badValue",
    );
  });

  it("a later write to a cell wins (a revert after a fill)", () => {
    const out = patchPackage(original, [
      { ref: { sheet: "別紙1", row: 4, col: 3 }, value: 5, previous: 1 },
      { ref: { sheet: "別紙1", row: 4, col: 3 }, value: 1, previous: 5 },
    ]);
    expect(changedCells(readGrid(original), readGrid(out))).toEqual([]);
  });

  it("escapes text for XML, control characters as Excel's _xHHHH_", () => {
    expect(escapeText("a<b>&c\u0001_x0041_")).toBe("a&lt;b&gt;&amp;c_x0001__x005F_x0041_");
  });

  it("fills an empty <sheetData/> and keeps the XML well formed", () => {
    const xml = `<worksheet><dimension ref="A1"/><sheetData/><pageMargins left="0.7"/></worksheet>`;
    const out = patchSheetXml(
      xml,
      [{ ref: { sheet: "S", row: 1, col: 2 }, value: 5, previous: null }],
      () => null,
    );
    expect(out.xml).toBe(
      `<worksheet><dimension ref="A1"/><sheetData><row r="2"><c r="C2"><v>5</v></c></row></sheetData><pageMargins left="0.7"/></worksheet>`,
    );
  });

  it("writes out a shared group next to self-closing cells without touching them", () => {
    const xml =
      `<worksheet><sheetData><row r="1"><c r="A1" s="1"/><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>0</v></c></row>` +
      `<row r="2"><c r="A2" s="1"/><c r="B2"><f t="shared" si="0"/><v>0</v></c></row></sheetData></worksheet>`;
    const out = patchSheetXml(
      xml,
      [{ ref: { sheet: "S", row: 0, col: 1 }, value: 7, previous: 0 }],
      () => null,
    );
    // B2 keeps its own formula (A2*2, moved down one row by hand), A1 and A2 are as they were
    expect(out.xml).toBe(
      `<worksheet><sheetData><row r="1"><c r="A1" s="1"/><c r="B1"><v>7</v></c></row>` +
        `<row r="2"><c r="A2" s="1"/><c r="B2"><f>A2*2</f><v>0</v></c></row></sheetData></worksheet>`,
    );
    expect(out.formulas).toBe(true);
  });
});
