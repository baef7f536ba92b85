// なぜ？ under a finding and このセルの計算根拠, in the built page: standalone (a typed cell) and in Excel (the selected
// cell), each derivation checked against hand arithmetic on the published H002-2.
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CHROMIUM, launchOffline } from "../../scripts/chromium";
import type { BrowserContext } from "playwright-core";
import { buildIfStale, serveDir, shot } from "./harness";
import type { StaticServer } from "./harness";
import { fakeExcel } from "./fakeOffice";
import ExcelJS from "exceljs";
import { PAPER_SHEETS, coverPairs } from "../fixtures/paper";

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
    context = await launchOffline(path.join(dir, "profile"), {
      acceptDownloads: true,
      viewport: { width: 420, height: 1200 },
    });
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

    // 書き込む corrects U6: the explanation on screen follows (it stayed 「11,775,927 不一致」 before)
    await page.getByRole("button", { name: "自動入力", exact: true }).click();
    await page.getByRole("button", { name: "書き込む" }).click();
    await page.getByRole("main").getByText("2 件を書き込みました。").waitFor();
    await explanation.getByText("一致", { exact: true }).waitFor();
    expect(await explanation.textContent()).toContain("セルの値: 11,775,692");
    // a cell that cannot be read clears it
    await page.getByTestId("explain-cell").fill("U6");
    await page.getByRole("button", { name: "このセルの計算根拠" }).click();
    await page.getByRole("main").getByText("セルは 別紙1!U6 の形で指定してください。").waitFor();
    expect(await page.getByTestId("explanation").count()).toBe(0);

    // an input cell: the message names the derived columns
    await page.getByTestId("explain-cell").fill("別紙1!L5");
    await page.getByRole("button", { name: "このセルの計算根拠" }).click();
    await page.getByText("N (3.3 Q_WB)", { exact: false }).first().waitFor();
    await page.close();
  });

  it("standalone: 検証結果一覧表 downloads the verifier's table of the open file", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByLabel("ファイルを開く").setInputFiles(fixture);
    await page.getByTestId("file-name").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "検証結果一覧表" }).click(),
    ]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe("H002-2-published-report.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(PAPER_SHEETS);
    const rows: unknown[][] = [];
    wb.getWorksheet("検証結果一覧表")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // printed 186,081,857 against 186,081,657 recomputed: 200 apart, 不一致 (セル is the 6th column)
    expect(rows.find((r) => r[5] === "別紙1!N5")?.slice(6, 10)).toEqual([
      186081857,
      186081657,
      200,
      "不一致",
    ]);
    // the paper names the file and the SHA-256 of the bytes it checked
    const cover = coverPairs(wb);
    expect(cover.get("ファイル名")).toBe("H002-2-published.xlsx");
    expect(cover.get("SHA-256")).toBe(createHash("sha256").update(fs.readFileSync(fixture)).digest("hex"));
    await page
      .getByTestId("live")
      .getByText("H002-2-published-report.xlsx をダウンロードしました。")
      .waitFor();
    await page.close();
  });

  it("standalone: 提出用に確定 previews each GEC. formula and its value; the download holds the values", async () => {
    const input = path.join(dir, "with-gec.xlsx");
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet("計算");
    // IF97 Table 5: h(3 MPa, 300 K) = 115.331273 kJ/kg, as Excel with the add-in cached it
    ws.getCell("A1").value = { formula: "GEC.STEAM_H(3,26.85)", result: 115.331273 };
    await source.xlsx.writeFile(input);
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByLabel("ファイルを開く").setInputFiles(input);
    await page.getByTestId("file-name").waitFor();
    await page.getByRole("button", { name: "提出用に確定" }).click();
    await page.getByRole("button", { name: "書き込む" }).click();
    await page.getByRole("main").getByText("1 件を書き込みました。").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "ダウンロード" }).click(),
    ]);
    const file = path.join(dir, "final.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("計算")?.getCell("A1").value).toBe(115.331273);
    await page.close();
  });

  it("standalone: テンプレート挿入 with 熱実績管理表 adds a monitoring table per facility for the fiscal year", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByLabel("熱実績管理表を付ける").check();
    const year = page.getByRole("spinbutton").nth(1);
    await year.fill("2020");
    await year.press("Tab");
    await page.getByRole("button", { name: "テンプレート挿入", exact: true }).click();
    await page.getByRole("main").getByText("次のシートを追加しました：").waitFor();
    const added = (await page.getByRole("main").getByText("次のシートを追加しました：").textContent()) ?? "";
    expect(added).toContain("熱実績管理表");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "ダウンロード" }).click(),
    ]);
    const file = path.join(dir, "monitoring-template.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts: string[] = [];
    wb.getWorksheet("熱実績管理表")?.eachRow((row) =>
      row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))),
    );
    // FY2020: April 2020 … March 2021, one row a month
    expect(texts).toEqual(expect.arrayContaining(["2020年4月", "2021年3月"]));
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
