// jest.config.js's projects: every suite in exactly one, no unit suite (`npm run test:unit`) reaching a child
// process, a browser, LibreOffice or webpack through its imports, and a suite that mocks a module isolated.
import * as fs from "fs";
import * as path from "path";
import { globsToMatcher, replacePathSepForGlob } from "jest-util";

const root = path.resolve(__dirname, "..");
const config = require("../jest.config.js") as {
  projects: {
    displayName: string;
    rootDir: string;
    testMatch: string[];
    testPathIgnorePatterns?: string[];
  }[];
};

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** Every suite under test/, as jest finds them (its testMatch in every project is `*.test.ts(x)`). */
const suites = walk(path.join(root, "test")).filter((f) => /\.test\.tsx?$/.test(f));

/** The projects a file runs in, matched as jest matches: testMatch globs, then testPathIgnorePatterns. */
function projectsOf(file: string): string[] {
  return config.projects
    .filter((p) => {
      const globs = p.testMatch.map((g) => replacePathSepForGlob(g.replace("<rootDir>", p.rootDir)));
      const ignored = (p.testPathIgnorePatterns ?? []).some((re) => new RegExp(re).test(file));
      return globsToMatcher(globs)(replacePathSepForGlob(file)) && !ignored;
    })
    .map((p) => p.displayName);
}

const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");

describe("jest projects", () => {
  it("find the suites (the walk and the globs agree on what a suite is)", () => {
    expect(suites.length).toBeGreaterThan(80);
    expect(projectsOf(path.join(root, "test/numbers/decimal.test.ts"))).toEqual(["unit"]);
    expect(projectsOf(path.join(root, "test/e2e/standalone.test.ts"))).toEqual(["integration"]);
    expect(projectsOf(path.join(root, "test/build/start.test.ts"))).toEqual(["build"]);
    // a new folder nobody classified
    expect(projectsOf(path.join(root, "test/unclassified/new.test.ts"))).toEqual([]);
  });

  it("put every suite in exactly one project", () => {
    const wrong = suites
      .map((f) => ({ suite: rel(f), projects: projectsOf(f) }))
      .filter((s) => s.projects.length !== 1);
    expect(wrong).toEqual([]);
  });
});

/** What a unit suite may not reach: a child process (LibreOffice, the CLI), a worker, a browser, webpack. */
const OUT_OF_PROCESS =
  /^(node:)?(child_process|worker_threads|cluster)$|^playwright|^webpack|^office-addin-debugging/;

function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, "index.ts")])
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

/**
 * The out-of-process modules a file reaches through its static imports, with the chain that reaches them. src/ is
 * pure (no I/O, checked by its own rules), so the walk stops there. A dynamic import() is loaded only when its code
 * runs (the CLI loads each command, and `gec check` of many files its worker pool, on demand), so it is not followed:
 * a suite that runs such a path starts its process itself and is listed in INTEGRATION_FILES.
 */
function reaches(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file) || rel(file).startsWith("src/")) return [];
  seen.add(file);
  const text = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\brequire\(\s*|^import\s*)["']([^"']+)["']/gm)) {
    const spec = m[1];
    if (OUT_OF_PROCESS.test(spec)) found.push(`${spec} in ${rel(file)}`);
    else if (spec.startsWith(".")) {
      const next = resolveLocal(file, spec);
      if (next) found.push(...reaches(next, seen));
    }
  }
  return found;
}

/** What a suite does that needs jest's module registry per suite: module mocks, a methodology added at start-up. */
const NEEDS_ISOLATION =
  /\bjest\.(mock|doMock|requireActual|isolateModules|resetModules)\(|registerMethodologyAtStartUp\(/;

describe("unit suites", () => {
  it("run in one process one after another (jest-light-runner) unless they mock a module or register a methodology", () => {
    const shared = suites.filter((f) => projectsOf(f).includes("unit"));
    const isolated = suites.filter((f) => projectsOf(f).includes("unit (isolated)"));
    expect(shared.length).toBeGreaterThan(50);
    expect(isolated.length).toBeGreaterThan(0);
    const needing = (f: string) => NEEDS_ISOLATION.test(fs.readFileSync(f, "utf8"));
    expect(shared.filter(needing).map(rel)).toEqual([]);
    // and no suite is isolated without a reason
    expect(isolated.filter((f) => !needing(f)).map(rel)).toEqual([]);
  });

  it("reach no child process, worker, browser, webpack or LibreOffice", () => {
    const unit = suites.filter((f) => projectsOf(f).some((p) => p.startsWith("unit")));
    expect(unit.length).toBeGreaterThan(50);
    const offending = unit
      .map((f) => ({ suite: rel(f), reaches: reaches(f) }))
      .filter((s) => s.reaches.length);
    expect(offending).toEqual([]);
  });

  it("the walk finds what an integration suite reaches (it can fail)", () => {
    expect(reaches(path.join(root, "test/cli/libreoffice.test.ts")).join(" ")).toMatch(/child_process/);
    expect(reaches(path.join(root, "test/e2e/standalone.test.ts")).join(" ")).toMatch(/playwright/);
    expect(reaches(path.join(root, "test/cli/fillFidelity.test.ts")).join(" ")).toMatch(
      /child_process in test\/fixtures\/libreoffice.ts/,
    );
  });
});
