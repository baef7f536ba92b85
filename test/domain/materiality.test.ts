// Materiality: what correcting a finding about a number does to the certified t (3.11, 合計, 別紙2).
import { validateGrid, formatRef, planFill } from "../../src/engine";
import { HEAT_PROJECT_COLUMNS } from "../../src/forms/layout";
import { columnLetters } from "../../src/forms/a1";
import { previewMessage } from "../../src/domain/materiality";
import { monitoredGrid } from "../fixtures/monitoring";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";

const numberFindings = (which: "H002-2" | "H002-1") =>
  validateGrid(seedGrid(which)).findings.filter((f) => f.severity !== "info" && f.materiality);

describe("the seed's three published anomalies change no tonne", () => {
  it("H002-2: 川辺 3.3 and セイホク 3.10", () => {
    const found = numberFindings("H002-2").map((f) => [formatRef(f.ref), f.materiality]);
    expect(found).toEqual([
      ["別紙1!N5", { tonnes: 0, reaches: [], message: { ja: "t への影響なし", en: "no change in tonnes" } }],
      ["別紙1!U6", { tonnes: 0, reaches: [], message: { ja: "t への影響なし", en: "no change in tonnes" } }],
    ]);
  });
  it("H002-1: the three 3.9 printed 0.0738", () => {
    const found = numberFindings("H002-1").map((f) => [
      formatRef(f.ref),
      f.materiality?.tonnes,
      f.materiality?.reaches,
    ]);
    expect(found).toEqual([
      ["別紙1!T4", 0, []],
      ["別紙1!T5", 0, []],
      ["別紙1!T6", 0, []],
    ]);
  });
});

describe("a planted fault that does change the tonnes", () => {
  // H002-1 corrected, facility 2 (sheet row 5): 3.1 Q_BL raised from 6,057,000 to 7,057,000 MJ, E_PS 0, S_B 100 %,
  // CEF/ε 0.0736: 7,057,000 × 0.0736 = 519,395.2 → 519,395 kg → 519 t, against the declared 445 t: +74 t.
  // 合計 814 → 888 and 別紙2's block 445 → 519 follow.
  const col = HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === "qBl");
  const cell = (key: string) => `${columnLetters(HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === key))}5`;
  const grid = withCell(seedGrid("H002-1", { corrected: true }), "別紙1", `${columnLetters(col)}5`, 7057000);
  const report = validateGrid(grid);
  const at = (a1: string) => report.findings.find((f) => formatRef(f.ref) === a1);

  it("each derived cell of the row says 3.11 +74 t, reaching 合計 and 別紙2", () => {
    for (const key of ["qWb", "emKg", "emT"]) {
      expect(at(`別紙1!${cell(key)}`)?.materiality).toEqual({
        tonnes: 74,
        reaches: ["3.11", "合計", "別紙2"],
        message: {
          ja: "3.11 が +74 t（合計、別紙2 も変わります）",
          en: "3.11 changes by +74 t (so does 合計 and 別紙2)",
        },
      });
    }
  });

  it("the 合計 and the 別紙2 block each say their own change", () => {
    const total = report.findings.find((f) => f.rule === "projectList.total.recompute");
    expect(total?.materiality).toMatchObject({ tonnes: 74, reaches: ["合計"] });
    const block = report.findings.find((f) => f.rule === "allocation.facility.tonnes");
    expect(block?.materiality).toMatchObject({ tonnes: 74, reaches: ["別紙2"] });
  });

  it("a fill of it says what changes; a fill of the published セイホク 3.10 changes no tonne", () => {
    const fill = planFill(grid);
    expect(fill.materiality.reaches).toEqual(["3.11", "合計", "別紙2"]);
    expect(fill.materiality.tonnes).toBe(74);
    const seihoku = planFill(seedGrid("H002-2"));
    expect(seihoku.writes.map((w) => formatRef(w.ref))).toContain("別紙1!U6");
    expect(seihoku.materiality).toMatchObject({ tonnes: 0, reaches: [] });
    expect(previewMessage(seihoku.materiality).ja).toBe("排出削減量（t）は変わりません。");
  });
});

describe("an input a monitoring table contradicts", () => {
  // 津別 (sheet row 4) with its 熱実績管理表: 3.1 typed 1,000,000 MJ above the table's 494,794,207. Corrected to the
  // table's sum, the row gives its declared 32,316 t again: no change. The derived cells that follow the typed 3.1
  // would change it: (431,460,008 + 1,000,000) × 0.0749 = 32,391,254.6 → 32,391,254 kg → 32,391 t, +75 t.
  const cell = (key: string) => `${columnLetters(HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === key))}4`;
  const { grid } = monitoredGrid();
  const report = validateGrid(withCell(grid, "別紙1", cell("qBl"), 495794207));
  const at = (key: string, rule: string) =>
    report.findings.find((f) => formatRef(f.ref) === `別紙1!${cell(key)}` && f.rule === rule);

  it("3.1 back to the table's sum changes no tonne", () => {
    expect(at("qBl", "monitoring.qBl.fromTable")?.materiality).toMatchObject({ tonnes: 0, reaches: [] });
  });

  it("3.3 recomputed from the typed 3.1 would add 75 t", () => {
    expect(at("qWb", "projectList.qWb.recompute")?.materiality).toMatchObject({
      tonnes: 75,
      reaches: ["3.11", "合計", "別紙2"],
    });
  });
});
