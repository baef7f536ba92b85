// gec check on .xlsx files built from the seed: the expected findings at their cells, exit codes, bad files.
import * as fs from "fs";
import * as path from "path";
import { seedGrid } from "../fixtures/seedSubmissions";
import type { SeedName, SeedVariant } from "../fixtures/seedSubmissions";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import type { XlsxVariant } from "../fixtures/xlsxBuilder";
import { runGec, tempDir } from "../fixtures/runGec";

const dir = tempDir("check");

async function fixture(name: string, which: SeedName, variant: SeedVariant = {}, xlsx: XlsxVariant = {}) {
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, await gridToXlsx(seedGrid(which, variant), xlsx));
  return file;
}

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: { ja: string; en: string };
  expected: string | null;
  actual: string | null;
}

async function errorsOf(file: string): Promise<{ code: number; errors: string[]; findings: JsonFinding[] }> {
  const run = await runGec(["check", file, "--json"]);
  const report = JSON.parse(run.stdout) as { findings: JsonFinding[]; summary: { errors: number } };
  const errors = report.findings
    .filter((f) => f.severity === "error")
    .map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
  expect(report.summary.errors).toBe(errors.length);
  return { code: run.code, errors, findings: report.findings };
}

describe("gec check on the seed workbooks", () => {
  it("H002-2 as published: 別紙1!N5 (3.3) and U6 (3.10), exit 1", async () => {
    // 3.3 of 川辺: 257,572,286 − ROUNDDOWN(7,538,025 × 9.484, 0) = 186,081,657 (printed 186,081,857)
    // 3.10 of セイホク: 157,281,769 × 0.9996 × 0.0749 → 11,775,692 (printed 11,775,927)
    const { code, errors, findings } = await errorsOf(await fixture("h2-pub", "H002-2"));
    expect(code).toBe(1);
    expect(errors).toEqual(["別紙1!N5 projectList.qWb.recompute", "別紙1!U6 projectList.emKg.recompute"]);
    const n5 = findings.find((f) => f.cell === "N5");
    expect(n5).toMatchObject({ expected: "186081657", actual: "186081857" });
    // the message groups its numbers as 期待値 is shown (issue 20)
    expect(n5?.message.ja).toContain("186,081,657 になるはずですが、186,081,857 です");
    expect(n5?.message.en).toContain("should be 186,081,657 from the row's inputs, but holds 186,081,857");
  });

  it("H002-1 as published: the three 3.9 cells T4–T6 (0.0678 ÷ 0.92022 → 0.0736, printed 0.0738)", async () => {
    const { code, errors } = await errorsOf(await fixture("h1-pub", "H002-1"));
    expect(code).toBe(1);
    expect(errors).toEqual(["T4", "T5", "T6"].map((c) => `別紙1!${c} projectList.emissionFactor.recompute`));
  });

  it("corrected versions: no error, exit 0", async () => {
    for (const which of ["H002-2", "H002-1"] as const) {
      const { code, errors } = await errorsOf(await fixture(`${which}-ok`, which, { corrected: true }));
      expect([code, errors]).toEqual([0, []]);
    }
  });

  it("layout variants (shifted, text numbers, merged headers, real dates) give the same findings", async () => {
    const moved = await errorsOf(await fixture("shift", "H002-2", { shiftRows: 3, shiftCols: 2 }));
    // 3 rows down and 2 columns right: N5 → P8, U6 → W9
    expect(moved.errors).toEqual([
      "別紙1!P8 projectList.qWb.recompute",
      "別紙1!W9 projectList.emKg.recompute",
    ]);
    const text = await errorsOf(await fixture("text", "H002-2", { textNumbers: true }));
    expect(text.errors).toEqual([
      "別紙1!N5 projectList.qWb.recompute",
      "別紙1!U6 projectList.emKg.recompute",
    ]);
    // one blank row under a merged header: the data start one row lower
    const merged = await errorsOf(
      await fixture(
        "merged",
        "H002-2",
        { blankRows: 1 },
        { mergeHeaders: { sheet: "別紙1", row: 2 }, realDates: true },
      ),
    );
    expect(merged.errors).toEqual([
      "別紙1!N6 projectList.qWb.recompute",
      "別紙1!U7 projectList.emKg.recompute",
    ]);
  });

  it("prints a report grouped by sheet, in Japanese by default and in English on request", async () => {
    const file = await fixture("h2-text", "H002-2");
    const ja = await runGec(["check", file]);
    expect(ja.code).toBe(1);
    expect(ja.stdout).toMatch(/様式3-2 H002-2、3 施設、2020-04-01〜2021-03-31：エラー 2 件/);
    expect(ja.stdout).toMatch(/\[別紙1\]\n\s+N5\s+エラー\s+.*期待値 186081657 \/ 実際 186081857/);
    const en = await runGec(["check", file, "--lang", "en"]);
    expect(en.stdout).toMatch(/N5\s+error\s+.*expected 186081657, actual 186081857/);
  });
});

describe("gec check on files it cannot use: exit 2 with a message in both languages", () => {
  it.each([
    ["a missing file", (f: string) => f, /ファイルがありません[\s\S]*no such file/],
    ["random bytes", (f: string) => (fs.writeFileSync(f, Buffer.from("not a workbook at all")), f), /xlsx/i],
    [
      "a 100 MB file",
      (f: string) => (fs.writeFileSync(f, ""), fs.truncateSync(f, 100 * 1024 * 1024), f),
      /大きすぎます[\s\S]*too large/,
    ],
  ])("%s", async (_, make, pattern) => {
    const file = make(path.join(dir, `bad-${Math.random().toString(36).slice(2)}.xlsx`));
    const run = await runGec(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace for a person
  });

  it("bad usage", async () => {
    expect((await runGec(["check"])).code).toBe(2);
    expect((await runGec(["check", "a.xlsx", "--lang", "fr"])).stderr).toContain("--lang");
    expect((await runGec(["check", "a.xlsx", "--bogus"])).stderr).toContain("unknown option");
  });
});
