// What fill --formulas writes recalculates, in LibreOffice, to exactly the value cached with it — for every form
// of input the reader accepts; where Excel would read a form otherwise, the value is written and the plan says why.
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { generatedGrid } from "../fixtures/generated";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { runGec, tempDir } from "../fixtures/runGec";
import { cellResults, describeLo, recalculate } from "../fixtures/libreoffice";
import { HEAT_PROJECT_COLUMNS } from "../../src/forms/layout";
import { cellAddress } from "../../src/forms/a1";
import type { CellValue, Grid } from "../../src/types";

const dir = tempDir("fidelity");
const ROWS = 24;
const FIRST = 3; // generatedGrid: 別紙1 header on row 3 (0-based 2), facilities from 0-based row 3
const col = (key: string) => HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === key);

type Form = "number" | "commas" | "fullWidth";
type RatioForm = "fraction" | "percentNumber" | "percentText";
type RowForms = { qBl: Form; ePs: Form; fuel: Form; epsBl: RatioForm; dashFuel: boolean };

const FULL = "０１２３４５６７８９";
const withCommas = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 10 });
const fullWidth = (text: string) =>
  text
    .replace(/[0-9]/g, (d) => FULL[Number(d)])
    .replace(/,/g, "，")
    .replace(/\./g, "．");

function shown(n: number, form: Form): CellValue {
  if (form === "number") return n;
  return form === "commas" ? withCommas(n) : fullWidth(withCommas(n));
}

function shownRatio(x: number, form: RatioForm): CellValue {
  // ε_BL 0.92022 as typed under the "(%)" heading: 0.92022, 92.022 or "92.022%"
  const percent = Number((x * 100).toFixed(8));
  return form === "fraction" ? x : form === "percentNumber" ? percent : `${percent}%`;
}

// about half the rows typed plainly (numbers, ε_BL as a fraction), the rest in the forms people type
const plainRow: RowForms = {
  qBl: "number",
  ePs: "number",
  fuel: "number",
  epsBl: "fraction",
  dashFuel: false,
};
const typedRow = fc.record({
  qBl: fc.constantFrom<Form>("number", "commas", "fullWidth"),
  ePs: fc.constantFrom<Form>("number", "commas", "fullWidth"),
  fuel: fc.constantFrom<Form>("number", "commas", "fullWidth"),
  epsBl: fc.constantFrom<RatioForm>("fraction", "percentNumber", "percentText"),
  dashFuel: fc.boolean(),
});
const rowForms = fc.oneof(fc.constant(plainRow), typedRow);

function typedGrid(forms: RowForms[]): Grid {
  const grid = generatedGrid(ROWS, 7);
  const list = grid.sheets.find((s) => s.name === "別紙1");
  if (!list) throw new Error("no 別紙1");
  forms.forEach((f, i) => {
    const line = list.values[FIRST + i];
    const n = (key: string) => line[col(key)] as number;
    line[col("qBl")] = shown(n("qBl"), f.qBl);
    line[col("ePs")] = shown(n("ePs"), f.ePs);
    line[col("epsBl")] = shownRatio(n("epsBl"), f.epsBl);
    if (f.dashFuel) {
      line[col("fB")] = "—";
      line[col("fT")] = "—";
    } else if (typeof line[col("fB")] === "number") {
      line[col("fB")] = shown(n("fB"), f.fuel);
      line[col("fT")] = shown(n("fT"), f.fuel);
    }
    // the derived cells left blank, for fill to write
    for (const key of ["qWb", "sB", "emissionFactor", "emKg", "emT"]) line[col(key)] = null;
  });
  list.values[FIRST + ROWS][col("emT")] = null;
  return grid;
}

interface Write {
  ref: { sheet: string; row: number; col: number };
  value?: number;
  formula?: string;
}

describeLo("fill --formulas is exactly what the engine computed (issue 13)", () => {
  it("over generated rows in every input form, each formula recalculates to its cached value", async () => {
    const forms = fc.sample(fc.array(rowForms, { minLength: ROWS, maxLength: ROWS }), {
      seed: 13,
      numRuns: 1,
    })[0];
    const grid = typedGrid(forms);
    const input = path.join(dir, "typed.xlsx");
    fs.writeFileSync(input, await gridToXlsx(grid));
    const out = path.join(dir, "filled.xlsx");
    const run = await runGec(["fill", input, "-o", out, "--formulas", "--json"]);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as {
      writes: Write[];
      skipped: { rule: string; ref: Write["ref"] }[];
    };
    const recalculated = recalculate(out, dir);
    const bySheet = new Map<string, Write[]>();
    for (const w of plan.writes) bySheet.set(w.ref.sheet, [...(bySheet.get(w.ref.sheet) ?? []), w]);
    let formulas = 0;
    for (const [sheet, writes] of bySheet) {
      const got = await cellResults(
        recalculated,
        sheet,
        writes.map((w) => cellAddress(w.ref)),
      );
      writes.forEach((w, i) => {
        if (w.formula) formulas++;
        expect([cellAddress(w.ref), got[i]]).toEqual([cellAddress(w.ref), w.value]);
      });
    }
    // plain rows keep their formulas: this is no test of values alone
    expect(formulas).toBeGreaterThan(ROWS);
    // a row with text or a percentage-scale ε_BL gets values in the cells that read it, each said in the plan
    // an input that a formula reads is text (not "—"), or ε_BL is on the percentage scale
    const list = grid.sheets.find((x) => x.name === "別紙1")?.values ?? [];
    const misreadRows = forms.filter((_, i) =>
      ["qBl", "ePs", "epsBl", "fB", "fT"].some((key) => {
        const v = list[FIRST + i][col(key)];
        return (typeof v === "string" && v !== "—") || (key === "epsBl" && typeof v === "number" && v > 1);
      }),
    ).length;
    const asValue = plan.skipped.filter((x) => x.rule === "fill.formula.asValue").map((x) => x.ref.row);
    expect(new Set(asValue).size).toBe(misreadRows);
    expect(misreadRows).toBeLessThan(ROWS);
  }, 180_000);

  it("ε_BL typed 92.512 under the (%) heading: 3.9 and 3.10 are written as values, not a formula that reads 92.512", async () => {
    const grid = generatedGrid(1, 3);
    const list = grid.sheets.find((s) => s.name === "別紙1");
    if (!list) throw new Error("no 別紙1");
    const line = list.values[FIRST];
    line[col("cefFuel")] = 0.0693;
    line[col("epsBl")] = 92.512;
    for (const key of ["qWb", "sB", "emissionFactor", "emKg", "emT"]) line[col(key)] = null;
    const input = path.join(dir, "eps.xlsx");
    fs.writeFileSync(input, await gridToXlsx(grid));
    const out = path.join(dir, "eps-filled.xlsx");
    const run = await runGec(["fill", input, "-o", out, "--formulas", "--json"]);
    const plan = JSON.parse(run.stdout) as { writes: Write[] };
    const factor = plan.writes.find((w) => w.ref.col === col("emissionFactor"));
    // ROUNDDOWN(0.0693 ÷ 0.92512, 4) = 0.0749 (by hand: 0.074908…)
    expect(factor).toMatchObject({ value: 0.0749 });
    expect(factor?.formula).toBeUndefined();
    const recalculated = recalculate(out, dir);
    expect(
      await cellResults(recalculated, "別紙1", [cellAddress(factor?.ref ?? { row: 0, col: 0 })]),
    ).toEqual([0.0749]);
  }, 180_000);
});
