// Which 別紙1 is checked (issue 16): the visible sheets first, a hidden 別紙1 named, a second visible one named and
// checked too. Crafted from two layouts: the published H002-2 and a `gec template H002-2` workbook.
import * as fs from "fs";
import * as path from "path";
import { readGrid } from "../../io/read";
import { loadWorkbook, workbookToGrid } from "../../io/xlsx";
import { patchPackage } from "../../io/patch";
import { readSubmission, validateGrid } from "../../src/engine";
import { formatRef, parseA1 } from "../../src/forms/a1";
import type { CellValue, CellWrite, Finding } from "../../src/types";
import { runGec, tempDir } from "../fixtures/runGec";
import { withSheetCopy, withSheetState } from "./sheetCopy";

const published = path.join(__dirname, "..", "fixtures", "xlsx", "H002-2-published.xlsx");
const dir = tempDir("sheets");

const write = (sheet: string, a1: string, value: CellValue): CellWrite => ({
  ref: { sheet, ...(parseA1(a1) as { row: number; col: number }) },
  value,
  previous: null,
});

// The published 別紙1 (rows 4–6: 津別, 川辺, セイホク) with its two misprints corrected, so that a clean copy has no error:
// N5 = 257,572,286 − ROUNDDOWN(7,538,025 × 9.484) = 257,572,286 − 71,490,629 = 186,081,657;
// U6 = ROUNDDOWN(157,281,769 × 0.9996 × 0.0749) = ROUNDDOWN(11,775,692.6…) = 11,775,692.
function publishedBase(): Uint8Array {
  return patchPackage(new Uint8Array(fs.readFileSync(published)), [
    write("別紙1", "N5", 186081657),
    write("別紙1", "U6", 11775692),
  ]);
}

// A `gec template H002-2 -n 1` workbook with 津別's published row typed into its facility row (row 4, the template's
// own 別紙1 layout), derived cells as printed: 3.3 431,460,008, 3.9 0.0749, 3.10 32,316,354, 3.11 and 合計 32,316.
async function templateBase(): Promise<Uint8Array> {
  const file = path.join(dir, "template.xlsx");
  fs.rmSync(file, { force: true });
  expect((await runGec(["template", "H002-2", "-n", "1", "-o", file])).code).toBe(0);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const list = readSubmission(readGrid(bytes)).projectList;
  if (!list?.totalTonnes) throw new Error("the template has no 別紙1 with a 合計");
  const row = list.headerRow + 1;
  const at = (key: string, value: CellValue): CellWrite => ({
    ref: { sheet: list.sheet, row, col: list.columns[key] },
    value,
    previous: null,
  });
  return patchPackage(bytes, [
    at("approvalNumber", "14-BB-001"),
    at("facilityName", "津別単板協同組合バイオマスエネルギーセンター"),
    at("totalHeat", 494794207),
    at("qBl", 494794207),
    at("ePs", 6678005),
    at("qWb", 431460008),
    at("cefFuel", 0.0693),
    at("epsBl", 0.92512),
    at("sB", 1),
    at("emissionFactor", 0.0749),
    at("emKg", 32316354),
    at("emT", 32316),
    // 合計 = the one row's 32,316 t
    { ref: list.totalTonnes.ref, value: 32316, previous: null },
  ]);
}

/** The cell of 3.11 tCO2 on the list's first or second facility row, in A1 form. */
function tonnesCell(bytes: Uint8Array, facility: number): string {
  const list = readSubmission(readGrid(bytes)).projectList;
  if (!list) throw new Error("no 別紙1");
  return formatRef({ sheet: "x", row: list.headerRow + facility, col: list.columns.emT }).replace(/^x!/, "");
}

async function checkExit(bytes: Uint8Array, name: string): Promise<number> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return (await runGec(["check", file])).code;
}

const brief = (f: Finding) => `${f.rule} ${formatRef(f.ref)} ${f.severity}`;

describe.each([
  ["the published H002-2", async () => publishedBase(), 2],
  ["a gec template H002-2 workbook", templateBase, 1],
] as const)("%s", (_, base, facilities) => {
  let clean: Uint8Array;
  let v1: string;
  beforeAll(async () => {
    clean = await base();
    v1 = tonnesCell(clean, 1);
  });

  it("the crafted base is clean: no project-list error, gec check exits 0", async () => {
    const errors = validateGrid(readGrid(clean)).findings.filter(
      (f) => f.severity === "error" && /^(projectList|range)\./.test(f.rule),
    );
    expect(errors).toEqual([]);
  });

  describe.each(["hidden", "veryHidden"] as const)(
    "an old 別紙1 (旧), %s, before the visible 別紙1",
    (state) => {
      // the visible 別紙1 claims 99,999 t for 津別, whose inputs give ROUNDDOWN(32,316,354 ÷ 1000) = 32,316 t
      const craft = () =>
        patchPackage(withSheetCopy(clean, "別紙1", "別紙1 (旧)", { state, place: "before" }), [
          write("別紙1", v1, 99999),
        ]);

      it("both readers say which sheet is hidden", async () => {
        const bytes = craft();
        const streamed = readGrid(bytes).sheets.map((s) => [s.name, s.visibility ?? "visible"]);
        expect(streamed.slice(1, 3)).toEqual([
          ["別紙1 (旧)", state],
          ["別紙1", "visible"],
        ]);
        const exceljs = workbookToGrid(await loadWorkbook(bytes)).sheets.map((s) => [
          s.name,
          s.visibility ?? "visible",
        ]);
        expect(exceljs).toEqual(streamed);
      });

      it("the visible 別紙1 is checked, and the hidden one is named in a warning", () => {
        const bytes = craft();
        const submission = readSubmission(readGrid(bytes));
        expect(submission.projectList?.sheet).toBe("別紙1");
        expect(submission.otherProjectLists).toEqual([]);
        const findings = validateGrid(readGrid(bytes)).findings;
        const tonnes = findings.filter((f) => f.rule === "projectList.emT.recompute");
        expect(tonnes.map((f) => [formatRef(f.ref), f.expected, f.actual])).toEqual([
          [`別紙1!${v1}`, "32316", "99999"],
        ]);
        const hidden = findings.filter((f) => f.rule === "form.projectList.hidden");
        expect(hidden.map(brief)).toEqual(["form.projectList.hidden '別紙1 (旧)'!A3 warning"]);
        expect(hidden[0].message.ja).toContain("別紙1 (旧)");
        expect(hidden[0].message.en).toContain("別紙1 (旧)");
      });

      it("gec check exits 1 (today it checked the hidden copy and exited 0)", async () => {
        expect(await checkExit(craft(), `hidden-${state}-${facilities}.xlsx`)).toBe(1);
      });
    },
  );

  it("a 別紙1 on a hidden sheet only is still read, with a warning that it is hidden", () => {
    const bytes = withSheetState(patchPackage(clean, [write("別紙1", v1, 99999)]), "別紙1", "hidden");
    const findings = validateGrid(readGrid(bytes)).findings;
    expect(findings.filter((f) => f.rule === "form.projectList.hidden").map(brief)).toEqual([
      "form.projectList.hidden 別紙1!A3 warning",
    ]);
    expect(
      findings.filter((f) => f.rule === "projectList.emT.recompute").map((f) => formatRef(f.ref)),
    ).toEqual([`別紙1!${v1}`]);
  });

  describe("a second visible list 別紙1 (2) after 別紙1", () => {
    // 別紙1 (2) claims one tonne more on its first facility row than its inputs give (32,316 t)
    const craft = () =>
      patchPackage(withSheetCopy(clean, "別紙1", "別紙1 (2)", { state: "visible", place: "after" }), [
        write("別紙1 (2)", v1, 32317),
      ]);

    it("is named in a warning and checked by the same rules at its own cells", () => {
      const bytes = craft();
      const submission = readSubmission(readGrid(bytes));
      expect(submission.projectList?.sheet).toBe("別紙1");
      expect(submission.otherProjectLists.map((l) => [l.sheet, l.rows.length])).toEqual([
        ["別紙1 (2)", facilities === 2 ? 3 : 1],
      ]);
      const findings = validateGrid(readGrid(bytes)).findings;
      const second = findings.filter((f) => f.rule === "form.projectList.second");
      expect(second.map(brief)).toEqual(["form.projectList.second '別紙1 (2)'!A3 warning"]);
      expect(second[0].message.ja).toContain("別紙1 (2)");
      expect(second[0].message.en).toContain("別紙1 (2)");
      const errors = findings.filter((f) => f.severity === "error" && /^(projectList|range)\./.test(f.rule));
      expect(errors.map((f) => [f.rule, formatRef(f.ref), f.expected, f.actual])).toEqual([
        ["projectList.emT.recompute", `'別紙1 (2)'!${v1}`, "32316", "32317"],
      ]);
    });

    it("gec explain explains its cells from its own row", async () => {
      const file = path.join(dir, `second-explain-${facilities}.xlsx`);
      fs.writeFileSync(file, craft());
      const r = await runGec(["explain", file, `'別紙1 (2)'!${v1}`, "--json"]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { expected: string; actual: number; agrees: boolean };
      expect([out.expected, out.actual, out.agrees]).toEqual(["32316", 32317, false]);
    });

    it("gec check exits 1 (today the second list was ignored and it exited 0)", async () => {
      expect(await checkExit(craft(), `second-${facilities}.xlsx`)).toBe(1);
    });
  });
});

describe("monitoring tables are no second 別紙1", () => {
  it("gec template H002-2 --monitoring: one list, no sheet warning", async () => {
    const file = path.join(dir, "monitoring.xlsx");
    expect((await runGec(["template", "H002-2", "--monitoring", "-o", file])).code).toBe(0);
    const findings = validateGrid(readGrid(new Uint8Array(fs.readFileSync(file)))).findings;
    expect(findings.filter((f) => f.rule.startsWith("form.projectList."))).toEqual([]);
  });
});
