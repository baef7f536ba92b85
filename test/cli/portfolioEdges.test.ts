// `gec check` of many files at its edges: what the folder walk passes over and keeps, refusals before any work, the
// registered plan through the command, and the worker pool when a file outgrows its heap or its time.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { WorkerPool } from "../../cli/portfolio/pool";
import type { JobResult } from "../../cli/portfolio/job";
import { generatedGrid } from "../fixtures/generated";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { approvedPlanGrid } from "../fixtures/approvedPlan";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import { runGec, tempDir } from "../fixtures/runGec";

const FIXTURES = path.join(__dirname, "..", "fixtures", "xlsx");
const CORRECTED = path.join(FIXTURES, "H002-2-corrected.xlsx");

let root: string;
beforeAll(() => {
  root = tempDir("edges");
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the folder walk", () => {
  it("follows folders, passes over links inside them, and gives a FIFO or a missing file its exit-2 line", async () => {
    const dir = path.join(root, "walk");
    fs.mkdirSync(path.join(dir, "a", "b"), { recursive: true });
    fs.copyFileSync(CORRECTED, path.join(dir, "a", "b", "deep.xlsx"));
    fs.copyFileSync(path.join(FIXTURES, "H002-1-corrected.xlsx"), path.join(dir, "top.XLSX"));
    // a link to a folder outside (it would be read twice, or escape the folder) and a link to a file: passed over
    fs.symlinkSync(FIXTURES, path.join(dir, "linked-folder"));
    fs.symlinkSync(CORRECTED, path.join(dir, "linked.xlsx"));
    const fifo = path.join(dir, "pipe.xlsx");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const missing = path.join(root, "nowhere.xlsx");
    const run = await runGec(["check", dir, missing, "--jobs", "2"]);
    const rows = run.stdout.split("\n").filter((l) => /^(OK|エラー|読めない) /.test(l));
    expect(
      rows.map((l) => l.split(/\s+/)[0] + " " + (/\S+\.(xlsx|XLSX)/.exec(l.slice(40))?.[0] ?? "")),
    ).toEqual([
      `OK ${path.join(dir, "a", "b", "deep.xlsx")}`,
      `読めない ${fifo}`,
      `OK ${path.join(dir, "top.XLSX")}`,
      `読めない ${missing}`,
    ]);
    expect(rows[1]).toContain("名前付きパイプ");
    expect(rows[3]).toContain("ファイルがありません");
    expect(run.stdout).toContain(".xlsx 以外 2 件をスキップ");
    expect(run.code).toBe(2);
  });

  const asRoot = process.getuid?.() === 0;
  (asRoot ? it.skip : it)(
    "a folder that cannot be listed is named; the other folders are checked; exit 2",
    async () => {
      const dir = path.join(root, "locked");
      fs.mkdirSync(path.join(dir, "closed"), { recursive: true });
      fs.mkdirSync(path.join(dir, "open"));
      fs.copyFileSync(CORRECTED, path.join(dir, "closed", "a.xlsx"));
      fs.copyFileSync(CORRECTED, path.join(dir, "open", "b.xlsx"));
      fs.chmodSync(path.join(dir, "closed"), 0o000);
      try {
        const run = await runGec(["check", dir, "--jobs", "1"]);
        expect(run.stderr).toContain(`${path.join(dir, "closed")}: 読み込む権限がありません`);
        expect(run.stdout).toContain(path.join(dir, "open", "b.xlsx"));
        expect(run.stdout).toContain("合計: 1 ファイル（OK 1、");
        expect(run.code).toBe(2);
      } finally {
        fs.chmodSync(path.join(dir, "closed"), 0o755);
      }
    },
  );

  it("a folder without a workbook: exit 2, saying so", async () => {
    const dir = path.join(root, "empty");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "memo.txt"), "");
    const run = await runGec(["check", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`フォルダ ${dir} に .xlsx ファイルがありません（.xlsx 以外 1 件）`);
  });
});

describe("refused before any work", () => {
  it("--jobs that is no whole number from 1 to 256", async () => {
    for (const [typed, why] of [
      ["0", "0 です"],
      ["abc", "数ではありません"],
      ["257", "大きすぎます"],
    ]) {
      const run = await runGec(["check", CORRECTED, "--jobs", typed]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `--jobs の並列数は1 以上 256 以下の整数で指定してください。「${typed}」は${why}`,
      );
    }
  });

  it("--summary over an existing file without --force, or over one of the files checked", async () => {
    const dir = path.join(root, "summary");
    fs.mkdirSync(dir);
    fs.copyFileSync(CORRECTED, path.join(dir, "a.xlsx"));
    const existing = path.join(root, "existing.xlsx");
    fs.writeFileSync(existing, "keep me");
    let run = await runGec(["check", dir, "--summary", existing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("は既にあります");
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
    run = await runGec([
      "check",
      path.join(dir, "a.xlsx"),
      CORRECTED,
      "--summary",
      path.join(dir, "a.xlsx"),
      "--force",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("は検証するファイルの 1 つです");
    expect(fs.readFileSync(path.join(dir, "a.xlsx"))).toEqual(fs.readFileSync(CORRECTED));
    // a summary inside the folder checked is not itself checked on the next run
    run = await runGec(["check", dir, "--summary", path.join(dir, "summary.xlsx")]);
    expect(run.code).toBe(0);
    run = await runGec(["check", dir, "--summary", path.join(dir, "summary.xlsx"), "--force"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("合計: 1 ファイル");
  });

  it("one FILE without those options keeps the single-file report", async () => {
    const run = await runGec(["check", CORRECTED]);
    expect(run.stdout.split("\n")[0]).toBe(
      `${CORRECTED}: 様式3-2 H002-2、3 施設、2020-04-01〜2021-03-31：エラー 0 件、警告 0 件、情報 3 件`,
    );
  });
});

describe("--plan FILE (the registered 様式1-2)", () => {
  it("names what differs from the plan while 1.6 says 無し, at the 実績's cell and the plan's", async () => {
    const dir = path.join(root, "plan");
    fs.mkdirSync(dir);
    const plan = path.join(dir, "様式1-2.xlsx");
    fs.writeFileSync(plan, await gridToXlsx(approvedPlanGrid()));
    const results = path.join(dir, "results");
    fs.mkdirSync(results);
    // 川辺's CEF 0.0678 → 0.0700 in the 実績 (a value of its own, 方法1), 1.6 still 無し
    const jisseki = path.join(results, "H002-2.xlsx");
    fs.writeFileSync(
      jisseki,
      await gridToXlsx(withCell(seedGrid("H002-2", { corrected: true }), "別紙1", "O5", 0.07)),
    );
    const run = await runGec(["check", results, "--plan", plan, "--jobs", "1"]);
    const lines = run.stdout.split("\n").filter((l) => l.includes("[portfolio.plan.undeclared]"));
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l).toContain(`${jisseki} 別紙1!O5`);
      expect(l).toContain(`${plan} 別紙1!K5`);
    }
    expect(run.code).toBe(1);
  });

  it("a plan that cannot be read: exit 2 before any workbook is checked", async () => {
    const bad = path.join(root, "bad-plan.xlsx");
    fs.writeFileSync(bad, "not a zip");
    const run = await runGec(["check", CORRECTED, "--plan", bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(bad);
  });
});

describe("the worker pool", () => {
  const collect = async (pool: WorkerPool, files: string[]): Promise<JobResult[]> => {
    const out: JobResult[] = [];
    for await (const r of pool.run(files.length, (id) => ({
      id,
      path: files[id],
      mode: "check",
      findings: false,
    })))
      out.push(r);
    await pool.close();
    return out;
  };

  it("a workbook that outgrows a worker's heap is its own exit-2 line; the next files are checked", async () => {
    // 4,000 facilities need more than 24 MiB of V8 heap; the seed's 3 do not
    const big = path.join(root, "big.xlsx");
    fs.writeFileSync(big, await gridToXlsx(generatedGrid(4000, 1)));
    const out = await collect(new WorkerPool({ jobs: 1, timeoutMs: 120_000, heapMb: 24 }), [
      big,
      CORRECTED,
      CORRECTED,
    ]);
    expect(out.map((r) => r.kind)).toEqual(["unreadable", "checked", "checked"]);
    expect(out[0].kind === "unreadable" && out[0].message.ja).toContain("メモリを使いすぎる");
  }, 120_000);

  it("a worker is replaced after its share of files, and the run goes on in order", async () => {
    const files = [CORRECTED, path.join(FIXTURES, "H002-1-corrected.xlsx"), CORRECTED, CORRECTED, CORRECTED];
    const out = await collect(
      new WorkerPool({ jobs: 1, timeoutMs: 120_000, heapMb: 512, recycleAfter: 2 }),
      files,
    );
    expect(out.map((r) => (r.kind === "checked" ? r.digest.file : r.kind))).toEqual(files);
  });

  it("a file past the time limit is stopped, said so, and its worker replaced", async () => {
    const out = await collect(new WorkerPool({ jobs: 2, timeoutMs: 1, heapMb: 512 }), [
      CORRECTED,
      CORRECTED,
      CORRECTED,
    ]);
    expect(out.map((r) => r.kind)).toEqual(["unreadable", "unreadable", "unreadable"]);
    expect(out[2].kind === "unreadable" && out[2].message.en).toContain("taking too long (limit 0.001 s)");
  });
});
