// .ci/run's test step (.ci/jest-count.js) in a temporary copy of the project: a suite that cannot load fails CI.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const SKIP = new Set(["node_modules", "dist", ".git", "coverage", "screenshots", "out"]);

/** The project without node_modules (symlinked instead), dist/ or git data. */
function copyProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-ci-count-"));
  fs.cpSync(root, dir, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) });
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

function countStep(dir: string, suites: string[]): { status: number | null; last: string } {
  const env = { ...process.env };
  delete env.JEST_WORKER_ID; // the inner jest is a run of its own, not a worker of this one
  const r = spawnSync(process.execPath, [".ci/jest-count.js", "--runInBand", ...suites], {
    cwd: dir,
    env,
    encoding: "utf8",
  });
  const lines = r.stdout.trim().split("\n");
  return { status: r.status, last: lines[lines.length - 1] };
}

describe(".ci/run counts a suite that fails to load", () => {
  let dir: string;
  beforeAll(() => {
    dir = copyProject();
    fs.writeFileSync(
      // in a folder of the unit project (jest.config.js): a suite in no project would not run at all
      path.join(dir, "test/numbers/zzBroken.test.ts"),
      'import { nothing } from "./no-such-module";\nit("never runs", () => expect(nothing).toBe(1));\n',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("exits 1 and counts the broken suite as one failure", () => {
    const passingTests = countStep(dir, ["test/numbers/decimal.test.ts"]);
    expect(passingTests.status).toBe(0);
    const passed = /^(\d+) passed, 0 failed$/.exec(passingTests.last);
    expect(passed).not.toBeNull();

    const withBroken = countStep(dir, ["test/numbers/decimal.test.ts", "test/numbers/zzBroken.test.ts"]);
    expect(withBroken.status).toBe(1);
    expect(withBroken.last).toBe(`${passed![1]} passed, 1 failed`);
  }, 180000);
});
