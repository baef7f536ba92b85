// buildTemplate: the blank 様式3-2 of every methodology, read back by the engine's own reader.
import { buildTemplate, planFill, templateToGrid, validateGrid, cellAddress } from "../../src/engine";
import { readSubmission } from "../../src/forms/read";
import { HEAT_PROJECT_COLUMNS } from "../../src/forms/layout";
import { METHODOLOGIES } from "../../src/methodology";
import { isGecError } from "../../src/errors";
import type { TemplateWorkbook } from "../../src/template";
import { seedRows } from "../fixtures/seedSubmissions";
import { applyToGrid } from "../fixtures/gridWrites";
import type { CellWrite } from "../../src/types";

const sheetNames = ["様式3-2", "別紙1", "別紙1添付", "別紙2"];

function cellsOf(t: TemplateWorkbook, sheet: string) {
  const s = t.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no ${sheet}`);
  return s.cells;
}

describe.each(METHODOLOGIES.map((m) => m.code))("template %s", (code) => {
  const t = buildTemplate(code, 2);

  it("has the four sheets, one ■ in 1.3 at its own code", () => {
    expect(t.sheets.map((s) => s.name)).toEqual(sheetNames);
    const plan = cellsOf(t, "様式3-2");
    const checked = plan.filter((c) => c.value === "■");
    expect(checked).toHaveLength(1);
    const codeCell = plan.find((c) => c.row === checked[0].row && c.col === checked[0].col + 1);
    expect(codeCell?.value).toBe(code);
    expect(plan.filter((c) => c.value === "□")).toHaveLength(13);
  });

  it("puts native formulas in derived cells only, never GEC., and none in input cells", () => {
    for (const sheet of t.sheets) {
      for (const c of sheet.cells) {
        if (c.formula !== undefined) {
          expect(c.kind).toBe("derived");
          expect(c.formula).toMatch(/^=/);
          expect(c.formula).not.toMatch(/GEC\./i);
          expect(c.formula).not.toMatch(/[{}]/);
        }
        if (c.kind === "input") expect(c.formula).toBeUndefined();
      }
    }
  });

  it("is read back as its own methodology; a blank template's one error is that it has no facility row", () => {
    const grid = templateToGrid(t);
    const s = readSubmission(grid);
    expect(s.methodology.code).toBe(code);
    const report = validateGrid(grid);
    expect(report.summary.recognized).toBe(true);
    // a blank template is not ready to submit (issue 9): its one error is that it has no facility row; the blank
    // parts (1.1, 2.1) are named once a facility is typed (test/checks/planText.test.ts)
    expect(report.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([
      "form.noFacilities",
    ]);
  });
});

describe("heat template layout", () => {
  const t = buildTemplate("H002-2", 3);
  const list = cellsOf(t, "別紙1");

  it("prints the 別紙1 column labels in form order on one header row", () => {
    const header = list.filter((c) => c.row === 2).sort((a, b) => a.col - b.col);
    expect(header.map((c) => c.value)).toEqual(HEAT_PROJECT_COLUMNS.map((c) => c.label));
  });

  it("writes R1–R5 as ROUNDDOWN formulas on each row (blank while an input is blank) and the 合計 as SUM", () => {
    const f = (a1: string) => list.find((c) => cellAddress(c) === a1)?.formula;
    // row 4 (0-based 3) is the first facility; L 3.1, M 3.2, N 3.3, O 3.4, P 3.5, Q 3.6, R 3.7, S 3.8, T 3.9, U 3.10, V 3.11
    expect(f("N4")).toBe('=IF(OR(L4="",M4=""),"",L4-ROUNDDOWN(M4*9.484,0))');
    expect(f("T5")).toBe('=IF(OR(O5="",P5=""),"",ROUNDDOWN(O5/P5,4))');
    expect(f("U6")).toBe('=IF(OR(N6="",S6="",T6=""),"",ROUNDDOWN(N6*S6*T6,0))');
    expect(f("V6")).toBe('=IF(U6="","",ROUNDDOWN(U6/1000,0))');
    expect(f("V7")).toBe("=SUM(V4:V6)");
    expect(list.find((c) => cellAddress(c) === "A7")?.value).toBe("合計");
  });

  it("links each 別紙2 block to its facility's tCO2", () => {
    const alloc = cellsOf(t, "別紙2").filter((c) => c.formula !== undefined);
    expect(alloc.map((c) => c.formula)).toEqual(["='別紙1'!V4", "='別紙1'!V5", "='別紙1'!V6"]);
  });

  it("filled with the seed's inputs, the fill plans the published (corrected) figures", () => {
    const grid = templateToGrid(t);
    const rows = seedRows("H002-2", true);
    const writes: CellWrite[] = [];
    rows.forEach((row, i) => {
      HEAT_PROJECT_COLUMNS.forEach((column, col) => {
        const cell = list.find((c) => c.row === 3 + i && c.col === col);
        if (cell?.kind === "input" && row[column.key] !== undefined)
          writes.push({ ref: { sheet: "別紙1", row: 3 + i, col }, value: row[column.key], previous: null });
      });
    });
    const typed = applyToGrid(grid, writes);
    const plan = planFill(typed).writes;
    const value = (a1: string) =>
      plan.find((w) => w.ref.sheet === "別紙1" && cellAddress(w.ref) === a1)?.value;
    // the published figures (reference/003), with 川辺 3.3 and セイホク 3.10 as their inputs give them
    expect([value("N4"), value("N5"), value("N6")]).toEqual([431460008, 186081657, 157281769]);
    expect([value("U4"), value("U5"), value("U6")]).toEqual([32316354, 13687392, 11775692]);
    expect([value("V4"), value("V5"), value("V6"), value("V7")]).toEqual([32316, 13687, 11775, 57778]);
    expect([value("T4"), value("T5"), value("T6")]).toEqual([0.0749, 0.0736, 0.0749]);
    expect([value("S5"), value("S6")]).toEqual([0.9994, 0.9996]);
    // no input cell is in the plan
    for (const w of plan)
      expect(list.find((c) => c.row === w.ref.row && c.col === w.ref.col)?.kind ?? "derived").not.toBe(
        "input",
      );
  });

  it("marks input cells apart from derived cells", () => {
    const kinds = new Set(list.filter((c) => c.row === 3).map((c) => c.kind));
    expect(kinds).toEqual(new Set(["input", "derived"]));
  });
});

describe("template options", () => {
  it("gives rows for N facilities", () => {
    for (const n of [1, 5, 40]) {
      const t = buildTemplate("H002-1", n);
      const numbers = cellsOf(t, "別紙1").filter((c) => c.col === 0 && typeof c.value === "number");
      expect(numbers.map((c) => c.value)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(cellsOf(t, "別紙2").filter((c) => c.formula).length).toBe(n);
    }
  });

  it.each([
    ["X999", 3],
    ["H002-2", 0],
    ["H002-2", 2.5],
    ["H002-2", 1001],
    ["H002-2", Number.NaN],
  ])("refuses %s with %s facilities with a bilingual GecError", (code, n) => {
    try {
      buildTemplate(code, n);
      throw new Error("no error");
    } catch (e) {
      expect(isGecError(e)).toBe(true);
      if (isGecError(e)) {
        expect(e.text.ja).not.toBe("");
        expect(e.text.en).not.toBe("");
      }
    }
  });

  it("accepts codes as people type them (h2-2, Ｈ００２－２)", () => {
    expect(buildTemplate("h002-2", 1).methodology).toBe("H002-2");
    expect(buildTemplate("Ｈ００２－２", 1).methodology).toBe("H002-2");
  });
});
