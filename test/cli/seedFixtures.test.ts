// The committed seed workbooks (test/fixtures/xlsx, used by the README's examples) are the seed's data, and
// `gec check` prints the expected findings on each. GEC_WRITE_FIXTURES=1 rewrites them from seedSubmissions.ts.
import * as fs from "fs";
import * as path from "path";
import { loadWorkbook, workbookToGrid } from "../../io/xlsx";
import { seedGrid } from "../fixtures/seedSubmissions";
import type { SeedName } from "../fixtures/seedSubmissions";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { runGec } from "../fixtures/runGec";

const dir = path.join(__dirname, "..", "fixtures", "xlsx");
const cases: [string, SeedName, boolean, number, string[]][] = [
  // 川辺 3.3 and セイホク 3.10 do not reproduce from their inputs (docs/domain.md §4, test/checks/seed.test.ts)
  ["H002-2-published.xlsx", "H002-2", false, 1, ["別紙1!N5", "別紙1!U6"]],
  ["H002-2-corrected.xlsx", "H002-2", true, 0, []],
  // the three 3.9 factors printed 0.0738 (0.0678 ÷ 0.92022 truncates to 0.0736)
  ["H002-1-published.xlsx", "H002-1", false, 1, ["別紙1!T4", "別紙1!T5", "別紙1!T6"]],
  ["H002-1-corrected.xlsx", "H002-1", true, 0, []],
];

describe.each(cases)("%s", (file, which, corrected, exitCode, errorCells) => {
  const full = path.join(dir, file);

  beforeAll(async () => {
    if (process.env.GEC_WRITE_FIXTURES === "1")
      fs.writeFileSync(full, await gridToXlsx(seedGrid(which, { corrected })));
  });

  it("holds the seed's cells", async () => {
    const grid = workbookToGrid(await loadWorkbook(new Uint8Array(fs.readFileSync(full))));
    const expected = seedGrid(which, { corrected });
    expect(grid.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    grid.sheets.forEach((sheet, i) => {
      const want = expected.sheets[i];
      for (let r = 0; r < want.values.length; r++) {
        for (let c = 0; c < want.values[r].length; c++) {
          const got = sheet.values[r - sheet.origin.row]?.[c - sheet.origin.col] ?? null;
          expect([sheet.name, r, c, got]).toEqual([sheet.name, r, c, want.values[r][c]]);
        }
      }
    });
  });

  it(`gec check exits ${exitCode} with errors at ${errorCells.join(", ") || "no cell"}`, async () => {
    const run = await runGec(["check", full, "--json"]);
    expect(run.code).toBe(exitCode);
    const report = JSON.parse(run.stdout) as {
      findings: { severity: string; sheet: string; cell: string }[];
    };
    const errors = report.findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell}`);
    expect(errors).toEqual(errorCells);
  });
});
