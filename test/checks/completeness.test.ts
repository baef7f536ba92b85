// Completeness (form.*) and its period facts beyond the fixture cases: the summary of a workbook without its plan
// sheet, the seeds' legitimate variants kept quiet, blank templates, and how 別紙1添付 blocks are paired with rows.
import { buildTemplate, readSubmission, templateToGrid, validateGrid } from "../../src/engine";
import { formatRef } from "../../src/forms/a1";
import { METHODOLOGIES } from "../../src/methodology";
import { parseDateCell } from "../../src/numbers";
import { HEAT_PROJECT_COLUMNS } from "../../src/forms/layout";
import type { Finding, Grid } from "../../src/types";
import { seedGrid, seedRows, withCell } from "../fixtures/seedSubmissions";
import type { SeedName } from "../fixtures/seedSubmissions";
import { applyToGrid } from "../fixtures/gridWrites";
import { withPeriod } from "../fixtures/filledForm";
import { completenessModule } from "../../src/checks/rules/completeness";
import { metasOf } from "../../src/checks/rule";
import { ATT, A2, L, P } from "./ruleCase";

const MINE = new Set(metasOf(completenessModule).map((r) => r.id));
const mine = (grid: Grid): string[] =>
  validateGrid(grid)
    .findings.filter((f) => MINE.has(f.rule) || f.rule === "form.noFacilities")
    .map((f: Finding) => `${f.rule} ${formatRef(f.ref)}`);
const without = (grid: Grid, name: string): Grid => ({ sheets: grid.sheets.filter((s) => s.name !== name) });
const corrected = (which: SeedName) => seedGrid(which, { corrected: true });

describe("the summary of a workbook without its plan sheet", () => {
  it("counts the missing sheet as an error, not 0 errors", () => {
    const report = validateGrid(without(corrected("H002-2"), P));
    // the seed's facilities are read all the same: 3 rows, methodology not determined, one error
    expect(report.summary.facilities).toBe(3);
    expect(report.summary.methodology).toBeNull();
    expect(report.summary.errors).toBe(1);
    expect(report.summary.text.en).toContain("1 error,");
    expect(report.summary.text.ja).toContain("エラー 1 件");
    const [f] = report.findings.filter((x) => x.rule === "form.sheet.missing");
    expect(f.message.ja).toContain("様式3-2");
    expect(f.message.en).toMatch(/methodology is not determined/);
  });

  it("each missing sheet is named once, all at 別紙1's header", () => {
    let grid = corrected("H002-1");
    for (const name of [P, ATT, A2]) grid = without(grid, name);
    const found = validateGrid(grid).findings.filter((f) => f.rule === "form.sheet.missing");
    expect(found.map((f) => [formatRef(f.ref), f.expected])).toEqual([
      [`${L}!A3`, "様式3-2"],
      [`${L}!A3`, "別紙1添付"],
      [`${L}!A3`, "別紙2"],
    ]);
  });

  it("a sheet of that name left empty is pointed at itself; a part on a sheet of another name counts", () => {
    const g = corrected("H002-2");
    const emptied: Grid = {
      sheets: g.sheets.map((s) => (s.name === A2 ? { ...s, values: [[null]] } : s)),
    };
    expect(mine(emptied)).toEqual([`form.sheet.missing ${A2}!A1`]);
    const renamed: Grid = { sheets: g.sheets.map((s) => (s.name === A2 ? { ...s, name: "配分計画" } : s)) };
    expect(mine(renamed)).toEqual([]);
  });
});

describe("the seeds give none of the completeness findings", () => {
  it.each<[SeedName, boolean]>([
    ["H002-2", false],
    ["H002-2", true],
    ["H002-1", false],
    ["H002-1", true],
  ])("%s (corrected: %s)", (which, isCorrected) => {
    expect(mine(seedGrid(which, { corrected: isCorrected }))).toEqual([]);
  });

  it("their 和暦 運転開始 are read as dates before the period (平成19年11月 = 2007-11), so the check did look", () => {
    // 平成 1 = 1989: 平成19 = 2007, 平成17 = 2005, 平成29 = 2017
    const starts = (["H002-2", "H002-1"] as const).flatMap((w) => seedRows(w).map((r) => r.operationStart));
    expect(starts).toEqual([
      "平成19年11月",
      "平成19年6月",
      "平成17年9月",
      "平成29年1月",
      "平成29年1月",
      "平成29年1月",
    ]);
    const years = starts.map((s) => {
      const d = parseDateCell(s);
      return d.kind === "date" ? `${d.year}-${d.month}` : "?";
    });
    expect(years).toEqual(["2007-11", "2007-6", "2005-9", "2017-1", "2017-1", "2017-1"]);
  });

  it("運転開始 in the period's last month is quiet; the month after is not", () => {
    // the period ends 2021-03-31: 令和3年3月 (2021-03) lies in it, 令和3年4月 (2021-04) after it
    expect(mine(withCell(corrected("H002-2"), L, "G4", "令和3年3月"))).toEqual([]);
    expect(mine(withCell(corrected("H002-2"), L, "G4", "2021年3月31日"))).toEqual([]);
    expect(mine(withCell(corrected("H002-2"), L, "G4", "令和3年4月"))).toEqual([
      `period.operationStart.afterPeriod ${L}!G4`,
    ]);
  });

  it("the seed's 4.1/4.2 are blank and are not required", () => {
    const s = readSubmission(corrected("H002-2"));
    const blanks = (s.projectList?.rows ?? []).flatMap((r) =>
      ["monitoringResponsible", "monitoringOperator"].map((k) => r.text[k]?.value ?? null),
    );
    expect(blanks).toEqual([null, null, null, null, null, null]);
    expect(HEAT_PROJECT_COLUMNS.filter((c) => c.required).map((c) => c.number)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "2.",
      "※1",
    ]);
  });

  it("1.7 as —, なし or blank and a full-width (２０２０年度) stay quiet", () => {
    for (const point of ["—", "なし", "該当なし", null])
      expect(mine(withCell(corrected("H002-1"), L, "I4", point))).toEqual([]);
    const fullWidth = "川辺木質バイオマス熱電供給設備（２０２０年度）";
    expect(mine(withCell(corrected("H002-2"), L, "C5", fullWidth))).toEqual([]);
  });
});

describe("1.5 deleted with its labels", () => {
  it("is one finding at the 1.5 heading", () => {
    let grid = corrected("H002-2");
    for (const a1 of ["A37", "B37", "A38", "B38"]) grid = withCell(grid, P, a1, null);
    // the builder puts the 1.5 heading on the row above 開始日 (A36)
    expect(mine(grid)).toEqual([`period.missing '${P}'!A36`]);
  });

  it("a plan whose 1.3 table is gone is not said to lack 1.5 (the reader reads 1.5 beside 1.3)", () => {
    let grid = corrected("H002-2");
    for (let r = 5; r <= 18; r++) grid = withCell(grid, P, `B${r}`, null);
    expect(mine(grid).filter((f) => f.startsWith("period.missing"))).toEqual([]);
  });
});

describe("blank templates", () => {
  it.each(METHODOLOGIES.map((m) => m.code))(
    "%s: one finding, no facility row yet, whatever the size",
    (code) => {
      // the 1.5 dates and every row are blank too: they are reported once a facility row is typed, not before
      expect(mine(templateToGrid(buildTemplate(code, 2)))).toEqual([`form.noFacilities ${L}!A3`]);
    },
  );

  it("100 blank facility rows: still the one finding, not 100 × 7 blank cells", () => {
    expect(mine(templateToGrid(buildTemplate("H002-2", 100)))).toEqual([`form.noFacilities ${L}!A3`]);
  });

  it("one facility typed: its blank required cells and 1.5 are listed, and nothing once they are filled", () => {
    const row = seedRows("H002-2", true)[0];
    const template = templateToGrid(buildTemplate("H002-2", 1));
    const typed = (keys: string[]) =>
      applyToGrid(
        template,
        keys.map((key) => ({
          ref: { sheet: L, row: 3, col: HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === key) },
          value: row[key],
          previous: null,
        })),
      );
    // 1.5's dates belong right of the template's 開始日 / 終了日 labels (column B)
    const plan = template.sheets.find((x) => x.name === P);
    const labelRow = (label: string) => (plan?.values.findIndex((line) => line[0] === label) ?? -1) + 1;
    const dates = [labelRow("開始日"), labelRow("終了日")].map((r) => `B${r}`);
    expect(dates).not.toContain("B0");
    // only the name and the quantities: 1.2–1.5, 2., ※1 blank (columns D, E, F, G, J, K on row 4), and 1.5
    const quantities = ["facilityName", "qBl", "ePs", "cefFuel", "epsBl", "fB", "fT"];
    expect(mine(typed(quantities)).sort()).toEqual(
      [
        ...["D4", "E4", "F4", "G4", "J4", "K4"].map((c) => `form.projectList.blank ${L}!${c}`),
        ...dates.map((c) => `period.missing '${P}'!${c}`),
      ].sort(),
    );
    const everything = ["address", "model", "capacity", "operationStart", "additionality", "totalHeat"];
    expect(mine(withPeriod(typed([...quantities, ...everything])))).toEqual([]);
  });
});

describe("別紙1添付 blocks are paired with 別紙1's rows by name, then by position", () => {
  it("block 1 (津別) gone: 津別 is named, not the last facility", () => {
    let grid = corrected("H002-2");
    for (let r = 1; r <= 24; r++)
      for (const c of ["A", "B", "C", "D"]) grid = withCell(grid, ATT, `${c}${r}`, null);
    expect(mine(grid)).toEqual([`form.attachment.missing ${L}!C4`]);
  });

  it("a misspelt block name still pairs with its facility (identity.facilityName.attachment says it differs)", () => {
    let grid = withCell(corrected("H002-2"), ATT, "A51", "熱設備名称：セイホクバイオマス熱電供給施設");
    for (let r = 25; r <= 48; r++)
      for (const c of ["A", "B", "C", "D"]) grid = withCell(grid, ATT, `${c}${r}`, null);
    expect(mine(grid)).toEqual([`form.attachment.missing ${L}!C5`]);
  });

  it("blocks naming no facility pair by position: the facility past the last block has none", () => {
    let grid = corrected("H002-1");
    for (const r of [3, 27, 51]) grid = withCell(grid, ATT, `A${r}`, null);
    for (let r = 49; r <= 72; r++)
      for (const c of ["A", "B", "C", "D"]) grid = withCell(grid, ATT, `${c}${r}`, null);
    expect(mine(grid)).toEqual([`form.attachment.missing ${L}!C6`]);
  });
});
