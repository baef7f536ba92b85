// Throughput of steamEnthalpy (dist build) on batches of region 1, 2 and 3 points, beside a naive Math.pow-per-term
// IF97 (bench/naive-if97.js) and the npm package neutriumjs.thermo.iapws97. Prints ns/eval, evals/s and ratios.
// Usage: npx tsc -p tsconfig.build.json && node bench/steam.js   (STEAM_MODULE=<path> to bench another build;
// BENCH_MS=the time of each measure, default 400)
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const naive = require("./naive-if97.js");

const steamPath = process.env.STEAM_MODULE || path.join(__dirname, "../dist/src/steam/index.js");

/** neutriumjs ships a UMD bundle whose CommonJS branch requires unpublished names: load it as a browser global. */
function loadNeutrium() {
  try {
    const file = require.resolve("neutriumjs.thermo.iapws97/dist/neutriumJS.thermo.IAPWS97.pt.min.js");
    const ctx = { Math };
    vm.createContext(ctx);
    vm.runInContext(fs.readFileSync(file, "utf8"), ctx);
    return ctx.NeutriumJS.thermo.IAPWS97.PT;
  } catch {
    return undefined;
  }
}

/** Deterministic points (LCG) so runs compare. */
function points(n, pLo, pHi, tLo, tHi, seed) {
  let s = seed >>> 0;
  const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
  const p = new Float64Array(n);
  const t = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    p[k] = pLo + rnd() * (pHi - pLo);
    t[k] = tLo + rnd() * (tHi - tLo);
  }
  return { p, t };
}

/** ns per evaluation of fn over the batch, best of several timed rounds after warm-up. */
function measure(fn, batch, minMs) {
  const n = batch.p.length;
  let sink = 0;
  for (let w = 0; w < 20; w++) for (let k = 0; k < n; k++) sink += fn(batch.p[k], batch.t[k]);
  let best = Infinity;
  const until = Date.now() + minMs;
  do {
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < 10; r++) for (let k = 0; k < n; k++) sink += fn(batch.p[k], batch.t[k]);
    const ns = Number(process.hrtime.bigint() - t0) / (10 * n);
    if (ns < best) best = ns;
  } while (Date.now() < until);
  if (!Number.isFinite(sink)) throw new Error("non-finite result in benchmark");
  return best;
}

function run({ print = true, minMs = Number(process.env.BENCH_MS ?? 400) } = {}) {
  const steam = require(steamPath);
  const neutrium = loadNeutrium();
  const batches = {
    // compressed water: p ≥ 10 MPa > ps(300 °C) = 8.59 MPa
    region1: points(1000, 10, 100, 0, 300, 1),
    // superheated steam: p ≤ 1 MPa < ps(200 °C) = 1.55 MPa
    region2: points(1000, 0.001, 1, 200, 800, 2),
    // supercritical / dense fluid between 623.15 K and B23
    region3: points(1000, 40, 100, 360, 400, 3),
  };
  const results = {};
  for (const [name, batch] of Object.entries(batches)) {
    const ours = measure(steam.steamEnthalpy, batch, minMs);
    const row = { ours_ns: ours, ours_evals_per_s: 1e9 / ours };
    if (name !== "region3") {
      row.naive_ns = measure(naive.naiveEnthalpy, batch, minMs);
      row.naive_ratio = row.naive_ns / ours;
    }
    if (neutrium) {
      row.neutrium_ns = measure((p, t) => neutrium.solve(p, t + 273.15).h, batch, minMs / 2);
      row.neutrium_ratio = row.neutrium_ns / ours;
    }
    results[name] = row;
  }
  if (print) {
    const f = (x) => (x === undefined ? "-" : x.toFixed(1));
    console.log("steamEnthalpy throughput (ns/eval, best round; ratio = other / ours)");
    console.log("batch     ours ns   evals/s      naive ns  ×naive  neutrium ns  ×neutrium");
    for (const [name, r] of Object.entries(results)) {
      console.log(
        `${name.padEnd(9)} ${f(r.ours_ns).padStart(7)} ${(r.ours_evals_per_s / 1e6).toFixed(2).padStart(7)}M ` +
          `${f(r.naive_ns).padStart(11)} ${f(r.naive_ratio).padStart(7)} ${f(r.neutrium_ns).padStart(12)} ${f(r.neutrium_ratio).padStart(10)}`,
      );
    }
  }
  return results;
}

module.exports = { run };

if (require.main === module) run({ print: true });
