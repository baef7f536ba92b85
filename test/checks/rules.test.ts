// One fixture per rule: a corrected seed workbook (no error) with exactly one fault, found at its cell, in every layout.
import * as fs from "fs";
import * as path from "path";
import { buildTemplate, readSubmission, templateToGrid, validateGrid } from "../../src/engine";
import { cellAddress, columnLetters, formatRef, parseA1 } from "../../src/forms/a1";
import { METHODOLOGIES } from "../../src/methodology";
import { listRules } from "../../src/checks/registry";
import { rulesMarkdown } from "../../src/checks/docs";
import type { Finding, Grid } from "../../src/types";
import { FUEL_STATEMENT, seedGrid, withCell } from "../fixtures/seedSubmissions";
import type { SeedName, SeedVariant } from "../fixtures/seedSubmissions";
import { RULES_TESTED_ELSEWHERE, MONITORING_CASES } from "./monitoringCases";

import { A2, ATT, L, P, h2Index } from "./ruleCase";
import type { Case } from "./ruleCase";
import { RULE_CASE_FILES } from "./ruleCases";

const cases: Case[] = [
  {
    name: "two methodologies ticked",
    rule: "methodology.checked.count",
    which: "H002-2",
    // H002-1 is the 12th code: row 5 + 11 = 16
    edits: [[P, `A${5 + h2Index}`, "■"]],
    severity: "error",
    // at each checked box (H002-1 and the seed's H002-2), not at the table's first row (issue 9)
    cells: [`'${P}'!A${5 + h2Index}`, `'${P}'!A${6 + h2Index}`],
    expected: 1,
    actual: 2,
  },
  {
    name: "a power symbol in 1.4",
    rule: "methodology.symbols",
    which: "H002-2",
    edits: [[P, "A25", "EPG"]],
    severity: "warning",
    cells: [`'${P}'!A25`],
    // every heat symbol once, in declaration order
    expected: "Q_BL, E_PS, Q_WB, CEF_fuel,BL, ε_BL, F_B, F_T, S_B, CEF/ε, EM_WB, EM",
    actual: "EPG",
    // EPG replaces Q_WB's row: the formulas' Q_WB is then defined nowhere in the table
    alsoErrors: [`plan.symbolTable.missing '${P}'!A24`],
  },
  {
    name: "a symbol of no methodology in 別紙1添付",
    rule: "methodology.symbols",
    which: "H002-1",
    // 別紙1添付 block 2's first 記号 row: 24 + 19 → row 44
    edits: [[ATT, "A44", "Q_XY"]],
    severity: "warning",
    cells: [`${ATT}!A44`],
    expected: "Q_BL, E_PS, Q_WB, CEF_fuel,BL, ε_BL, F_B, F_T, S_B, CEF/ε, EM_WB, EM",
    actual: "Q_XY",
  },
  {
    name: "別紙1添付 naming another methodology",
    rule: "methodology.attachment",
    which: "H002-2",
    edits: [[ATT, "A25", "種別方法論名称：バイオマス熱（木質バイオマス熱利用システム）"]],
    severity: "warning",
    cells: [`${ATT}!A25`],
    expected: "H002-2 バイオマス熱（木質バイオマス蒸気供給施設（熱電供給システム））",
    actual: "バイオマス熱（木質バイオマス熱利用システム）",
  },
  {
    name: "start date unreadable",
    rule: "period.unreadable",
    which: "H002-2",
    edits: [[P, "B37", "四月一日ごろ"]],
    severity: "error",
    cells: [`'${P}'!B37`],
  },
  {
    name: "end before start",
    rule: "period.order",
    which: "H002-2",
    edits: [[P, "B38", "2019年3月31日"]],
    severity: "error",
    cells: [`'${P}'!B38`],
    // an empty period leaves every 5.1 (2020-04-01) and 5.2 (2021-03-31) after its end
    alsoErrors: ["Y4", "Y5", "Y6", "Z4", "Z5", "Z6"].map((c) => `period.row.outside ${L}!${c}`),
  },
  {
    name: "a row's 5.1 unreadable",
    rule: "period.row.unreadable",
    which: "H002-2",
    edits: [[L, "Y4", "四月一日ごろ"]],
    severity: "error",
    cells: [`${L}!Y4`],
  },
  {
    name: "a row's 5.2 after the period",
    rule: "period.row.outside",
    which: "H002-2",
    edits: [[L, "Z4", "2021年4月30日"]],
    severity: "error",
    cells: [`${L}!Z4`],
    expected: "2020-04-01〜2021-03-31",
    actual: "2021-04-30",
  },
  {
    name: "the facility name's 年度 off by one",
    rule: "period.fiscalYearInName",
    which: "H002-2",
    edits: [[L, "C4", "津別単板協同組合バイオマスエネルギーセンター (2019年度)"]],
    severity: "warning",
    cells: [`${L}!C4`],
    // 2020-04-01 lies in fiscal 2020
    expected: "2020年度",
    actual: "2019年度",
  },
  {
    name: "3.3 as printed for 川辺",
    rule: "projectList.qWb.recompute",
    which: "H002-2",
    edits: [[L, "N5", 186081857]],
    severity: "error",
    cells: [`${L}!N5`],
    // 257,572,286 − ROUNDDOWN(7,538,025 × 9.484 = 71,490,629.1) = 186,081,657
    expected: "186081657",
    actual: "186081857",
  },
  {
    name: "3.8 one step low",
    rule: "projectList.sB.recompute",
    which: "H002-2",
    edits: [[L, "S6", "99.95%"]],
    severity: "error",
    cells: [`${L}!S6`],
    // 418,605,672 ÷ 418,747,572 = 0.99966… → ROUNDDOWN(…, 4) = 0.9996
    expected: "0.9996",
    actual: "0.9995",
  },
  {
    name: "3.9 as printed in H002-1",
    rule: "projectList.emissionFactor.recompute",
    which: "H002-1",
    edits: [[L, "T4", 0.0738]],
    severity: "error",
    cells: [`${L}!T4`],
    // 0.0678 ÷ 0.92022 = 0.07367… → 0.0736
    expected: "0.0736",
    actual: "0.0738",
  },
  {
    name: "3.10 as printed for セイホク",
    rule: "projectList.emKg.recompute",
    which: "H002-2",
    edits: [[L, "U6", 11775927]],
    severity: "error",
    cells: [`${L}!U6`],
    // 157,281,769 × 0.9996 × 0.0749 = 11,775,692.6… → 11,775,692
    expected: "11775692",
    actual: "11775927",
  },
  {
    name: "3.11 one tonne high",
    rule: "projectList.emT.recompute",
    which: "H002-2",
    edits: [[L, "V4", 32317]],
    severity: "error",
    cells: [`${L}!V4`],
    // ROUNDDOWN(32,316,354 ÷ 1000) = 32,316
    expected: "32316",
    actual: "32317",
  },
  {
    name: "3.1 not a number",
    rule: "projectList.qBl.unreadable",
    which: "H002-2",
    edits: [[L, "L4", "約4億9千万"]],
    severity: "error",
    cells: [`${L}!L4`],
  },
  {
    name: "3.2 left blank",
    rule: "projectList.row.inputs",
    which: "H002-2",
    edits: [[L, "M5", null]],
    severity: "error",
    // reported at the blank cell itself: one fault, one finding at its cell (issue 9)
    cells: [`${L}!M5`],
  },
  {
    name: "合計 one tonne high",
    rule: "projectList.total.recompute",
    which: "H002-2",
    edits: [[L, "V7", 57779]],
    severity: "error",
    cells: [`${L}!V7`],
    // 32,316 + 13,687 + 11,775 = 57,778
    expected: "57778",
    actual: "57779",
  },
  {
    name: "※1 negative",
    rule: "range.totalHeat.negative",
    which: "H002-2",
    edits: [[L, "K4", -1]],
    severity: "error",
    cells: [`${L}!K4`],
    // −1 is also below 3.1, but one fault gives one finding (issue 9): the negative value says it all
  },
  {
    name: "※1 below 3.1",
    rule: "range.totalHeat.belowQBl",
    which: "H002-2",
    edits: [[L, "K5", 257572285]],
    severity: "error",
    cells: [`${L}!K5`],
    expected: "≥ 257572286",
    actual: "257572285",
  },
  {
    name: "F_B above F_T",
    rule: "range.fB.aboveFT",
    which: "H002-2",
    edits: [[L, "Q6", 418747573]],
    severity: "error",
    cells: [`${L}!Q6`],
    expected: "≤ 418747572",
    actual: "418747573",
    // the formulas refuse F_B > F_T, so the row cannot be derived: said in this one finding, not a second at 3.1
  },
  {
    name: "S_B 0 %",
    rule: "range.sB",
    which: "H002-2",
    edits: [[L, "S4", "0%"]],
    severity: "error",
    cells: [`${L}!S4`],
    // F_B and F_T are "—" for 津別: S_B is 100 %
    alsoErrors: [`projectList.sB.recompute ${L}!S4`],
  },
  {
    name: "3.4 not a default",
    rule: "defaults.cefFuel.unknown",
    which: "H002-2",
    // 0.06935 ÷ 0.92512 = 0.07496… → 0.0749 as printed: only the default is wrong
    edits: [[L, "O4", 0.06935]],
    severity: "warning",
    cells: [`${L}!O4`],
  },
  {
    name: "3.5 of kerosene with the A重油 factor",
    rule: "defaults.epsBl.mismatch",
    which: "H002-2",
    // 0.0693 ÷ 0.925 = 0.07491… → 0.0749 as printed: only the default is wrong
    edits: [[L, "P4", 0.925]],
    severity: "warning",
    cells: [`${L}!P4`],
    // A重油 (CEF 0.0693): 0.98 × 0.944 = 0.92512
    expected: "0.92512",
    actual: "0.925",
  },
  {
    name: "2.2 states only 重油",
    rule: "defaults.fuel.statement",
    which: "H002-2",
    edits: [[P, "D48", "デフォルト値を使用 ・燃料の種類：重油 二酸化炭素排出係数：0.0693tCO ₂ /GJ"]],
    severity: "warning",
    // 川辺's 3.4 is 灯油's 0.0678
    cells: [`${L}!O5`],
    expected: "0.0693",
    actual: "0.0678",
  },
  {
    name: "別紙2 block one tonne high",
    rule: "allocation.facility.tonnes",
    which: "H002-2",
    edits: [[A2, "C2", 32317]],
    severity: "error",
    cells: [`${A2}!C2`],
    expected: "32316",
    actual: "32317",
  },
  {
    name: "別紙2 with one block left",
    rule: "allocation.total",
    which: "H002-2",
    // blank the tCO2 labels of blocks 2 and 3
    edits: [
      [A2, "A14", null],
      [A2, "A26", null],
    ],
    severity: "error",
    cells: [`${A2}!C2`],
    expected: "57778",
    actual: "32316",
  },
  {
    name: "power sold under a heat methodology",
    rule: "allocation.powerSold.heat",
    which: "H002-2",
    edits: [[A2, "C3", 100]],
    severity: "error",
    cells: [`${A2}!C3`],
    expected: 0,
    actual: "100",
  },
  {
    name: "承認番号 short",
    rule: "identity.approvalNumber.format",
    which: "H002-2",
    edits: [[L, "B4", "14-BB-01"]],
    severity: "error",
    cells: [`${L}!B4`],
  },
  {
    name: "承認番号 twice",
    rule: "identity.approvalNumber.duplicate",
    which: "H002-2",
    edits: [[L, "B5", "14-BB-001"]],
    severity: "error",
    cells: [`${L}!B5`],
  },
  {
    name: "別紙1添付 with the seed's 稚/単",
    rule: "identity.facilityName.attachment",
    which: "H002-2",
    // the seed's 別紙1 OCR prints 津別稚板; here the 別紙1添付 carries it
    edits: [[ATT, "A3", "熱設備名称：津別稚板協同組合バイオマスエネルギーセンター"]],
    severity: "warning",
    cells: [`${ATT}!A3`],
    expected: "津別単板協同組合バイオマスエネルギーセンター",
    actual: "津別稚板協同組合バイオマスエネルギーセンター",
  },
  {
    name: "別紙1添付 naming no facility of 別紙1",
    rule: "identity.facilityName.attachment",
    which: "H002-1",
    edits: [[ATT, "A27", "熱設備名称：芦原温泉センター"]],
    severity: "warning",
    cells: [`${ATT}!A27`],
    actual: "芦原温泉センター",
  },
  {
    name: "別紙2 naming a facility one character off",
    rule: "identity.facilityName.allocation",
    which: "H002-2",
    // 説 for 設: one character (施設 for 設備 is two, and names no facility under the one near-miss policy)
    // in セイホク's own block (3, free row 28): in block 1 it would also hold 津別's tonnes
    edits: [[A2, "A28", "熱設備名称：セイホクバイオマス熱電供給説備"]],
    severity: "warning",
    cells: [`${A2}!A28`],
    expected: "セイホクバイオマス熱電供給設備",
    actual: "セイホクバイオマス熱電供給説備",
  },
  {
    name: "a GEC. formula left in 3.3",
    rule: "hygiene.gecFormula",
    which: "H002-2",
    edits: [[L, "N5", 186081657, "=GEC.Q_WB(L5,M5)"]],
    severity: "warning",
    cells: [`${L}!N5`],
    actual: "=GEC.Q_WB(L5,M5)",
  },
  {
    name: "#REF! in 4.1",
    rule: "hygiene.errorValue",
    which: "H002-2",
    edits: [[L, "W4", "#REF!"]],
    severity: "error",
    cells: [`${L}!W4`],
    actual: "#REF!",
  },
  {
    name: "3.1 typed as text",
    rule: "hygiene.numberAsText",
    which: "H002-2",
    edits: [[L, "L4", "494,794,207"]],
    severity: "info",
    cells: [`${L}!L4`],
    skip: ["textNumbers"],
  },
];

/** "別紙1!N5" in a layout moved by (dr, dc). */
function moved(address: string, dr: number, dc: number): string {
  const bang = address.lastIndexOf("!");
  const at = parseA1(address.slice(bang + 1)) as { row: number; col: number };
  return `${address.slice(0, bang)}!${columnLetters(at.col + dc)}${at.row + 1 + dr}`;
}

function build(c: Case, variant: SeedVariant): Grid {
  const dr = variant.shiftRows ?? 0;
  const dc = variant.shiftCols ?? 0;
  let grid = seedGrid(c.which, { ...variant, corrected: true });
  if (c.dropSheets) grid = { sheets: grid.sheets.filter((s) => !c.dropSheets?.includes(s.name)) };
  for (const [sheet, a1, value, formula] of c.edits) {
    const at = parseA1(a1) as { row: number; col: number };
    grid = withCell(grid, sheet, cellAddress({ row: at.row + dr, col: at.col + dc }), value, formula);
  }
  return grid;
}

cases.push(...RULE_CASE_FILES);

const describeFinding = (f: Finding) => `${f.rule} ${formatRef(f.ref)}`;

describe("the corrected seeds are clean", () => {
  it.each<SeedName>(["H002-2", "H002-1"])("%s: no finding but notes", (which) => {
    expect(
      validateGrid(seedGrid(which, { corrected: true })).findings.filter((f) => f.severity !== "info"),
    ).toEqual([]);
  });
});

describe.each(cases.map((c) => [`${c.rule}: ${c.name}`, c] as const))("%s", (_, c) => {
  const plain = validateGrid(build(c, {})).findings;

  it("is found at its cell with its severity and values, and no other error appears", () => {
    // the corrected seed's own notes (its S_B typed as "99.94%") are not this fault's
    const baseline = new Set(
      validateGrid(seedGrid(c.which, { corrected: true })).findings.map(describeFinding),
    );
    const mine = plain.filter((f) => f.rule === c.rule && !baseline.has(describeFinding(f)));
    expect(mine.map((f) => formatRef(f.ref))).toEqual(c.cells);
    for (const f of mine) expect(f.severity).toBe(c.severity);
    if (c.expected !== undefined) expect(mine[0].expected).toEqual(c.expected);
    if (c.actual !== undefined) expect(mine[0].actual).toEqual(c.actual);
    expect(mine[0].message.ja).toMatch(/\S/);
    expect(mine[0].message.en).toMatch(/\S/);
    const others = plain.filter((f) => f.severity === "error" && f.rule !== c.rule).map(describeFinding);
    expect(others.sort()).toEqual([...(c.alsoErrors ?? [])].sort());
  });

  const variants: [string, SeedVariant, "shift" | "textNumbers" | "ocrHeaders"][] = [
    ["3 rows down, 2 columns right", { shiftRows: 3, shiftCols: 2 }, "shift"],
    ["numbers typed as text", { textNumbers: true }, "textNumbers"],
    ["OCR headers and symbols", { ocrHeaders: true }, "ocrHeaders"],
  ];
  const shape = (findings: Finding[], dr: number, dc: number) =>
    findings
      .filter((f) => f.severity !== "info" || f.rule === c.rule)
      .map((f) => `${f.rule} ${moved(formatRef(f.ref), -dr, -dc)} ${f.severity}`)
      .sort();
  it.each(variants.filter(([, , key]) => !c.skip?.includes(key)))(
    "same findings, shifted: %s",
    (__, variant) => {
      const dr = variant.shiftRows ?? 0;
      const dc = variant.shiftCols ?? 0;
      const found = validateGrid(build(c, variant)).findings;
      const want = shape(plain, 0, 0);
      expect(
        shape(found, dr, dc).filter(
          (s) => !s.startsWith("hygiene.numberAsText") || c.rule === s.split(" ")[0],
        ),
      ).toEqual(want);
    },
  );
});

describe("form.notRecognized", () => {
  it("a workbook of unrelated text gives exactly that one finding", () => {
    const grid: Grid = {
      sheets: [
        {
          name: "買い物メモ",
          values: [
            ["りんご", 3, "牛乳"],
            [null, "明日の天気は晴れ", 42],
            ["Lorem ipsum", "dolor sit amet", null],
          ],
          origin: { row: 0, col: 0 },
        },
      ],
    };
    const report = validateGrid(grid);
    expect(report.findings.map((f) => [f.rule, f.severity, formatRef(f.ref)])).toEqual([
      ["form.notRecognized", "error", "買い物メモ!A1"],
    ]);
    expect(report.summary.recognized).toBe(false);
  });
});

describe("one fault, one finding (issue 9)", () => {
  it("F_B > F_T: the one finding at F_B names the derived cells it blocks", () => {
    const report = validateGrid(withCell(seedGrid("H002-2", { corrected: true }), L, "Q6", 418747573));
    const errors = report.findings.filter((f) => f.severity === "error");
    expect(errors.map(describeFinding)).toEqual([`range.fB.aboveFT ${L}!Q6`]);
    // the row's derived cells 3.3, 3.8–3.11 (N, S, T, U, V on row 6) cannot be computed, and the finding says so
    for (const cell of ["N6", "S6", "T6", "U6", "V6"]) expect(errors[0].message.en).toContain(`${L}!${cell}`);
  });

  it("an unreadable S_B is one finding (its recompute), not a second calling it blank", () => {
    const report = validateGrid(withCell(seedGrid("H002-2", { corrected: true }), L, "S4", "abc"));
    const errors = report.findings.filter((f) => f.severity === "error");
    expect(errors.map(describeFinding)).toEqual([`projectList.sB.recompute ${L}!S4`]);
    expect(errors[0].message.en).toMatch(/"abc"|abc, which is not a number/);
  });
});

describe("form.noFacilities", () => {
  it("a blank template is not ready to submit: one error at the 別紙1 header, and the summary counts it", () => {
    const report = validateGrid(templateToGrid(buildTemplate("H002-2", 3)));
    const mine = report.findings.filter((f) => f.rule === "form.noFacilities");
    expect(mine.map((f) => [f.severity, f.ref.sheet])).toEqual([["error", "別紙1"]]);
    expect(report.summary.errors).toBeGreaterThanOrEqual(1);
    expect(report.summary.facilities).toBe(0);
  });

  it("the seed with its facility rows has no such finding", () => {
    const report = validateGrid(seedGrid("H002-2", { corrected: true }));
    expect(report.findings.filter((f) => f.rule === "form.noFacilities")).toEqual([]);
  });
});

describe("fixtures cover every rule", () => {
  it("each rule of the registry has a fixture in this file (a per-quantity rule: at least one instance)", () => {
    // family 9's fixtures live in test/checks/monitoring.test.ts (they need the monitoring tables)
    const covered = new Set([
      ...cases.map((c) => c.rule),
      ...MONITORING_CASES.map((c) => c.rule),
      ...Object.keys(RULES_TESTED_ELSEWHERE),
      "form.notRecognized",
      "form.noFacilities",
      // crafted workbooks with a hidden or a second 別紙1: test/forms/sheets.test.ts
      "form.projectList.hidden",
      "form.projectList.second",
    ]);
    const missing = listRules()
      .filter((r) => !covered.has(r.id) && !(r.instances ?? []).some((i) => covered.has(i.id)))
      .map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it("every rule id in the sources is declared in the registry", () => {
    const dir = path.join(__dirname, "..", "..", "src");
    const files = [
      ...fs.readdirSync(path.join(dir, "checks")).map((f) => path.join(dir, "checks", f)),
      path.join(dir, "forms", "read.ts"),
    ].filter((f) => f.endsWith(".ts") && !f.endsWith("registry.ts"));
    const literal =
      /["`]((?:form|methodology|period|projectList|range|defaults|allocation|identity|hygiene|plan|attachment)\.[A-Za-z.${}]+)["`]/g;
    const declared = listRules().flatMap((r) => [r.id, ...(r.instances ?? []).map((i) => i.id)]);
    for (const file of files) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(literal)) {
        const pattern = new RegExp(`^${m[1].replace(/\./g, "\\.").replace(/\$\{[^}]+\}/g, "[A-Za-z]+")}$`);
        expect(declared.some((id) => pattern.test(id))).toBe(true);
      }
    }
  });
});

describe("the reader finds the new parts in other spellings", () => {
  it("熱設備名称 and its value in two cells", () => {
    let grid = withCell(seedGrid("H002-2", { corrected: true }), ATT, "A3", "熱設備名称");
    grid = withCell(grid, ATT, "B3", "津別単板協同組合 バイオマスエネルギーセンター");
    expect(validateGrid(grid).findings.filter((f) => f.severity !== "info")).toEqual([]);
    grid = withCell(grid, ATT, "B3", "津別単板協同組合バイオマスエネルギーセンタ");
    expect(
      validateGrid(grid)
        .findings.filter((f) => f.severity !== "info")
        .map(describeFinding),
    ).toEqual([`identity.facilityName.attachment ${ATT}!B3`]);
  });

  it("a fuel named in 2.2 without a figure (都市ガス in the seed's note) is no statement", () => {
    expect(FUEL_STATEMENT["H002-1"]).toMatch(/都市ガス/);
    const grid = withCell(
      seedGrid("H002-1", { corrected: true }),
      P,
      "D48",
      "都市ガス供給エリアに含まれていない",
    );
    expect(validateGrid(grid).findings.filter((f) => f.rule === "defaults.fuel.statement")).toEqual([]);
  });
});

describe("blank templates carry their own methodology's symbols and names", () => {
  it.each(METHODOLOGIES.map((m) => m.code))("%s", (code) => {
    const grid = templateToGrid(buildTemplate(code, 2));
    // the reader does find the template's 1.4 and 2.2 tables and its two 別紙1添付 blocks
    const read = readSubmission(grid);
    expect([read.symbolTables.map((t) => t.section), read.attachments.length]).toEqual([["1.4", "2.2"], 2]);
    const findings = validateGrid(grid).findings;
    expect(
      findings.filter((f) => /^(methodology|identity|defaults)\./.test(f.rule)).map(describeFinding),
    ).toEqual([]);
  });
});

describe("docs/rules.md", () => {
  it("is the registry's (npm run docs writes it)", () => {
    const file = path.join(__dirname, "..", "..", "docs", "rules.md");
    expect(fs.readFileSync(file, "utf8")).toBe(rulesMarkdown());
  });
});
