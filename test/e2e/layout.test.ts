// The pane at the widths Excel gives it (320 px, 380 px) and on a desktop (1280 px): no state scrolls sideways —
// validated, なぜ？ open, このセルの計算根拠, the fill preview, the finalize preview — in the built page, standalone.
// Also the engine's worker, and the README's screenshots (saved under test/e2e/screenshots/ as docs-*.png).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, launchOffline } from "../../scripts/chromium";
import { buildIfStale, serveDir, shot } from "./harness";
import type { StaticServer } from "./harness";

const root = path.resolve(__dirname, "../..");
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === "true") throw new Error(`${CHROMIUM} is required in CI`);
const maybe = haveChromium ? describe : describe.skip;
const fixture = path.join(root, "test/fixtures/xlsx/H002-2-published.xlsx");

/** The page's width against its box: more than the box is a sideways scroll. */
async function widths(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

maybe("the pane's layout at 320, 380 and 1280 px", () => {
  let server: StaticServer;
  let context: BrowserContext;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-e2e-layout-"));
  let withFormulas: string;
  let previousYear: string;

  beforeAll(async () => {
    buildIfStale(root);
    server = await serveDir(path.join(root, "dist/web"));
    context = await launchOffline(path.join(dir, "profile"), { viewport: { width: 320, height: 900 } });
    // the published H002-2 with its 3.3 column as GEC.Q_WB formulas (as a filler in Excel would have it), so that
    // 提出用に確定 has a row per facility: the formula, and the value Excel computed beside it
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture);
    const list = wb.getWorksheet("別紙1");
    if (!list) throw new Error("the fixture has 別紙1");
    for (const row of [4, 5, 6]) {
      const printed = Number(list.getCell(`N${row}`).value);
      list.getCell(`N${row}`).value = { formula: `GEC.Q_WB(L${row},M${row})`, result: printed };
    }
    withFormulas = path.join(dir, "H002-2-gec-formulas.xlsx");
    await wb.xlsx.writeFile(withFormulas);
    const { seedGrid, withCell } = await import("../fixtures/seedSubmissions");
    const { gridToXlsx } = await import("../fixtures/xlsxBuilder");
    previousYear = path.join(dir, "H002-2-2019.xlsx");
    fs.writeFileSync(
      previousYear,
      await gridToXlsx(withCell(seedGrid("H002-2", { corrected: true }), "別紙1", "L5", 190000000)),
    );
  }, 240000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it.each([320, 380, 1280])(
    "at %i px no state scrolls sideways",
    async (width) => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      const states: Record<string, { scrollWidth: number; clientWidth: number }> = {};
      await page.goto(`${server.url}/taskpane.html`);
      await page.getByLabel("ファイルを開く").setInputFiles(withFormulas);
      await page.getByTestId("file-name").waitFor();
      states.opened = await widths(page);

      await page.getByRole("button", { name: "検証", exact: true }).click();
      await page.getByTestId("summary").waitFor();
      states.validated = await widths(page);

      const n5 = page.locator('[data-cell="別紙1!N5"]');
      await n5.getByTestId("why").click();
      await n5.getByTestId("derivation").waitFor();
      states.why = await widths(page);

      await page.getByTestId("explain-cell").fill("別紙1!U6");
      await page.getByRole("button", { name: "このセルの計算根拠" }).click();
      await page.getByTestId("explanation").waitFor();
      states.explain = await widths(page);
      if (width === 380) await shot(page, root, "docs-taskpane-why.png");

      await page.getByRole("button", { name: "自動入力", exact: true }).click();
      await page.getByTestId("fill-preview").waitFor();
      states.fillPreview = await widths(page);
      await page.getByRole("button", { name: "キャンセル" }).click();

      await page.getByRole("button", { name: "提出用に確定" }).click();
      await page.getByTestId("finalize-preview").waitFor();
      states.finalizePreview = await widths(page);
      // a real table: the formula and the value in cells of their own row
      const rows = await page
        .getByTestId("finalize-row")
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
      expect(rows[1]).toEqual(["別紙1!N5", "=GEC.Q_WB(L5,M5)", "186,081,857"]);
      await shot(page, root, `layout-finalize-${width}.png`);
      await page.getByRole("button", { name: "キャンセル" }).click();

      // 前年度と比較 with a previous year whose 川辺 Q_BL was 190,000,000 (+35.6 %): its findings listed
      await page.getByLabel("前年度の実績ファイル（.xlsx）を選ぶ").setInputFiles(previousYear);
      await page.getByTestId("comparison-finding").first().waitFor();
      states.comparison = await widths(page);

      for (const [state, w] of Object.entries(states))
        expect({ state, fits: w.scrollWidth <= w.clientWidth, ...w }).toMatchObject({ state, fits: true });
      await page.close();
    },
    180000,
  );

  it("at 380 px: each derivation step wraps at its sides of =, not in the middle of a number (and the README's pictures)", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 380, height: 900 });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByLabel("ファイルを開く").setInputFiles(fixture);
    await page.getByTestId("file-name").waitFor();
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    await shot(page, root, "docs-taskpane.png");
    const n5 = page.locator('[data-cell="別紙1!N5"]');
    await n5.getByTestId("why").click();
    // each side of "=" is one box that is never split across lines here: its height is one line
    const sides = await n5
      .getByTestId("derivation")
      .locator("li > div:first-child > span")
      .evaluateAll((spans) =>
        spans.map((s) => ({
          text: s.textContent,
          lines: Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight)),
        })),
      );
    expect(sides.map((s) => s.text)).toEqual([
      "ROUNDDOWN(E_PS × 9.484, 0)",
      "= ROUNDDOWN(7,538,025 × 9.484, 0)",
      "= 71,490,629",
      "Q_WB",
      "= Q_BL − ROUNDDOWN(E_PS × 9.484, 0)",
      "= 257,572,286 − 71,490,629",
      "= 186,081,657",
    ]);
    expect(sides.filter((s) => s.lines !== 1)).toEqual([]);
    await page.getByTestId("explain-cell").fill("別紙1!U6");
    await page.getByRole("button", { name: "このセルの計算根拠" }).click();
    await page.getByTestId("explanation").waitFor();
    await shot(page, root, "docs-taskpane-why.png");
    await page.close();
  }, 120000);
});
