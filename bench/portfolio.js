// `gec check DIR --summary` over 500 generated 3-facility workbooks (test/fixtures/generated.ts, each its own
// facilities) against a shell loop of single `gec check FILE` processes over the same files, in the same run; and the
// peak RSS of the whole process (the workers are its threads: getrusage counts them) at 100, 300 and 500 files.
// The loop costs a Node start-up per file (0.3–0.7 s on the 2-core CI machine), so by default it runs over an evenly
// spread sample of 100 of the 500 files, and `gec check` over that same sample gives the like-for-like ratio;
// BENCH_PORTFOLIO_LOOP=500 loops over all of them. BENCH_PORTFOLIO_FILES changes the 500.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { loadGenerator, gridToXlsx } = require("./check");

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "gec.js");

/** One command in a child Node that reports its own peak RSS (KiB, threads included) on exit. */
function gec(args) {
  const wrapper =
    "process.on('exit',()=>require('fs').writeSync(2,'\\n@maxrss='+process.resourceUsage().maxRSS+'\\n'));" +
    `process.argv.splice(1,0,'gec');require(${JSON.stringify(BIN)})`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-e", wrapper, ...args], { encoding: "utf8", maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /@maxrss=(\d+)/.exec(r.stderr);
  return { code: r.status, ms, mib: rss ? Number(rss[1]) / 1024 : NaN, stdout: r.stdout, stderr: r.stderr };
}

/** A folder of hard links to some of the files (hard links are regular files: the walk takes them). */
function linkFolder(dir, files) {
  fs.mkdirSync(dir);
  for (const f of files) fs.linkSync(f, path.join(dir, path.basename(f)));
  return dir;
}

function expectClean(run, count, what) {
  const total = new RegExp(`合計: ${count} ファイル（OK ${count}、`);
  if (run.code !== 0 || !total.test(run.stdout))
    throw new Error(
      `${what}: expected exit 0 and ${count} clean files, got ${run.code}\n${run.stderr.slice(0, 2000)}`,
    );
}

async function run({ print = false } = {}) {
  if (!fs.existsSync(path.join(ROOT, "dist", "cli", "portfolio", "run.js")))
    throw new Error("dist/cli/portfolio/run.js is missing: run `npm run -s build:node` first");
  const log = print ? (s) => console.log(s) : () => {};
  const count = Number(process.env.BENCH_PORTFOLIO_FILES ?? 500);
  const loopCount = Math.min(count, Number(process.env.BENCH_PORTFOLIO_LOOP ?? 100));
  const { generatedGrid } = loadGenerator();
  const ExcelJS = require("exceljs");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gec-bench-portfolio-"));
  try {
    const all = path.join(tmp, "all");
    fs.mkdirSync(all);
    const t0 = Date.now();
    const files = [];
    for (let k = 0; k < count; k++) {
      const file = path.join(all, `wb-${String(k).padStart(4, "0")}.xlsx`);
      fs.writeFileSync(file, await gridToXlsx(ExcelJS, generatedGrid(3, k + 1, 3 * k)));
      files.push(file);
    }
    log(`${count} generated 3-facility workbooks written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const figures = {
      files: count,
      cores: os.availableParallelism?.() ?? os.cpus().length,
      dir: {},
      loop: {},
    };
    const summary = path.join(tmp, "summary.xlsx");
    for (const n of [100, 300, count].filter((n, i, a) => n <= count && a.indexOf(n) === i)) {
      const dir = n === count ? all : linkFolder(path.join(tmp, `first-${n}`), files.slice(0, n));
      const r = gec(["check", dir, "--summary", summary, "--force"]);
      expectClean(r, n, `gec check DIR (${n} files)`);
      figures.dir[n] = { ms: r.ms, mib: r.mib };
      log(
        `  gec check DIR --summary, ${String(n).padStart(4)} files: ${(r.ms / 1000).toFixed(2).padStart(6)} s` +
          `  (${(r.ms / n).toFixed(1)} ms a file)  peak RSS ${r.mib.toFixed(0)} MiB`,
      );
    }

    // the loop's files, spread over the set; `gec check` over the same ones for the like-for-like ratio
    const step = count / loopCount;
    const sample = Array.from({ length: loopCount }, (_, i) => files[Math.floor(i * step)]);
    const sampleDir = loopCount === count ? all : linkFolder(path.join(tmp, "sample"), sample);
    const same = gec(["check", sampleDir, "--summary", summary, "--force"]);
    expectClean(same, loopCount, `gec check DIR (the loop's ${loopCount} files)`);
    const script = `for f in "$@"; do node ${JSON.stringify(BIN)} check "$f" > /dev/null || exit 1; done`;
    const t1 = process.hrtime.bigint();
    const loop = spawnSync("sh", ["-c", script, "sh", ...sample], { encoding: "utf8" });
    const loopMs = Number(process.hrtime.bigint() - t1) / 1e6;
    if (loop.status !== 0) throw new Error(`the shell loop failed: ${loop.stderr.slice(0, 2000)}`);
    figures.loop = { files: loopCount, ms: loopMs, perFileMs: loopMs / loopCount };
    figures.ratioSameFiles = same.ms / loopMs;
    figures.ratioAll = figures.dir[count].ms / ((loopMs / loopCount) * count);
    figures.rssGrowth = figures.dir[count].mib / figures.dir[Math.min(100, count)].mib;
    log(
      `  shell loop of single gec check, ${loopCount} files: ${(loopMs / 1000).toFixed(1)} s (${(loopMs / loopCount).toFixed(0)} ms a file);` +
        ` gec check DIR over the same ${loopCount}: ${(same.ms / 1000).toFixed(2)} s`,
    );
    log(
      `  ratio DIR / loop, same ${loopCount} files: ${figures.ratioSameFiles.toFixed(3)}` +
        (loopCount === count
          ? ""
          : `; ${count} files against the loop's time per file × ${count}: ${figures.ratioAll.toFixed(3)}`) +
        `   (target ≤ 0.2)`,
    );
    log(
      `  peak RSS ${figures.dir[Math.min(100, count)].mib.toFixed(0)} MiB at ${Math.min(100, count)} files, ${figures.dir[count].mib.toFixed(0)} MiB at ${count}` +
        ` (×${figures.rssGrowth.toFixed(2)}; target ≤ 300 MiB and flat)`,
    );
    return figures;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { run };
if (require.main === module) {
  run({ print: true }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
