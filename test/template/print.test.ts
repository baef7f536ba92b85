// Templates print: LibreOffice exports `gec template` to PDF; pages counted and read back with poppler (the paper size
// and text of each page, independent of how the page setup was written: test/fixtures/pdf.ts).
import * as path from "path";
import { runGec, tempDir } from "../fixtures/runGec";
import { describePrint, pdfPages as pages, toPdf } from "../fixtures/pdf";
import { buildTemplate } from "../../src/template";

const dir = tempDir("print");
const toPdfHere = (file: string) => toPdf(file, dir);

/** The 別紙1 header rows as a reader finds them on the page: the title and the first and last column labels. */
const HEADER = ["様式3-2別紙1", "No.", "承認番号", "5.2 終了予定日"];

describePrint("gec template prints", () => {
  it("a 3-facility H002-2 on at most 4 A4 pages, 別紙1 landscape with its header rows", async () => {
    const file = path.join(dir, "three.xlsx");
    expect((await runGec(["template", "H002-2", "-n", "3", "-o", file])).code).toBe(0);
    const printed = pages(toPdfHere(file));
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.length).toBeLessThanOrEqual(4);
    expect(printed.every((p) => p.a4)).toBe(true);
    const list = printed.filter((p) => p.landscape);
    expect(list.length).toBe(1);
    for (const h of HEADER) expect(list[0].text).toContain(h);
  }, 300000);

  it("a 別紙1 too long for one page repeats its header rows on every page", async () => {
    // enough facilities that 別紙1, one page wide, runs over several pages
    const facilities = 200;
    const file = path.join(dir, "many.xlsx");
    expect((await runGec(["template", "H002-2", "-n", String(facilities), "-o", file])).code).toBe(0);
    const list = pages(toPdfHere(file)).filter((p) => p.landscape);
    expect(list.length).toBeGreaterThan(1);
    for (const page of list) for (const h of HEADER) expect(page.text).toContain(h);
    // every facility's row number printed once (the title rows repeat, the rows do not)
    const numbers = list.flatMap((p) =>
      p.text
        .split("\n")
        .map((line) => /^\s*(\d+)\s*$/.exec(line.split(/\s{2,}/).filter(Boolean)[0] ?? "")?.[1])
        .filter((n): n is string => n !== undefined),
    );
    expect(numbers.length).toBeGreaterThanOrEqual(facilities);
  }, 300000);
});

describe("the template's page setup", () => {
  it("declares A4, one page wide, a print area over every cell, and 別紙1's title rows", () => {
    const t = buildTemplate("H002-2", 3);
    for (const sheet of t.sheets) {
      expect(sheet.print?.paperSize).toBe("A4");
      expect(sheet.print?.fitToPagesWide).toBe(1);
      const area = sheet.print!.area;
      for (const c of sheet.cells) {
        expect(c.row).toBeLessThanOrEqual(area.bottom);
        expect(c.col).toBeLessThanOrEqual(area.right);
      }
    }
    const list = t.sheets.find((s) => s.name === "別紙1")!;
    expect(list.print?.orientation).toBe("landscape");
    // rows 1–3: the title, the group titles (1. 熱設備に関する情報 …) and the column labels (No. …)
    const rowOf = (text: string) => list.cells.find((c) => c.value === text)?.row;
    expect(list.print?.titleRows).toEqual({
      first: rowOf(list.cells[0].value as string),
      last: rowOf("No."),
    });
  });
});
