// Family 6 by vintage: a fuel factor against the 算定省令 revision of its period, and every message, explanation and
// recomputation naming the vintage it used.
import { validateGrid } from "../../src/engine";
import { explainCell } from "../../src/explain";
import { formatRef, parseA1 } from "../../src/forms/a1";
import type { CellRef, Finding, Grid } from "../../src/types";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import type { SeedName } from "../fixtures/seedSubmissions";

const at = (a1: string, sheet = "別紙1"): CellRef => {
  const p = parseA1(a1);
  if (!p) throw new Error(a1);
  return { sheet, ...p };
};
const cells = (grid: Grid, edits: [string, string, string | number | null][]) =>
  edits.reduce((g, [sheet, a1, v]) => withCell(g, sheet, a1, v), grid);
const defaults = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith("defaults."));
const shown = (f: Finding) => `${f.rule} ${formatRef(f.ref)} ${f.severity}`;

/** The seed moved to fiscal 2024: 1.5, each row's 5.1/5.2 and the (yyyy年度) of each facility name. */
function fiscal2024(which: SeedName): Grid {
  let grid = seedGrid(which, { corrected: true });
  grid = cells(grid, [
    ["様式3-2", "B37", "2024年4月1日"],
    ["様式3-2", "B38", "2025年3月31日"],
  ]);
  for (const r of [4, 5, 6]) {
    grid = cells(grid, [
      ["別紙1", `Y${r}`, "2024年4月1日"],
      ["別紙1", `Z${r}`, "2025年3月31日"],
    ]);
    const name = grid.sheets.find((s) => s.name === "別紙1")?.values[r - 1][2];
    grid = withCell(grid, "別紙1", `C${r}`, String(name).replace("(2020年度)", "(2024年度)"));
  }
  return grid;
}

describe("the seed's factors on its own fiscal 2020 period", () => {
  it.each<SeedName>(["H002-2", "H002-1"])("%s: quiet (no defaults.* finding, not even an info)", (which) => {
    expect(defaults(validateGrid(seedGrid(which, { corrected: true })).findings)).toEqual([]);
  });
});

describe("A重油 of the 2024 revision (0.0708) on a fiscal 2024 H002-2", () => {
  // 算定省令 別表第1 (告示 施行 2024-04-01): A重油 38.9 GJ/kL, 0.0193 tC/GJ → 0.0193 × 44/12 = 0.070766… → 0.0708.
  // 津別 (row 4): 3.9 = ROUNDDOWN(0.0708 ÷ 0.92512, 4) = 0.0765 (0.92512 × 0.0765 = 0.07077168 ≤ 0.0708);
  // Q_WB 431,460,008 (seed) × 1 × 0.0765 = 33,006,690.612 → 33,006,690 kg → 33,006 t;
  // 合計 33,006 + 13,687 + 11,775 = 58,468 t; 別紙2 block 1 carries 33,006 t.
  const grid = cells(fiscal2024("H002-2"), [
    ["別紙1", "O4", 0.0708],
    ["別紙1", "T4", 0.0765],
    ["別紙1", "U4", 33006690],
    ["別紙1", "V4", 33006],
    ["別紙1", "V7", 58468],
    ["別紙2", "C2", 33006],
  ]);
  const findings = validateGrid(grid).findings;

  it("reproduces with the row's own factor: no error", () => {
    expect(findings.filter((f) => f.severity === "error").map(shown)).toEqual([]);
  });

  it("0.0708 is accepted with an info naming its vintage; the H22 factors of the other rows are warned, naming both", () => {
    expect(defaults(findings).map(shown).sort()).toEqual([
      "defaults.cefFuel.newRevision 別紙1!O4 info",
      "defaults.cefFuel.otherVintage 別紙1!O5 warning",
      "defaults.cefFuel.otherVintage 別紙1!O6 warning",
    ]);
    const info = defaults(findings).find((f) => f.severity === "info") as Finding;
    const kerosene = defaults(findings).find((f) => formatRef(f.ref) === "別紙1!O5") as Finding;
    expect(info.message.ja).toContain("算定省令 2024年4月施行改正 (A重油 0.0708)");
    expect(info.message.ja).toContain("採用したかは確認できていません");
    expect(info.message.en).toMatch(/unconfirmed/);
    // 川辺 (row 5) uses 灯油 0.0678 of the H22 revision; its period's revision gives 0.0686
    expect(kerosene.message.ja).toContain("算定省令 H22改正 (灯油 0.0678)");
    expect(kerosene.message.ja).toContain("算定省令 2024年4月施行改正 (灯油 0.0686)");
    expect([kerosene.expected, kerosene.actual]).toEqual(["0.0686", "0.0678"]);
  });
});

describe("3.9 recomputed with the factor the row uses", () => {
  it("灯油 0.0686 with 3.9 left at the seed's 0.0736: the recompute expects ROUNDDOWN(0.0686 ÷ 0.92022, 4) = 0.0745", () => {
    // 0.92022 × 0.0745 = 0.06855639 ≤ 0.0686 < 0.92022 × 0.0746 = 0.06864841
    const grid = withCell(seedGrid("H002-1", { corrected: true }), "別紙1", "O4", 0.0686);
    const f = validateGrid(grid).findings.find((x) => x.rule === "projectList.emissionFactor.recompute");
    expect([f && formatRef(f.ref), f?.expected, f?.actual]).toEqual(["別紙1!T4", "0.0745", "0.0736"]);
  });
});

describe("messages and explanations name the vintage they used", () => {
  it("defaults.epsBl.mismatch names the fuel with its revision", () => {
    // 0.0693 ÷ 0.925 = 0.07491… → 0.0749 as printed: only ε is off the A重油 default 0.98 × 0.944 = 0.92512
    const grid = withCell(seedGrid("H002-2", { corrected: true }), "別紙1", "P4", 0.925);
    const f = validateGrid(grid).findings.find((x) => x.rule === "defaults.epsBl.mismatch");
    expect(f?.message.ja).toContain("算定省令 H22改正 (A重油 0.0693)");
    expect(f?.expected).toBe("0.92512");
  });

  it("defaults.cefFuel.unknown lists the table of each revision", () => {
    const grid = withCell(seedGrid("H002-2", { corrected: true }), "別紙1", "O4", 0.06935);
    const f = validateGrid(grid).findings.find((x) => x.rule === "defaults.cefFuel.unknown");
    expect(f?.message.ja).toContain("算定省令 H22改正: 灯油 0.0678、A重油 0.0693");
    expect(f?.message.ja).toContain("算定省令 2024年4月施行改正: 灯油 0.0686、A重油 0.0708");
  });

  it("explain 3.9: the derivation, then 3.4's factor and 3.5's default named with their vintage and source", () => {
    const result = explainCell(seedGrid("H002-1", { corrected: true }), at("T4"));
    if (result.kind !== "explained") throw new Error("not explained");
    expect(result.explanation.references.map((r) => [r.symbol, r.value, r.vintage])).toEqual([
      ["CEF_fuel,BL", "0.0678", "算定省令 H22改正"],
      ["ε_BL", "0.92022", "算定省令 H22改正"],
    ]);
    expect(result.explanation.references[0].source).toMatch(/36\.7 GJ\/kL, 0\.0185 tC\/GJ/);
  });

  it("explain 3.3 (Q_WB): 9.484 with the seed's formula as its source, no vintage", () => {
    const result = explainCell(seedGrid("H002-2", { corrected: true }), at("N5"));
    if (result.kind !== "explained") throw new Error("not explained");
    expect(result.explanation.references.map((r) => [r.symbol, r.value, r.vintage])).toEqual([
      ["primaryEnergyFactor", "9.484", null],
    ]);
  });

  it("explain 3.11 on a fiscal 2024 period with 灯油 0.0686: the 2024 revision", () => {
    const grid = cells(fiscal2024("H002-1"), [["別紙1", "O4", 0.0686]]);
    const result = explainCell(grid, at("V4"));
    if (result.kind !== "explained") throw new Error("not explained");
    expect(result.explanation.references.map((r) => [r.symbol, r.value, r.vintage])).toEqual([
      ["primaryEnergyFactor", "9.484", null],
      ["CEF_fuel,BL", "0.0686", "算定省令 2024年4月施行改正"],
      ["ε_BL", "0.92022", "算定省令 2024年4月施行改正"],
    ]);
  });
});
