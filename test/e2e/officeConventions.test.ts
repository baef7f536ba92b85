// The built pane follows Office's conventions in headless Chromium: Office's display language and theme, a live
// region for results, a slow Office.onReady when hosted, and a warning before losing unsaved standalone changes.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { webDarkTheme } from "@fluentui/react-components";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, launchOffline } from "../../scripts/chromium";
import { buildIfStale, serveDir } from "./harness";
import type { StaticServer } from "./harness";
import { fakeExcel } from "./fakeOffice";
import type { FakeExcelOptions } from "./fakeOffice";
import type { Grid } from "../../src/types";

const root = path.resolve(__dirname, "../..");
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === "true") throw new Error(`${CHROMIUM} is required in CI`);
const maybe = haveChromium ? describe : describe.skip;
const webDir = process.env.GEC_WEB_DIR;
const fixture = path.join(root, "test/fixtures/xlsx/H002-2-published.xlsx");
// the query string Excel on the web opens an add-in's page with
const HOSTED = "?_host_Info=Excel$Web$16.00$en-US$$$$0";

/** "#292929" → "rgb(41, 41, 41)", as getComputedStyle reports colours. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

maybe("Office conventions in the built pane", () => {
  let server: StaticServer;
  let grid: Grid;
  let summary: { ja: string; en: string };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-e2e-office-"));
  const contexts: BrowserContext[] = [];

  /** A fresh browser profile (nothing remembered) and a page, with a fake Excel when `excel` is given. */
  async function open(name: string, excel?: Omit<FakeExcelOptions, "grid">): Promise<Page> {
    const context = await launchOffline(path.join(dir, name), { viewport: { width: 420, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    if (excel) await page.addInitScript(fakeExcel, { grid, ...excel });
    return page;
  }

  beforeAll(async () => {
    if (!webDir) buildIfStale(root);
    server = await serveDir(webDir ?? path.join(root, "dist/web"));
    const { seedGrid } = await import("../fixtures/seedSubmissions");
    const { validateGrid } = await import("../../src/engine");
    grid = seedGrid("H002-2");
    summary = validateGrid(grid).summary.text;
  }, 240000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await server?.close();
  });

  it("is in English when Office's display language is en-US, and remembers a switch to Japanese", async () => {
    const page = await open("en", { displayLanguage: "en-US" });
    await page.goto(`${server.url}/taskpane.html${HOSTED}`);
    await page.getByRole("button", { name: "Validate", exact: true }).waitFor();
    expect(await page.locator("main").getAttribute("lang")).toBe("en");
    await page.getByRole("button", { name: "日本語" }).click();
    await page.reload();
    await page.getByRole("button", { name: "検証", exact: true }).waitFor();
  }, 120000);

  it("is in Japanese when Office's display language is neither English nor Japanese", async () => {
    const page = await open("fr", { displayLanguage: "fr-FR" });
    await page.goto(`${server.url}/taskpane.html${HOSTED}`);
    await page.getByRole("button", { name: "検証", exact: true }).waitFor();
  }, 120000);

  it("takes Office's dark theme (Fluent's webDarkTheme background)", async () => {
    const page = await open("dark", { officeTheme: { bodyBackgroundColor: "#262626", isDarkTheme: true } });
    await page.goto(`${server.url}/taskpane.html${HOSTED}`);
    await page.getByRole("button", { name: "検証", exact: true }).waitFor();
    const background = await page
      .locator("main")
      .evaluate((el) => getComputedStyle(el.parentElement as HTMLElement).backgroundColor);
    expect(background).toBe(rgb(webDarkTheme.colorNeutralBackground1));
  }, 120000);

  it("announces the summary after 検証 in a polite live region", async () => {
    const page = await open("live", {});
    await page.goto(`${server.url}/taskpane.html${HOSTED}`);
    const live = page.locator('[aria-live="polite"]');
    expect(await live.count()).toBe(1);
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    await expect_(live, summary.ja);
  }, 120000);

  it("hosted in Office, a 5 s slow Office.onReady still ends in Excel mode", async () => {
    const page = await open("slow", { readyDelayMs: 5000 });
    await page.goto(`${server.url}/taskpane.html${HOSTED}`);
    await page.getByRole("button", { name: "検証", exact: true }).waitFor({ timeout: 60000 });
    // Excel only: the highlight option; standalone only: the file bar
    expect(await page.getByRole("checkbox", { name: "指摘セルに色を付ける" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "ファイルを開く" }).count()).toBe(0);
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    expect(await page.getByTestId("summary").textContent()).toBe(summary.ja);
  }, 120000);

  it("standalone: warns before the tab closes with changes written and not downloaded", async () => {
    const page = await open("unload");
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByLabel("ファイルを開く").setInputFiles(fixture);
    await page.getByTestId("file-name").waitFor();
    await page.getByRole("button", { name: "自動入力", exact: true }).click();
    await page.getByRole("button", { name: "書き込む" }).click();
    await page.getByRole("main").getByText("2 件を書き込みました。").waitFor();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    const closed = page.waitForEvent("close");
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(dialogs).toEqual(["beforeunload"]);

    // nothing written: the tab closes without a question
    const quiet = await open("unload-quiet");
    await quiet.goto(`${server.url}/taskpane.html`);
    await quiet.getByLabel("ファイルを開く").setInputFiles(fixture);
    await quiet.getByTestId("file-name").waitFor();
    await quiet.getByRole("button", { name: "検証", exact: true }).click();
    await quiet.getByTestId("summary").waitFor();
    const none: string[] = [];
    quiet.on("dialog", (d) => {
      none.push(d.type());
      void d.dismiss(); // a question here keeps the page open and the wait below fails
    });
    const quietClosed = quiet.waitForEvent("close");
    await quiet.close({ runBeforeUnload: true });
    await quietClosed;
    expect(none).toEqual([]);
  }, 120000);
});

/** The live region's text once React has rendered it. */
async function expect_(live: import("playwright-core").Locator, text: string): Promise<void> {
  await live.getByText(text, { exact: true }).waitFor();
  expect((await live.textContent())?.trim()).toBe(text);
}
