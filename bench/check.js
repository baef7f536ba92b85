// Times validateGrid (dist/src/engine.js) on generated 様式3-2 workbooks of 10, 1,000 and 10,000 rows, and xlsx→report
// before (ExcelJS, dist/io/xlsx.js) and after (the bounded reader, dist/io/read/index.js).
"use strict";
const { loadGenerator } = require("./generator");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
/** The largest generated workbook, rows (BENCH_ROWS; .ci/run runs every bench on smaller ones, figures only). */
const BIG_ROWS = Number(process.env.BENCH_ROWS ?? 10000);
const SIZES = [10, 1000, BIG_ROWS];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const rowsText = (n) => n.toLocaleString("en-US");
const TARGET = { rows: 10000, ms: 200 };

function ms(t0) {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Best (least) time of `runs` calls of fn, after one warm-up call; fn may be async. */
async function best(fn, runs = RUNS) {
  await fn();
  let min = Infinity;
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    last = await fn();
    min = Math.min(min, ms(t0));
  }
  return { ms: min, result: last };
}

function assertClean(report, rows, what) {
  if (report.summary.errors !== 0 || report.summary.facilities !== rows) {
    throw new Error(`${what}: expected 0 errors and ${rows} facilities, got ${report.summary.text.en}`);
  }
}

/** The Grid written as a plain .xlsx with ExcelJS (values only, each sheet from A1). */
async function gridToXlsx(ExcelJS, grid) {
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
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The streaming reader (dist/io/read/index.js): what `gec check` uses now. */
function boundedReader() {
  const built = path.join(DIST, "io", "read", "index.js");
  if (!fs.existsSync(built)) return null;
  const { readGrid } = require(built);
  return { name: "dist/io/read/index.js (zip + xmlScan)", load: async (bytes) => bytes, toGrid: readGrid };
}

/** io/xlsx.js when built (the ExcelJS reading `gec check` used before); otherwise a plain ExcelJS reading. */
function xlsxReader(ExcelJS) {
  const built = path.join(DIST, "io", "xlsx.js");
  if (fs.existsSync(built)) {
    const io = require(built);
    return { name: "dist/io/xlsx.js", load: io.loadWorkbook, toGrid: io.workbookToGrid };
  }
  return {
    name: "fallback: plain ExcelJS (dist/io/xlsx.js not built)",
    load: async (bytes) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes));
      return wb;
    },
    toGrid: (wb) => ({
      sheets: wb.worksheets.map((ws) => {
        const values = [];
        ws.eachRow({ includeEmpty: true }, (row, r) => {
          const line = [];
          row.eachCell({ includeEmpty: true }, (cell, c) => {
            const v = cell.value;
            line[c - 1] = typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : null;
          });
          values[r - 1] = Array.from(line, (v) => v ?? null);
        });
        return { name: ws.name, values: Array.from(values, (l) => l ?? []), origin: { row: 0, col: 0 } };
      }),
    }),
  };
}

function fmt(x, digits = 1) {
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

async function run({ print = false } = {}) {
  const enginePath = path.join(DIST, "src", "engine.js");
  if (!fs.existsSync(enginePath))
    throw new Error("dist/src/engine.js is missing: run `npm run -s build:node` first");
  const { validateGrid } = require(enginePath);
  const { generatedGrid } = loadGenerator();
  const ExcelJS = require("exceljs");
  const readers = [xlsxReader(ExcelJS), boundedReader()].filter(Boolean);
  const labels = ["before", "after"];
  const log = print ? (s) => console.log(s) : () => {};

  const figures = { engine: {}, endToEnd: {}, readers: readers.map((r) => r.name), runs: RUNS };
  log(`validateGrid on generated H002-2 workbooks (best of ${RUNS} after a warm-up)`);
  for (const rows of SIZES) {
    const grid = generatedGrid(rows, 1);
    const { ms: t, result } = await best(() => validateGrid(grid));
    assertClean(result, rows, `engine, ${rows} rows`);
    figures.engine[rows] = { ms: t, usPerRow: (t * 1000) / rows };
    const target =
      rows === TARGET.rows
        ? `   target: 10,000 rows < 200 ms (engine) ${t < TARGET.ms ? "— met" : "— NOT met"}`
        : "";
    log(
      `  engine ${String(rows).padStart(6)} rows: ${fmt(t).padStart(9)} ms  ${fmt((t * 1000) / rows).padStart(8)} µs/row${target}`,
    );
  }
  const ratio = figures.engine[BIG_ROWS].usPerRow / figures.engine[1000].usPerRow;
  figures.perRowRatio = ratio;
  log(`  per-row time ${rowsText(BIG_ROWS)} vs 1,000 rows: ${ratio.toFixed(2)}× (linear growth ≈ 1)`);

  for (const [k, reader] of readers.entries()) {
    const label = labels[k];
    figures.endToEnd[label] = {};
    log(`end to end, ${label}: .xlsx bytes → load → grid → validate (reader: ${reader.name})`);
    for (const rows of SIZES) {
      const bytes = await gridToXlsx(ExcelJS, generatedGrid(rows, 1));
      const stages = { load: 0, grid: 0, validate: 0 };
      const { ms: t, result } = await best(async () => {
        const t0 = process.hrtime.bigint();
        const wb = await reader.load(bytes);
        const t1 = process.hrtime.bigint();
        const grid = reader.toGrid(wb);
        const t2 = process.hrtime.bigint();
        const report = validateGrid(grid);
        const t3 = process.hrtime.bigint();
        const total = Number(t3 - t0) / 1e6;
        if (!stages.total || total < stages.total) {
          Object.assign(stages, {
            total,
            load: Number(t1 - t0) / 1e6,
            grid: Number(t2 - t1) / 1e6,
            validate: Number(t3 - t2) / 1e6,
          });
        }
        return report;
      });
      assertClean(result, rows, `end to end (${label}), ${rows} rows`);
      figures.endToEnd[label][rows] = { ms: t, usPerRow: (t * 1000) / rows, bytes: bytes.length, ...stages };
      log(
        `  xlsx   ${String(rows).padStart(6)} rows: ${fmt(t).padStart(9)} ms  ${fmt((t * 1000) / rows).padStart(8)} µs/row` +
          `  (${fmt(bytes.length / 1024, 0)} KiB; load ${fmt(stages.load)} + grid ${fmt(stages.grid)} + validate ${fmt(stages.validate)} ms)`,
      );
    }
  }
  const b = figures.endToEnd.before?.[BIG_ROWS];
  const a = figures.endToEnd.after?.[BIG_ROWS];
  if (a && b)
    log(
      `  ${rowsText(BIG_ROWS)} rows in process, after / before: ${(a.ms / b.ms).toFixed(2)}× (target ≤ 0.5×)`,
    );
  return figures;
}

module.exports = { run, loadGenerator, gridToXlsx, BIG_ROWS, rowsText };
if (require.main === module) {
  run({ print: true }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
