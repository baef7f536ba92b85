// A 100,000-character cell is never echoed whole: every message, expected and actual quotes at most a short piece.
import { validateGrid } from "../../src/engine";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";

const long = "稚".repeat(50_000) + "1,234".repeat(10_000);

describe("long cells in messages (issue 13)", () => {
  it.each([
    ["a facility name (別紙1 1.1)", "別紙1", "C4", true],
    ["an approval number", "別紙1", "B4", true],
    ["3.1 Q_BL", "別紙1", "L4", true],
    ["3.8 S_B (derived)", "別紙1", "S4", true],
    ["1.5 start date", "様式3-2", "B37", true],
    // too long to be a symbol or a name at all: the reader passes over it, and nothing echoes it
    ["a 1.4 symbol", "様式3-2", "A25", false],
    ["別紙1添付's 種別方法論名称", "別紙1添付", "A1", false],
  ])("%s", (_, sheet, cell, named) => {
    const report = validateGrid(withCell(seedGrid("H002-2", { corrected: true }), sheet, cell, long));
    if (named) expect(report.findings.filter((f) => f.severity !== "info").length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(f.message.ja.length).toBeLessThan(600);
      expect(f.message.en.length).toBeLessThan(600);
      expect(String(f.actual ?? "").length).toBeLessThan(100);
      expect(String(f.expected ?? "").length).toBeLessThan(600);
    }
    // and the cell is named, or the start of what it holds
    if (named)
      expect(
        report.findings.some((f) => f.message.ja.includes("稚稚稚") || f.message.ja.includes(cell)),
      ).toBe(true);
  });
});
