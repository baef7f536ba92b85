// Property tests of the reader and rules: validateGrid never throws on any Grid and its findings are well formed.
import fc from "fast-check";
import { validateGrid } from "../../src/engine";
import type { ValidationReport } from "../../src/engine";
import { HEAT_PROJECT_COLUMNS, SHEET_NAMES } from "../../src/forms/layout";
import { METHODOLOGIES } from "../../src/methodology";
import type { CellValue, Grid, SheetGrid } from "../../src/types";
import { seedGrid } from "../fixtures/seedSubmissions";

const RUNS = { numRuns: 200 };

/** Texts people and OCR put in these forms, and the labels the reader looks for. */
const TEXTS: string[] = [
  "",
  " ",
  "494,794,207",
  "４９４，７９４，２０７",
  "１２３",
  "99.94%",
  "９９．９４％",
  "100%",
  "—",
  "-",
  "▲1,234",
  "(12)",
  "1,23",
  "1e5",
  "1e400",
  "-1e-300",
  "0.0693",
  "0,0693",
  "平成29年1月",
  "2020年4月1日",
  "2021年3月31日",
  "2020/13/45",
  "R2.4.1",
  "令和元年5月1日",
  "H29.1",
  "#VALUE!",
  "#DIV/0!",
  "#N/A",
  "=GEC.STEAM_H(1,2)",
  "合計",
  "計",
  "■",
  "□",
  "✓",
  "true",
  "開始日",
  "終了日",
  "1.3 グリーンエネルギーCO2削減計画に適用される方法論",
  "グリーンエネルギーCO₂削減相当量（単位:tCO₂）",
  "販売電力量（kWh）",
  "※1 注記",
  "生成バイオマス熱設備 (2020年度)",
  "設備 (1999年度)",
  "14-BB-001",
  "１４－ＢＢ－００１",
  "14-bb-1",
  ...HEAT_PROJECT_COLUMNS.map((c) => c.label),
  ...HEAT_PROJECT_COLUMNS.flatMap((c) => c.aliases),
  ...METHODOLOGIES.map((m) => m.code),
  ...METHODOLOGIES.map((m) => m.code.toLowerCase()),
];

const NUMBERS: number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -1e-300,
  1e-300,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 60),
  9.484,
  0.92022,
  0.0678,
  494794207,
  43922,
  2958466,
];

/** Random text without "NaN"/"undefined" (so those words in a message can only come from the engine). */
const randomText = fc
  .oneof(fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 12 }))
  .filter((s) => !/NaN|undefined/.test(s));

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.constantFrom(...TEXTS), weight: 6 },
  { arbitrary: randomText, weight: 2 },
  { arbitrary: fc.constantFrom(...NUMBERS), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 2 },
  { arbitrary: fc.integer({ min: -1e9, max: 1e9 }), weight: 2 },
  { arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((b) => Number(b)), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
);

const sheetName = fc.oneof(
  fc.constantFrom<string>(
    SHEET_NAMES.plan,
    SHEET_NAMES.projectList,
    SHEET_NAMES.allocationPlan,
    SHEET_NAMES.attachment,
    "様式3-2別紙1",
    "",
    "Sheet1",
    "x".repeat(31),
    "長い名前".repeat(20),
  ),
  randomText,
);

const sheetGrid: fc.Arbitrary<SheetGrid> = fc.record({
  name: sheetName,
  values: fc.array(fc.array(cellValue, { maxLength: 30 }), { maxLength: 30 }),
  origin: fc.record({ row: fc.nat(50), col: fc.nat(50) }),
});

const randomGrid: fc.Arbitrary<Grid> = fc.record({
  sheets: fc.array(sheetGrid, { minLength: 1, maxLength: 4 }),
});

const SEVERITIES = new Set(["error", "warning", "info"]);
const BAD_WORDS = /NaN|undefined/;

/** Every finding well formed; the summary's counts agree with the findings. Throws (with the finding) otherwise. */
function checkInvariants(grid: Grid, report: ValidationReport): void {
  const names = new Set(grid.sheets.map((s) => s.name));
  for (const f of report.findings) {
    const where = JSON.stringify(f);
    const fail = (why: string) => {
      throw new Error(`${why}: ${where}`);
    };
    if (typeof f.rule !== "string" || f.rule === "") fail("rule");
    if (!SEVERITIES.has(f.severity)) fail("severity");
    if (typeof f.message?.ja !== "string" || f.message.ja === "") fail("message.ja");
    if (typeof f.message?.en !== "string" || f.message.en === "") fail("message.en");
    if (!names.has(f.ref.sheet)) fail("ref.sheet not a sheet of the grid");
    for (const n of [f.ref.row, f.ref.col]) if (!Number.isFinite(n) || n < 0) fail("ref row/col");
    for (const text of [f.message.ja, f.message.en, f.expected, f.actual]) {
      if (text !== undefined && BAD_WORDS.test(String(text))) fail("NaN/undefined in a text");
    }
  }
  const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
  expect(report.summary.errors).toBe(count("error"));
  expect(report.summary.warnings).toBe(count("warning"));
  expect(report.summary.infos).toBe(count("info"));
  expect(BAD_WORDS.test(report.summary.text.ja) || BAD_WORDS.test(report.summary.text.en)).toBe(false);
}

function cloneGrid(grid: Grid): Grid {
  return { sheets: grid.sheets.map((s) => ({ ...s, values: s.values.map((line) => [...line]) })) };
}

/** Writes `value` at (row, col) of a sheet's values, extending a short row with nulls. */
function setCell(sheet: SheetGrid, row: number, col: number, value: CellValue): void {
  const line = sheet.values[row];
  while (line.length <= col) line.push(null);
  line[col] = value;
}

const seed = seedGrid("H002-2", { corrected: true });

/** A cell position inside the seed grid's used range: sheet index, row and column as fractions of its size. */
const position = fc.record({ sheet: fc.nat(), row: fc.nat(), col: fc.nat() });

describe("validateGrid on random grids", () => {
  it("never throws, and every finding is well formed", () => {
    fc.assert(
      fc.property(randomGrid, (grid) => {
        checkInvariants(grid, validateGrid(grid));
      }),
      { ...RUNS, seed: 20240601 },
    );
  });

  it("never throws on grids built of 別紙1 labels and 様式3-2 texts only (the reader's paths)", () => {
    const labelCell = fc.oneof(
      { arbitrary: fc.constantFrom(...TEXTS), weight: 5 },
      { arbitrary: fc.constantFrom(...NUMBERS), weight: 2 },
      { arbitrary: fc.constant(null), weight: 2 },
    );
    const dense = fc.record({
      name: sheetName,
      values: fc.array(fc.array(labelCell, { maxLength: 30 }), { minLength: 5, maxLength: 30 }),
      origin: fc.record({ row: fc.nat(50), col: fc.nat(50) }),
    });
    let recognized = 0;
    fc.assert(
      fc.property(fc.array(dense, { minLength: 1, maxLength: 4 }), (sheets) => {
        const grid = { sheets };
        const report = validateGrid(grid);
        checkInvariants(grid, report);
        if (report.summary.recognized) recognized++;
      }),
      { ...RUNS, seed: 20240602 },
    );
    // the texts reach the reader's paths: some of these grids are read as a 様式3-2
    expect(recognized).toBeGreaterThan(0);
  });
});

describe("validateGrid on mutations of a valid seed workbook", () => {
  it("the seed itself is clean", () => {
    const report = validateGrid(seed);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.facilities).toBe(3);
  });

  it("replacing 1–5 cells never throws, and every finding is well formed", () => {
    let broken = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(position, cellValue), { minLength: 1, maxLength: 5 }), (edits) => {
        const grid = cloneGrid(seed);
        for (const [p, value] of edits) {
          const sheet = grid.sheets[p.sheet % grid.sheets.length];
          const row = p.row % sheet.values.length;
          setCell(sheet, row, p.col % (sheet.values[row].length + 2), value);
        }
        const report = validateGrid(grid);
        checkInvariants(grid, report);
        if (report.summary.errors > 0) broken++;
      }),
      { ...RUNS, seed: 20240603 },
    );
    // the edits do break the seed now and then, so the rules' paths with findings run too
    expect(broken).toBeGreaterThan(0);
  });

  it("a cell outside every table (column 60) changes no finding but its own hygiene one", () => {
    const before = validateGrid(seed).findings;
    fc.assert(
      fc.property(position, cellValue, (p, value) => {
        const grid = cloneGrid(seed);
        const sheet = grid.sheets[p.sheet % grid.sheets.length];
        const row = p.row % sheet.values.length;
        const col = 60;
        setCell(sheet, row, col, value);
        const report = validateGrid(grid);
        checkInvariants(grid, report);
        const ref = { sheet: sheet.name, row: sheet.origin.row + row, col: sheet.origin.col + col };
        const own = report.findings.filter(
          (f) => f.ref.sheet === ref.sheet && f.ref.row === ref.row && f.ref.col === ref.col,
        );
        // an error value ("#VALUE!") anywhere in a form sheet is a hygiene finding of its own cell
        for (const f of own) expect(f.rule).toMatch(/^hygiene\./);
        expect(report.findings.filter((f) => !own.includes(f))).toEqual(before);
      }),
      { ...RUNS, seed: 20240604 },
    );
  });
});
