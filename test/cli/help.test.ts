// CLI conventions: --version, gec help CMD / gec CMD --help with every option parseArgs accepts and every exit code.
import * as fs from "fs";
import * as path from "path";
import { runGec } from "../fixtures/runGec";
import { HelpRequest } from "../../cli/args";
import type { ArgSpec } from "../../cli/args";
import { COMMAND_NAMES, COMMAND_USAGE, commandHelp } from "../../cli/usage";
import type { CommandName } from "../../cli/usage";
import { nodeIo } from "../../cli/io";

/** What the command's own parseArgs accepts, asked of the command itself: it answers --help with its spec. */
async function acceptedOptions(name: CommandName): Promise<string[]> {
  const module = (await import(`../../cli/commands/${name}`)) as {
    run: (args: string[], io: ReturnType<typeof nodeIo>) => Promise<number>;
    usage: string;
  };
  const io = { ...nodeIo(), stdout: () => undefined, stderr: () => undefined };
  let spec: ArgSpec | null = null;
  try {
    await module.run(["--help"], io);
  } catch (e) {
    if (e instanceof HelpRequest) spec = e.spec;
    else throw e;
  }
  if (!spec) throw new Error(`gec ${name} --help did not reach parseArgs`);
  // the module's synopsis is the usage's (one source)
  expect(module.usage).toBe(COMMAND_USAGE[name].synopsis);
  return [...spec.flags, ...Object.keys(spec.valued)];
}

/** An option as a whole token of the text: "-o" in "-o, --output", not inside "--formulas". */
const mentions = (text: string, option: string) =>
  new RegExp(`(^|[\\s\\[,(|])${option.replace(/[-]/g, "\\-")}(?=[\\s\\],=)|]|$)`, "m").test(text);

describe("every command's help names every option its parseArgs accepts", () => {
  it("the commands of main are the commands of the usage", () => {
    const main = fs.readFileSync(path.join(__dirname, "..", "..", "cli", "main.ts"), "utf8");
    const loaded = [
      ...main.matchAll(/^\s+(\w+): async \(\) => \(await import\("\.\/commands\/(\w+)"\)\)\.run,$/gm),
    ];
    expect(loaded.map((m) => m[1]).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(loaded.every((m) => m[1] === m[2])).toBe(true);
  });

  it.each(COMMAND_NAMES.map((n) => [n]))("gec %s", async (name) => {
    const accepted = await acceptedOptions(name);
    const help = commandHelp(name);
    const missing = accepted.filter((o) => !mentions(help, o));
    expect(missing).toEqual([]);
    // and the help lists nothing the command does not accept (besides -h / --help)
    const listed = COMMAND_USAGE[name].options.flatMap((o) =>
      o.name
        .split(/[\s,]+/)
        .filter((t) => t.startsWith("-"))
        .map((t) => t.replace(/\[.*$/, "")),
    );
    expect(listed.filter((o) => !accepted.includes(o))).toEqual([]);
    expect(help).toMatch(/^exit codes:$/m);
    expect(help).toContain("-h, --help");
  });

  it("the test notices an option missing from the help", () => {
    expect(mentions("usage: gec fill FILE -o OUT [--formulas]", "--force")).toBe(false);
    expect(mentions("usage: gec fill FILE -o OUT [--formulas]", "--formula")).toBe(false);
    expect(mentions("  -o, --output OUT.xlsx", "-o")).toBe(true);
    expect(mentions("[--monitoring [--fiscal-year YYYY]]", "--fiscal-year")).toBe(true);
  });
});

describe("gec help CMD and gec CMD --help", () => {
  it("template's help names --monitoring and --fiscal-year (missing from the general usage before)", async () => {
    const run = await runGec(["help", "template"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--monitoring");
    expect(run.stdout).toContain("--fiscal-year YYYY");
    expect(run.stdout).toContain("-n, --facilities FACILITIES");
  });

  it.each(COMMAND_NAMES.map((n) => [n]))(
    "%s: help CMD, CMD --help and CMD -h print the same text, exit 0",
    async (name) => {
      const a = await runGec(["help", name]);
      const b = await runGec([name, "--help"]);
      const c = await runGec([name, "some.xlsx", "-h"]);
      expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
      expect(b.stdout).toBe(a.stdout);
      expect(c.stdout).toBe(a.stdout);
      expect(a.stdout.startsWith(`usage: ${COMMAND_USAGE[name].synopsis}\n`)).toBe(true);
      expect(a.stderr + b.stderr + c.stderr).toBe("");
    },
  );

  it("--help wins over another mistake on the line; as an option's value it is that value", async () => {
    expect((await runGec(["check", "--bogus", "--help"])).code).toBe(0);
    // --lang takes the next word, whatever it is: here "--help", which is no language
    const run = await runGec(["rules", "--lang", "--help"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--lang");
  });

  it("report documents its exit codes: 0 written, 2 unusable file or bad usage (what run returns and main maps)", async () => {
    const help = (await runGec(["report", "--help"])).stdout;
    expect(help).toMatch(/^ {2}0 {2}.*written/m);
    expect(help).toMatch(/^ {2}2 {2}.*bad usage/m);
    // bad usage and an unusable file are 2
    expect((await runGec(["report"])).code).toBe(2);
    expect((await runGec(["report", "/nonexistent/x.xlsx", "-o", "/tmp/gec-help-never.xlsx"])).code).toBe(2);
  });

  it("gec help NOSUCH: exit 2 with the general usage", async () => {
    const run = await runGec(["help", "nosuch"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command: nosuch");
    expect(run.stderr).toContain(COMMAND_USAGE.check.synopsis);
  });

  it("the general usage lists every command's synopsis, and points at gec help CMD and --version", async () => {
    const run = await runGec(["--help"]);
    expect(run.code).toBe(0);
    for (const name of COMMAND_NAMES) expect(run.stdout).toContain(COMMAND_USAGE[name].synopsis);
    expect(run.stdout).toContain("gec help CMD");
    expect(run.stdout).toContain("gec --version");
    // no arguments at all: the same text, exit 2
    const bare = await runGec([]);
    expect([bare.code, bare.stdout]).toEqual([2, run.stdout]);
  });
});

describe("gec --version", () => {
  it.each([["--version"], ["-V"]])("%s prints package.json's version", async (flag) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version: string;
    };
    const run = await runGec([flag]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
