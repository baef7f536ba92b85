// The working paper prints: LibreOffice exports `gec report` to PDF; poppler reads each page back (size, text, and
// the words' boxes), so the checks hold whatever way the page setup was written.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { runGec, tempDir } from "../fixtures/runGec";
import { describePrint, pagePng, pdfPages, toPdf } from "../fixtures/pdf";
import type { PdfPage as Page } from "../fixtures/pdf";

const dir = tempDir("report-print");
const published = path.join(__dirname, "..", "fixtures", "xlsx", "H002-2-published.xlsx");
const root = path.join(__dirname, "..", "..");

/** The words of one column of a page: from its header word's left edge to the next header's, top to bottom. */
function column(page: Page, header: string, next: string): string {
  const h = page.words.find((w) => w.text === header);
  const n = page.words.find(
    (w) => w.text === next && h !== undefined && w.x > h.x && Math.abs(w.y - h.y) < 2,
  );
  if (!h || !n) return "";
  return page.words
    .filter((w) => w.x >= h.x - 1 && w.x < n.x - 1 && w.y > h.y + 1)
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((w) => w.text)
    .join("");
}

describePrint("gec report prints", () => {
  let printed: Page[];
  let table: Page[];

  beforeAll(async () => {
    const file = path.join(dir, "paper.xlsx");
    expect((await runGec(["report", published, "-o", file])).code).toBe(0);
    printed = pdfPages(toPdf(file, dir));
    // the 一覧表's pages: its header row, repeated on every page (print titles)
    table = printed.filter((p) => /計算根拠（最終段）/.test(p.text));
  }, 300_000);

  it("every page A4, with its number, the file and the first 12 digits of its SHA-256 in the footer", () => {
    const hash = createHash("sha256").update(fs.readFileSync(published)).digest("hex").slice(0, 12);
    expect(printed.length).toBeGreaterThan(3);
    for (const p of printed) {
      expect(p.a4).toBe(true);
      expect(p.text).toContain(`${p.number} / ${printed.length}`);
      expect(p.text).toContain(hash);
      expect(p.text).toContain("H002-2-published.xlsx");
    }
  });

  it("the 一覧表: landscape, one page wide (first and last columns on every page), header repeated", () => {
    expect(table.length).toBeGreaterThanOrEqual(1);
    for (const p of table) {
      expect(p.landscape).toBe(true);
      for (const h of ["No.", "設備名称", "判定", "確認", "指摘"])
        expect(p.words.some((w) => w.text === h)).toBe(true);
    }
  });

  it("no facility name is cut: each name whole, wrapped within its column, once per line of the facility", () => {
    const names = [
      "津別稚板協同組合バイオマスエネルギーセンター",
      "川辺木質バイオマス熱電供給設備",
      "セイホクバイオマス熱電供給設備",
    ];
    const text = table.map((p) => column(p, "設備名称", "欄")).join("");
    for (const name of names) {
      // 11 lines (3.1–3.11) and one 別紙2 line each
      expect(text.split(name).length - 1).toBe(12);
    }
    // a screenshot of the first page of the table, for the README
    const png = path.join(dir, "table");
    pagePng(path.join(dir, "paper.pdf"), table[0].number, png);
    const shots = path.join(root, "test", "e2e", "screenshots");
    fs.mkdirSync(shots, { recursive: true });
    fs.copyFileSync(`${png}.png`, path.join(shots, "report-table.png"));
    if (process.env.GEC_UPDATE_DOCS === "1")
      fs.copyFileSync(`${png}.png`, path.join(root, "docs", "report-table.png"));
  });

  it("the 指摘事項一覧 prints landscape with its answer columns", () => {
    const log = printed.filter((p) => /事業者回答/.test(p.text));
    expect(log.length).toBeGreaterThanOrEqual(1);
    for (const p of log) {
      expect(p.landscape).toBe(true);
      for (const h of ["番号", "状態"]) expect(p.words.some((w) => w.text === h)).toBe(true);
    }
  });
});
