// bin/gec.js runs the one-file bundle from its V8 code cache: the same output, exit code and files as tsc's
// dist/cli/main.js (what bin/gec.js ran before), the cache taken, a stale or foreign cache harmless, ExcelJS unloaded
// by a check.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildCliIfStale } from "../fixtures/builtCli";

const root = path.resolve(__dirname, "../..");
const published = path.join(root, "test/fixtures/xlsx/H002-2-published.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-bin-"));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The launcher bin/gec.js was before the bundle: tsc's output, required file by file. */
const tscLauncher = path.join(dir, "tsc-gec.js");

function run(launcher: string, args: string[], input?: string): Run {
  const r = spawnSync(process.execPath, [launcher, ...args], { cwd: root, encoding: "utf8", input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  buildCliIfStale();
  fs.writeFileSync(
    tscLauncher,
    `const { main } = require(${JSON.stringify(path.join(root, "dist/cli/main.js"))});\n` +
      "main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, " +
      "(e) => { process.stderr.write(`gec: ${e && e.stack ? e.stack : e}\\n`); process.exitCode = 2; });\n",
  );
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const evalLines = [
  '{"id":1,"fn":"STEAM_H","args":[3,26.85]}',
  '{"id":2,"fn":"GEC.Q_WB","args":[257572286,7538025]}',
  '{"id":3,"fn":"STEAM_H","args":[[0.1,1],[[100],[200]]]}',
  '{"id":4,"fn":"NOPE"}',
  "not json",
].join("\n");

describe("bin/gec.js, bundled, against tsc's dist/cli/main.js", () => {
  const cases: { name: string; args: string[]; input?: string }[] = [
    { name: "check (ja)", args: ["check", published] },
    { name: "check --json", args: ["check", published, "--json"] },
    { name: "check --lang en", args: ["check", published, "--lang", "en"] },
    { name: "check of a missing file", args: ["check", path.join(dir, "missing.xlsx")] },
    { name: "explain", args: ["explain", published, "別紙1!U6", "--lang", "en"] },
    { name: "explain --json", args: ["explain", published, "別紙1!N5", "--json"] },
    { name: "rules --json", args: ["rules", "--json"] },
    { name: "eval", args: ["eval"], input: evalLines },
    { name: "help", args: ["--help"] },
    { name: "no command", args: [] },
    { name: "an unknown command", args: ["nope"] },
    { name: "bad usage", args: ["check"] },
  ];
  it.each(cases)("$name: the same exit code, stdout and stderr", ({ args, input }) => {
    const bundled = run(path.join(root, "bin/gec.js"), args, input);
    const before = run(tscLauncher, args, input);
    expect(bundled).toEqual(before);
    expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
  });

  it("fill writes the same bytes", () => {
    const a = path.join(dir, "bundled.xlsx");
    const b = path.join(dir, "tsc.xlsx");
    const bundled = run(path.join(root, "bin/gec.js"), ["fill", published, "-o", a]);
    const before = run(tscLauncher, ["fill", published, "-o", b]);
    expect(bundled.code).toBe(before.code);
    expect(bundled.stdout.split(a).join("OUT")).toBe(before.stdout.split(b).join("OUT"));
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
  });

  it("template writes a workbook that checks as the tsc build's does (ExcelJS, loaded only here)", () => {
    const a = path.join(dir, "template-bundled.xlsx");
    const b = path.join(dir, "template-tsc.xlsx");
    expect(run(path.join(root, "bin/gec.js"), ["template", "H002-2", "-o", a]).code).toBe(0);
    expect(run(tscLauncher, ["template", "H002-2", "-o", b]).code).toBe(0);
    expect(run(path.join(root, "bin/gec.js"), ["check", a, "--json"]).stdout).toBe(
      run(tscLauncher, ["check", b, "--json"]).stdout,
    );
  });
});

/** Runs `script` in a fresh Node with bin/launch.js loaded as `l`; its stdout, trimmed. */
function withLauncher(script: string): string {
  const r = spawnSync(
    process.execPath,
    ["-e", `const l = require(${JSON.stringify(path.join(root, "bin/launch.js"))});\n${script}`],
    { cwd: root, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

describe("the code cache", () => {
  it("is made for an ASCII bundle, which bin/launch.js reads as latin1: the same text UTF-8 gives", () => {
    const bytes = fs.readFileSync(path.join(root, "dist/gec/cli.js"));
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    expect(bytes.toString("latin1")).toBe(bytes.toString("utf8"));
    // the Japanese the bundle matches with (regular expressions such as 令和|平成) is still there, escaped
    expect(bytes.toString("latin1")).toContain("\\u4ee4\\u548c");
  });

  it("is taken under bin/gec.js's V8 flag, and refused without it (V8 checks the flags)", () => {
    expect(withLauncher("l.tuneV8(); process.stdout.write(String(l.loadBundle().cached));")).toBe("true");
    expect(withLauncher("process.stdout.write(String(l.loadBundle().cached));")).toBe("false");
  });

  it("made for another build is not used, and the command still answers the same", () => {
    const copy = path.join(dir, "copy");
    fs.mkdirSync(path.join(copy, "bin"), { recursive: true });
    fs.mkdirSync(path.join(copy, "dist/gec"), { recursive: true });
    for (const f of ["bin/gec.js", "bin/launch.js", "dist/gec/cli.js"])
      fs.copyFileSync(path.join(root, f), path.join(copy, f));
    // a cache whose header names another build, and whose bytes are not a cache at all
    fs.writeFileSync(
      path.join(copy, "dist/gec/cli.cache"),
      Buffer.concat([Buffer.from(`gec-code-cache ${"0".repeat(32)}\n`), Buffer.alloc(4096, 7)]),
    );
    const r = spawnSync(
      process.execPath,
      [
        "-e",
        `const l = require(${JSON.stringify(path.join(copy, "bin/launch.js"))}); l.tuneV8();` +
          "process.stdout.write(String(l.loadBundle().cached));",
      ],
      { encoding: "utf8" },
    );
    expect(r.stdout).toBe("false");
    const copied = run(path.join(copy, "bin/gec.js"), ["check", published]);
    expect(copied).toEqual(run(tscLauncher, ["check", published]));
  });
});

describe("stages load when used", () => {
  /** Whether `gec ARGS` required ExcelJS (the bundle leaves it outside, in node_modules). */
  const loadsExcelJs = (args: string[], preload: string[] = []): boolean => {
    const r = spawnSync(
      process.execPath,
      [
        ...preload,
        "-e",
        "process.on('exit', () => require('fs').writeSync(2, '\\n@exceljs=' + " +
          "Object.keys(require.cache).some((k) => k.includes(`${require('path').sep}exceljs${require('path').sep}`))));" +
          `process.argv.splice(1, 0, "gec"); require(${JSON.stringify(path.join(root, "bin/gec.js"))});`,
        ...args,
      ],
      { cwd: root, encoding: "utf8" },
    );
    return /@exceljs=true/.test(r.stderr);
  };

  it("no command loads ExcelJS: check reads through io/read, template and report write through io/xlsxWrite", () => {
    expect(loadsExcelJs(["check", published])).toBe(false);
    expect(loadsExcelJs(["template", "H002-2", "-o", path.join(dir, "stage.xlsx")])).toBe(false);
    expect(loadsExcelJs(["report", published, "-o", path.join(dir, "paper.xlsx")])).toBe(false);
    // the probe sees ExcelJS when it is loaded (here preloaded with -r): a false above is no blind spot
    expect(loadsExcelJs(["check", published], ["-r", "exceljs"])).toBe(true);
  });
});
