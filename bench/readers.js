// Chooses the .xlsx reader on evidence: readers compared in one process, then whole-process start-up, time and peak
// memory of `gec check` before (ExcelJS, dist/io/xlsx.js) and after (the bounded reader, dist/io/read/index.js).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { Readable } = require("stream");
const { loadGenerator, gridToXlsx, BIG_ROWS, rowsText } = require("./check");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STARTS = Number(process.env.BENCH_STARTS ?? 15);
const SMALL = path.join(ROOT, "test", "fixtures", "xlsx", "H002-2-published.xlsx"); // 3 facilities
const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x, d = 0) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

async function best(fn, runs = RUNS) {
  await fn();
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    min = Math.min(min, ms(t0));
  }
  return min;
}

/** The readers, each from bytes to "every cell visited" (the first two also to a Grid). */
function readers(ExcelJS) {
  const xlsx = require(path.join(DIST, "io", "xlsx.js"));
  const read = require(path.join(DIST, "io", "read", "index.js"));
  return [
    {
      name: "ExcelJS full load + workbookToGrid (before)",
      run: async (bytes) => xlsx.workbookToGrid(await xlsx.loadWorkbook(bytes)),
    },
    {
      name: "ExcelJS streaming WorkbookReader (cells only, no Grid)",
      run: async (bytes) => {
        const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
          sharedStrings: "cache",
          styles: "cache",
          worksheets: "emit",
          hyperlinks: "ignore",
        });
        let cells = 0;
        for await (const ws of reader) for await (const row of ws) cells += row.cellCount;
        return cells;
      },
    },
    { name: "readGrid (after)", run: async (bytes) => read.readGrid(bytes) },
  ];
}

/** Wall time (ms) and peak RSS (MiB) of one process. */
function measure(args) {
  const t0 = process.hrtime.bigint();
  const run = TIME
    ? spawnSync(TIME, ["-f", "%M", process.execPath, ...args], { encoding: "utf8", cwd: ROOT })
    : spawnSync(process.execPath, args, { encoding: "utf8", cwd: ROOT });
  const wall = ms(t0);
  const kb = TIME ? Number(run.stderr.trim().split("\n").pop()) : NaN;
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`${args.join(" ")}: exit ${run.status}\n${run.stderr}`);
  return { ms: wall, mib: kb / 1024 };
}

/** The best of `n` rounds for each command, the commands alternated so that machine load hits them alike. */
function alternate(commands, n) {
  const out = commands.map(() => ({ ms: Infinity, mib: 0 }));
  for (let i = 0; i < n; i++) {
    commands.forEach((args, k) => {
      const m = measure(args);
      out[k].ms = Math.min(out[k].ms, m.ms);
      out[k].mib = Math.max(out[k].mib, m.mib);
    });
  }
  return out;
}

/** `gec check` as it was: ExcelJS load, workbookToGrid, validateGrid, the report printed. */
const BEFORE = (file) => [
  "-e",
  `const x=require(${JSON.stringify(path.join(DIST, "io", "xlsx.js"))});` +
    `const e=require(${JSON.stringify(path.join(DIST, "src", "engine.js"))});` +
    `const c=require(${JSON.stringify(path.join(DIST, "cli", "commands", "check.js"))});` +
    `x.loadWorkbook(require("fs").readFileSync(${JSON.stringify(file)})).then(wb=>{` +
    `const r=e.validateGrid(x.workbookToGrid(wb));process.stdout.write(c.reportText(r,"ja","f"));})`,
];
const AFTER = (file) => [path.join(ROOT, "bin", "gec.js"), "check", file];

async function run({ print = false } = {}) {
  if (!fs.existsSync(path.join(DIST, "io", "read", "index.js")))
    throw new Error("dist/io/read/index.js is missing: run `npm run -s build:node` first");
  const log = print ? (s) => console.log(s) : () => {};
  const ExcelJS = require("exceljs");
  const { generatedGrid } = loadGenerator();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-readers-"));
  const figures = { inProcess: {}, startup: {}, big: {} };
  try {
    log(`readers in one process (best of ${RUNS} after a warm-up)`);
    for (const rows of [1000, BIG_ROWS]) {
      const bytes = await gridToXlsx(ExcelJS, generatedGrid(rows, 1));
      fs.writeFileSync(path.join(dir, `${rows}.xlsx`), bytes);
      figures.inProcess[rows] = {};
      for (const reader of readers(ExcelJS)) {
        const t = await best(() => reader.run(bytes));
        figures.inProcess[rows][reader.name] = t;
        log(`  ${String(rows).padStart(6)} rows  ${fmt(t).padStart(7)} ms  ${reader.name}`);
      }
    }

    const [bare, before, after] = alternate([["-e", "0"], BEFORE(SMALL), AFTER(SMALL)], STARTS);
    figures.startup = {
      bare,
      before,
      after,
      ratioBefore: before.ms / bare.ms,
      ratioAfter: after.ms / bare.ms,
    };
    log(`start-up, whole process, best of ${STARTS} alternated runs (3-facility H002-2):`);
    log(`  node -e 0                  ${fmt(bare.ms).padStart(6)} ms`);
    log(
      `  gec check before (ExcelJS) ${fmt(before.ms).padStart(6)} ms  ${before.ms / bare.ms >= 0 ? (before.ms / bare.ms).toFixed(2) : "?"}×`,
    );
    log(
      `  gec check after            ${fmt(after.ms).padStart(6)} ms  ${(after.ms / bare.ms).toFixed(2)}×  (target ≤ 2×)`,
    );

    const big = path.join(dir, `${BIG_ROWS}.xlsx`);
    const [b, a] = alternate([BEFORE(big), AFTER(big)], Math.max(1, Math.min(RUNS, 3)));
    figures.big = { before: b, after: a, timeRatio: a.ms / b.ms };
    log(
      `${rowsText(BIG_ROWS)} rows end to end, whole process (best of ${Math.max(1, Math.min(RUNS, 3))}; peak RSS by /usr/bin/time):`,
    );
    log(`  before (ExcelJS)  ${fmt(b.ms).padStart(6)} ms  ${fmt(b.mib, 0)} MiB`);
    log(
      `  after             ${fmt(a.ms).padStart(6)} ms  ${fmt(a.mib, 0)} MiB  (${(a.ms / b.ms).toFixed(2)}× the time; targets ≤ 0.5×, ≤ 150 MiB)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

module.exports = { run };
if (require.main === module) {
  run({ print: true }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
