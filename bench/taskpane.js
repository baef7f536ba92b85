// The pane on big workbooks in headless Chromium, each figure against its baseline in the same run (no thresholds):
// - paint: 1,000 findings painted a page at a time vs all at once (`?paging=off`, the full rendering), from the
//   engine's report reaching the page to the next painted frame;
// - frozen: the longest task of the page's thread (the pane can take no click) while 10,000 facilities are opened and
//   validated, the engine in its Web Worker vs in the page (`?worker=off`), standalone and in Excel (a fake Office
//   over the Grid: the Office.js read stays on the page's thread).
// Needs `npx webpack --mode production` (dist/web, or GEC_WEB_DIR) and `npm run build:node` (dist/src, the generator).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { CHROMIUM, launchOffline } = require("../scripts/chromium");
const { serve } = require("./bundle");
const { loadGenerator } = require("./generator");
const { BIG_ROWS, rowsText } = require("./check");

const ROOT = path.join(__dirname, "..");
const WEB = process.env.GEC_WEB_DIR || path.join(ROOT, "dist/web");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x).toLocaleString("en-US")} ms`;

/** The Grid as a plain .xlsx (values only, each sheet from A1), as bench/check.js writes it. */
async function gridToXlsx(grid) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.values.forEach((line, i) => {
      const row = ws.getRow(sheet.origin.row + i + 1);
      line.forEach((v, j) => {
        if (v !== null) row.getCell(sheet.origin.col + j + 1).value = v;
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A generated H002-2 of `rows` facilities whose every 3.3 Q_WB is one more than its inputs give: one error a row. */
function offByOne(generatedGrid, rows) {
  const grid = generatedGrid(rows, 1);
  const list = grid.sheets[1];
  const qWb = list.values[2].findIndex((h) => typeof h === "string" && /^3\.3/.test(h));
  for (let r = 3; r < 3 + rows; r++) list.values[r][qWb] += 1;
  return grid;
}

/** test/e2e/fakeOffice.ts (the e2e tests' fake Office.js) transpiled, for page.addInitScript. */
function fakeExcel() {
  const ts = require("typescript");
  const source = fs.readFileSync(path.join(ROOT, "test/e2e/fakeOffice.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  const module = { exports: {} };
  new Function("module", "exports", "require", outputText)(module, module.exports, require);
  return module.exports.fakeExcel;
}

/** In the page, before its scripts: when an engine reply carrying a report arrives, and when the page next paints. */
function watchPaint() {
  const w = window;
  const add = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, options) {
    if (type !== "message") return add.call(this, type, listener, options);
    return add.call(
      this,
      type,
      (e) => {
        if (e.data && e.data.ok && e.data.value && e.data.value.summary) w.__gecReport = performance.now();
        listener(e);
      },
      options,
    );
  };
  w.__gecPaintWatch = () => {
    w.__gecReport = null;
    w.__gecPainted = null;
    const seen = () => document.querySelector('[data-testid="summary"]');
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      // the frame after the commit is laid out and painted before this timeout runs
      requestAnimationFrame(() => setTimeout(() => (w.__gecPainted = performance.now()), 0));
    });
    observer.observe(document.body, { childList: true, subtree: true });
    w.__gecClicked = performance.now();
  };
}

/** In the page, before its scripts: every long task (≥ 50 ms) of the page's thread, with when it started. */
function watchLongTasks() {
  window.__gecTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__gecTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: "longtask", buffered: true });
}

async function paint(context, url, xlsx) {
  const page = await context.newPage();
  await page.addInitScript(watchPaint);
  await page.goto(url);
  await page.getByLabel("ファイルを開く").setInputFiles(xlsx);
  await page.getByTestId("file-name").waitFor({ timeout: 120000 });
  await page.evaluate(() => window.__gecPaintWatch());
  await page.getByRole("button", { name: "検証", exact: true }).click();
  await page.waitForFunction(() => window.__gecPainted !== null, null, { timeout: 120000, polling: 50 });
  const t = await page.evaluate(() => ({
    render: window.__gecReport === null ? null : window.__gecPainted - window.__gecReport,
    total: window.__gecPainted - window.__gecClicked,
    rows: document.querySelectorAll('[data-testid="finding"]').length,
  }));
  await page.close();
  return t;
}

/** The longest task while a file is opened, and while 検証 runs (standalone), or while 検証 reads and runs (Excel). */
async function frozen(context, url, { xlsx, excel }) {
  const page = await context.newPage();
  await page.addInitScript(watchLongTasks);
  if (excel) await page.addInitScript(excel.fake, { grid: excel.grid });
  await page.goto(url);
  const longest = (from) =>
    page.evaluate(
      (t0) => Math.max(0, ...window.__gecTasks.filter((x) => x.start >= t0).map((x) => x.ms)),
      from,
    );
  const now = () => page.evaluate(() => performance.now());
  let open = null;
  await page.getByRole("button", { name: "検証", exact: true }).waitFor({ timeout: 60000 });
  if (xlsx) {
    const t0 = await now();
    await page.getByLabel("ファイルを開く").setInputFiles(xlsx);
    await page.getByTestId("file-name").waitFor({ timeout: 120000 });
    await page.waitForTimeout(200); // a task still running is reported when it ends
    open = await longest(t0);
  }
  const t1 = await now();
  await page.getByRole("button", { name: "検証", exact: true }).click();
  await page.getByTestId("summary").waitFor({ timeout: 120000 });
  await page.waitForTimeout(200);
  const validate = await longest(t1);
  await page.close();
  return { open, validate };
}

async function run({ print = true } = {}) {
  const log = print ? (s) => console.log(s) : () => {};
  const out = {};
  if (!fs.existsSync(path.join(WEB, "taskpane.html")) || !fs.existsSync(CHROMIUM)) {
    log(
      `skipped: ${fs.existsSync(CHROMIUM) ? `no build in ${WEB} (npx webpack --mode production)` : `${CHROMIUM} absent`}`,
    );
    return out;
  }
  if (!fs.existsSync(path.join(ROOT, "dist/src/engine.js"))) {
    log("skipped: dist/src is missing (npm run -s build:node)");
    return out;
  }
  const { generatedGrid } = loadGenerator();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-bench-pane-"));
  const server = await serve(WEB);
  const base = `http://127.0.0.1:${server.address().port}/taskpane.html`;
  const context = await launchOffline(path.join(dir, "profile"), { viewport: { width: 420, height: 900 } });
  try {
    const findings = path.join(dir, "findings-1000.xlsx");
    fs.writeFileSync(findings, await gridToXlsx(offByOne(generatedGrid, 1000)));
    const bigGrid = generatedGrid(BIG_ROWS, 1);
    const big = path.join(dir, `facilities-${BIG_ROWS}.xlsx`);
    fs.writeFileSync(big, await gridToXlsx(bigGrid));

    // paint: the two renderings alternate, so that the machine's load falls on both alike
    const paged = [];
    const full = [];
    await paint(context, base, findings); // a warm-up: the browser's caches, the worker's first compile
    for (let i = 0; i < RUNS; i++) {
      paged.push(await paint(context, base, findings));
      full.push(await paint(context, `${base}?paging=off`, findings));
    }
    const render = (xs) => median(xs.map((x) => x.render ?? x.total));
    out.paint = {
      paged: render(paged),
      full: render(full),
      rows: { paged: paged[0].rows, full: full[0].rows },
      clickToPaint: { paged: median(paged.map((x) => x.total)), full: median(full.map((x) => x.total)) },
    };
    out.paint.ratio = out.paint.paged / out.paint.full;
    log(`1,000 findings, report → painted (median of ${RUNS}):`);
    log(
      `  a page at a time (${out.paint.rows.paged} rows): ${ms(out.paint.paged)} of [${paged.map((x) => Math.round(x.render ?? x.total)).join(", ")}]`,
    );
    log(
      `  all at once, ?paging=off (${out.paint.rows.full} rows): ${ms(out.paint.full)} of [${full.map((x) => Math.round(x.render ?? x.total)).join(", ")}]`,
    );
    log(
      `  ratio ${out.paint.ratio.toFixed(2)}× (target ≤ 0.3×); from the 検証 click: ${ms(out.paint.clickToPaint.paged)} vs ${ms(out.paint.clickToPaint.full)}`,
    );

    // frozen: the engine in its worker vs in the page
    const fake = fakeExcel();
    const cases = [
      ["standalone", { xlsx: big }],
      ["Excel", { excel: { fake, grid: bigGrid } }],
    ];
    out.frozen = {};
    log(`${rowsText(BIG_ROWS)} facilities, the page's longest task (median of ${Math.min(RUNS, 3)}):`);
    for (const [name, setup] of cases) {
      const runs = { worker: [], page: [] };
      for (let i = 0; i < Math.min(RUNS, 3); i++) {
        runs.worker.push(await frozen(context, base, setup));
        runs.page.push(await frozen(context, `${base}?worker=off`, setup));
      }
      const fig = (xs, k) => (xs[0][k] === null ? null : median(xs.map((x) => x[k])));
      const f = {
        worker: { open: fig(runs.worker, "open"), validate: fig(runs.worker, "validate") },
        page: { open: fig(runs.page, "open"), validate: fig(runs.page, "validate") },
      };
      out.frozen[name] = f;
      if (f.worker.open !== null)
        log(`  ${name}, opening the file: worker ${ms(f.worker.open)}, in the page ${ms(f.page.open)}`);
      log(
        `  ${name}, 検証${name === "Excel" ? " (Office.js read on the page's thread)" : ""}: worker ${ms(f.worker.validate)}, in the page ${ms(f.page.validate)} (${(f.worker.validate / f.page.validate).toFixed(2)}×)`,
      );
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

module.exports = { run };
if (require.main === module) run().catch((e) => ((process.exitCode = 1), console.error(e)));
