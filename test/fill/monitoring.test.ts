// Fill of the monitoring tables: formulas where Excel has the function, values for h and h', 3.1–3.7 linked.
import { planFill, validateGrid } from "../../src/engine";
import { formatRef } from "../../src/forms/a1";
import type { CellWrite } from "../../src/types";
import { applyToGrid } from "../fixtures/gridWrites";
import { withCell } from "../fixtures/seedSubmissions";
import { FACILITIES, MONITORING_VARIANTS, cellOf, monitoredGrid } from "../fixtures/monitoring";

const at = (w: CellWrite) => formatRef(w.ref);

describe("planFill with monitoring tables", () => {
  it.each(MONITORING_VARIANTS)("%s: a filled, consistent workbook needs no value written", (_n, variant) => {
    expect(planFill(monitoredGrid(variant).grid).writes.map(at)).toEqual([]);
  });

  it("a table typed with its inputs only is filled to the fixture's derived cells, and then validates", () => {
    const { grid, places } = monitoredGrid({ inputsOnly: true });
    const { writes } = planFill(grid);
    const byCell = new Map(writes.map((w) => [at(w), w.value]));
    const t = places[0];
    // docs/domain.md §5: 0.84237 → 0.95 MPa; 185.468 → 185.4 °C; 104.37 → 104.3 °C; h(0.95, 185.4) = 2795.30217…
    expect(byCell.get(`熱実績管理表!${cellOf(t, "pAbs", 0)}`)).toBe(0.95);
    expect(byCell.get(`熱実績管理表!${cellOf(t, "tSteam", 0)}`)).toBe(185.4);
    expect(byCell.get(`熱実績管理表!${cellOf(t, "tFeed", 0)}`)).toBe(104.3);
    // h and h' are written as IF97 gives them; docs/domain.md §5 prints them to 5 and 6 decimals
    expect((byCell.get(`熱実績管理表!${cellOf(t, "hSteam", 0)}`) as number).toFixed(5)).toBe("2795.30217");
    expect((byCell.get(`熱実績管理表!${cellOf(t, "hFeed", 0)}`) as number).toFixed(6)).toBe("437.255055");
    const report = validateGrid(applyToGrid(grid, writes));
    // h at full IF97 precision (the fixture's 津別 cells hold 2 decimals) gives 津別 a 3.1 a little above its ※1
    const fromPrecision = (f: { rule: string }) => f.rule === "range.totalHeat.belowQBl";
    expect(
      report.findings
        .filter((f) => f.severity !== "info" && !fromPrecision(f))
        .map((f) => `${f.rule} ${formatRef(f.ref)}`),
    ).toEqual([]);
  });

  it("a month at or below saturation: h and 生成熱量 are left to a person, and the plan says why", () => {
    const { grid, places } = monitoredGrid({ inputsOnly: true });
    const t = places[0];
    // 170.0 °C < t_sat(0.95 MPa) ≈ 177.7 °C: IF97's h(0.95, 170.0) is the liquid's
    const wet = withCell(grid, t.sheet, cellOf(t, "tSteamMean", 0), 170.04);
    const { writes, skipped } = planFill(wet);
    const written = new Set(writes.map(at));
    expect(written.has(`熱実績管理表!${cellOf(t, "tSteam", 0)}`)).toBe(true);
    expect(written.has(`熱実績管理表!${cellOf(t, "hSteam", 0)}`)).toBe(false);
    expect(written.has(`熱実績管理表!${cellOf(t, "qMonth", 0)}`)).toBe(false);
    expect(skipped.map((f) => f.rule)).toContain("fill.monitoring.wetSteam");
  });

  it("--formulas: ROUNDUP/ROUNDDOWN per month, h and h' as values, SUM in 合計, 別紙1 linked to the 合計 cells", () => {
    const { grid, places } = monitoredGrid();
    const { writes } = planFill(grid, { formulas: true });
    const formulaAt = new Map(writes.map((w) => [at(w), w.formula]));
    const t = places[0];
    const c = (key: string, month: number | "total") => cellOf(t, key, month);
    expect(formulaAt.get(`熱実績管理表!${c("pAbs", 0)}`)).toBe(
      `=IF(${c("pGauge", 0)}="","",ROUNDUP(ROUNDUP(${c("pGauge", 0)},3)+0.101325,2))`,
    );
    expect(formulaAt.get(`熱実績管理表!${c("tSteam", 0)}`)).toBe(
      `=IF(${c("tSteamMean", 0)}="","",ROUNDDOWN(${c("tSteamMean", 0)},1))`,
    );
    expect(formulaAt.get(`熱実績管理表!${c("qMonth", 0)}`)).toBe(
      `=${c("hSteam", 0)}*${c("fSteam", 0)}-${c("hFeed", 0)}*${c("fFeed", 0)}`,
    );
    // no GEC. function anywhere, and h, h' are never formulas
    expect(writes.some((w) => /GEC\./i.test(w.formula ?? ""))).toBe(false);
    expect(formulaAt.has(`熱実績管理表!${c("hSteam", 0)}`)).toBe(false);
    expect(formulaAt.get(`熱実績管理表!${c("qMonth", "total")}`)).toBe(
      `=SUM(${c("qMonth", 0)}:${c("qMonth", 11)})`,
    );
    // 3.1 of 津別 (別紙1!L4) = ROUNDDOWN(合計 of 生成熱量, 0); 川辺 (L5) nets its 控除熱量
    expect(formulaAt.get("別紙1!L4")).toBe(`=ROUNDDOWN('熱実績管理表'!${c("qMonth", "total")},0)`);
    const k = (key: string) => cellOf(places[1], key, "total");
    expect(formulaAt.get("別紙1!L5")).toBe(
      `=ROUNDDOWN('熱実績管理表'!${k("qMonth")}-'熱実績管理表'!${k("deduction")},0)`,
    );
    expect(formulaAt.get("別紙1!M4")).toBe(`=ROUNDDOWN('熱実績管理表'!${c("ePsMonth", "total")},0)`);
    // the values ride along: 3.1 as published
    const valueAt = new Map(writes.map((w) => [at(w), w.value]));
    expect(["別紙1!L4", "別紙1!L5", "別紙1!L6"].map((a) => valueAt.get(a))).toEqual(
      FACILITIES.map((f) => f.qBl),
    );
  });
});
