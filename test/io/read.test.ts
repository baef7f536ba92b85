// The streaming reader against the ExcelJS reading it replaces (the oracle): the same Grid on every fixture and on
// generated workbooks; and its budgets on untrusted bytes.
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import { loadWorkbook, workbookToGrid } from "../../io/xlsx";
import { isDateFormat, readGrid, slideFormula } from "../../io/read";
import { XlsxError } from "../../io/errors";
import { storedZip } from "../fixtures/zip";

const FIXTURES = path.join(__dirname, "..", "fixtures", "xlsx");

async function oracle(bytes: Uint8Array) {
  return workbookToGrid(await loadWorkbook(bytes));
}

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    const err = e as XlsxError;
    expect(err.text.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(err.text.en.length).toBeGreaterThan(10);
    return err.reason;
  }
  return "read";
}

describe("readGrid gives the Grid ExcelJS gave", () => {
  it.each(fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")))("on %s", async (file) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
    expect(readGrid(bytes)).toEqual(await oracle(bytes));
  });

  it("on a workbook with every kind of cell the engine reads", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("別紙1");
    ws.getCell("B2").value = 123.45;
    ws.getCell("C2").value = "全角１２３，４５６ & <tag>";
    ws.getCell("D2").value = new Date(Date.UTC(2020, 3, 1, 12));
    ws.getCell("D2").numFmt = "yyyy/m/d h:mm";
    ws.getCell("E2").value = true;
    ws.getCell("F2").value = { error: "#N/A" };
    ws.getCell("B3").value = 1;
    ws.getCell("B4").value = 2;
    ws.getCell("C3").value = {
      formula: "B3*2",
      result: 2,
      shareType: "shared",
      ref: "C3:C4",
    } as ExcelJS.CellValue;
    ws.getCell("C4").value = { sharedFormula: "C3", result: 4 };
    ws.getCell("D3").value = { formula: 'TEXT(B3,"0")', result: "1" };
    ws.getCell("E3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("F3").value = { richText: [{ text: "Q" }, { text: "BL", font: { vertAlign: "subscript" } }] };
    ws.getCell("G3").value = { text: "link", hyperlink: "https://example.com/" };
    ws.getCell("B5").value = 0.9994;
    ws.getCell("B5").numFmt = "0.00%";
    ws.getCell("C5").numFmt = "#,##0";
    ws.getCell("D5").value = "merged";
    ws.mergeCells("D5:F6");
    ws.getCell("B7").value = "line\nbreak\ttab";
    const other = wb.addWorksheet("別紙2");
    other.getCell("Z40").value = 7;
    wb.addWorksheet("空");
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const grid = readGrid(bytes);
    expect(grid).toEqual(await oracle(bytes));
    // independent of the oracle: 2020-04-01 12:00 is serial 43922.5; the shared formula moves one row down
    expect(grid.sheets[0].values[0][2]).toBe(43922.5);
    expect(grid.sheets[0].formulas?.[2][1]).toBe("=B4*2");
  });

  const cell = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.integer(),
    fc.string({ maxLength: 12 }),
    fc.constantFrom("494,794,207", "９９．９４%", "令和2年4月1日", "—", "a&b<c>", "_x000D_"),
    fc.boolean(),
    fc.date({
      min: new Date(Date.UTC(1950, 0, 1)),
      max: new Date(Date.UTC(2100, 0, 1)),
      noInvalidDate: true,
    }),
    fc.constant(null),
  );
  const sheet = fc.record({
    cells: fc.array(fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 12 }), cell), { maxLength: 40 }),
    formats: fc.array(
      fc.tuple(
        fc.nat({ max: 30 }),
        fc.nat({ max: 12 }),
        fc.constantFrom("0.00%", "#,##0", "yyyy/m/d", "@", "0.0000"),
      ),
      { maxLength: 6 },
    ),
    formulas: fc.array(
      fc.tuple(
        fc.nat({ max: 30 }),
        fc.nat({ max: 12 }),
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
      ),
      { maxLength: 5 },
    ),
    merge: fc.option(
      fc.tuple(
        fc.nat({ max: 30 }),
        fc.nat({ max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
      ),
      { nil: undefined },
    ),
  });

  it("on generated workbooks (values, formats, formulas, merges, 1904 dates)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sheet, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (sheets, date1904) => {
          const wb = new ExcelJS.Workbook();
          wb.properties.date1904 = date1904;
          sheets.forEach((s, i) => {
            const ws = wb.addWorksheet(`S${i}`);
            for (const [r, c, v] of s.cells) ws.getCell(r + 1, c + 1).value = v;
            for (const [r, c, f] of s.formats) ws.getCell(r + 1, c + 1).numFmt = f;
            for (const [r, c, result] of s.formulas) {
              ws.getCell(r + 1, c + 1).value =
                result === undefined ? { formula: "A1+1" } : { formula: "SUM($A$1:B2)", result };
            }
            if (s.merge) {
              const [r, c, h, w] = s.merge;
              ws.mergeCells(r + 1, c + 1, r + 1 + h, c + 1 + w);
            }
          });
          const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
          expect(readGrid(bytes)).toEqual(await oracle(bytes));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("reader helpers", () => {
  it("slides relative references only", () => {
    // by hand: from B2 to C4 is one column right and two rows down
    expect(
      slideFormula("A1+$A1+A$1+$A$1+SUM(A1:B2)+Sheet1!A1+LOG10(2)", { row: 1, col: 1 }, { row: 3, col: 2 }),
    ).toBe("B3+$A3+B$1+$A$1+SUM(B3:C4)+Sheet1!B3+LOG10(2)");
  });

  it("tells date formats by their letters outside quotes and brackets", () => {
    expect(isDateFormat("yyyy/m/d")).toBe(true);
    expect(isDateFormat('[$-411]ggge"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('#,##0"円"')).toBe(false);
    expect(isDateFormat("[Red]0.00")).toBe(false);
    expect(isDateFormat(null)).toBe(false);
  });
});

describe("budgets on untrusted bytes", () => {
  const types = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;
  const workbook = `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const rels = `<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  const book = (sheet: string, extra: { name: string; data: string }[] = []) =>
    storedZip([
      { name: "[Content_Types].xml", data: types },
      { name: "xl/workbook.xml", data: workbook },
      { name: "xl/_rels/workbook.xml.rels", data: rels },
      { name: "xl/worksheets/sheet1.xml", data: sheet },
      ...extra,
    ]);

  it("reads a minimal hand-written workbook", () => {
    const grid = readGrid(
      book(
        `<worksheet><sheetData><row r="2"><c r="B2"><v>5</v></c><c r="C2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
      ),
    );
    expect(grid.sheets[0]).toMatchObject({ name: "S", values: [[5, "x"]], origin: { row: 1, col: 1 } });
  });

  it("refuses a merge over the whole sheet", () => {
    expect(
      reason(() =>
        readGrid(
          book(
            `<worksheet><sheetData/><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`,
          ),
        ),
      ),
    ).toBe("xlsx.overBudget");
  });

  it("reads a column definition over a billion columns without expanding it", () => {
    const grid = readGrid(
      book(
        `<worksheet><cols><col min="1" max="1000000000" style="0"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
      ),
    );
    expect(grid.sheets[0].values).toEqual([[1]]);
  });

  it("refuses a DOCTYPE (billion laughs) and invalid UTF-8", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    expect(reason(() => readGrid(book(laughs)))).toBe("xlsx.corrupt");
    const bad = storedZip([
      { name: "xl/workbook.xml", data: workbook },
      { name: "xl/_rels/workbook.xml.rels", data: rels },
      { name: "xl/worksheets/sheet1.xml", data: Uint8Array.from([0x3c, 0x77, 0xff, 0xfe, 0x3e]) },
    ]);
    expect(reason(() => readGrid(bad))).toBe("xlsx.corrupt");
  });

  it("refuses duplicate and path-traversal entry names", () => {
    const sheet = `<worksheet><sheetData/></worksheet>`;
    expect(reason(() => readGrid(book(sheet, [{ name: "xl/worksheets/sheet1.xml", data: sheet }])))).toBe(
      "xlsx.corrupt",
    );
    expect(reason(() => readGrid(book(sheet, [{ name: "../../etc/passwd", data: "x" }])))).toBe(
      "xlsx.unsafeName",
    );
  });

  it("refuses more data validations than the budget", () => {
    const dv = `<dataValidation sqref="A1"/>`.repeat(10_001);
    expect(
      reason(() =>
        readGrid(book(`<worksheet><sheetData/><dataValidations>${dv}</dataValidations></worksheet>`)),
      ),
    ).toBe("xlsx.overBudget");
  });
});

describe("mutated workbooks", () => {
  /** Reads, or refuses with the project's own error; anything else fails the property. */
  function readsOrRefuses(bytes: Uint8Array): boolean {
    try {
      readGrid(bytes);
    } catch (e) {
      if (!(e instanceof XlsxError)) throw e;
    }
    return true;
  }

  it.each(["STORE", "DEFLATE"] as const)(
    "a valid workbook (%s) with bytes flipped or cut",
    async (compression) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("別紙1");
      ws.getCell("A1").value = "事業名";
      ws.getCell("B1").value = 494794207;
      ws.getCell("B2").value = { formula: "B1*2", result: 989588414 };
      ws.mergeCells("C1:D2");
      const valid = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression } }));
      const mutation = fc.record({
        flips: fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 20,
        }),
        cut: fc.option(fc.nat({ max: valid.length }), { nil: undefined }),
      });
      fc.assert(
        fc.property(mutation, ({ flips, cut }) => {
          const bytes = valid.slice(0, cut ?? valid.length);
          for (const [at, b] of flips) if (at < bytes.length) bytes[at] = b;
          return readsOrRefuses(bytes);
        }),
        { numRuns: 150 },
      );
    },
  );

  it("random bytes", () => {
    const zipLike = fc
      .uint8Array({ maxLength: 2048 })
      .map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]));
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 2048 }), zipLike), readsOrRefuses), {
      numRuns: 200,
    });
  });
});
