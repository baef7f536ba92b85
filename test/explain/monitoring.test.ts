// explain reaches down to the month: 3.1 from the 熱実績管理表's twelve 生成熱量 and its rounding, and one month's h.
import { explainCell } from "../../src/explain";
import { readSubmission } from "../../src/engine";
import { formatRef, parseA1 } from "../../src/forms/a1";
import type { CellRef } from "../../src/types";
import { FACILITIES, cellOf, monitoredGrid } from "../fixtures/monitoring";

describe("explain with monitoring tables", () => {
  const { grid, places } = monitoredGrid();
  const submission = readSubmission(grid);
  const list = submission.projectList;
  if (!list) throw new Error("no 別紙1");

  it.each(FACILITIES.map((f, i) => [f.id, f, i] as const))(
    "%s 3.1: Σ of the months, each month's cell listed",
    (_, f, i) => {
      const row = list.rows[i];
      const ref = row.numbers.qBl.ref;
      const r = explainCell(grid, ref, submission);
      if (r.kind !== "explained") throw new Error(r.message.en);
      const e = r.explanation;
      // the published 3.1 (reference/003), which the fixture's months reproduce
      expect(e.expected).toBe(String(f.qBl));
      expect(e.agrees).toBe(true);
      expect(e.convention).toBeDefined();
      const last = e.steps[e.steps.length - 1];
      expect(last.symbol).toBe("Q_BL");
      // the twelve 生成熱量 cells of the table (and 控除熱量 where the table has one)
      const place = places[i];
      const months = Array.from({ length: 12 }, (_, m) => `${place.sheet}!${cellOf(place, "qMonth", m)}`);
      const cells = e.steps.flatMap((s) => s.cells).map((c) => c.replace(/^'(.*)'!/, "$1!"));
      for (const c of months) expect(cells).toContain(c);
      expect(last.substituted.split(" + ").length).toBeGreaterThanOrEqual(12);
    },
  );

  it("a month's 蒸気比エンタルピー: h(p_abs, t) from its own gauge mean and temperature (docs/domain.md §5 example)", () => {
    const place = places[0];
    const a1 = parseA1(cellOf(place, "hSteam", 0));
    if (!a1) throw new Error("no cell");
    const ref: CellRef = { sheet: place.sheet, ...a1 };
    const r = explainCell(grid, ref, submission);
    if (r.kind !== "explained") throw new Error(r.message.en);
    // 0.84237 → ROUNDUP(…, 3) 0.843 → + 0.101325 → ROUNDUP(…, 2) 0.95 MPa; 185.468 → 185.4 °C; h = 2795.30217 kJ/kg
    const byResult = r.explanation.steps.map((s) => s.result);
    expect(byResult).toContain("0.843");
    expect(byResult).toContain("0.95");
    expect(byResult).toContain("185.4");
    expect(Number(r.explanation.expected).toFixed(5)).toBe("2795.30217");
    expect(r.explanation.steps[0].cells).toEqual([
      formatRef({
        sheet: place.sheet,
        ...(parseA1(cellOf(place, "pGauge", 0)) as { row: number; col: number }),
      }),
    ]);
  });
});

describe("the verifier's report with monitoring tables", () => {
  it("lists 3.1 of each facility from its 熱実績管理表, agreeing, with the monthly derivation", async () => {
    const { verificationPaper } = await import("../../src/report");
    const { grid } = monitoredGrid();
    const report = verificationPaper(grid, {
      source: { fileName: "m.xlsx", digestOf: "file", sha256: "", size: 0 },
      options: { toolVersion: "test", date: "2026-12-07" },
    });
    const q31 = report.lines.filter((l) => l.column === "3.1");
    expect(q31.map((l) => [l.declared?.toString(), l.verdict])).toEqual(
      FACILITIES.map((f) => [String(f.qBl), "agrees"]),
    );
    // one step for the rounded Σ, its substitution naming each month's 生成熱量
    const last = q31[0].derivation[q31[0].derivation.length - 1];
    expect(last.substituted.split(" + ").length).toBeGreaterThanOrEqual(12);
  });
});
