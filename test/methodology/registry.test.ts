// A methodology declared here alone, with its own column keys (its tonnes are "tX", its kg "kgX": nothing in the engine
// names them), added at start-up and then templated, read, checked, filled, explained and reported like any other.
import * as fs from "fs";
import * as path from "path";
import {
  buildTemplate,
  invertPlan,
  planFill,
  readSubmission,
  templateToGrid,
  validateGrid,
} from "../../src/engine";
import { explainCell } from "../../src/explain";
import { div, mul, num, ref, roundDown, sumOf } from "../../src/formula";
import { cellAddress, formatRef, parseA1 } from "../../src/forms/a1";
import { projectColumns } from "../../src/forms/layout";
import { deriveWith, registerMethodologyAtStartUp } from "../../src/methodology";
import type { MethodologyDeclaration, QuantityDeclaration } from "../../src/methodology";
import { listRules } from "../../src/checks/registry";
import { verificationPaper } from "../../src/report";
import type { CellRef, Grid } from "../../src/types";
import { applyToGrid } from "../fixtures/gridWrites";
import { FACILITY_TEXT, withPeriod } from "../fixtures/filledForm";

// X001 試験熱: EM_X = ROUNDDOWN(Q_X × k_X, 0) kgCO2 from a heat amount and a factor; t = ROUNDDOWN(kg ÷ 1000, 0).
const quantities: QuantityDeclaration[] = [
  {
    key: "qX",
    symbol: "Q_X",
    label: { ja: "試験熱量", en: "Test heat" },
    unit: "MJ",
    role: "input",
    column: "3.1",
    domain: "amount",
  },
  {
    key: "kX",
    symbol: "k_X",
    label: { ja: "試験係数", en: "Test factor" },
    unit: "kgCO2/MJ",
    role: "input",
    column: "3.2",
    domain: "positive",
    numberFormat: "0.0000",
  },
  {
    key: "kgX",
    symbol: "EM_X",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "kgCO2",
    role: "derived",
    column: "3.3",
    domain: "amount",
    expr: roundDown(mul(ref("qX"), ref("kX")), 0),
  },
  {
    key: "tX",
    symbol: "EM",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "tCO2",
    role: "derived",
    column: "3.4",
    domain: "amount",
    header: { aliases: ["排出削減量(tco2)"] },
    expr: roundDown(div(ref("kgX"), num(1000)), 0),
    formulaLine: "omit",
  },
];

const fictional: MethodologyDeclaration = {
  code: "X001",
  name: { ja: "試験熱（架空の方法論）", en: "Test heat (fictional)" },
  kind: "test",
  provisional: true,
  provenance: "test/methodology/registry.test.ts",
  quantities,
  total: {
    key: "tXTotal",
    symbol: "Σ EM",
    label: { ja: "合計", en: "Total" },
    unit: "tCO2",
    role: "derived",
    domain: "amount",
    expr: sumOf("tX"),
  },
  form: {
    facility: { ja: "試験設備", en: "test facility" },
    templateNotes: ["試験用の方法論です。"],
    powerSoldKey: null,
    tonnesKey: "tX",
    anchorKey: "qX",
    monitoringTargets: [],
    fuelDefaults: false,
  },
  derive: deriveWith(quantities),
};

// at module load, before anything reads the registry
registerMethodologyAtStartUp(fictional);

/** The template with two facilities' inputs typed in: Q_X 1,234,567 and 2,000,000 MJ, k_X 0.0678 kgCO2/MJ. */
function filledTemplate(): { grid: Grid; at: (row: number, key: string) => CellRef } {
  let grid = withPeriod(templateToGrid(buildTemplate("X001", 2)));
  const list = readSubmission(grid).projectList;
  if (!list) throw new Error("no 別紙1");
  const header = list.headerRow;
  const col = (key: string) =>
    projectColumns(fictional).findIndex((c) => c.key === key) + (list.columns.no ?? 0);
  const at = (row: number, key: string): CellRef => ({
    sheet: list.sheet,
    row: header + 1 + row,
    col: col(key),
  });
  const typed: [number, string, number | string][] = [
    ...[0, 1].flatMap((row) =>
      Object.entries(FACILITY_TEXT).map((entry): [number, string, string] => [
        row,
        entry[0],
        String(entry[1]),
      ]),
    ),
    [0, "facilityName", "試験設備A (2020年度)"],
    [0, "qX", 1234567],
    [0, "kX", 0.0678],
    [1, "facilityName", "試験設備B (2020年度)"],
    [1, "qX", 2000000],
    [1, "kX", 0.0678],
  ];
  grid = applyToGrid(
    grid,
    typed.map(([row, key, value]) => ({ ref: at(row, key), value, previous: null })),
  );
  return { grid, at };
}

describe("a methodology declared in a test file alone", () => {
  it("templates: 別紙1 carries its columns and the 1.3 table its code, ticked", () => {
    const t = buildTemplate("X001", 2);
    const list = t.sheets.find((s) => s.name === "別紙1");
    const labels = list?.cells.filter((c) => c.kind === "label").map((c) => c.value) ?? [];
    expect(labels).toContain("3.1 試験熱量 Q_X (MJ)");
    expect(labels).toContain("1.1 試験設備名称");
    const read = readSubmission(templateToGrid(t));
    expect(read.methodology.code).toBe("X001");
    expect(Object.keys(read.projectList?.columns ?? {})).toEqual(
      expect.arrayContaining(["qX", "kX", "kgX", "tX"]),
    );
  });

  it("reads and checks: blank derived cells are found with their derivation", () => {
    const { grid, at } = filledTemplate();
    // template formulas have no cached results here: every derived cell is blank to the reader
    const findings = validateGrid(grid).findings.filter((f) => f.rule === "projectList.kgX.recompute");
    expect(findings.map((f) => formatRef(f.ref))).toEqual([formatRef(at(0, "kgX")), formatRef(at(1, "kgX"))]);
    // 1,234,567 × 0.0678 = 83,703.6426 → 83,703 (by hand)
    expect(findings[0].expected).toBe("83703");
    expect(findings[0].derivation?.[0].substituted).toBe("ROUNDDOWN(1,234,567 × 0.0678, 0)");
  });

  it("fills: values (or its own native formulas) that then validate without an error, and revert exactly", () => {
    const { grid: template, at } = filledTemplate();
    // derived cells as a user may leave them: no formula, no value
    const derived = [0, 1].flatMap((row) => ["kgX", "tX"].map((key) => at(row, key)));
    const total = readSubmission(template).projectList?.totalTonnes?.ref;
    if (!total) throw new Error("no 合計");
    const grid = applyToGrid(
      template,
      [...derived, total].map((ref) => ({ ref, value: null, previous: null })),
    );
    for (const formulas of [false, true]) {
      const plan = planFill(grid, { formulas });
      const filled = applyToGrid(grid, plan.writes);
      // the template leaves 1.1 and 2.1 to the applicant (form.planPart.missing)
      expect(
        validateGrid(filled).findings.filter(
          (f) => f.severity === "error" && f.rule !== "form.planPart.missing",
        ),
      ).toEqual([]);
      const kgX = plan.writes.find((w) => w.ref.row === at(0, "kgX").row && w.ref.col === at(0, "kgX").col);
      expect(kgX?.value).toBe(83703);
      if (formulas) {
        const q = cellAddress(at(0, "qX"));
        const k = cellAddress(at(0, "kX"));
        expect(kgX?.formula).toBe(`=IF(OR(${q}="",${k}=""),"",ROUNDDOWN(${q}*${k},0))`);
      }
      // 合計: 83 t + 135 t (2,000,000 × 0.0678 = 135,600 kg → 135 t) = 218 t
      expect(plan.writes.some((w) => w.value === 218)).toBe(true);
      expect(applyToGrid(filled, invertPlan(plan.writes)).sheets).toEqual(grid.sheets);
    }
  });

  it("explains: the derivation of its tCO2 cell down to its inputs' cells", () => {
    const { grid, at } = filledTemplate();
    const r = explainCell(grid, at(1, "tX"));
    if (r.kind !== "explained") throw new Error(r.message.en);
    expect(r.explanation.expected).toBe("135");
    expect(r.explanation.steps.map((s) => [s.symbol, s.result])).toEqual([
      ["EM_X", "135600"],
      ["EM", "135"],
    ]);
    expect(r.explanation.steps[0].cells).toEqual([formatRef(at(1, "qX")), formatRef(at(1, "kX"))]);
  });

  it("its rules are in the registry: its inputs can be reported as unreadable, with a fixture-free id check", () => {
    const unreadable = listRules().find((r) => r.id === "projectList.<key>.unreadable");
    expect(unreadable?.instances?.map((i) => i.id)).toEqual(
      expect.arrayContaining(["projectList.qX.unreadable", "projectList.kX.unreadable"]),
    );
    const { grid, at } = filledTemplate();
    const bad = applyToGrid(grid, [{ ref: at(0, "kX"), value: "abc", previous: null }]);
    expect(validateGrid(bad).findings.map((f) => f.rule)).toContain("projectList.kX.unreadable");
  });

  it("explains and reports: the 合計 sums its own tonnes column, 別紙2 carries each facility's t, the paper agrees", () => {
    const { grid: typed } = filledTemplate();
    const written = applyToGrid(typed, planFill(typed).writes);
    // 別紙2's blocks link each facility's t ('別紙1'!<3.4>); Excel's recalculation gives them those values
    const list = written.sheets.find((x) => x.name === "別紙1");
    const blocks = written.sheets.find((x) => x.name === "別紙2");
    if (!list || !blocks) throw new Error("no 別紙1 or 別紙2");
    const recalculated = (blocks.formulas ?? []).flatMap((line, i) =>
      line.flatMap((f, j) => {
        const link = f === null ? null : /^='別紙1'!([A-Z]+\d+)$/.exec(f);
        const at = link ? parseA1(link[1]) : null;
        if (!at) return [];
        const value = list.values[at.row - list.origin.row]?.[at.col - list.origin.col] ?? null;
        const ref = { sheet: blocks.name, row: blocks.origin.row + i, col: blocks.origin.col + j };
        return [{ ref, value, formula: f ?? undefined, previous: null }];
      }),
    );
    expect(recalculated.map((w) => w.value)).toEqual([83, 135]);
    const filled = applyToGrid(written, recalculated);
    const s = readSubmission(filled);
    const total = s.projectList?.totalTonnes?.ref;
    if (!total) throw new Error("no 合計");
    const r = explainCell(filled, total, s);
    if (r.kind !== "explained") throw new Error(r.message.en);
    // 83 + 135 = 218 t (by hand, as above), summed over the rows' 3.4 cells
    expect(r.explanation.expected).toBe("218");
    const sum = r.explanation.steps[r.explanation.steps.length - 1];
    expect([sum.symbol, sum.result, sum.cells]).toEqual([
      "Σ EM",
      "218",
      s.projectList?.rows.map((row) => formatRef(row.numbers.tX.ref)),
    ]);
    const paper = verificationPaper(filled, {
      source: { fileName: "x001.xlsx", digestOf: "file", sha256: "0".repeat(64), size: 1 },
      options: { toolVersion: "test", date: "2026-12-07" },
      previous: null,
    });
    const tonnes = paper.lines.filter((l) => l.column === "3.4" || l.column === "合計");
    expect(tonnes.map((l) => [l.column, l.recomputed?.toString(), l.verdict])).toEqual([
      ["3.4", "83", "agrees"],
      ["3.4", "135", "agrees"],
      ["合計", "218", "agrees"],
    ]);
    // 別紙2: one block per facility, each its row's t
    expect(paper.allocation.map((l) => [l.recomputed?.toString(), l.verdict])).toEqual([
      ["83", "agrees"],
      ["135", "agrees"],
    ]);
  });

  it("the registry is fixed once read: a methodology added after start-up is refused", () => {
    expect(() => registerMethodologyAtStartUp({ ...fictional, code: "X002" })).toThrow(/fixed once read/);
  });

  it("no file of the engine names it: its code, its keys and its labels live in this file alone", () => {
    const names = [/X001/, /["'`](qX|kX|kgX|tX|tXTotal)["'`]/, /試験/];
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (names.some((n) => n.test(fs.readFileSync(file, "utf8")))) offenders.push(file);
      }
    };
    walk(path.join(__dirname, "..", "..", "src"));
    expect(offenders).toEqual([]);
  });
});
