// Taskpane budgets, measured not asserted: gzip size of the initial-load bundle (target <= 250 KB) and the time
// from pressing 検証 to the rendered findings for a seed workbook in headless Chromium (target < 1 s).
// Usage: npx webpack --mode production && node bench/bundle.js   (GEC_WEB_DIR=<dir> to measure another build;
// GEC_FIXTURE=<file.xlsx> for another workbook; default: test/fixtures/xlsx/H002-2-published.xlsx)
"use strict";

const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const zlib = require("zlib");

const root = path.join(__dirname, "..");
const webDir = process.env.GEC_WEB_DIR || path.join(root, "dist/web");
const { CHROMIUM, launchOffline } = require("../scripts/chromium");

/** The scripts taskpane.html loads before any click (office.js from the CDN excluded). */
function initialScripts() {
  const html = fs.readFileSync(path.join(webDir, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
}

function gzipKB(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;
}

function serve(dir) {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(req.url.split("?")[0]).replace(/^\/+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8";
    res.writeHead(200, { "content-type": type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function fixture() {
  if (process.env.GEC_FIXTURE) return process.env.GEC_FIXTURE;
  const published = path.join(root, "test/fixtures/xlsx/H002-2-published.xlsx");
  return fs.existsSync(published) ? published : null;
}

/** Milliseconds from the 検証 click to the summary and findings in the DOM (median of `runs`). */
async function renderTime(xlsx, runs = 5) {
  const server = await serve(webDir);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gec-bench-"));
  const context = await launchOffline(profile);
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/taskpane.html`);
    await page.getByLabel("ファイルを開く").setInputFiles(xlsx);
    await page.getByTestId("file-name").waitFor();
    const times = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = Date.now();
      await page.getByRole("button", { name: "検証", exact: true }).click();
      await page.getByTestId("summary").waitFor();
      await page.waitForFunction(() => !document.querySelector('[role="progressbar"], .fui-Spinner'));
      times.push(Date.now() - t0);
      findings = await page.getByTestId("finding").count();
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], runs: times, findings };
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function run({ print = true } = {}) {
  const out = {};
  if (!fs.existsSync(path.join(webDir, "taskpane.html"))) {
    if (print) console.log(`no build in ${webDir}: run npx webpack --mode production first`);
    return out;
  }
  out.scripts = initialScripts().map((s) => ({
    script: s,
    gzipKB: +gzipKB(path.join(webDir, s)).toFixed(1),
  }));
  out.initialGzipKB = +out.scripts.reduce((a, s) => a + s.gzipKB, 0).toFixed(1);
  const lazy = fs.readdirSync(webDir).filter((f) => f.endsWith(".js") && !initialScripts().includes(f));
  out.lazyGzipKB = +lazy.reduce((a, f) => a + gzipKB(path.join(webDir, f)), 0).toFixed(1);
  if (print) {
    for (const s of out.scripts) console.log(`initial ${s.script}: ${s.gzipKB} KB gzip`);
    console.log(
      `initial load total: ${out.initialGzipKB} KB gzip (target <= 250); lazy chunks: ${out.lazyGzipKB} KB gzip`,
    );
  }
  const xlsx = fixture();
  if (!fs.existsSync(CHROMIUM) || !xlsx) {
    if (print) console.log(`render time: skipped (${!xlsx ? "no .xlsx fixture" : `${CHROMIUM} absent`})`);
    return out;
  }
  out.render = await renderTime(xlsx);
  if (print)
    console.log(
      `検証 → findings rendered (${path.basename(xlsx)}, ${out.render.findings} rows): median ` +
        `${out.render.median} ms of [${out.render.runs.join(", ")}] ms in order (target < 1000; the first run ` +
        `also loads the engine chunk)`,
    );
  return out;
}

module.exports = { run, serve };
if (require.main === module) run().catch((e) => ((process.exitCode = 1), console.error(e)));
