// A methodology declared here alone, registered, and then templated, read, checked, filled and explained like any other.
import {
  buildTemplate,
  invertPlan,
  planFill,
  readSubmission,
  templateToGrid,
  validateGrid,
} from "../../src/engine";
import { explainCell } from "../../src/explain";
import { div, mul, num, ref, roundDown } from "../../src/formula";
import { cellAddress, formatRef } from "../../src/forms/a1";
import { projectColumns } from "../../src/forms/layout";
import { deriveWith, getMethodology, registerMethodology } from "../../src/methodology";
import type { MethodologyDeclaration, QuantityDeclaration } from "../../src/methodology";
import { listRules } from "../../src/checks/registry";
import type { CellRef, Grid } from "../../src/types";
import { applyToGrid } from "../fixtures/gridWrites";
import { FACILITY_TEXT, withPeriod } from "../fixtures/filledForm";

// X001 試験熱: EM = ROUNDDOWN(Q_X × k_X, 0) kgCO2 from a heat amount and a factor; t as R5.
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
  },
  {
    key: "emKg",
    symbol: "EM_X",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "kgCO2",
    role: "derived",
    column: "3.3",
    domain: "amount",
    expr: roundDown(mul(ref("qX"), ref("kX")), 0),
  },
  {
    key: "emT",
    symbol: "EM",
    label: { ja: "排出削減量", en: "Emission reduction" },
    unit: "tCO2",
    role: "derived",
    column: "3.4",
    domain: "amount",
    header: { aliases: ["排出削減量(tco2)"] },
    expr: roundDown(div(ref("emKg"), num(1000)), 0),
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
  total: getMethodology("H002-2").total,
  form: {
    facility: { ja: "試験設備", en: "test facility" },
    templateNotes: ["試験用の方法論です。"],
    powerSoldKey: null,
    tonnesKey: "emT",
    anchorKey: "qBl",
    monitoringTargets: [],
    fuelDefaults: false,
  },
  derive: deriveWith(quantities),
};

registerMethodology(fictional);

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
      Object.entries(FACILITY_TEXT).map(
        ([key, value]) => [row, key, String(value)] as [number, string, string],
      ),
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
      expect.arrayContaining(["qX", "kX", "emKg", "emT"]),
    );
  });

  it("reads and checks: blank derived cells are found with their derivation", () => {
    const { grid, at } = filledTemplate();
    // template formulas have no cached results here: every derived cell is blank to the reader
    const findings = validateGrid(grid).findings.filter((f) => f.rule === "projectList.emKg.recompute");
    expect(findings.map((f) => formatRef(f.ref))).toEqual([
      formatRef(at(0, "emKg")),
      formatRef(at(1, "emKg")),
    ]);
    // 1,234,567 × 0.0678 = 83,703.6426 → 83,703 (by hand)
    expect(findings[0].expected).toBe("83703");
    expect(findings[0].derivation?.[0].substituted).toBe("ROUNDDOWN(1,234,567 × 0.0678, 0)");
  });

  it("fills: values (or its own native formulas) that then validate without an error, and revert exactly", () => {
    const { grid: template, at } = filledTemplate();
    // derived cells as a user may leave them: no formula, no value
    const derived = [0, 1].flatMap((row) => ["emKg", "emT"].map((key) => at(row, key)));
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
      const emKg = plan.writes.find(
        (w) => w.ref.row === at(0, "emKg").row && w.ref.col === at(0, "emKg").col,
      );
      expect(emKg?.value).toBe(83703);
      if (formulas) {
        const q = cellAddress(at(0, "qX"));
        const k = cellAddress(at(0, "kX"));
        expect(emKg?.formula).toBe(`=IF(OR(${q}="",${k}=""),"",ROUNDDOWN(${q}*${k},0))`);
      }
      // 合計: 83 t + 135 t (2,000,000 × 0.0678 = 135,600 kg → 135 t) = 218 t
      expect(plan.writes.some((w) => w.value === 218)).toBe(true);
      expect(applyToGrid(filled, invertPlan(plan.writes)).sheets).toEqual(grid.sheets);
    }
  });

  it("explains: the derivation of its tCO2 cell down to its inputs' cells", () => {
    const { grid, at } = filledTemplate();
    const r = explainCell(grid, at(1, "emT"));
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
});
