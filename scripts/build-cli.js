#!/usr/bin/env node
// `npm run build:cli` (also run by `npm ci` through prepare): the gec command as one file, dist/gec/cli.js (esbuild),
// and its V8 code cache, dist/gec/cli.cache, made by running the bundle once on a small workbook.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const { BUNDLE, CACHE, cacheHeader } = require("../bin/launch.js");
const FFLATE_LAZY = path.join(root, "scripts/fflate-lazy.cjs");
/**
 * "fflate" for the bundles: scripts/fflate-lazy.cjs, which loads fflate's plain build when first used (the Node build
 * loads worker_threads and streams for asynchronous APIs the reader does not use).
 */
const fflateLazy = {
  name: "fflate-lazy",
  setup(build) {
    build.onResolve({ filter: /^fflate$/ }, (args) =>
      args.importer === FFLATE_LAZY
        ? { path: path.join(root, "node_modules/fflate/lib/browser.cjs") }
        : { path: FFLATE_LAZY },
    );
  },
};

/** What the code cache is made on: a small published 様式3-2 when the clone has it (a package has no test/). */
const TRAINING_WORKBOOK = path.join(root, "test/fixtures/xlsx/H002-1-published.xlsx");

/**
 * One CommonJS file, Node 20. Commands stay lazy (each `import()` is a module initialised on first use); ExcelJS
 * stays outside (required from node_modules by the commands that write workbooks); fflate through fflateLazy.
 */
async function bundle() {
  const esbuild = require("esbuild");
  const result = await esbuild.build({
    stdin: {
      contents: 'export { main } from "./cli/main";\nexport { nodeIo } from "./cli/io";\n',
      resolveDir: root,
      sourcefile: "gec-cli-entry.ts",
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["exceljs"],
    // import() of a Node module (cli/io.ts's "crypto") as require: vm.Script, which runs the bundle, has no loader
    supported: { "dynamic-import": false },
    plugins: [fflateLazy],
    legalComments: "none",
    // less to read and hash at every start (identifiers kept: a stack trace still names the function)
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    absWorkingDir: root,
    logLevel: "warning",
  });
  const body = asciiOnly(result.outputFiles[0].text);
  // the first line names the build: bin/launch.js takes a code cache only when its header names the same one
  const id = crypto.createHash("sha256").update(body).digest("hex").slice(0, 32);
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  fs.writeFileSync(BUNDLE, `// gec-build ${id}\n${body}`);
  return id;
}

/**
 * The bundle with every non-ASCII code unit written as \uXXXX: esbuild escapes strings but leaves regular expressions'
 * kana and kanji as they are, and one such character makes V8 hold all 800 KB as a two-byte string decoded from UTF-8
 * at every start. ASCII, bin/launch.js reads it as latin1: a one-byte string, nothing decoded (-5 % of a small
 * `gec check`, bench/startup.js). \uXXXX means the same code unit in a string, a template, a regular expression (a
 * surrogate pair stays one code point under the u flag) and an identifier.
 */
function asciiOnly(text) {
  // after a backslash (an identity escape such as /\—/) \uXXXX would read as a backslash and "uXXXX": refuse
  if (/\\[\u0080-\uffff]/.test(text))
    throw new Error("the bundle escapes a non-ASCII character; cannot make it ASCII");
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The worker of `gec check` of many files, as a file of its own beside the bundle: cli/portfolio/pool.ts starts
 * `worker.js` from the folder its own code runs in (dist/gec/ for the bundle, dist/cli/portfolio/ for tsc's output).
 */
async function bundleWorker() {
  const esbuild = require("esbuild");
  await esbuild.build({
    entryPoints: [path.join(root, "cli/portfolio/worker.ts")],
    outfile: path.join(path.dirname(BUNDLE), "worker.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["exceljs"],
    plugins: [fflateLazy],
    legalComments: "none",
    absWorkingDir: root,
    logLevel: "warning",
  });
}

/**
 * The code cache: a fresh Node (no NODE_OPTIONS: V8 refuses a cache made under other flags) loads the bundle as
 * bin/gec.js does (bin/launch.js, its V8 flag included), runs `gec check` and `gec eval` once with their output
 * discarded, and writes the bytecode of every function compiled so far.
 */
function codeCache(id) {
  const training = `
    const fs = require("fs");
    const launcher = require(${JSON.stringify(path.join(root, "bin/launch.js"))});
    launcher.tuneV8();
    const { script, exports: cli } = launcher.loadBundle({ cache: false });
    const quiet = { ...cli.nodeIo(), stdout: () => undefined, stderr: () => undefined };
    const lines = async function* () { yield '{"id":1,"fn":"STEAM_H","args":[1,200]}\\n'; };
    (async () => {
      const workbook = ${JSON.stringify(TRAINING_WORKBOOK)};
      if (fs.existsSync(workbook)) {
        await cli.main(["check", workbook], quiet);
        await cli.main(["check", workbook, "--json"], quiet);
      }
      await cli.main(["eval"], { ...quiet, stdin: lines });
      await cli.main(["--help"], quiet);
      const header = Buffer.from(${JSON.stringify(cacheHeader(id))});
      fs.writeFileSync(${JSON.stringify(CACHE)}, Buffer.concat([header, script.createCachedData()]));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, ["-e", training], { cwd: root, env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`making the code cache failed:\n${run.stderr}`);
}

async function main() {
  const t0 = Date.now();
  fs.rmSync(CACHE, { force: true });
  const id = await bundle();
  await bundleWorker();
  codeCache(id);
  const kb = (file) => (fs.statSync(file).size / 1024).toFixed(0);
  process.stdout.write(
    `[gec] ${path.relative(root, BUNDLE)} (${kb(BUNDLE)} KB) and its code cache (${kb(CACHE)} KB) in ${Date.now() - t0} ms\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`[gec] build:cli: ${e.message}\n`);
  process.exit(1);
});
