// "Which methodology is this?" is answered once, by the reader, from the 1.3 tick and 別紙1's headers together.
import { buildTemplate, templateToGrid, validateGrid } from "../../src/engine";
import { readSubmission } from "../../src/forms/read";
import { POWER_PROJECT_COLUMNS } from "../../src/forms/layout";
import { METHODOLOGIES } from "../../src/methodology";
import type { CellValue, CellWrite, Grid } from "../../src/types";
import { applyToGrid } from "../fixtures/gridWrites";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";

const P = "様式3-2";
/** Row (1-based) of a code in the 1.3 table, in the template and in the seed fixture (first code on row 5 / …). */
const index = (code: string) => METHODOLOGIES.findIndex((m) => m.code === code);

/** The P002 template with one facility typed in and its 1.3 marks replaced. */
function power(marks: Record<string, string>): Grid {
  const template = templateToGrid(buildTemplate("P002", 1));
  const plan = template.sheets.find((s) => s.name === P);
  if (!plan) throw new Error("no plan sheet");
  // the template's 1.3 table: the tick column is the one holding "■"/"□" beside each code
  const writes: CellWrite[] = [];
  plan.values.forEach((line, r) => {
    const code = line[1];
    if (typeof code === "string" && index(code) >= 0)
      writes.push({ ref: { sheet: P, row: r, col: 0 }, value: marks[code] ?? "□", previous: line[0] });
  });
  const inputs: Record<string, CellValue> = {
    facilityName: "テスト太陽光発電所 (2020年度)",
    eps: 800000,
    epg: 1000000,
    epa: 12345,
    cefElec: 0.000441,
    startDate: "2020年4月1日",
    endDate: "2021年3月31日",
  };
  POWER_PROJECT_COLUMNS.forEach((column, col) => {
    if (inputs[column.key] !== undefined)
      writes.push({ ref: { sheet: "別紙1", row: 3, col }, value: inputs[column.key], previous: null });
  });
  return applyToGrid(template, writes);
}

const heatOnly = (grid: Grid) =>
  validateGrid(grid).findings.filter((f) => /\.(qBl|ePs|qWb|fB|fT|sB|epsBl|cefFuel)\./.test(f.rule));

describe("the methodology is resolved once", () => {
  it("a power form with its 1.3 box unticked is read with the power columns, not the heat ones", () => {
    const s = readSubmission(power({}));
    expect(s.methodology.resolved.source).toBe("headers");
    expect(s.methodology.resolved.declaration.kind).toBe("power");
    expect(s.projectList?.columns.eps).toBeDefined();
    expect(s.projectList?.columns.qBl).toBeUndefined();
    expect(heatOnly(power({}))).toEqual([]);
  });

  it("two power boxes ticked: the power columns, no code decided, the count error only", () => {
    const grid = power({ P001: "■", P002: "■" });
    const s = readSubmission(grid);
    expect(s.methodology.resolved.declaration.kind).toBe("power");
    expect(s.methodology.resolved.code).toBeNull();
    expect(heatOnly(grid)).toEqual([]);
    expect(validateGrid(grid).findings.map((f) => f.rule)).toContain("methodology.checked.count");
  });

  it("one power box ticked is the answer (source: checked)", () => {
    const s = readSubmission(power({ P002: "■" }));
    expect([s.methodology.resolved.source, s.methodology.resolved.code]).toEqual(["checked", "P002"]);
  });

  it("the seed's heat form with P002 ticked is read as heat, and the tick is named as not fitting", () => {
    let grid = withCell(seedGrid("H002-2", { corrected: true }), P, `A${5 + index("H002-2")}`, "□");
    grid = withCell(grid, P, `A${5 + index("P002")}`, "■");
    const s = readSubmission(grid);
    expect(s.methodology.resolved.declaration.kind).toBe("heat");
    expect(s.projectList?.columns.qBl).toBeDefined();
    const report = validateGrid(grid);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(
      report.findings.filter((f) => f.rule === "methodology.layout.mismatch").map((f) => f.expected),
    ).toEqual(["P002"]);
  });

  it("the seed with no tick: the heat formulas, and the summary says the code is not determined", () => {
    const grid = withCell(seedGrid("H002-2", { corrected: true }), P, `A${5 + index("H002-2")}`, "□");
    const s = readSubmission(grid);
    expect([s.methodology.resolved.source, s.methodology.resolved.declaration.kind]).toEqual([
      "headers",
      "heat",
    ]);
    // six heat methodologies share these columns: the headers cannot tell which
    expect(s.methodology.resolved.code).toBeNull();
    expect(validateGrid(grid).summary.methodology).toBeNull();
  });

  it("the published seeds resolve to their ticked code", () => {
    for (const which of ["H002-2", "H002-1"] as const)
      expect(readSubmission(seedGrid(which)).methodology.resolved).toMatchObject({
        code: which,
        source: "checked",
      });
  });
});
