// なぜ？ under a finding and このセルの計算根拠, in the built page: standalone (a typed cell) and in Excel (the selected
// cell), each derivation checked against hand arithmetic on the published H002-2.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CHROMIUM, launchOffline } from "../../scripts/chromium";
import type { BrowserContext } from "playwright-core";
import { buildIfStale, serveDir, shot } from "./harness";
import type { StaticServer } from "./harness";
import { fakeExcel } from "./fakeOffice";

const root = path.resolve(__dirname, "../..");
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === "true") throw new Error(`${CHROMIUM} is required in CI`);
const maybe = haveChromium ? describe : describe.skip;
const fixture = path.join(root, "test/fixtures/xlsx/H002-2-published.xlsx");

maybe("derivations in the pane", () => {
  let server: StaticServer;
  let context: BrowserContext;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-e2e-why-"));

  beforeAll(async () => {
    buildIfStale(root);
    server = await serveDir(path.join(root, "dist/web"));
    context = await launchOffline(path.join(dir, "profile"), { viewport: { width: 420, height: 1200 } });
  }, 240000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it("standalone: なぜ？ under 別紙1!N5 shows ROUNDDOWN(7,538,025 × 9.484, 0) = 71,490,629, and a typed cell is explained", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByLabel("ファイルを開く").setInputFiles(fixture);
    await page.getByTestId("file-name").waitFor();
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    const n5 = page.locator('[data-cell="別紙1!N5"]');
    await n5.getByTestId("why").click();
    const steps = await n5.getByTestId("derivation").locator("li").allTextContents();
    // 7,538,025 × 9.484 = 71,490,629.1 → 71,490,629; 257,572,286 − 71,490,629 = 186,081,657 (by hand)
    expect(steps[0]).toContain("ROUNDDOWN(7,538,025 × 9.484, 0) = 71,490,629");
    expect(steps[steps.length - 1]).toContain("257,572,286 − 71,490,629 = 186,081,657");
    expect(steps[0]).toContain("別紙1!M5");
    expect(await n5.getByTestId("why").getAttribute("aria-expanded")).toBe("true");

    await page.getByTestId("explain-cell").fill("別紙1!U6");
    await page.getByRole("button", { name: "このセルの計算根拠" }).click();
    const explanation = page.getByTestId("explanation");
    await explanation.waitFor();
    const text = (await explanation.textContent()) ?? "";
    expect(text).toContain("あるべき値: 11,775,692");
    expect(text).toContain("不一致");
    // 157,281,769 × 0.9996 × 0.0749 = 11,775,692.3… → 11,775,692
    expect(text).toContain("ROUNDDOWN(157,281,769 × 0.9996 × 0.0749, 0) = 11,775,692");
    expect(await page.getByTestId("live").textContent()).toContain("別紙1!U6");
    await shot(page, root, "why-standalone.png");

    // an input cell: the message names the derived columns
    await page.getByTestId("explain-cell").fill("別紙1!L5");
    await page.getByRole("button", { name: "このセルの計算根拠" }).click();
    await page.getByText("N (3.3 Q_WB)", { exact: false }).first().waitFor();
    await page.close();
  });

  it("Excel: the cell the person selected is explained (English)", async () => {
    const { seedGrid } = await import("../fixtures/seedSubmissions");
    const page = await context.newPage();
    await page.addInitScript(fakeExcel, {
      grid: seedGrid("H002-2"),
      displayLanguage: "en-US",
      activeCell: "別紙1!V7",
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Why this cell" }).click();
    const explanation = page.getByTestId("explanation");
    await explanation.waitFor();
    const text = (await explanation.textContent()) ?? "";
    // 合計: 32,316 + 13,687 + 11,775 = 57,778 t (R6)
    expect(text).toContain("32,316 + 13,687 + 11,775 = 57,778");
    expect(text).toContain("Agrees");
    await page.close();
  });
});
