// The progress line of `gec check` over many files: its renderer (pure: width, truncation, Japanese and English), and
// the built command on a pseudo-terminal (`script -qc`, util-linux) against the same command piped.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { displayWidth, fitLeft, groupedText, renderProgress, tableRow } from "../../cli/portfolio/text";
import type { FileRow } from "../../cli/portfolio/text";
import { tempDir } from "../fixtures/runGec";

const ROOT = path.join(__dirname, "..", "..");
/** The terminal's "erase to end of line" (ESC [ K), which the progress line ends with and clears itself by. */
const ERASE = "\u001b[K";

describe("renderProgress", () => {
  const state = { done: 37, total: 200, current: "2020/sub/wb-037.xlsx", withErrors: 3, unreadable: 1 };

  it("files done / total, errors and unreadable so far, the file being read", () => {
    expect(renderProgress(state, "ja", 120)).toBe(
      "[ 37/200] エラー 3・読めない 1  処理中 2020/sub/wb-037.xlsx",
    );
    expect(renderProgress(state, "en", 120)).toBe(
      "[ 37/200] errors 3, unreadable 1  now 2020/sub/wb-037.xlsx",
    );
  });

  it("never wider than the terminal less one column (a wrapped line cannot be redrawn): the path loses its start", () => {
    const long = { ...state, current: "年度別/二〇二〇年度/北海道/生成バイオマス熱設備/wb-037.xlsx" };
    for (const columns of [20, 40, 60, 80]) {
      const line = renderProgress(long, "ja", columns);
      expect(displayWidth(line)).toBeLessThanOrEqual(columns - 1);
      expect(line.startsWith("[ 37/200]")).toBe(true);
    }
    // 60 columns, 59 usable: "[ 37/200] エラー 3・読めない 1" is 30 wide (・ is wide), "  処理中 " 9 more: 20 are
    // left for the path, "…" and 19 columns of its end ("熱設備" 6 + "/wb-037.xlsx" 12; "ス" would make 20)
    expect(renderProgress(long, "ja", 60)).toBe("[ 37/200] エラー 3・読めない 1  処理中 …熱設備/wb-037.xlsx");
  });

  it("no file in hand (all done): the counts alone", () => {
    expect(renderProgress({ ...state, done: 200, current: null }, "ja", 80)).toBe(
      "[200/200] エラー 3・読めない 1",
    );
  });
});

describe("the table's pieces", () => {
  it("counts East Asian wide characters as two columns", () => {
    expect(displayWidth("エラー")).toBe(6);
    expect(displayWidth("H002-2（暫定）")).toBe(14);
    expect(fitLeft("abcdef", 4)).toBe("…def");
  });

  it("groups digits by three, decimals as they are", () => {
    expect(groupedText("57778")).toBe("57,778");
    expect(groupedText("1234567.125")).toBe("1,234,567.125");
  });

  it("a row: status, counts, methodology, facilities, 合計 t, then the file and its first finding", () => {
    const row: FileRow = {
      file: "a.xlsx",
      sha256: null,
      code: 1,
      methodology: "H002-2",
      provisional: false,
      issuer: null,
      period: null,
      facilities: 3,
      tonnes: "57778",
      errors: 2,
      warnings: 2,
      infos: 0,
      first: {
        cell: "別紙1!N5",
        severity: "error",
        rule: "projectList.qWb.recompute",
        message: { ja: "別紙1!N5（3.3 Q_WB）は…", en: "別紙1!N5 (3.3 Q_WB) …" },
      },
    };
    expect(tableRow(row, "ja")).toBe(
      "エラー         2     2  H002-2             3        57,778  a.xlsx — エラー 別紙1!N5（3.3 Q_WB）は…",
    );
  });
});

/** `gec check` through the built command (dist/), on a terminal (`script`) or piped. */
const built = fs.existsSync(path.join(ROOT, "dist", "cli", "portfolio", "run.js"));
const hasScript = spawnSync("script", ["--version"]).status === 0;
(built && hasScript ? describe : describe.skip)("on a pseudo-terminal (built command)", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("tty");
    for (const name of ["H002-1-corrected", "H002-2-corrected", "H002-2-published"])
      fs.copyFileSync(
        path.join(ROOT, "test", "fixtures", "xlsx", `${name}.xlsx`),
        path.join(dir, `${name}.xlsx`),
      );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("draws the progress line on the terminal, 59 columns at most on a 60-column one, and clears it", () => {
    const command = `stty cols 60; node bin/gec.js check '${dir}' --jobs 1`;
    const run = spawnSync("script", ["-qc", command, "/dev/null"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    const frames = run.stdout
      .split(/\r/)
      .map((f) => f.split(ERASE).join("").replace(/\n.*$/s, ""))
      .filter((f) => /^\[\d\/3\] /.test(f));
    expect(frames.length).toBeGreaterThanOrEqual(3);
    for (const f of frames) {
      expect(f).toMatch(/^\[[0-3]\/3\] エラー [01]・読めない 0/);
      expect(displayWidth(f)).toBeLessThanOrEqual(59);
    }
    expect(frames.some((f) => f.includes("処理中"))).toBe(true);
    // the last frame counts every file and the one with errors (the published H002-2)
    expect(frames[frames.length - 1]).toMatch(/^\[3\/3\] エラー 1・読めない 0/);
    // each table row starts on a cleared line
    expect(run.stdout).toContain(`${ERASE}OK             0`);
  });

  it("piped, the same command prints the table and nothing else", () => {
    const run = spawnSync(process.execPath, ["bin/gec.js", "check", dir, "--jobs", "1"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toContain("\r");
    expect(run.stdout).not.toContain("\u001b");
    expect(run.stdout).not.toContain("処理中");
    expect(run.stdout.split("\n").filter((l) => /^(OK|エラー) /.test(l))).toHaveLength(3);
  });
});
