// gec explain, gec report and gec rules on the published seed: derivations a verifier reads, checked by hand sums.
import * as path from "path";
import { runGec } from "../fixtures/runGec";
import { listRules } from "../../src/checks/registry";

const published = path.join(__dirname, "..", "fixtures", "xlsx", "H002-2-published.xlsx");

describe("gec explain", () => {
  it("別紙1!U6: the value it should hold, what it holds, and the derivation, exit 0", async () => {
    const run = await runGec(["explain", published, "別紙1!U6", "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("should be: 11,775,692");
    expect(run.stdout).toContain("holds: 11,775,927");
    expect(run.stdout).toContain("differs");
    // 192,857,523 − ROUNDDOWN(3,751,134 × 9.484, 0): 3,751,134 × 9.484 = 35,575,754.856 → 35,575,754
    expect(run.stdout).toContain("ROUNDDOWN(3,751,134 × 9.484, 0) = 35,575,754");
    expect(192857523 - 35575754).toBe(157281769);
    expect(run.stdout).toContain("= 157,281,769");
  });

  it("--json carries the steps {symbol, formula, substituted, result, cells} and both languages", async () => {
    const run = await runGec(["explain", published, "別紙1!N5", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      expected: string;
      agrees: boolean;
      derivation: { symbol: string; formula: string; substituted: string; result: string; cells: string[] }[];
      text: { ja: string[]; en: string[] };
    };
    expect(out.expected).toBe("186081657");
    expect(out.agrees).toBe(false);
    expect(out.derivation.map((s) => s.result)).toEqual(["71490629", "186081657"]);
    expect(out.derivation[0].cells).toEqual(["別紙1!M5"]);
    expect(out.text.ja.length).toBe(2);
    expect(out.text.en[1]).toContain("Heat net of auxiliary power");
  });

  it("an input cell: exit 2 with the sheet's derived columns named", async () => {
    const run = await runGec(["explain", published, "別紙1!L5"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("N (3.3 Q_WB)");
    expect(run.stderr).toContain("V (3.11 EM)");
  });

  it("a cell argument that is no cell: exit 2 with the usage", async () => {
    const run = await runGec(["explain", published, "U6"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/別紙1!U6/);
  });
});

describe("gec rules", () => {
  it("--json lists every registered rule with its family, severity, fixable and both descriptions", async () => {
    const run = await runGec(["rules", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      rules: { id: string; family: number; description: { ja: string; en: string } }[];
    };
    expect(out.rules.map((r) => r.id)).toEqual(listRules().map((r) => r.id));
    // every family of docs/domain.md §7 (1–8) has rules, the monitoring records (9), completeness (10), the plan's text
    // (11), 別紙1添付 as the monitoring plan (12) and the rules across workbooks (13)
    expect([...new Set(out.rules.map((r) => r.family))].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    for (const r of out.rules) expect(r.description.ja && r.description.en).toBeTruthy();
  });
});
