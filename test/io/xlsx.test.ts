// io/xlsx against workbooks built with plain ExcelJS: Grid mapping, exact writes, templates, and untrusted bytes.
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import {
  MAX_XLSX_BYTES,
  addTemplate,
  applyPlan,
  inspectXlsx,
  loadWorkbook,
  newWorkbook,
  saveWorkbook,
  workbookToGrid,
  XlsxError,
} from "../../io/xlsx";
import { GecError, isGecError } from "../../src/errors";
import type { TemplateWorkbook } from "../../src/template/types";
import type { WritePlan } from "../../src/types";
import { storedZip } from "../fixtures/zip";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Reads bytes back with plain ExcelJS, so that a test does not trust the module it checks. */
async function reread(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Uint8Array.from(bytes).buffer);
  return wb;
}

/** xl/workbook.xml of saved bytes, through ExcelJS's own ZIP dependency. */
async function workbookXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
}

/** The reason a load was refused; fails the test when anything but a GecError comes out. */
async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await loadWorkbook(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(GecError);
    expect(e).toBeInstanceOf(XlsxError);
    const err = e as XlsxError;
    expect(err.text.ja.length).toBeGreaterThan(0);
    expect(err.text.en.length).toBeGreaterThan(0);
    return err.reason;
  }
  throw new Error("loaded");
}

/** Deterministic pseudo-random bytes. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function sampleXlsx(compression: "STORE" | "DEFLATE" = "DEFLATE"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("別紙1");
  ws.getCell("A1").value = "事業名";
  ws.getCell("B1").value = 494794207;
  ws.getCell("B2").value = { formula: "B1*2", result: 989588414 };
  ws.getCell("B3").value = { sharedFormula: "B2", result: 0 };
  ws.getCell("C3").value = new Date(Date.UTC(2020, 3, 1));
  ws.getCell("C3").numFmt = "yyyy/m/d";
  ws.getCell("D3").value = { richText: [{ text: "Q" }, { text: "BL" }] };
  ws.mergeCells("C1:D2");
  return new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression } }));
}

describe("workbookToGrid", () => {
  let grid: ReturnType<typeof workbookToGrid>;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("別紙1");
    ws.getCell("A1").value = 123.45;
    ws.getCell("B1").value = "text";
    ws.getCell("C1").value = "全角テキスト１２３，４５６";
    ws.getCell("D1").value = new Date(Date.UTC(2020, 3, 1));
    ws.getCell("D1").numFmt = "yyyy/m/d";
    ws.getCell("E1").value = true;
    ws.getCell("F1").value = false;
    ws.getCell("G1").value = new Date(Date.UTC(2020, 3, 1, 12));
    ws.getCell("G1").numFmt = "yyyy/m/d h:mm";

    ws.getCell("A2").value = 1;
    ws.getCell("A3").value = 2;
    ws.getCell("B2").value = {
      formula: "A2*2",
      result: 2,
      shareType: "shared",
      ref: "B2:B3",
    } as ExcelJS.CellValue;
    ws.getCell("B3").value = { sharedFormula: "B2", result: 4 };
    ws.getCell("C2").value = { error: "#VALUE!" };
    ws.getCell("C3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("D2").value = "merged";
    ws.mergeCells("D2:E3");
    ws.getCell("F2").value = { richText: [{ text: "Q" }, { text: "BL", font: { vertAlign: "subscript" } }] };
    ws.getCell("G2").value = { text: "link", hyperlink: "https://example.com/" };

    ws.getCell("A4").value = 0.9994;
    ws.getCell("A4").numFmt = "0.00%";
    ws.getCell("B4").value = 494794207;
    ws.getCell("B4").numFmt = "#,##0";
    ws.getCell("C4").value = { formula: "A4*2" };

    const other = wb.addWorksheet("別紙2");
    other.getCell("C5").value = "first";
    other.getCell("D7").value = 7;
    wb.addWorksheet("空");

    grid = workbookToGrid(await loadWorkbook(await bytesOf(wb)));
  });

  it("gives one rectangular sheet per worksheet, in order, from the used range's top-left", () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(["別紙1", "別紙2", "空"]);
    const [a, b, empty] = grid.sheets;
    expect(a.origin).toEqual({ row: 0, col: 0 });
    expect(a.values).toHaveLength(4);
    for (const line of a.values) expect(line).toHaveLength(7);
    expect(b.origin).toEqual({ row: 4, col: 2 });
    expect(b.values).toEqual([
      ["first", null],
      [null, null],
      [null, 7],
    ]);
    expect(empty.values).toEqual([]);
    for (const s of grid.sheets) {
      expect(s.formulas?.map((l) => l.length)).toEqual(s.values.map((l) => l.length));
      expect(s.numberFormats?.map((l) => l.length)).toEqual(s.values.map((l) => l.length));
    }
  });

  it("maps numbers, text, full-width text, booleans and dates (serials) as they are", () => {
    const [line] = grid.sheets[0].values;
    expect(line.slice(0, 6)).toEqual([123.45, "text", "全角テキスト１２３，４５６", 43922, true, false]);
    expect(line[6]).toBe(43922.5);
  });

  it("gives formulas with their cached results, shared formulas resolved per cell", () => {
    const s = grid.sheets[0];
    expect(s.values[1][1]).toBe(2);
    expect(s.formulas?.[1][1]).toBe("=A2*2");
    expect(s.values[2][1]).toBe(4);
    expect(s.formulas?.[2][1]).toBe("=A3*2");
    expect(s.values[3][2]).toBeNull();
    expect(s.formulas?.[3][2]).toBe("=A4*2");
    expect(s.formulas?.[0][0]).toBeNull();
  });

  it("gives error values as their text, also as a formula's result", () => {
    const s = grid.sheets[0];
    expect(s.values[1][2]).toBe("#VALUE!");
    expect(s.values[2][2]).toBe("#DIV/0!");
    expect(s.formulas?.[2][2]).toBe("=1/0");
  });

  it("puts a merged range's value in its master only", () => {
    const s = grid.sheets[0];
    expect(s.values[1].slice(3, 5)).toEqual(["merged", null]);
    expect(s.values[2].slice(3, 5)).toEqual([null, null]);
  });

  it("flattens rich text and hyperlinks to their text", () => {
    const s = grid.sheets[0];
    expect(s.values[1][5]).toBe("QBL");
    expect(s.values[1][6]).toBe("link");
  });

  it("gives number formats, null where none", () => {
    const s = grid.sheets[0];
    expect(s.numberFormats?.[3][0]).toBe("0.00%");
    expect(s.numberFormats?.[3][1]).toBe("#,##0");
    expect(s.values[3].slice(0, 2)).toEqual([0.9994, 494794207]);
    expect(s.numberFormats?.[0][1]).toBeNull();
  });

  it("reads dates of a 1904 date-system workbook as that system's serials", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = new Date(Date.UTC(2020, 3, 1));
    ws.getCell("A1").numFmt = "yyyy/m/d";
    const reread1904 = await loadWorkbook(await bytesOf(wb));
    expect(reread1904.properties.date1904).toBe(true);
    expect(workbookToGrid(reread1904).sheets[0].values).toEqual([[43922 - 1462]]);
  });

  it("refuses a sheet whose used range would not fit in memory", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("XFD1048576").value = 2;
    const loaded = await loadWorkbook(await bytesOf(wb));
    expect(() => workbookToGrid(loaded)).toThrow(expect.objectContaining({ reason: "xlsx.gridTooLarge" }));
  });
});

describe("applyPlan", () => {
  async function original(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("別紙1");
    ws.getCell("A1").value = 1;
    ws.getCell("A1").font = { bold: true };
    ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    ws.getCell("B1").value = "keep";
    ws.getCell("B1").border = { bottom: { style: "thin" } };
    ws.getCell("C1").value = 5;
    ws.getCell("C1").numFmt = "#,##0";
    ws.getCell("C1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    ws.getCell("A3").value = "x";
    wb.addWorksheet("他").getCell("A1").value = "other";
    return reread(await bytesOf(wb));
  }

  function snapshot(wb: ExcelJS.Workbook): Map<string, string> {
    const cells = new Map<string, string>();
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          cells.set(`${ws.name}!${cell.address}`, JSON.stringify({ v: cell.value, s: cell.style }));
        }),
      );
    }
    return cells;
  }

  const plan: WritePlan = [
    { ref: { sheet: "別紙1", row: 0, col: 2 }, value: 7, previous: 5 },
    { ref: { sheet: "別紙1", row: 0, col: 3 }, formula: "=A1+C1", value: 8, previous: null },
    { ref: { sheet: "別紙1", row: 1, col: 4 }, value: "new", previous: null },
    { ref: { sheet: "別紙1", row: 2, col: 0 }, value: null, previous: "x" },
    { ref: { sheet: "他", row: 4, col: 1 }, formula: "SUM(1,2)", previous: null },
  ];

  it("writes exactly the planned cells, keeps their styles, and leaves every other cell alone", async () => {
    const before = await original();
    const wb = await original();
    applyPlan(wb, plan);
    expect(wb.calcProperties.fullCalcOnLoad).toBe(true);
    const saved = await saveWorkbook(wb);
    const after = await reread(saved);
    // ExcelJS does not read calcPr back: look at the saved workbook.xml itself.
    expect(await workbookXml(saved)).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);

    const s = after.getWorksheet("別紙1");
    expect(s?.getCell("C1").value).toBe(7);
    expect(s?.getCell("C1").numFmt).toBe("#,##0");
    expect(s?.getCell("C1").fill).toEqual(before.getWorksheet("別紙1")?.getCell("C1").fill);
    expect(s?.getCell("D1").formula).toBe("A1+C1");
    expect(s?.getCell("D1").result).toBe(8);
    expect(s?.getCell("E2").value).toBe("new");
    expect(s?.getCell("A3").value).toBeNull();
    expect(after.getWorksheet("他")?.getCell("B5").formula).toBe("SUM(1,2)");

    const a = snapshot(before);
    const b = snapshot(after);
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter((k) => {
      const x = a.get(k);
      const y = b.get(k);
      // A cell that exists on one side only and is blank there has not changed.
      const blank = (j?: string) => j === undefined || JSON.parse(j).v === null;
      if (x === undefined || y === undefined) return !(blank(x) && blank(y));
      return x !== y;
    });
    expect(changed.sort()).toEqual(["他!B5", "別紙1!A3", "別紙1!C1", "別紙1!D1", "別紙1!E2"]);
    // Styles of untouched cells survive the round trip.
    expect(s?.getCell("A1").font?.bold).toBe(true);
    expect(s?.getCell("B1").border?.bottom?.style).toBe("thin");
  });

  it("refuses a plan naming a missing sheet, before writing anything", async () => {
    const wb = await original();
    const bad: WritePlan = [plan[0], { ref: { sheet: "別紙9", row: 0, col: 0 }, value: 1, previous: null }];
    expect(() => applyPlan(wb, bad)).toThrow(expect.objectContaining({ reason: "xlsx.noSheet" }));
    expect(wb.getWorksheet("別紙1")?.getCell("C1").value).toBe(5);
  });

  it("refuses a cell outside Excel's grid", async () => {
    const wb = await original();
    expect(() =>
      applyPlan(wb, [{ ref: { sheet: "別紙1", row: -1, col: 0 }, value: 1, previous: null }]),
    ).toThrow(GecError);
    expect(() =>
      applyPlan(wb, [{ ref: { sheet: "別紙1", row: 0, col: 16384 }, value: 1, previous: null }]),
    ).toThrow(expect.objectContaining({ reason: "xlsx.badRef" }));
  });
});

describe("addTemplate", () => {
  const template: TemplateWorkbook = {
    methodology: "H002-2",
    facilities: 1,
    sheets: [
      {
        name: "別紙1",
        cells: [
          { row: 0, col: 0, kind: "title", value: "様式3-2別紙1" },
          { row: 1, col: 0, kind: "label", value: "熱量" },
          { row: 1, col: 1, kind: "input", numberFormat: "#,##0" },
          { row: 1, col: 2, kind: "derived", formula: "=ROUNDDOWN(B2*2,0)", numberFormat: "#,##0" },
          { row: 3, col: 0, kind: "note", value: "注" },
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
        columnWidths: [20, 0, 12],
      },
      {
        name: "別紙2",
        cells: [{ row: 0, col: 0, kind: "derived", formula: "='別紙1'!C2+別紙1!B2" }],
        merges: [],
      },
    ],
  };

  it("adds new sheets beside existing ones, never over them, and styles inputs apart from derived cells", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("別紙1").getCell("A1").value = "user data";
    const names = addTemplate(wb, template);
    expect(names).toEqual(["別紙1 (2)", "別紙2"]);
    expect(wb.calcProperties.fullCalcOnLoad).toBe(true);

    const after = await reread(await saveWorkbook(wb));
    expect(after.worksheets.map((w) => w.name)).toEqual(["別紙1", "別紙1 (2)", "別紙2"]);
    expect(after.getWorksheet("別紙1")?.getCell("A1").value).toBe("user data");

    const ws = after.getWorksheet("別紙1 (2)");
    if (!ws) throw new Error("sheet missing");
    expect(ws.getCell("A1").value).toBe("様式3-2別紙1");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(14);
    expect(ws.getCell("D1").isMerged).toBe(true);
    expect(ws.getCell("D1").master.address).toBe("A1");
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getColumn(3).width).toBe(12);

    const fill = (address: string) => {
      const f = ws.getCell(address).fill;
      return f?.type === "pattern" ? f.fgColor?.argb : undefined;
    };
    expect(fill("A2")).toBe("FFF2F2F2");
    expect(fill("B2")).toBe("FFFFF2CC");
    expect(fill("C2")).toBe("FFDDEBF7");
    expect(ws.getCell("B2").protection?.locked).toBe(false);
    expect(ws.getCell("B2").numFmt).toBe("#,##0");
    expect(ws.getCell("C2").border?.top?.style).toBe("thin");
    expect(ws.getCell("C2").formula).toBe("ROUNDDOWN(B2*2,0)");
    expect(ws.getCell("A4").font?.size).toBe(9);
    expect(ws.getCell("A4").font?.color?.argb).toBe("FF595959");
    // References to a renamed template sheet follow it, not the user's sheet of the old name.
    expect(after.getWorksheet("別紙2")?.getCell("A1").formula).toBe("'別紙1 (2)'!C2+'別紙1 (2)'!B2");
  });

  it("counts on when the numbered names are taken too, and keeps names legal for Excel", () => {
    const wb = newWorkbook();
    wb.addWorksheet("別紙1");
    wb.addWorksheet("別紙1 (2)");
    wb.addWorksheet("別紙2");
    expect(addTemplate(wb, template)).toEqual(["別紙1 (3)", "別紙2 (2)"]);

    const long = "あ".repeat(40);
    const odd: TemplateWorkbook = {
      methodology: "x",
      facilities: 0,
      sheets: [long, long, "a/b:c*d?[e]\\f", "'quoted'"].map((name) => ({ name, cells: [], merges: [] })),
    };
    const names = addTemplate(wb, odd);
    expect(names[0]).toBe("あ".repeat(31));
    expect(names[1]).toBe("あ".repeat(27) + " (2)");
    expect(names[2]).toBe("a_b_c_d__e__f");
    expect(names[3]).toBe("quoted");
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });
});

describe("untrusted bytes", () => {
  it("refuses empty bytes", async () => {
    expect(await refusal(new Uint8Array(0))).toBe("xlsx.empty");
  });

  it("refuses random bytes and a PNG", async () => {
    expect(await refusal(noise(10_000, 42))).toBe("xlsx.notZip");
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(100, 7)]);
    expect(await refusal(png)).toBe("xlsx.notZip");
  });

  it("names an .xls or password-protected workbook (OLE compound file)", async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(504, 3)]);
    expect(await refusal(ole)).toBe("xlsx.legacyOrEncrypted");
  });

  it("refuses a ZIP that is not a workbook (.docx-like)", async () => {
    const docx = storedZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    expect(await refusal(docx)).toBe("xlsx.notXlsx");
  });

  it("refuses zip bombs by their declared sizes", async () => {
    const entry = { name: "xl/workbook.xml", data: "<workbook/>" };
    const huge = storedZip([{ ...entry, declaredUncompressed: 1024 ** 3 }]);
    expect(await refusal(huge)).toBe("xlsx.zipBomb");
    const ratio = storedZip([{ ...entry, declaredUncompressed: 10 * 1024 ** 2, declaredCompressed: 10_000 }]);
    expect(await refusal(ratio)).toBe("xlsx.zipBomb");
    const zip64 = storedZip([{ ...entry, declaredUncompressed: 5 * 1024 ** 3 }], { zip64: true });
    expect(await refusal(zip64)).toBe("xlsx.zipBomb");
    // The same ZIP64 layout with honest sizes passes the guard.
    expect(() => inspectXlsx(storedZip([entry], { zip64: true }))).not.toThrow();
  });

  it("refuses more than 10,000 entries", async () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}`, data: "" }));
    expect(await refusal(storedZip(entries))).toBe("xlsx.tooManyEntries");
  });

  it("refuses a truncated workbook", async () => {
    const bytes = await sampleXlsx();
    expect(["xlsx.corrupt", "xlsx.notZip"]).toContain(await refusal(bytes.slice(0, bytes.length >> 1)));
  });

  it("refuses a workbook.xml that is not XML as damaged", async () => {
    const bad = storedZip([{ name: "xl/workbook.xml", data: "<workbook><sheets><sheet" }]);
    const outcome = await loadWorkbook(bad).then(
      () => "loaded",
      (e: unknown) => (e instanceof XlsxError ? e.reason : "other"),
    );
    expect(["loaded", "xlsx.corrupt"]).toContain(outcome);
  });

  it("refuses more than 50 MB before reading it", async () => {
    const big = new Uint8Array(51 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(MAX_XLSX_BYTES).toBe(50 * 1024 * 1024);
    expect(await refusal(big)).toBe("xlsx.tooLarge");
  });

  it("loads a real workbook from a Uint8Array view with an offset", async () => {
    const bytes = await sampleXlsx();
    const padded = new Uint8Array(bytes.length + 10);
    padded.set(bytes, 5);
    const wb = await loadWorkbook(padded.subarray(5, 5 + bytes.length));
    expect(workbookToGrid(wb).sheets[0].values[0].slice(0, 2)).toEqual(["事業名", 494794207]);
  });

  /** Loads and reads a grid, or throws a GecError; anything else fails the property. */
  async function loadsOrGecError(bytes: Uint8Array): Promise<boolean> {
    try {
      workbookToGrid(await loadWorkbook(bytes));
      return true;
    } catch (e) {
      if (!isGecError(e)) throw e;
      return true;
    }
  }

  it("random bytes either load or throw a GecError", async () => {
    const zipLike = fc
      .uint8Array({ maxLength: 2048 })
      .map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2048 }), zipLike), loadsOrGecError),
      { numRuns: 200 },
    );
  });

  // Stored entries put the XML itself under the mutations; deflated ones exercise the inflater.
  it.each(["STORE", "DEFLATE"] as const)(
    "mutations of a valid workbook (%s) either load or throw a GecError",
    async (compression) => {
      const valid = await sampleXlsx(compression);
      const mutation = fc.record({
        flips: fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 20,
        }),
        cut: fc.option(fc.nat({ max: valid.length }), { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(mutation, ({ flips, cut }) => {
          const bytes = valid.slice(0, cut ?? valid.length);
          for (const [at, b] of flips) if (at < bytes.length) bytes[at] = b;
          return loadsOrGecError(bytes);
        }),
        { numRuns: 50 },
      );
    },
  );
});
