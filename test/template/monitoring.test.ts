// gec template CODE --monitoring: a table per facility for the fiscal year's months, read back by the reader, typed
// with the fixture's inputs and filled, reproduces the fixture's 3.1 where its h cells hold IF97 at full precision.
import { buildTemplate, planFill, readSubmission, templateToGrid, validateGrid } from "../../src/engine";
import { formatRef } from "../../src/forms/a1";
import { MONITORING_COLUMNS, addMonitoringTables } from "../../src/template/monitoring";
import { isGecError } from "../../src/errors";
import { typedTemplate } from "../fixtures/monitoring";
import { HEAT_PROJECT_COLUMNS } from "../../src/forms/layout";
import { runGec, tempDir } from "../fixtures/runGec";
import * as path from "path";
import * as fs from "fs";

describe("addMonitoringTables", () => {
  it("adds one table per facility: 12 months of FY2020, a 合計 row, every column the reader knows", () => {
    const grid = templateToGrid(addMonitoringTables(buildTemplate("H002-2", 3), 2020));
    const tables = readSubmission(grid).monitoring;
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      expect(Object.keys(t.columns).sort()).toEqual(MONITORING_COLUMNS.map((c) => c.key).sort());
      expect(t.months.map((m) => (m.month.reading.kind === "date" ? m.month.reading.month : 0))).toEqual([
        4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3,
      ]);
      expect(t.total).not.toBeNull();
    }
    // the blank workbook has no finding of its own beyond 別紙1's missing facility rows
    const rules = validateGrid(grid)
      .findings.filter((f) => f.severity !== "info")
      .map((f) => f.rule);
    expect(rules.filter((r) => r.startsWith("monitoring."))).toEqual([]);
  });

  it("3.1 and 3.2 of 別紙1 are linked to the table's 合計", () => {
    const template = addMonitoringTables(buildTemplate("H002-2", 1), 2020);
    const list = template.sheets.find((s) => s.name === "別紙1");
    const qBlCol = HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === "qBl");
    const cell = list?.cells.find((c) => c.row === 3 && c.col === qBlCol);
    // 合計 on row 17 of 熱実績管理表; 生成熱量 in column N, 控除熱量 in M
    expect(cell?.formula).toBe("=ROUNDDOWN('熱実績管理表'!N17-'熱実績管理表'!M17,0)");
    expect(cell?.kind).toBe("derived");
  });

  it("a power methodology or a year out of range is refused with a message", () => {
    for (const [code, year] of [
      ["P002", 2020],
      ["H002-2", 1999],
    ] as const) {
      let error: unknown;
      try {
        addMonitoringTables(buildTemplate(code, 1), year);
      } catch (e) {
        error = e;
      }
      expect(isGecError(error)).toBe(true);
    }
  });

  it("typed with セイホク's inputs and filled, the template gives the published 3.1 = 192,857,523", () => {
    const filledInputs = typedTemplate();
    const { writes } = planFill(filledInputs);
    const qBl = writes.find((w) => formatRef(w.ref) === "別紙1!L4");
    const ePs = writes.find((w) => formatRef(w.ref) === "別紙1!M4");
    // Σ h × F_s − h' × F_fw over the twelve months, truncated (test/fixtures/monitoring.test.ts checks it by hand)
    expect(qBl?.value).toBe(192857523);
    expect(ePs?.value).toBe(3751134);
  });
});

describe("gec template --monitoring", () => {
  it("writes the 熱実績管理表 sheet", async () => {
    const out = path.join(tempDir("tpl-mon"), "t.xlsx");
    const run = await runGec([
      "template",
      "H002-2",
      "-n",
      "2",
      "--monitoring",
      "--fiscal-year",
      "2020",
      "-o",
      out,
    ]);
    expect(run.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    const check = await runGec(["check", out, "--json"]);
    const findings = JSON.parse(check.stdout).findings as { rule: string }[];
    expect(
      findings.filter((f) => f.rule.startsWith("monitoring.") && f.rule !== "monitoring.facility.noTable"),
    ).toEqual([]);
  });
});
