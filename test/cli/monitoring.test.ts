// gec check on .xlsx files with monitoring tables: clean in every layout, and a wrong p_abs found at its cell with
// its derivation in --json.
import * as fs from "fs";
import * as path from "path";
import { MONITORING_VARIANTS, cellOf, monitoredGrid } from "../fixtures/monitoring";
import { withCell } from "../fixtures/seedSubmissions";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { runGec, tempDir } from "../fixtures/runGec";

const dir = tempDir("mon");

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  expected?: string;
  derivation?: { formula: string; result: string; cells: string[] }[];
}

async function check(name: string, grid: Parameters<typeof gridToXlsx>[0]) {
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, await gridToXlsx(grid));
  const run = await runGec(["check", file, "--json"]);
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings };
}

describe("gec check with monitoring tables", () => {
  it.each(MONITORING_VARIANTS.map(([n, v], i) => [n, v, i] as const))(
    "%s: exit 0, one convention note per facility",
    async (_n, variant, i) => {
      const { code, findings } = await check(`clean-${i}`, monitoredGrid(variant).grid);
      expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
      expect(code).toBe(0);
      expect(findings.filter((f) => f.rule === "monitoring.convention")).toHaveLength(3);
    },
  );

  it("a p_abs of 0.94 for 0.84237 MPa gauge: exit 1, the finding at its cell with ROUNDUP(ROUNDUP(…)) in --json", async () => {
    const { grid, places } = monitoredGrid();
    const a1 = cellOf(places[0], "pAbs", 0);
    const { code, findings } = await check("pabs", withCell(grid, places[0].sheet, a1, 0.94));
    expect(code).toBe(1);
    const hit = findings.find((f) => f.rule === "monitoring.pAbs.recompute");
    expect([hit?.sheet, hit?.cell, hit?.expected]).toEqual([places[0].sheet, a1, "0.95"]);
    expect(hit?.derivation?.map((s) => s.result)).toEqual(["0.843", "0.95"]);
  });
});

describe("a real merged header in the .xlsx", () => {
  it("蒸気圧力 / 蒸気温度 / 給水温度 merged over their two columns: the same tables, exit 0", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { grid, places } = monitoredGrid({ ocrHeaders: true, sheets: "perFacility" });
    const file = path.join(dir, "merged.xlsx");
    fs.writeFileSync(file, await gridToXlsx(grid));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(fs.readFileSync(file)).buffer);
    for (const place of places) {
      const ws = wb.getWorksheet(place.sheet) as import("exceljs").Worksheet;
      const header = place.firstMonth - 2 + 1; // 1-based row of the group labels
      for (const [a, b] of [
        ["pGauge", "pAbs"],
        ["tSteamMean", "tSteam"],
        ["tFeedMean", "tFeed"],
      ])
        ws.mergeCells(header, place.columns[a] + 1, header, place.columns[b] + 1);
    }
    const merged = path.join(dir, "merged2.xlsx");
    fs.writeFileSync(merged, new Uint8Array(await wb.xlsx.writeBuffer()));
    const run = await runGec(["check", merged, "--json"]);
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(findings.filter((f) => f.rule === "monitoring.convention")).toHaveLength(3);
  });
});
