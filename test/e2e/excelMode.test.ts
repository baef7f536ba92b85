// The built page in headless Chromium with a fake Office/Excel host injected: validate reads the sheets, a click
// on a finding selects its cell, a fix writes one cell and Revert restores it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CHROMIUM, launchOffline } from "../../scripts/chromium";
import type { BrowserContext, Page } from "playwright-core";
import { buildIfStale, serveDir, shot } from "./harness";
import type { StaticServer } from "./harness";
import { formatRef } from "../../src/forms/a1";
import { fakeExcel } from "./fakeOffice";
import { PAPER_SHEETS } from "../fixtures/paper";

const root = path.resolve(__dirname, "../..");
const haveChromium = fs.existsSync(CHROMIUM);
/** GEC_WEB_DIR serves a build made elsewhere (no rebuild); otherwise dist/web, built when stale. */
const webDir = process.env.GEC_WEB_DIR;
// In CI .ci/run installs Debian's chromium, so its absence fails there; elsewhere the browser tests are skipped.
if (!haveChromium && process.env.CI === "true") throw new Error(`${CHROMIUM} is required in CI`);
const maybe = haveChromium ? describe : describe.skip;

maybe("Excel mode with an injected host", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-e2e-excel-"));

  beforeAll(async () => {
    if (!webDir) buildIfStale(root);
    server = await serveDir(webDir ?? path.join(root, "dist/web"));
    context = await launchOffline(path.join(dir, "profile"), { viewport: { width: 420, height: 900 } });
    page = await context.newPage();
  }, 240000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it("validates in 2 syncs, selects a finding's cell, fixes and reverts it", async () => {
    const { seedGrid } = await import("../fixtures/seedSubmissions");
    const { validateGrid } = await import("../../src/engine");
    const grid = seedGrid("H002-2");
    const report = validateGrid(grid);
    await page.addInitScript(fakeExcel, { grid });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    expect(await page.getByTestId("summary").textContent()).toBe(report.summary.text.ja);
    const log = () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __gecLog: { syncs: number; selected: string[]; writes: { address: string }[] };
            }
          ).__gecLog,
      );
    expect((await log()).syncs).toBe(2);
    const cells = await page
      .getByTestId("finding")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-cell")));
    expect(cells).toEqual(report.findings.map((f) => formatRef(f.ref)));
    await shot(page, root, "excel-ja.png");

    const first = report.findings[0];
    await page.locator(`[data-cell="${formatRef(first.ref)}"]`).click();
    await page.waitForFunction(
      () => (window as unknown as { __gecLog: { selected: string[] } }).__gecLog.selected.length > 0,
    );
    expect((await log()).selected).toEqual([formatRef(first.ref)]);

    const fixable = report.findings.find((f) => f.fix);
    if (!fixable) throw new Error("the seed H002-2 has findings with a fix (N5, U6)");
    const before = (await log()).syncs;
    await page
      .locator(`[data-cell="${formatRef(fixable.ref)}"]`)
      .getByRole("button", { name: "修正" })
      .click();
    await page.getByRole("button", { name: "書き込む" }).click();
    await page.getByRole("main").getByText("1 件を書き込みました。").waitFor();
    await page.getByTestId("summary").waitFor();
    const afterWrite = await log();
    // 2 syncs to apply (re-read, write) + 2 to validate again.
    expect(afterWrite.syncs - before).toBe(4);
    expect(afterWrite.writes).toEqual([{ address: formatRef(fixable.ref), values: [[fixable.fix!.value]] }]);
    await page.getByRole("button", { name: "元に戻す", exact: true }).click();
    await page.getByRole("main").getByText("1 件を元に戻しました。").waitFor();
    expect((await log()).writes[1]).toEqual({
      address: formatRef(fixable.ref),
      values: [[fixable.fix!.previous]],
    });

    // A protected sheet or a cell in edit mode: a message that says what to do, and the pane stays usable.
    await page.evaluate(
      () => ((window as unknown as Record<string, unknown>).__gecFailNextSync = "AccessDenied"),
    );
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByRole("main").getByText("シートまたはブックが保護されています").waitFor();
    await page.evaluate(
      () =>
        ((window as unknown as Record<string, unknown>).__gecFailNextSync = "InvalidOperationInCellEditMode"),
    );
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Validate", exact: true }).click();
    await page.getByRole("main").getByText("A cell is being edited. Press Enter or Esc").waitFor();
    await shot(page, root, "excel-error-en.png");
    await page.getByRole("button", { name: "Validate", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    await page.getByRole("button", { name: "日本語" }).click();
  }, 120000);

  it("検証結果一覧表 (new workbook) opens the working paper through Excel.createWorkbook, once", async () => {
    const { seedGrid } = await import("../fixtures/seedSubmissions");
    const fresh = await context.newPage();
    await fresh.addInitScript(fakeExcel, { grid: seedGrid("H002-2") });
    await fresh.goto(`${server.url}/taskpane.html`);
    await fresh.getByRole("button", { name: "検証結果一覧表（新しいブック）" }).click();
    await fresh.getByTestId("live").getByText("申請-report.xlsx を新しいブックとして開きました").waitFor();
    const created = await fresh.evaluate(
      () => (window as unknown as { __gecLog: { created: string[] } }).__gecLog.created,
    );
    expect(created).toHaveLength(1);
    const { readGrid } = await import("../../io/read");
    const paper = readGrid(Uint8Array.from(Buffer.from(created[0], "base64")));
    expect(paper.sheets.map((s) => s.name)).toEqual(PAPER_SHEETS);
    const table = paper.sheets.find((s) => s.name === "検証結果一覧表")!;
    expect(table.values.find((line) => line.includes("別紙1!N5"))).toEqual(
      expect.arrayContaining([186081857, 186081657, 200, "不一致"]),
    );
    await fresh.close();
  }, 120000);
});
