// The custom functions as Excel and `gec eval` call them (functions/registry.ts: every argument a matrix, lifted
// cell by cell) against the IAPWS-IF97 kernel each wraps (src/steam), in the same run: ns per call and the ratio.
// Both come from one bundle of the sources, as Excel's (webpack) and gec's (esbuild) are: one scope, where tsc's
// CommonJS output would put a getter of each `export … from` between the wrapper and what it calls.
// Arguments as a sheet holds them: typed (≤ 4 decimals) and computed (any double, e.g. a mean), handed over as Excel
// hands them (each a [[x]] it built: not timed). Rounds of kernel and wrapper alternate; each keeps its best round.
// Target: wrapper ≤ 2× kernel.
// Usage: node bench/functions.js   (BENCH_MS=per-measure budget, default 1000)
"use strict";
const path = require("path");

const ROOT = path.join(__dirname, "..");
const BUDGET_MS = Number(process.env.BENCH_MS ?? 1000);
const N = 1000;

/** Deterministic points (LCG) so runs compare; `typed` rounds them to what a person types. */
function points(seed, ranges, typed) {
  let s = seed >>> 0;
  const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
  return ranges.map(([lo, hi, places]) =>
    Float64Array.from({ length: N }, () => {
      const x = lo + rnd() * (hi - lo);
      return typed ? Math.round(x * 10 ** places) / 10 ** places : x;
    }),
  );
}

/** Best ns per call of `kernel(k)` and `wrapper(k)` over the batch's N points, their rounds alternated. */
function compare(kernel, wrapper, budgetMs = BUDGET_MS) {
  const round = (fn) => {
    let sink = 0;
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < 5; r++) for (let k = 0; k < N; k++) sink += fn(k);
    const ns = Number(process.hrtime.bigint() - t0) / (5 * N);
    if (!Number.isFinite(sink)) throw new Error("a non-finite result in the benchmark");
    return ns;
  };
  for (let w = 0; w < 10; w++) (round(kernel), round(wrapper));
  let bestKernel = Infinity;
  let bestWrapper = Infinity;
  const until = Date.now() + budgetMs;
  do {
    bestKernel = Math.min(bestKernel, round(kernel));
    bestWrapper = Math.min(bestWrapper, round(wrapper));
  } while (Date.now() < until);
  return { kernelNs: bestKernel, wrapperNs: bestWrapper, ratio: bestWrapper / bestKernel };
}

/** functions/registry.ts and src/steam bundled into one CommonJS module by esbuild, in memory, and loaded. */
function bundled() {
  const result = require("esbuild").buildSync({
    stdin: {
      contents:
        'export { customFunctions } from "./functions/registry";\nexport * as steam from "./src/steam";\n',
      resolveDir: ROOT,
      sourcefile: "bench-functions-entry.ts",
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    write: false,
    absWorkingDir: ROOT,
    logLevel: "error",
  });
  const module_ = new (require("module"))(path.join(ROOT, "bench-functions.js"));
  module_.paths = require("module")._nodeModulePaths(ROOT);
  module_._compile(result.outputFiles[0].text, path.join(ROOT, "bench-functions.js"));
  return module_.exports;
}

function run({ print = true } = {}) {
  const { steam, customFunctions } = bundled();
  const excel = (id) => customFunctions.get(id);
  // STEAM_H in IF97's regions, as bench/steam.js batches them; then every other steam function on one batch
  const cases = [
    [
      "STEAM_H",
      "region 1 (compressed water)",
      steam.steamEnthalpy,
      [
        [10, 100, 3],
        [0, 300, 2],
      ],
    ],
    [
      "STEAM_H",
      "region 2 (superheated steam)",
      steam.steamEnthalpy,
      [
        [0.001, 1, 4],
        [200, 800, 2],
      ],
    ],
    [
      "STEAM_H",
      "region 3 (dense fluid)",
      steam.steamEnthalpy,
      [
        [40, 100, 3],
        [360, 400, 2],
      ],
    ],
    [
      "STEAM_S",
      "region 2",
      steam.steamEntropy,
      [
        [0.001, 1, 4],
        [200, 800, 2],
      ],
    ],
    [
      "STEAM_V",
      "region 2",
      steam.steamVolume,
      [
        [0.001, 1, 4],
        [200, 800, 2],
      ],
    ],
    [
      "STEAM_CP",
      "region 2",
      steam.steamCp,
      [
        [0.001, 1, 4],
        [200, 800, 2],
      ],
    ],
    ["STEAM_TSAT", "0.001–22 MPa", steam.saturationTemperatureC, [[0.001, 22, 4]]],
    ["STEAM_PSAT", "0–373 °C", steam.saturationPressureMPa, [[0, 373, 2]]],
    ["STEAM_HF", "0–373 °C", steam.saturatedLiquidEnthalpy, [[0, 373, 2]]],
    ["STEAM_HG", "0–373 °C", steam.saturatedVapourEnthalpy, [[0, 373, 2]]],
    ["STEAM_HF_P", "0.001–22 MPa", steam.saturatedLiquidEnthalpyP, [[0.001, 22, 4]]],
    ["STEAM_HG_P", "0.001–22 MPa", steam.saturatedVapourEnthalpyP, [[0.001, 22, 4]]],
    [
      "STEAM_T_PH",
      "region 2",
      steam.temperaturePH,
      [
        [0.01, 1, 4],
        [2800, 3500, 1],
      ],
    ],
  ];
  const results = [];
  if (print) {
    console.log(
      "custom functions as Excel calls them (=GEC.F(B2, C2): each argument [[x]]) vs their kernel, ns/call",
    );
    console.log(`${"function".padEnd(11)} ${"points".padEnd(30)} ${"args".padEnd(9)} kernel  wrapper  ratio`);
  }
  const batches = cases.flatMap(([id, label, kernel, ranges], i) =>
    [true, false].map((typed) => {
      const fn = excel(id);
      const a = points(i + 1, ranges, typed);
      const cells = a.map((column) => Array.from(column, (x) => [[x]]));
      const direct = a.length === 1 ? (k) => kernel(a[0][k]) : (k) => kernel(a[0][k], a[1][k]);
      const wrapped =
        a.length === 1 ? (k) => fn(cells[0][k])[0][0] : (k) => fn(cells[0][k], cells[1][k])[0][0];
      return { id, label, typed, direct, wrapped };
    }),
  );
  // every batch once before any is timed: V8 has then seen all the shapes the shared wrapper code takes (the first
  // batch timed alone gave its kernel 2-3× its later time)
  for (const b of batches) compare(b.direct, b.wrapped, BUDGET_MS / 10);
  for (const { id, label, typed, direct, wrapped } of batches) {
    const r = { id, points: label, args: typed ? "typed" : "computed", ...compare(direct, wrapped) };
    results.push(r);
    if (print)
      console.log(
        `${id.padEnd(11)} ${label.padEnd(30)} ${r.args.padEnd(9)} ${r.kernelNs.toFixed(1).padStart(6)} ` +
          `${r.wrapperNs.toFixed(1).padStart(8)} ${r.ratio.toFixed(2).padStart(6)}×`,
      );
  }

  const worst = Math.max(...results.map((r) => r.ratio));
  if (print) console.log(`worst wrapper / kernel: ${worst.toFixed(2)}× (target ≤ 2×)`);
  return { results, worst };
}

module.exports = { run };
if (require.main === module) run({ print: true });
