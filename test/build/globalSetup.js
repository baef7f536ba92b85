// Before the build suites: one production build for https://example.org/gec/ (what `npm run build -- --env base=…`
// runs), through webpack's filesystem cache, which `npm start` (test/build/start.test.ts) then reuses. Run as a
// script (`node test/build/globalSetup.js DIR`) it is that build: DIR/web, and DIR/chunks.json listing each chunk
// with the source modules in it.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "../..");
const BASE = "https://example.org/gec/";

/** Module paths relative to the project, concatenated modules ("./src/a.ts + 12 modules") taken apart. */
function moduleNames(modules, out = new Set()) {
  for (const m of modules ?? []) {
    if (m.modules) moduleNames(m.modules, out);
    else if (m.nameForCondition) out.add(path.relative(root, m.nameForCondition).split(path.sep).join("/"));
  }
  return out;
}

function build(dir) {
  const webpack = require("webpack");
  const config = require(path.join(root, "webpack.config.js"))(
    { base: BASE, out: path.join(dir, "web"), cache: true },
    { mode: "production" },
  );
  const compiler = webpack(config);
  compiler.run((err, stats) => {
    if (err || stats.hasErrors()) {
      process.stderr.write(String(err ?? stats.toString({ all: false, errors: true })));
      process.exitCode = 1;
    } else {
      const json = stats.toJson({
        all: false,
        chunks: true,
        chunkModules: true,
        chunkModulesSpace: Infinity,
        nestedModules: true,
        nestedModulesSpace: Infinity,
        cachedModules: true,
        dependentModules: true,
        entrypoints: true,
        ids: true,
      });
      const chunks = json.chunks.map((c) => ({
        id: c.id,
        names: c.names,
        files: c.files,
        initial: c.initial,
        // the webpack runtimes that load the chunk: the page's, or a worker's own
        runtime: c.runtime,
        modules: [...moduleNames(c.modules)].sort(),
      }));
      const entrypoints = Object.fromEntries(
        Object.entries(json.entrypoints).map(([name, e]) => [name, e.chunks]),
      );
      fs.writeFileSync(path.join(dir, "chunks.json"), JSON.stringify({ chunks, entrypoints }, null, 1));
    }
    // closing stores the cache for the next build
    compiler.close(() => undefined);
  });
}

module.exports = async function globalSetup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-build-"));
  execFileSync(process.execPath, [__filename, dir], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, GEC_BASE_URL: "" },
  });
  // read by test/build/sharedBuild.ts in the workers, which start after this
  process.env.GEC_TEST_BUILD_DIR = dir;
};

if (require.main === module) build(process.argv[2]);
