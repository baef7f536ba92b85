// `gec check DIR` on a generated portfolio of 200 workbooks (test/fixtures/generated.ts, 3 facilities each, every one
// its own facilities): two planted duplicates, one hostile file, one prior-year jump. Every planted case is found at
// its files and cells, the hostile file is one exit-2 line, the exit code is the worst; the summary is read back with
// ExcelJS. The workers run the TypeScript sources (through scripts/require-ts.js).
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { generatedApprovalNumber, generatedGrid } from "../fixtures/generated";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { withCell } from "../fixtures/seedSubmissions";
import { fiscalYearBefore } from "../fixtures/portfolio";
import { runGec, tempDir } from "../fixtures/runGec";
import type { GecRun } from "../fixtures/runGec";
import type { Grid } from "../../src/types";

const { cases } = require("../fixtures/hostile/generate.js") as {
  cases(): { name: string; build?: () => Buffer }[];
};

const L = "別紙1";
const COUNT = 200;
/** 別紙1 data rows 4–6 (A1), one per generated facility; columns B 承認番号, C 1.1, D 1.2, L 3.1 Q_BL, M 3.2 E_PS. */
const ROW = (facility: number) => 4 + facility;
const grids: Grid[] = Array.from({ length: COUNT }, (_, k) => generatedGrid(3, k + 1, 3 * k));
const cell = (grid: Grid, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const sheet = grid.sheets.find((s) => s.name === L) as Grid["sheets"][number];
  return sheet.values[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
};

let root: string;
let current: string;
let previous: string;
const file = (k: number) =>
  path.join(current, k < 150 ? "" : "zz-more", `wb-${String(k).padStart(3, "0")}.xlsx`);
/** The planted previous 3.1 of wb-011's second facility: half of this year's. */
let previousQBl: number;
let currentQBl: number;

beforeAll(async () => {
  root = tempDir("portfolio");
  current = path.join(root, "2020");
  previous = path.join(root, "2019");
  fs.mkdirSync(path.join(current, "zz-more"), { recursive: true });
  fs.mkdirSync(previous);
  // 1: wb-017's second facility under wb-005's first 承認番号
  grids[17] = withCell(grids[17], L, `B${ROW(1)}`, generatedApprovalNumber(15));
  // 2: wb-120's third facility is wb-042's first (name and address), under its own 承認番号
  grids[120] = withCell(grids[120], L, `C${ROW(2)}`, String(cell(grids[42], `C${ROW(0)}`)));
  grids[120] = withCell(grids[120], L, `D${ROW(2)}`, String(cell(grids[42], `D${ROW(0)}`)));
  for (let k = 0; k < COUNT; k++) fs.writeFileSync(file(k), await gridToXlsx(grids[k]));
  // 3: wb-077 is hostile: a sheet whose sizes understate 4 GB of whitespace (the reader's 32 MiB budget refuses it)
  const hostile = cases().find((c) => c.name === "understated sizes, 4 GB of whitespace");
  fs.writeFileSync(file(77), (hostile?.build as () => Buffer)());
  // passed over: a text file, an Excel lock file, a symbolic link to a workbook
  fs.writeFileSync(path.join(current, "notes.txt"), "not a workbook");
  fs.writeFileSync(path.join(current, "~$wb-000.xlsx"), "lock");
  fs.symlinkSync(file(1), path.join(current, "link.xlsx"));
  // 4: the previous year of wb-010 … wb-012; wb-011's second facility had half the Q_BL (and E_PS, so that only
  // Q_BL moves: E_PS/Q_BL stays within its threshold)
  currentQBl = Number(cell(grids[11], `L${ROW(1)}`));
  previousQBl = Math.floor(currentQBl / 2);
  const ePs = Number(cell(grids[11], `M${ROW(1)}`));
  for (const k of [10, 11, 12]) {
    let g = fiscalYearBefore(grids[k]);
    if (k === 11) {
      g = withCell(g, L, `L${ROW(1)}`, previousQBl);
      g = withCell(g, L, `M${ROW(1)}`, Math.floor(ePs / 2));
    }
    fs.writeFileSync(path.join(previous, `wb-${String(k).padStart(3, "0")}.xlsx`), await gridToXlsx(g));
  }
}, 120_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** "1,234,567" */
const grouped = (n: number) => n.toLocaleString("en-US");

describe("gec check DIR --summary --previous (200 workbooks, 2 workers)", () => {
  let run: GecRun;
  let summary: string;
  beforeAll(async () => {
    summary = path.join(root, "summary.xlsx");
    run = await runGec(["check", current, "--summary", summary, "--previous", previous, "--jobs", "2"]);
  }, 300_000);

  it("exits with the worst code (2: the hostile file), and prints nothing on standard error", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(2);
  });

  it("prints one row per workbook, in folder order; the hostile file is one line saying why", () => {
    const rows = run.stdout.split("\n").filter((l) => /wb-\d{3}\.xlsx/.test(l) && !l.startsWith("  "));
    expect(rows).toHaveLength(COUNT);
    expect(rows.map((l) => /wb-(\d{3})\.xlsx/.exec(l)?.[1])).toEqual(
      Array.from({ length: COUNT }, (_, k) => String(k).padStart(3, "0")),
    );
    const hostile = rows.filter((l) => l.includes("wb-077.xlsx"));
    expect(hostile).toHaveLength(1);
    expect(hostile[0]).toMatch(/^読めない/);
    expect(hostile[0]).toMatch(/上限/);
    // every other workbook is clean: generated to validate without errors
    expect(rows.filter((l) => l.startsWith("OK"))).toHaveLength(COUNT - 1);
    // nothing of a terminal's progress line when the output is captured
    expect(run.stdout).not.toContain("\r");
  });

  it("finds the same 承認番号 in wb-017 and wb-005, at both cells", () => {
    const line = run.stdout.split("\n").filter((l) => l.includes("[portfolio.approvalNumber.duplicate]"));
    expect(line).toHaveLength(1);
    expect(line[0]).toContain(`${file(17)} 別紙1!B${ROW(1)}`);
    expect(line[0]).toContain(`${file(5)} 別紙1!B${ROW(0)}`);
    expect(line[0]).toContain(generatedApprovalNumber(15));
  });

  it("finds wb-042's facility again in wb-120 (name and address, another 承認番号), at both cells", () => {
    const line = run.stdout.split("\n").filter((l) => l.includes("[portfolio.facility.duplicate]"));
    expect(line).toHaveLength(1);
    expect(line[0]).toContain(`${file(120)} 別紙1!C${ROW(2)}`);
    expect(line[0]).toContain(`${file(42)} 別紙1!C${ROW(0)}`);
  });

  it("finds wb-011's Q_BL jump against the previous year, with both values", () => {
    const line = run.stdout.split("\n").filter((l) => l.includes("[portfolio.priorYear.change]"));
    expect(line).toHaveLength(1);
    expect(line[0]).toContain(`${file(11)} 別紙1!L${ROW(1)}`);
    expect(line[0]).toContain(`${path.join(previous, "wb-011.xlsx")} 別紙1!L${ROW(1)}`);
    expect(line[0]).toContain(`前年度 ${grouped(previousQBl)}`);
    expect(line[0]).toContain(`${grouped(currentQBl)} に変わりました`);
    // the facilities with no previous 実績 are notes: 200 − 1 hostile − 3 with a previous year = 196 workbooks × 3
    expect(run.stdout.split("\n").filter((l) => l.includes("[portfolio.priorYear.appeared]"))).toHaveLength(
      196 * 3,
    );
    expect(run.stdout).not.toContain("[portfolio.priorYear.disappeared]");
  });

  it("ends with the totals: 200 files, 1 unreadable, 3 passed over, the findings across workbooks", () => {
    expect(run.stdout).toContain(
      "合計: 200 ファイル（OK 199、エラー 0、読めない 1）、.xlsx 以外 3 件をスキップ。ブック間: エラー 2 件、警告 1 件、情報 588 件。終了コード 2",
    );
  });

  it("writes the summary: one row per workbook linked to its findings, the findings across workbooks", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["一覧", "ブック間", "指摘"]);
    const list = wb.getWorksheet("一覧") as ExcelJS.Worksheet;
    expect(list.rowCount).toBe(1 + COUNT);
    const rowOf = (k: number) => {
      for (let r = 2; r <= list.rowCount; r++) {
        const v = list.getCell(r, 1).value as ExcelJS.CellFormulaValue;
        if (v.result === file(k)) return list.getRow(r);
      }
      throw new Error(`no row for ${file(k)}`);
    };
    // wb-003: its SHA-256 as computed here from the file, its methodology, facilities and 合計 as generated
    const three = rowOf(3);
    const sha = createHash("sha256")
      .update(fs.readFileSync(file(3)))
      .digest("hex");
    const tonnes = [0, 1, 2].reduce((t, f) => t + Number(cell(grids[3], `V${ROW(f)}`)), 0);
    expect([2, 3, 4, 7, 8, 9, 13].map((c) => three.getCell(c).value)).toEqual([
      sha,
      "H002-2",
      "確定",
      3,
      tonnes,
      0,
      "OK",
    ]);
    expect(three.getCell(6).value).toBe("2020-04-01〜2021-03-31");
    const hostile = rowOf(77);
    expect(hostile.getCell(13).value).toBe("読めない");
    expect(String(hostile.getCell(12).value)).toContain("上限");
    // the link of wb-017 leads to its heading in 指摘
    const link = (rowOf(17).getCell(1).value as ExcelJS.CellFormulaValue).formula;
    const target = /^HYPERLINK\("#'指摘'!A(\d+)",/.exec(link);
    expect(target).not.toBeNull();
    const findings = wb.getWorksheet("指摘") as ExcelJS.Worksheet;
    expect(findings.getCell(Number(target?.[1]), 1).value).toBe(`■ ${file(17)}`);
    // across workbooks: file, cell, other file, other cell of each planted case
    const cross = wb.getWorksheet("ブック間") as ExcelJS.Worksheet;
    const crossRows: unknown[][] = [];
    cross.eachRow((row, r) => {
      if (r > 1) crossRows.push((row.values as unknown[]).slice(1));
    });
    const byRule = (rule: string) => crossRows.filter((r) => r[8] === rule);
    expect(byRule("portfolio.approvalNumber.duplicate").map((r) => r.slice(0, 5))).toEqual([
      ["エラー", file(17), `別紙1!B${ROW(1)}`, file(5), `別紙1!B${ROW(0)}`],
    ]);
    expect(byRule("portfolio.facility.duplicate").map((r) => r.slice(0, 5))).toEqual([
      ["エラー", file(120), `別紙1!C${ROW(2)}`, file(42), `別紙1!C${ROW(0)}`],
    ]);
    expect(byRule("portfolio.priorYear.change").map((r) => [...r.slice(0, 5), r[6], r[7]])).toEqual([
      [
        "警告",
        file(11),
        `別紙1!L${ROW(1)}`,
        path.join(previous, "wb-011.xlsx"),
        `別紙1!L${ROW(1)}`,
        grouped(previousQBl),
        grouped(currentQBl),
      ],
    ]);
    expect(byRule("portfolio.priorYear.appeared")).toHaveLength(196 * 3);
  });
});

describe("gec check DIR --json (200 workbooks)", () => {
  let lines: Record<string, unknown>[];
  let code: number;
  beforeAll(async () => {
    const run = await runGec(["check", current, "--json", "--jobs", "2"]);
    code = run.code;
    lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }, 300_000);

  it("streams one JSON line per workbook in folder order, the findings across workbooks, and the totals last", () => {
    expect(code).toBe(2);
    const files = lines.filter((l) => l.type === "file");
    expect(files.map((l) => l.file)).toEqual(Array.from({ length: COUNT }, (_, k) => file(k)));
    // the hostile file's bytes were read (and hashed) before the reader refused them
    const hostileSha = createHash("sha256")
      .update(fs.readFileSync(file(77)))
      .digest("hex");
    expect(files[77]).toMatchObject({ code: 2, sha256: hostileSha, findings: [] });
    const sha = createHash("sha256")
      .update(fs.readFileSync(file(120)))
      .digest("hex");
    // wb-120: its renamed facility no longer matches its own 別紙1添付 block (a warning of its own checks)
    expect(files[120]).toMatchObject({ code: 0, sha256: sha, facilities: 3, errors: 0, warnings: 1 });
    expect(
      (files[120].findings as { rule: string; cell: string }[]).map((f) => [f.rule, f.cell]),
    ).toContainEqual(["identity.facilityName.attachment", expect.any(String)]);
    const cross = lines.filter((l) => l.type === "portfolio");
    expect(cross.map((l) => [l.rule, l.file, l.cell, l.otherFile, l.otherCell])).toEqual([
      ["portfolio.approvalNumber.duplicate", file(17), `B${ROW(1)}`, file(5), `B${ROW(0)}`],
      ["portfolio.facility.duplicate", file(120), `C${ROW(2)}`, file(42), `C${ROW(0)}`],
    ]);
    expect(lines[lines.length - 1]).toMatchObject({
      type: "total",
      files: COUNT,
      ok: COUNT - 1,
      unreadable: 1,
      skipped: 3,
      cross: { error: 2, warning: 0, info: 0 },
      code: 2,
    });
  });
});
