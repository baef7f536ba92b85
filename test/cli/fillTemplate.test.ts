// gec fill and gec template on real .xlsx files: what changes, what never does, and the templates' formulas.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { HEAT_PROJECT_COLUMNS } from "../../src/forms/layout";
import { getMethodology } from "../../src/methodology";
import { seedGrid } from "../fixtures/seedSubmissions";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { runGec, tempDir } from "../fixtures/runGec";

const dir = tempDir("fill");

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(fs.readFileSync(file)).buffer);
  return wb;
}

const derived = new Set(
  getMethodology("H002-2")
    .quantities.filter((q) => q.role === "derived")
    .map((q) => q.key),
);

describe("gec fill", () => {
  it("rewrites only 別紙1!N5 and U6 of the published H002-2, lists them, and leaves every other cell as it was", async () => {
    const input = path.join(dir, "pub.xlsx");
    const output = path.join(dir, "pub-filled.xlsx");
    fs.writeFileSync(input, await gridToXlsx(seedGrid("H002-2")));
    const run = await runGec(["fill", input, "-o", output]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 セルを書き換えました");
    expect(run.stdout).toContain("別紙1!N5: 186081857 → 186081657");
    expect(run.stdout).toContain("別紙1!U6: 11775927 → 11775692");

    const before = await readBack(input);
    const after = await readBack(output);
    const changed: string[] = [];
    for (const ws of before.worksheets) {
      const other = after.getWorksheet(ws.name);
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const now = other?.getCell(r, c).value;
          if (JSON.stringify(now) !== JSON.stringify(cell.value))
            changed.push(`${ws.name}!${cell.address}=${String(now)}`);
        }),
      );
    }
    expect(changed).toEqual(["別紙1!N5=186081657", "別紙1!U6=11775692"]);
    expect((await runGec(["check", output])).code).toBe(0);
  });

  it("with --formulas writes native formulas in derived columns only", async () => {
    const input = path.join(dir, "f.xlsx");
    const output = path.join(dir, "f-filled.xlsx");
    fs.writeFileSync(input, await gridToXlsx(seedGrid("H002-1")));
    expect((await runGec(["fill", input, "-o", output, "--formulas"])).code).toBe(0);
    const ws = (await readBack(output)).getWorksheet("別紙1") as ExcelJS.Worksheet;
    for (let r = 4; r <= 6; r++) {
      HEAT_PROJECT_COLUMNS.forEach((column, i) => {
        const value = ws.getCell(r, i + 1).value;
        const isFormula = typeof value === "object" && value !== null && "formula" in value;
        expect([column.key, isFormula]).toEqual([column.key, derived.has(column.key)]);
      });
    }
    // each formula carries its result (0.0678 ÷ 0.92022 → 0.0736), so a reader that never recalculates agrees
    expect(ws.getCell("T4").value).toMatchObject({
      formula: 'IF(OR(O4="",P4=""),"",ROUNDDOWN(O4/P4,4))',
      result: 0.0736,
    });
    expect(ws.getCell("S4").numFmt).toBe("0.00%");
    expect((await runGec(["check", output])).code).toBe(0);
  });

  it("refuses to write over its input, and needs -o", async () => {
    const input = path.join(dir, "same.xlsx");
    fs.writeFileSync(input, await gridToXlsx(seedGrid("H002-1")));
    const same = await runGec(["fill", input, "-o", input]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/入力と同じ[\s\S]*is the input file/);
    expect((await runGec(["fill", input])).code).toBe(2);
  });
});

describe("gec template", () => {
  it("writes the four sheets with labels, a checked 1.3 box and formulas in derived cells", async () => {
    const out = path.join(dir, "t.xlsx");
    const run = await runGec(["template", "H002-2", "-n", "4", "-o", out]);
    expect(run.code).toBe(0);
    const wb = await readBack(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["様式3-2", "別紙1", "別紙1添付", "別紙2"]);
    const list = wb.getWorksheet("別紙1") as ExcelJS.Worksheet;
    expect(list.getCell("L3").value).toBe("3.1 生成熱量 Q_BL (MJ_HHV)");
    expect(list.getCell("N4").value).toMatchObject({
      formula: 'IF(OR(L4="",M4=""),"",L4-ROUNDDOWN(M4*9.484,0))',
    });
    expect(list.getCell("V8").value).toMatchObject({ formula: "SUM(V4:V7)" });
    const alloc = wb.getWorksheet("別紙2") as ExcelJS.Worksheet;
    const links: string[] = [];
    alloc.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { formula?: string } | null;
        if (v && typeof v === "object" && v.formula) links.push(v.formula);
      }),
    );
    expect(links).toEqual(["'別紙1'!V4", "'別紙1'!V5", "'別紙1'!V6", "'別紙1'!V7"]);
    // input and derived cells are filled in different colours
    const fill = (a1: string) => JSON.stringify(list.getCell(a1).fill);
    expect(fill("L4")).not.toBe(fill("N4"));
    // a blank template is a well-formed 様式3-2 that is not ready to submit: its one error is that it has no
    // facility (issue 9); its blank parts are named once a facility is typed
    const check = await runGec(["check", out, "--json"]);
    expect(check.code).toBe(1);
    expect(
      (JSON.parse(check.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule),
    ).toEqual(["form.noFacilities"]);
  });

  it("refuses an unknown methodology and a bad facility count", async () => {
    const out = path.join(dir, "x.xlsx");
    const unknown = await runGec(["template", "X999", "-o", out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/X999[\s\S]*Unknown methodology/);
    expect((await runGec(["template", "H002-2", "-n", "0", "-o", out])).code).toBe(2);
    expect((await runGec(["template", "H002-2", "-n", "abc", "-o", out])).code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});
