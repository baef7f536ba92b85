// Rule family 9 (熱実績管理表): one fixture per rule, each found at its cell in the layouts the 別紙1 fixtures use.
import * as fs from "fs";
import * as path from "path";
import { validateGrid } from "../../src/engine";
import { cellAddress, formatRef } from "../../src/forms/a1";
import { monitoringModule } from "../../src/checks/rules/monitoring";
import { metasOf } from "../../src/checks/rule";

const MONITORING_RULES = metasOf(monitoringModule);
import type { Finding } from "../../src/types";
import { withCell } from "../fixtures/seedSubmissions";
import { MONITORING_VARIANTS, monitoredGrid } from "../fixtures/monitoring";
import { RULES_TESTED_ELSEWHERE, MONITORING_CASES, applyEdits, placeRef } from "./monitoringCases";

const where = (f: Finding) => `${f.rule} ${formatRef(f.ref)}`;

describe("the clean monitored seed", () => {
  it.each(MONITORING_VARIANTS)(
    "%s: no error or warning, and one convention note per facility",
    (_n, variant) => {
      const report = validateGrid(monitoredGrid(variant).grid);
      expect(report.findings.filter((f) => f.severity !== "info").map(where)).toEqual([]);
      expect(report.findings.filter((f) => f.rule === "monitoring.convention")).toHaveLength(3);
    },
  );
});

describe.each(MONITORING_VARIANTS)("%s", (_variantName, variant) => {
  it.each(MONITORING_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { grid, places } = monitoredGrid(variant);
    const faulty = applyEdits(grid, places, c.edits);
    const findings = validateGrid(faulty).findings;
    const target = placeRef(faulty, places, c.at);
    const hits = findings.filter((f) => f.rule === c.rule);
    expect(hits.map((f) => formatRef(f.ref))).toContain(target);
    const hit = hits.find((f) => formatRef(f.ref) === target) as Finding;
    expect(hit.severity).toBe(c.severity);
    expect(hit.message.ja).toContain(target.split("!")[1]);
    expect(hit.message.en).toContain(target.split("!")[1]);
    if (c.expected instanceof RegExp) expect(String(hit.expected)).toMatch(c.expected);
    else if (c.expected !== undefined) expect(hit.expected).toBe(c.expected);
    if (c.actual !== undefined) expect(hit.actual).toBe(c.actual);
    // errors about derived values carry their derivation down to the month's cells
    if (c.rule.endsWith(".recompute") || c.rule.endsWith(".fromTable")) {
      expect(hit.derivation?.length ?? 0).toBeGreaterThan(0);
    }
    const expectedOthers = (c.also ?? []).map((a) => `${a.rule} ${placeRef(faulty, places, a.at)}`).sort();
    const others = findings
      .filter((f) => f.severity !== "info" && !(f.rule === c.rule && formatRef(f.ref) === target))
      .map(where)
      .sort();
    expect(others).toEqual(expectedOthers);
  });
});

describe("derivations reach down to the month", () => {
  it("3.1's error lists the monthly 生成熱量 cells and the rounding", () => {
    const { grid, places } = monitoredGrid();
    const faulty = applyEdits(
      grid,
      places,
      MONITORING_CASES.find((c) => c.rule === "monitoring.qBl.fromTable")?.edits ?? [],
    );
    const hit = validateGrid(faulty).findings.find((f) => f.rule === "monitoring.qBl.fromTable") as Finding;
    const step = hit.derivation?.[hit.derivation.length - 1];
    expect(step?.formula).toBe("ROUNDDOWN(Σ Q_BL,m − Σ Q_ded, 0)");
    expect(step?.cells).toContain(
      `熱実績管理表!${cellAddress({ row: places[1].firstMonth, col: places[1].columns.qMonth })}`,
    );
    expect(step?.result).toBe("257571286");
  });

  it("a month's p_abs error shows ROUNDUP(ROUNDUP(0.84237, 3) + 0.101325, 2) = 0.95", () => {
    const { grid, places } = monitoredGrid();
    const faulty = applyEdits(grid, places, [{ table: 0, key: "pAbs", month: 0, value: 0.94 }]);
    const hit = validateGrid(faulty).findings.find((f) => f.rule === "monitoring.pAbs.recompute") as Finding;
    const steps = hit.derivation ?? [];
    expect(steps.map((s) => s.result)).toEqual(["0.843", "0.95"]);
    expect(steps[1].substituted).toBe("ROUNDUP(0.843 + 0.101325, 2)");
  });
});

describe("every monitoring rule has a fixture", () => {
  it("each rule and each instance of MONITORING_RULES", () => {
    const covered = new Set([...MONITORING_CASES.map((c) => c.rule), ...Object.keys(RULES_TESTED_ELSEWHERE)]);
    // a rule tested elsewhere is named by the test that reaches it
    for (const [id, file] of Object.entries(RULES_TESTED_ELSEWHERE)) {
      expect(fs.readFileSync(path.join(__dirname, "..", "..", file), "utf8")).toContain(id);
    }
    const ids = MONITORING_RULES.flatMap((r) => (r.instances ? r.instances.map((i) => i.id) : [r.id]));
    expect(ids.filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe("3.2 and 3.6 from declarations where the table has no column of its own", () => {
  it("E_PS = 補機定格出力 1198.5 kW × 稼働時間 (津別): the note names the basis", () => {
    const { grid, places } = monitoredGrid();
    const t = places[0];
    const header = t.firstMonth - 1;
    const letters = (col: number) => cellAddress({ row: 0, col }).replace(/\d+/g, "");
    // the metered column becomes a remark; P = 補機定格出力, Q = 稼働時間
    let g = withCell(grid, t.sheet, `${letters(t.columns.ePsMonth)}${header + 1}`, "備考");
    g = withCell(g, t.sheet, `P${header + 1}`, "補機定格出力 (kW)");
    g = withCell(g, t.sheet, `Q${header + 1}`, "稼働時間 (h)");
    // 11 months of 465 h (557,302.5 kWh each, 6,130,327.5 in all) and 456.9692 h (547,677.5862 kWh):
    // Σ = 6,678,005.0862 kWh → ROUNDDOWN 6,678,005 (3.2)
    for (let m = 0; m < 12; m++) {
      g = withCell(g, t.sheet, `P${t.firstMonth + m + 1}`, 1198.5);
      g = withCell(g, t.sheet, `Q${t.firstMonth + m + 1}`, m === 11 ? 456.9692 : 465);
    }
    const findings = validateGrid(g).findings;
    expect(findings.filter((f) => f.severity !== "info").map(where)).toEqual([]);
    const note = findings.find((f) => f.rule === "monitoring.convention" && formatRef(f.ref) === "別紙1!L4");
    expect(note?.actual).toBe("3.1=sumDown, 3.2=sumDown/ePsRated");
    expect(note?.message.ja).toContain("補機消費電力量（定格出力 × 稼働時間）の合計を整数に切捨");
  });
});

describe("F_B from バイオマス投入量, 低位発熱量(dry), 水分率", () => {
  it("セイホク's {LHV_dry × (1 − w) − 2,500 × w} × m gives 3.6, and with 助燃料熱量 3.7", () => {
    const { grid, places } = monitoredGrid();
    const t = places[2];
    const header = t.firstMonth - 1;
    const letter = (col: number) => cellAddress({ row: 0, col }).replace(/\d+/g, "");
    let g = withCell(grid, t.sheet, `${letter(t.columns.fBMonth)}${header + 1}`, "備考");
    g = withCell(g, t.sheet, `Q${header + 1}`, "バイオマス投入量 (t)");
    g = withCell(g, t.sheet, `R${header + 1}`, "低位発熱量(dry) (kJ/kg)");
    g = withCell(g, t.sheet, `S${header + 1}`, "水分率 (%)");
    // {19,000 × (1 − 0.4) − 2,500 × 0.4} = 10,400 MJ/t; 11 × 3,350 t + 3,400.5454 t = 40,250.5454 t
    // → 418,605,672.16 MJ → ROUNDDOWN 418,605,672 (3.6); + 141,900 MJ of 助燃料 → 418,747,572 (3.7).
    // The dry-basis variant would give 11,400 × 40,250.5454 = 458,856,217.56: not 3.6.
    for (let m = 0; m < 12; m++) {
      const row = t.firstMonth + m + 1;
      g = withCell(g, t.sheet, `Q${row}`, m === 11 ? 3400.5454 : 3350);
      g = withCell(g, t.sheet, `R${row}`, 19000);
      g = withCell(g, t.sheet, `S${row}`, 0.4);
    }
    const findings = validateGrid(g).findings;
    expect(findings.filter((f) => f.severity !== "info").map(where)).toEqual([]);
    const note = findings.find((f) => f.rule === "monitoring.convention" && formatRef(f.ref) === "別紙1!L6");
    expect(note?.actual).toBe("3.1=sumDown, 3.2=sumDown, 3.6=sumDown/fBWetBasis, 3.7=sumDown/fBWetBasis");
  });
});
