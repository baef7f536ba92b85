// The built page in headless Chromium, standalone (no network, so no office.js): open the published H002-2
// workbook, validate, fix and revert one cell, fill, download, and check the download with the CLI.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CHROMIUM, launchOffline } from "../../scripts/chromium";
import type { BrowserContext, Page } from "playwright-core";
import { buildIfStale, buildNodeIfStale, gecCli, serveDir, shot } from "./harness";
import type { StaticServer } from "./harness";
import { newWorkbook, saveWorkbook } from "../../io/xlsx";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { cellOf, monitoredGrid } from "../fixtures/monitoring";
import { withCell } from "../fixtures/seedSubmissions";
import { buildTemplate, templateToGrid } from "../../src/engine";

const root = path.resolve(__dirname, "../..");
const haveChromium = fs.existsSync(CHROMIUM);
// In CI .ci/run installs Debian's chromium, so its absence fails there; elsewhere the browser tests are skipped.
if (!haveChromium && process.env.CI === "true") throw new Error(`${CHROMIUM} is required in CI`);
const maybe = haveChromium ? describe : describe.skip;
// The published H002-2 as .xlsx (test/cli/seedFixtures.test.ts holds it to seedGrid("H002-2")).
const fixture = path.join(root, "test/fixtures/xlsx/H002-2-published.xlsx");

interface CheckJson {
  findings: { severity: string; rule: string }[];
  summary: { recognized: boolean; methodology: string | null; errors: number };
}

maybe("standalone page in Chromium", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-e2e-"));

  beforeAll(async () => {
    buildIfStale(root);
    buildNodeIfStale(root);
    server = await serveDir(path.join(root, "dist/web"));
    context = await launchOffline(path.join(dir, "profile"), {
      acceptDownloads: true,
      viewport: { width: 420, height: 900 },
    });
    page = await context.newPage();
  }, 240000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it("validates, fixes and reverts, fills and downloads the published H002-2", async () => {
    await page.goto(`${server.url}/taskpane.html`);
    // the engine runs in its own worker, emitted by webpack next to the page
    await page.waitForFunction(() =>
      performance.getEntriesByType("resource").some((r) => r.name.endsWith("/engine-worker.js")),
    );
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual(["/engine-worker.js"]);
    await page.getByLabel("ファイルを開く").setInputFiles(fixture);
    await page.getByTestId("file-name").waitFor();
    const started = Date.now();
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    console.log(`[e2e] validate → findings rendered in ${Date.now() - started} ms`);
    expect(await page.getByTestId("summary").textContent()).toContain(
      "様式3-2 H002-2、3 施設、2020-04-01〜2021-03-31",
    );
    // the published figures that do not reproduce (docs/domain.md §4): 川辺 3.3 at N5, セイホク 3.10 at U6
    const rows = await page
      .getByTestId("finding")
      .evaluateAll((els) =>
        els.map((r) => `${r.getAttribute("data-cell")} ${r.getAttribute("data-severity") ?? ""}`.trim()),
      );
    const errors = rows.filter((r) => r.endsWith("error")).map((r) => r.split(" ")[0]);
    expect(errors).toEqual(["別紙1!N5", "別紙1!U6"]);
    // both differences leave the certified t as printed (川辺's 3.10/3.11 follow the right 3.3; セイホク's
    // 11,775,927 and 11,775,692 kg both truncate to 11,775 t)
    for (const cell of ["別紙1!N5", "別紙1!U6"])
      expect(await page.locator(`[data-cell="${cell}"]`).getByTestId("materiality").textContent()).toBe(
        "t への影響なし",
      );
    // H002-2 is confirmed: no 暫定 notice
    expect(await page.getByTestId("provisional").count()).toBe(0);
    // each finding names its facility, as 別紙1 names it (rows 5 and 6 of the published 別紙1)
    expect(await page.locator('[data-cell="別紙1!N5"]').getByTestId("finding-facility").textContent()).toBe(
      "川辺木質バイオマス熱電供給設備",
    );
    expect(await page.locator('[data-cell="別紙1!U6"]').getByTestId("finding-facility").textContent()).toBe(
      "セイホクバイオマス熱電供給設備",
    );
    // the filter: errors only, then one facility
    await page.getByTestId("filter-severity").selectOption("error");
    expect(
      await page.getByTestId("finding").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell"))),
    ).toEqual(["別紙1!N5", "別紙1!U6"]);
    await page.getByTestId("filter-severity").selectOption("");
    await page.getByTestId("filter-facility").selectOption("セイホクバイオマス熱電供給設備");
    expect(
      await page.getByTestId("finding").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell"))),
    ).toEqual(["別紙1!U6", "別紙1!S6", "別紙1添付!C68"]);
    await page.getByTestId("filter-facility").selectOption("");
    await shot(page, root, "standalone-ja.png");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Validate", exact: true }).waitFor();
    await shot(page, root, "standalone-en.png");
    await page.getByRole("button", { name: "日本語" }).click();

    // Fix N5 alone, then revert it.
    await page.locator('[data-cell="別紙1!N5"]').getByRole("button", { name: "修正" }).click();
    await page.getByRole("cell", { name: "別紙1!N5", exact: true }).waitFor();
    expect(await page.getByTestId("preview-materiality").textContent()).toBe(
      "排出削減量（t）は変わりません。",
    );
    await page.getByRole("button", { name: "書き込む" }).click();
    await page.getByRole("main").getByText("1 件を書き込みました。").waitFor();
    await page.getByRole("button", { name: "元に戻す", exact: true }).click();
    await page.getByRole("main").getByText("1 件を元に戻しました。").waitFor();

    // Fill: the preview lists N5 and U6 with their current and new values; write; download.
    await page.getByRole("button", { name: "自動入力", exact: true }).click();
    await page.getByRole("cell", { name: "別紙1!U6", exact: true }).waitFor();
    expect(await page.getByTestId("preview-materiality").textContent()).toBe(
      "排出削減量（t）は変わりません。",
    );
    await shot(page, root, "standalone-preview-ja.png");
    await page.getByRole("button", { name: "書き込む" }).click();
    await page.getByRole("main").getByText("2 件を書き込みました。").waitFor();
    await shot(page, root, "standalone-filled-ja.png");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "ダウンロード" }).click(),
    ]);
    const saved = path.join(dir, "filled.xlsx");
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe("H002-2-published-gec.xlsx");
    // the download is confirmed where a screen reader hears it
    await page.getByTestId("live").getByText("H002-2-published-gec.xlsx をダウンロードしました。").waitFor();
    const check = gecCli(root, ["check", saved, "--json"]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout) as CheckJson;
    expect(report.summary.errors).toBe(0);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  }, 120000);

  it("without a worker (?worker=off) the engine runs in the page, with the same results", async () => {
    await page.goto(`${server.url}/taskpane.html?worker=off`);
    await page.getByLabel("ファイルを開く").setInputFiles(fixture);
    await page.getByTestId("file-name").waitFor();
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    expect(page.workers()).toEqual([]);
    const errors = await page
      .locator('[data-testid="finding"][data-severity="error"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
    expect(errors).toEqual(["別紙1!N5", "別紙1!U6"]);
  }, 60000);

  it("a P002 workbook: the summary says 暫定 and what is guessed", async () => {
    const file = path.join(dir, "p002.xlsx");
    fs.writeFileSync(file, await gridToXlsx(templateToGrid(buildTemplate("P002", 1))));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByLabel("ファイルを開く").setInputFiles(file);
    await page.getByTestId("file-name").waitFor();
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    expect(await page.getByTestId("summary").textContent()).toContain("P002（暫定）");
    const notice = (await page.getByTestId("provisional").textContent()) ?? "";
    expect(notice).toContain("暫定: P002 の算定は暫定です");
    expect(notice).toContain("EPC = EPG − EPS − EPA");
    expect(notice).toContain("別紙1 の列構成");
  }, 60000);

  it("inserts a template into a new workbook when no file is open, and downloads it", async () => {
    await page.goto(`${server.url}/taskpane.html`);
    await expect(page.getByRole("button", { name: "検証", exact: true }).isDisabled()).resolves.toBe(true);
    await page.getByRole("spinbutton").fill("2");
    await page.getByRole("spinbutton").press("Tab");
    await page.getByRole("button", { name: "テンプレート挿入", exact: true }).click();
    await page.getByRole("main").getByText("次のシートを追加しました：").waitFor();
    expect(await page.getByTestId("file-name").textContent()).toBe("H002-2-2-template.xlsx");
    await page.getByRole("button", { name: "検証", exact: true }).click();
    expect(await page.getByTestId("summary").textContent()).toContain("様式3-2 H002-2、");
    await shot(page, root, "standalone-template-ja.png");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "ダウンロード" }).click(),
    ]);
    const saved = path.join(dir, "template.xlsx");
    await download.saveAs(saved);
    const report = JSON.parse(gecCli(root, ["check", saved, "--json"]).stdout) as CheckJson;
    expect(report.summary).toMatchObject({ recognized: true, methodology: "H002-2" });
    // a blank template's one error is that no facility row is filled in yet (form.noFacilities)
    expect(report.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([
      "form.noFacilities",
    ]);
  }, 60000);

  it("a repeated month: the fill preview says why 3.1 and the tonnes are not written", async () => {
    const { grid, places } = monitoredGrid();
    const t = places[0];
    // 津別's March typed as February: the row is rejected, so no 3.1 … tonnes are derived from its table
    const repeated = withCell(grid, t.sheet, cellOf(t, "month", 11), "2021年2月");
    const file = path.join(dir, "repeated-month.xlsx");
    fs.writeFileSync(file, await gridToXlsx(repeated));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByLabel("ファイルを開く").setInputFiles(file);
    await page.getByTestId("file-name").waitFor();
    await page.getByRole("button", { name: "自動入力", exact: true }).click();
    await page.getByRole("main").getByText("照合で不採用の月", { exact: false }).first().waitFor();
    await shot(page, root, "standalone-refused-ja.png");
  }, 60000);

  it("says when a workbook is not a 様式3-2", async () => {
    const wb = newWorkbook();
    wb.addWorksheet("売上").getCell("A1").value = "四半期の売上";
    const other = path.join(dir, "sales.xlsx");
    fs.writeFileSync(other, await saveWorkbook(wb));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByLabel("ファイルを開く").setInputFiles(other);
    await page.getByTestId("file-name").waitFor();
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByRole("main").getByText("このブックは様式3-2 として認識できません").waitFor();
  }, 60000);

  it("says what is wrong with a file that is not an .xlsx", async () => {
    const bad = path.join(dir, "not-a-workbook.xlsx");
    fs.writeFileSync(bad, "this is a text file");
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByLabel("ファイルを開く").setInputFiles(bad);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toMatch(/ZIP|xlsx/i);
  }, 60000);
});
