#!/usr/bin/env node
// CI's test step: runs jest (extra arguments passed on), prints "N passed, N failed" and exits non-zero on any failure.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const out = path.join(root, ".ci/out/jest.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });

const jest = require.resolve("jest/bin/jest", { paths: [root] });
const run = spawnSync(process.execPath, [jest, ...process.argv.slice(2), "--json", `--outputFile=${out}`], {
  cwd: root,
  stdio: "inherit",
});

/**
 * A suite that fails to load (a broken import, a syntax error) has no test results, and jest's own counts leave it
 * out: count each as one failure, so a broken suite can never print "N passed, 0 failed".
 */
function count(report) {
  const broken = report.testResults.filter(
    (s) => s.status === "failed" && s.assertionResults.length === 0,
  ).length;
  const runtime = report.numRuntimeErrorTestSuites || 0;
  const failed = report.numFailedTests + Math.max(broken, runtime);
  const skipped = report.numPendingTests ? `, ${report.numPendingTests} skipped` : "";
  return {
    line: `${report.numPassedTests} passed, ${failed} failed${skipped}`,
    ok: failed === 0 && report.success,
  };
}

let result = { line: "0 passed, 1 failed", ok: false };
try {
  result = count(JSON.parse(fs.readFileSync(out, "utf8")));
} catch (e) {
  process.stderr.write(`CI: no jest report (${e.message})\n`);
}
const ok = result.ok && run.status === 0;
fs.writeFileSync(path.join(root, ".ci/out/counts.txt"), result.line + "\n");
process.stdout.write(`\n${result.line}\n`);
process.exit(ok ? 0 : 1);
