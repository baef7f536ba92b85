// Start-up of `gec check` on a small workbook against a bare `node -e 0` in the same run: tsc's many files (before),
// the one-file bundle, with bin/gec.js's V8 flag, with that and its V8 code cache (what bin/gec.js runs), and the
// bundle in a startup snapshot.
// Median of alternated runs, wall clock; CPU time (user + sys, from bash's `times`) beside it on a shared machine.
// Where NODE_EXTRA_CA_CERTS is set (it is on this project's machines), also node -e 0 and bin/gec.js without it.
// Usage: npm run build:node && node bench/startup.js   (BENCH_STARTS=n runs each, default 15)
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const STARTS = Number(process.env.BENCH_STARTS ?? 15);
const SMALL = path.join(ROOT, "test", "fixtures", "xlsx", "H002-2-published.xlsx"); // 3 facilities
const BASH = ["/bin/bash", "/usr/bin/bash"].find((p) => fs.existsSync(p));
const SHIPPED = "  + code cache = bin/gec.js";
/** bin/launch.js's V8 flag (tuneV8), given to the snapshot on its command line. */
const FLAG = "--interrupt-budget=540672";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * NODE_EXTRA_CA_CERTS makes every Node start parse that file of certificates (about 30 ms for Debian's bundle on this
 * machine: 424 M of `node -e 0`'s 508 M instructions). It is a property of the environment, not of gec, and it
 * lowers every ratio to `node -e 0`; where it is set, the bare start and bin/gec.js are also timed without it.
 */
const EXTRA_CA = process.env.NODE_EXTRA_CA_CERTS;
const withoutExtraCa = () => {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
};

function wall(argv, env = process.env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, encoding: "utf8", env });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** The child's user + sys CPU, ms, as bash's `times` reports it (its second line: the shell's children). */
function cpu(argv, env = process.env) {
  const quoted = argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const r = spawnSync(BASH, ["-c", `${quoted} >/dev/null 2>&1; times`], { cwd: ROOT, encoding: "utf8", env });
  const children = r.stdout.trim().split("\n").pop();
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return (secs[0] + secs[1]) * 1000;
}

/**
 * The snapshot: the bundle's top level run at build time, its main started on deserialisation. `gec check`'s own
 * modules cannot be in it: fflate makes a TextDecoder when it loads, and Node 20 cannot serialise one.
 */
function buildSnapshot(dir, bundle) {
  const entry = path.join(dir, "snapshot-entry.js");
  const source = fs.readFileSync(bundle, "utf8");
  fs.writeFileSync(
    entry,
    `"use strict";
const v8 = require("v8");
const module_ = { exports: {} };
(function (exports, module, __filename, __dirname) {${source}\n})(module_.exports, module_, ${JSON.stringify(bundle)}, ${JSON.stringify(path.dirname(bundle))});
const cli = module_.exports;
v8.startupSnapshot.setDeserializeMainFunction(() => {
  cli.main(process.argv.slice(1)).then((code) => (process.exitCode = code));
});
`,
  );
  const blob = path.join(dir, "gec.blob");
  // built under the V8 flag it runs with: Node refuses a snapshot made under other flags
  const r = spawnSync(process.execPath, [FLAG, "--snapshot-blob", blob, "--build-snapshot", entry], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`building the snapshot failed:\n${r.stderr}`);
  return blob;
}

function run({ print = true } = {}) {
  const launcher = require(path.join(ROOT, "bin", "launch.js"));
  if (!fs.existsSync(launcher.BUNDLE) || !fs.existsSync(path.join(ROOT, "dist/cli/main.js")))
    throw new Error("dist/ is not built: run `npm run -s build:node` first");
  const log = print ? (s) => console.log(s) : () => {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-startup-"));
  try {
    const args = ["check", SMALL];
    const tscLauncher = path.join(dir, "tsc.js");
    fs.writeFileSync(
      tscLauncher,
      `require(${JSON.stringify(path.join(ROOT, "dist/cli/main.js"))}).main(process.argv.slice(2)).then((c) => (process.exitCode = c));\n`,
    );
    const bundleLauncher = (name, tune) => {
      const file = path.join(dir, name);
      fs.writeFileSync(
        file,
        `const l = require(${JSON.stringify(path.join(ROOT, "bin/launch.js"))});${tune ? " l.tuneV8();" : ""}\n` +
          "l.loadBundle({ cache: false }).exports.main(process.argv.slice(2)).then((c) => (process.exitCode = c));\n",
      );
      return file;
    };
    const variants = [
      { name: "node -e 0", argv: [process.execPath, "-e", "0"] },
      { name: "gec check, tsc output (before)", argv: [process.execPath, tscLauncher, ...args] },
      {
        name: "gec check, one-file bundle",
        argv: [process.execPath, bundleLauncher("plain.js", false), ...args],
      },
      { name: "  + V8 flag", argv: [process.execPath, bundleLauncher("tuned.js", true), ...args] },
      { name: SHIPPED, argv: [process.execPath, path.join(ROOT, "bin/gec.js"), ...args] },
    ];
    let snapshotNote = "";
    try {
      const blob = buildSnapshot(dir, launcher.BUNDLE);
      variants.push({
        name: "gec check, bundle in a startup snapshot",
        // with bin/gec.js's V8 flag, which a snapshot takes on the command line
        argv: [process.execPath, FLAG, "--snapshot-blob", blob, ...args],
      });
    } catch (e) {
      snapshotNote = `snapshot: not measured (${e.message.split("\n")[0]})`;
    }

    const plain = EXTRA_CA
      ? [
          { name: "node -e 0", argv: variants[0].argv, env: withoutExtraCa() },
          { name: "bin/gec.js", argv: variants.find((v) => v.name === SHIPPED).argv, env: withoutExtraCa() },
        ]
      : [];

    // the same report from each
    const reference = wall(variants[1].argv).stdout;
    const same = variants.slice(2).map((v) => wall(v.argv).stdout === reference);

    const timed = [...variants, ...plain];
    const times = timed.map(() => ({ wall: [], cpu: [] }));
    for (let i = 0; i < STARTS; i++) {
      timed.forEach((v, k) => {
        times[k].wall.push(wall(v.argv, v.env).ms);
        if (BASH) times[k].cpu.push(cpu(v.argv, v.env));
      });
    }
    const bare = { wall: median(times[0].wall), cpu: BASH ? median(times[0].cpu) : NaN };
    const figures = { runs: STARTS, variants: {} };
    log(`gec check on ${path.basename(SMALL)} (3 facilities): median of ${STARTS} alternated runs`);
    log(`${"".padEnd(46)}  wall ms  ×node   cpu ms  ×node  same output`);
    variants.forEach((v, k) => {
      const w = median(times[k].wall);
      const c = BASH ? median(times[k].cpu) : NaN;
      const f = { wallMs: w, wallRatio: w / bare.wall, cpuMs: c, cpuRatio: c / bare.cpu };
      if (k >= 2) f.sameOutput = same[k - 2];
      figures.variants[v.name] = f;
      log(
        `${v.name.padEnd(46)} ${w.toFixed(1).padStart(8)} ${f.wallRatio.toFixed(2).padStart(6)} ${c.toFixed(0).padStart(8)} ${f.cpuRatio.toFixed(2).padStart(6)}  ${k >= 2 ? (same[k - 2] ? "yes" : "NO") : ""}`,
      );
    });
    const shipped = figures.variants[SHIPPED];
    log(`bin/gec.js: ${shipped.wallRatio.toFixed(2)}× node -e 0 (target ≤ 1.5×)`);
    if (plain.length) {
      const k = variants.length;
      const bareMs = median(times[k].wall);
      const gecMs = median(times[k + 1].wall);
      figures.withoutExtraCa = { nodeMs: bareMs, gecMs, wallRatio: gecMs / bareMs };
      log(
        `without NODE_EXTRA_CA_CERTS (set here; every Node start parses ${path.basename(EXTRA_CA)}): ` +
          `node -e 0 ${bareMs.toFixed(1)} ms, bin/gec.js ${gecMs.toFixed(1)} ms, ${(gecMs / bareMs).toFixed(2)}×; ` +
          `gec's own share ${(gecMs - bareMs).toFixed(1)} ms (with it: ${(shipped.wallMs - bare.wall).toFixed(1)} ms)`,
      );
    }
    if (snapshotNote) log(snapshotNote);
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
if (require.main === module) run({ print: true });
