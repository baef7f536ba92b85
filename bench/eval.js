// Times `gec eval` end to end: 100,000 STEAM_H lines (BENCH_EVAL_LINES) through the real command, process start
// included, beside a bare node start in the same run.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

function run({ print = false } = {}) {
  const lines = Number(process.env.BENCH_EVAL_LINES ?? 100000);
  const input = Array.from({ length: lines }, (_, i) =>
    JSON.stringify({ id: i, fn: "STEAM_H", args: [0.1 + (i % 100) * 0.2, 100 + (i % 500)] }),
  ).join("\n");
  const bin = path.join(__dirname, "..", "bin", "gec.js");
  // a process that only starts Node and answers nothing is the baseline of the same run
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ["-e", "0"]);
  const t1 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, "eval"], { input, encoding: "utf8", maxBuffer: 64 << 20 });
  const t2 = process.hrtime.bigint();
  const answered = result.stdout.trim().split("\n").length;
  const figures = {
    lines,
    answered,
    totalMs: Number(t2 - t1) / 1e6,
    nodeStartMs: Number(t1 - t0) / 1e6,
  };
  if (print) {
    console.log(
      `gec eval: ${answered}/${lines} lines in ${figures.totalMs.toFixed(0)} ms ` +
        `(bare node start ${figures.nodeStartMs.toFixed(0)} ms; ratio ${(figures.totalMs / figures.nodeStartMs).toFixed(1)}×)`,
    );
  }
  return figures;
}

module.exports = { run };
if (require.main === module) run({ print: true });
