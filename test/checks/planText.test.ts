// The plan sheet read as text (src/forms/plan.ts) and its rules (src/checks/rules/planText/): no false alarm on the
// published seeds or on blank templates; the 1.4 lines printed from the declaration are the seed's.
import { buildTemplate, readSubmission, templateToGrid, validateGrid } from "../../src/engine";
import { formatRef } from "../../src/forms/a1";
import { METHODOLOGIES, formulaLines, getMethodology } from "../../src/methodology";
import { foldFormula, foldUnit } from "../../src/checks/rules/planText/formulas";
import type { Finding, Grid } from "../../src/types";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import type { SeedName, SeedVariant } from "../fixtures/seedSubmissions";
import { L, P } from "./ruleCase";
import { projectColumns } from "../../src/forms/layout";
import { applyToGrid } from "../fixtures/gridWrites";

const mine = (f: Finding) => f.rule.startsWith("plan.") || f.rule.startsWith("form.planPart.");
const planFindings = (grid: Grid) =>
  validateGrid(grid)
    .findings.filter(mine)
    .map((f) => `${f.rule} ${formatRef(f.ref)}`);

describe("no false alarm on the published submissions", () => {
  const variants: SeedVariant[] = [
    {},
    { ocrHeaders: true },
    { shiftRows: 3, shiftCols: 2 },
    { textNumbers: true },
  ];
  it.each<[SeedName, boolean]>([
    ["H002-2", false],
    ["H002-2", true],
    ["H002-1", false],
    ["H002-1", true],
  ])("%s (corrected: %s) in every layout", (which, corrected) => {
    for (const v of variants) expect(planFindings(seedGrid(which, { ...v, corrected }))).toEqual([]);
  });

  it('和暦 dates in 1.5, ε typed 92.512 or "92.512%", 1.6 なし stay quiet', () => {
    let grid = withCell(seedGrid("H002-2", { corrected: true }), P, "B37", "令和2年4月1日");
    grid = withCell(grid, P, "B38", "令和3年3月31日");
    grid = withCell(grid, L, "P4", 92.512);
    grid = withCell(grid, L, "P5", "92.022%");
    grid = withCell(grid, P, "A41", "なし");
    expect(planFindings(grid)).toEqual([]);
  });
});

/** A template with one facility named in 別紙1's first row: no longer blank, so its blank parts count. */
function withFacility(grid: Grid, code: string): Grid {
  const col = projectColumns(getMethodology(code)).findIndex((c) => c.key === "facilityName");
  return applyToGrid(grid, [
    { ref: { sheet: L, row: 3, col }, value: "テスト設備 (2020年度)", previous: null },
  ]);
}

describe("blank templates", () => {
  it.each(METHODOLOGIES.map((m) => m.code))(
    "%s: nothing of the plan's text until a facility is typed",
    (code) => {
      expect(validateGrid(templateToGrid(buildTemplate(code, 2))).findings.filter(mine)).toEqual([]);
    },
  );

  it.each(METHODOLOGIES.map((m) => m.code))("%s: then only 1.1 and 2.1 are left to fill", (code) => {
    const grid = withFacility(templateToGrid(buildTemplate(code, 2)), code);
    const findings = validateGrid(grid).findings.filter(mine);
    expect(findings.map((f) => [f.rule, f.expected])).toEqual([
      ["form.planPart.missing", "1.1 計画の名称"],
      ["form.planPart.missing", "2.1 モニタリング方法及び報告方法（体制）"],
    ]);
  });

  it("the template's 1.1 (typed in the row below its heading) is read", () => {
    const grid = templateToGrid(buildTemplate("H002-1", 1));
    const heading = readSubmission(grid).plan?.parts.find((p) => p.part === "plan:name")?.heading;
    expect(heading).toBeDefined();
    const below = { sheet: P, row: (heading?.row ?? 0) + 1, col: heading?.col ?? 0 };
    const typed = withCell(
      grid,
      P,
      formatRef(below).split("!")[1],
      "バイオマス熱（木質バイオマス熱利用システム）を利用した熱生成",
    );
    const read = readSubmission(typed).plan?.parts.find((p) => p.part === "plan:name");
    expect(read?.texts.map((t) => t.value)).toEqual([
      "バイオマス熱（木質バイオマス熱利用システム）を利用した熱生成",
    ]);
    // what is left to fill is 2.1 alone
    const left = validateGrid(withFacility(typed, "H002-1")).findings.filter(mine);
    expect(left.map((f) => [f.rule, f.expected])).toEqual([
      ["form.planPart.missing", "2.1 モニタリング方法及び報告方法（体制）"],
    ]);
  });
});

describe("the reader", () => {
  it("reads the 1.4 lines, the 1.4 table with 定義 and 単位, the 2.2 rows with their methods and the 1.3 rows", () => {
    const plan = readSubmission(seedGrid("H002-1", { corrected: true })).plan;
    expect(plan?.formulaLines.map((l) => formatRef(l.ref))).toEqual([
      `'${P}'!A21`,
      `'${P}'!A22`,
      `'${P}'!A23`,
    ]);
    // seed line 369ff: E _{PS} … kWh is the table's third row
    const eps = plan?.formulaTable?.rows[2];
    expect([eps?.symbol.value, eps?.definition?.value, eps?.unit?.value]).toEqual([
      "E _{PS}",
      "バイオマス熱生成実施期間における補機消費電力量",
      "kWh",
    ]);
    const monitored = plan?.monitoringTable?.rows.map((r) => [r.symbol.value, r.method?.value]) ?? [];
    expect(monitored[1]).toEqual(["E _{PS}", "なし"]);
    expect(plan?.methodologyRows.length).toBe(14);
    expect(plan?.methodologyRows.filter((r) => r.checked).map((r) => r.code.value)).toEqual(["H002-1"]);
  });

  it("a workbook without the plan sheet has no plan, and no part is reported missing one by one", () => {
    const grid = seedGrid("H002-2", { corrected: true });
    const without: Grid = { sheets: grid.sheets.filter((s) => s.name !== P) };
    expect(readSubmission(without).plan).toBeNull();
    expect(validateGrid(without).findings.filter(mine)).toEqual([]);
  });
});

describe("1.4's formula lines printed from the declaration", () => {
  // seed lines 39, 41, 43 (reference/003: H002-2's 1.4 as the OCR gives it, in LaTeX), transcribed verbatim
  const printed = [
    "$$Q_{WB} = Q_{BL} - (E_{PS} \\times 9.484 [\\text{MJ}_{\\text{HHV}} / \\text{kWh}]^*)$$",
    "$$S_B = F_B \\div F_T$$",
    "$$EM_{WB} = Q_{WB} \\times S_B \\times (CEF_{fuel,BL} \\div \\epsilon_{BL})$$",
  ];

  it("fold to the lines the heat declaration prints", () => {
    expect(formulaLines(getMethodology("H002-2")).map((l) => foldFormula(l.text))).toEqual(
      printed.map(foldFormula),
    );
  });

  it("print the constant 9.484 unrounded, and no ROUNDDOWN", () => {
    const lines = formulaLines(getMethodology("H002-1")).map((l) => l.text);
    expect(lines[0]).toContain("9.484");
    expect(lines.join(" ")).not.toMatch(/ROUND/);
  });

  it("folding: widths, ×/*, ÷//, −/-, spaces, subscripts, the unit bracket", () => {
    expect(foldFormula("Ｑ _{WB} ＝ Q_BL - (EPS * 9.484 [MJ_HHV/kWh]*)")).toBe(
      foldFormula("Q_WB = Q_BL − (E_PS × 9.484 [MJ_HHV/kWh])"),
    );
    expect(foldFormula("S_B = F_B / F_T")).toBe(foldFormula("S_B = F_B ÷ F_T"));
    expect(foldFormula("S_B = F_B − F_T")).not.toBe(foldFormula("S_B = F_B ÷ F_T"));
    expect(foldUnit("MJ _{HHV}")).toBe(foldUnit("MJ_HHV"));
    expect(foldUnit("kgCO ₂ /MJ _{HHV}")).toBe(foldUnit("kgCO2/MJ_HHV"));
    expect(foldUnit("MWh")).not.toBe(foldUnit("kWh"));
  });
});

describe("2.2's boiler efficiency", () => {
  it("a stated 95 % with one row at 95 % × LHV/HHV: the two rows at 98 % are the ones to look at", () => {
    // 95 % × 0.944 (A重油, 津別's CEF 0.0693) = 0.8968; 川辺 0.92022 and セイホク 0.92512 stay at 98 %
    let grid = withCell(
      seedGrid("H002-2", { corrected: true }),
      P,
      "D49",
      "ボイラの設備効率95%（低位発熱量ベース）",
    );
    grid = withCell(grid, L, "P4", 0.8968);
    const found = validateGrid(grid).findings.filter((f) => f.rule === "plan.monitoring.boilerEfficiency");
    expect(found.map((f) => [formatRef(f.ref), f.expected, f.actual])).toEqual([
      // 95 % × 0.939 (灯油) = 0.89205; 95 % × 0.944 = 0.8968
      [`${L}!P5`, "0.89205", "0.92022"],
      [`${L}!P6`, "0.8968", "0.92512"],
    ]);
  });
});

describe("1.6", () => {
  it("有り with the change written beside it is the verifier's warning, not the error", () => {
    let grid = withCell(seedGrid("H002-2", { corrected: true }), P, "A41", "有り");
    grid = withCell(grid, P, "B41", "計量器の交換（川辺）");
    expect(planFindings(grid)).toEqual([`plan.changes.declared '${P}'!B41`]);
  });
});

describe("1.3", () => {
  it("the checked row carrying another code's name is an error, not a warning", () => {
    // H002-2 is the 13th row (17); H002-1's official name
    const grid = withCell(
      seedGrid("H002-2", { corrected: true }),
      P,
      "C17",
      "バイオマス熱（木質バイオマス熱利用システム）",
    );
    const found = validateGrid(grid).findings.filter((f) => f.rule === "plan.methodologyTable.name");
    expect(found.map((f) => [formatRef(f.ref), f.severity])).toEqual([[`'${P}'!C17`, "error"]]);
  });
});

describe("1.4 lines typed otherwise stay quiet", () => {
  it("OCR subscripts, full width, * and /, a footnote mark, a note under 1.6", () => {
    let grid = withCell(
      seedGrid("H002-1", { corrected: true }),
      P,
      "A21",
      "Q _{WB} = Q _{BL} - (E _{PS} * 9.484 [MJ _{HHV} /kWh]*)",
    );
    grid = withCell(grid, P, "A22", "Ｓ＿Ｂ　＝　Ｆ＿Ｂ　／　Ｆ＿Ｔ");
    grid = withCell(grid, P, "A23", "EM_{WB} = Q_{WB} × S_{B} × (CEF_{fuel,BL} ÷ ϵ_{BL})");
    grid = withCell(grid, P, "B41", "注) 変更がある場合は内容を記載すること。");
    expect(planFindings(grid)).toEqual([]);
  });
});

describe("a provisional methodology's 1.4", () => {
  it("differing from the engine's guessed formula is a warning that says so", () => {
    const grid = templateToGrid(buildTemplate("P002", 1));
    const line = readSubmission(grid).plan?.formulaLines[0];
    expect(line?.value).toBe("EPC = EPG − EPS − EPA");
    const changed = withCell(
      grid,
      P,
      formatRef(line?.ref ?? { sheet: P, row: 0, col: 0 }).split("!")[1],
      "EPC = EPG − EPS",
    );
    const found = validateGrid(changed).findings.filter((f) => f.rule === "plan.formula.changed");
    expect(found.map((f) => f.severity)).toEqual(["warning"]);
    expect(found[0].message.ja).toMatch(/暫定/);
  });
});

describe("1.3 with a code printed twice, as 様式1-2 prints H001-2", () => {
  it("the row is matched by its name: the code is the slip, and no row is missing", () => {
    // H001-3 is the 11th row (15); 様式1-2 prints it as H001-2
    const grid = withCell(seedGrid("H002-2", { corrected: true }), P, "B15", "H001-2");
    expect(planFindings(grid)).toEqual([`plan.methodologyTable.name '${P}'!B15`]);
    const f = validateGrid(grid).findings.find((x) => x.rule === "plan.methodologyTable.name");
    expect([f?.severity, f?.expected, f?.actual]).toEqual(["warning", "H001-3", "H001-2"]);
  });
});

describe("a footnote under 1.4", () => {
  it("「※ 9.484 = …」 is the form's note, not a formula line", () => {
    const grid = withCell(
      seedGrid("H002-2", { corrected: true }),
      P,
      "B23",
      "※ 9.484 = 一次エネルギー換算係数 [MJ_HHV/kWh]",
    );
    expect(planFindings(grid)).toEqual([]);
  });
});
