// Every number explained: the derivation of a derived cell, checked against the seed's printed figures and hand sums.
import { validateGrid } from "../../src/engine";
import { explainCell, derivationText } from "../../src/explain";
import { parseA1 } from "../../src/forms/a1";
import type { CellRef } from "../../src/types";
import { seedGrid } from "../fixtures/seedSubmissions";

const at = (a1: string, sheet = "別紙1"): CellRef => {
  const p = parseA1(a1);
  if (!p) throw new Error(a1);
  return { sheet, ...p };
};

describe("別紙1!N5 of the published H002-2 (3.3 Q_WB, printed 186,081,857)", () => {
  const finding = validateGrid(seedGrid("H002-2")).findings.find(
    (f) => f.rule === "projectList.qWb.recompute",
  );
  const steps = finding?.derivation ?? [];

  it("carries a derivation in the finding", () => {
    expect(finding?.expected).toBe("186081657");
    expect(steps.length).toBeGreaterThanOrEqual(2);
  });

  it("has the R1 rounding step: ROUNDDOWN(7,538,025 × 9.484, 0) = 71,490,629", () => {
    // 7,538,025 × 9.484 = 71,490,629.1 by hand; truncated to 71,490,629
    const rounding = steps.find((s) => s.kind === "rounding");
    expect(rounding).toMatchObject({
      symbol: "ROUNDDOWN(E_PS × 9.484, 0)",
      formula: "ROUNDDOWN(E_PS × 9.484, 0)",
      substituted: "ROUNDDOWN(7,538,025 × 9.484, 0)",
      result: "71490629",
      cells: ["別紙1!M5"],
      partOf: "Q_WB",
    });
  });

  it("labels each step with its own quantity: the deduction is not called Q_WB (issue 20)", () => {
    // Q_WB is 186,081,657 (257,572,286 − 71,490,629 by hand); the deduction 71,490,629 is not Q_WB
    const lines = derivationText(steps, "ja");
    expect(lines[0]).toMatch(
      /^ROUNDDOWN\(E_PS × 9\.484, 0\) = ROUNDDOWN\(7,538,025 × 9\.484, 0\) = 71,490,629 — Q_WB の式の中の端数処理/,
    );
    expect(lines.filter((l) => l.startsWith("Q_WB ="))).toEqual([
      expect.stringMatching(
        /^Q_WB = Q_BL − ROUNDDOWN\(E_PS × 9\.484, 0\) = 257,572,286 − 71,490,629 = 186,081,657 /,
      ),
    ]);
    expect(derivationText(steps, "en")[0]).toContain("rounding inside the formula of Q_WB");
  });

  it("ends at 186081657 = 257,572,286 − 71,490,629, from the cells of Q_BL and E_PS", () => {
    expect(257572286 - 71490629).toBe(186081657);
    expect(steps[steps.length - 1]).toMatchObject({
      symbol: "Q_WB",
      formula: "Q_BL − ROUNDDOWN(E_PS × 9.484, 0)",
      substituted: "257,572,286 − 71,490,629",
      result: "186081657",
      cells: ["別紙1!L5", "別紙1!M5"],
      kind: "quantity",
    });
  });

  it("reads as lines in Japanese and English", () => {
    const ja = derivationText(steps, "ja");
    expect(ja[ja.length - 1]).toContain("= 186,081,657");
    expect(ja[ja.length - 1]).toContain("生成熱量");
    expect(derivationText(steps, "en")[ja.length - 1]).toContain("Heat net of auxiliary power");
  });
});

describe("explainCell", () => {
  const grid = seedGrid("H002-2");

  it("別紙1!U6 (3.10 EM_WB): the chain Q_WB → S_B → CEF/ε → EM_WB, ending at the value the check expects", () => {
    const r = explainCell(grid, at("U6"));
    if (r.kind !== "explained") throw new Error(r.message.en);
    const e = r.explanation;
    expect(e.expected).toBe("11775692");
    expect(e.actual).toBe(11775927);
    expect(e.agrees).toBe(false);
    const quantities = e.steps.filter((s) => s.kind === "quantity").map((s) => s.symbol);
    expect(quantities).toEqual(["Q_WB", "S_B", "CEF/ε", "EM_WB"]);
    // R4: ROUNDDOWN(Q_WB × S_B × factor, 0), its inputs from the row's own cells N6, S6 and T6
    expect(e.steps[e.steps.length - 1].cells).toEqual(["別紙1!N6", "別紙1!S6", "別紙1!T6"]);
  });

  it("the 合計 (別紙1!V7): Σ of the rows' tonnes 32,316 + 13,687 + 11,775 = 57,778", () => {
    expect(32316 + 13687 + 11775).toBe(57778);
    const r = explainCell(grid, at("V7"));
    if (r.kind !== "explained") throw new Error(r.message.en);
    const last = r.explanation.steps[r.explanation.steps.length - 1];
    expect(last).toMatchObject({
      symbol: "Σ EM",
      formula: "Σ EM",
      substituted: "32,316 + 13,687 + 11,775",
      result: "57778",
    });
    expect(last.cells).toEqual(["別紙1!V4", "別紙1!V5", "別紙1!V6"]);
  });

  it("an input cell is not derived: the answer names the sheet's derived columns", () => {
    const r = explainCell(grid, at("L5"));
    expect(r.kind).toBe("notDerived");
    if (r.kind !== "notDerived") return;
    expect(r.derivedColumns).toContain("N (3.3 Q_WB)");
    expect(r.message.ja).toContain("別紙1!L5");
  });
});
