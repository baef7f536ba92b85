// Family 12 beyond the fixture cases: the template's role layout, and the monitoring checks of a facility using the
// rated kW and the roundings its 別紙1添付 block states (attachment.ratedPower.mismatch needs a monitoring table).
import { buildTemplate, planFill, readSubmission, templateToGrid, validateGrid } from "../../src/engine";
import { explainCell } from "../../src/explain";
import { cellAddress, formatRef } from "../../src/forms/a1";
import { SHEET_NAMES } from "../../src/forms/layout";
import type { Finding, Grid } from "../../src/types";
import { REDACTED, seedGrid, withCell } from "../fixtures/seedSubmissions";
import { cellOf, monitoredGrid } from "../fixtures/monitoring";

const where = (f: Finding) => `${f.rule} ${formatRef(f.ref)}`;
const ATT = SHEET_NAMES.attachment;
const letter = (col: number) => cellAddress({ row: 0, col }).replace(/\d+/g, "");

/** 津別's Q_BL and E_PS method texts (別紙1添付 C20, C21 of the plain seed). */
function tsubetsuText(a1: "C20" | "C21"): string {
  const sheet = seedGrid("H002-2", { corrected: true }).sheets[2];
  return String(sheet.values[a1 === "C20" ? 19 : 20][2]);
}

describe("attachment.role.blank in the template's layout (label and input side by side)", () => {
  // the template (src/template/index.ts) writes, for one facility: (1) 責任者 A6 → B6, 実施者 C6 → D6; (2) the same
  // in row 8; (3) 報告書作成者, 報告書最終承認者, 報告書受領者 in A10:A12, their inputs in B10:B12
  const inputs = ["B6", "D6", "B8", "D8", "B10", "B11", "B12"];
  const template = (): Grid => templateToGrid(buildTemplate("H002-2", 1));

  it("reads each role's input cell to the right of its label", () => {
    const block = readSubmission(template()).attachments[0];
    expect(block.roles.map((r) => formatRef(r.at))).toEqual(inputs.map((a) => `${ATT}!${a}`));
    expect(block.roles.every((r) => r.label !== null && r.values.length === 0)).toBe(true);
  });

  it("an untouched template block gives no attachment finding (its part is not filled: form.*)", () => {
    expect(validateGrid(template()).findings.filter((f) => f.rule.startsWith("attachment."))).toEqual([]);
  });

  it("every role named but データの測定 実施者: one error, at D8", () => {
    let g = template();
    for (const a1 of inputs) if (a1 !== "D8") g = withCell(g, ATT, a1, a1 === "B6" ? "非公開" : "山田 太郎");
    const roles = validateGrid(g).findings.filter((f) => f.rule === "attachment.role.blank");
    expect(roles.map(where)).toEqual([`attachment.role.blank ${ATT}!D8`]);
    expect(roles[0].message.ja).toContain("データの測定");
    expect(roles[0].message.ja).toContain("実施者");
    g = withCell(g, ATT, "D8", REDACTED);
    expect(validateGrid(g).findings.filter((f) => f.rule === "attachment.role.blank")).toEqual([]);
  });
});

describe("the monitoring checks use the facility's 別紙1添付 block", () => {
  it("a table's 補機定格出力 1200 kW against 津別's stated 1198.5 kW: a warning naming both", () => {
    const { grid, places } = monitoredGrid();
    const t = places[0];
    const header = t.firstMonth; // 1-based row of the header = 0-based first month
    let g = withCell(grid, t.sheet, `P${header}`, "補機定格出力 (kW)");
    for (let m = 0; m < 12; m++) g = withCell(g, t.sheet, `P${t.firstMonth + m + 1}`, 1200);
    const findings = validateGrid(g).findings;
    const warned = findings.filter((f) => f.rule === "attachment.ratedPower.mismatch");
    expect(warned.map(where)).toEqual([`attachment.ratedPower.mismatch ${t.sheet}!P${t.firstMonth + 1}`]);
    expect(warned[0]).toMatchObject({ severity: "warning", expected: "1198.5", actual: "1200" });
    expect(warned[0].message.ja).toMatch(/1200 kW（12 か月）.*1198\.5 kW/);
    expect(findings.filter((f) => f.severity !== "info").map(where)).toEqual([
      `attachment.ratedPower.mismatch ${t.sheet}!P${t.firstMonth + 1}`,
    ]);
    // the stated kW typed in the table: no warning
    let same = withCell(grid, t.sheet, `P${header}`, "補機定格出力 (kW)");
    for (let m = 0; m < 12; m++) same = withCell(same, t.sheet, `P${t.firstMonth + m + 1}`, 1198.5);
    expect(
      validateGrid(same)
        .findings.filter((f) => f.severity !== "info")
        .map(where),
    ).toEqual([]);
  });

  /** 津別's table with 稼働時間 instead of 補機消費電力量, and no 補機定格出力 column: E_PS needs the block's kW. */
  function hoursOnly(): { g: Grid; sheet: string } {
    const { grid, places } = monitoredGrid();
    const t = places[0];
    let g = withCell(grid, t.sheet, `${letter(t.columns.ePsMonth)}${t.firstMonth}`, "備考");
    g = withCell(g, t.sheet, `Q${t.firstMonth}`, "稼働時間 (h)");
    for (let m = 0; m < 12; m++)
      g = withCell(g, t.sheet, `Q${t.firstMonth + m + 1}`, m === 11 ? 456.9692 : 465);
    return { g, sheet: t.sheet };
  }

  it("E_PS = 稼働時間 × the block's 補機定格出力 1198.5 kW reproduces 3.2", () => {
    // 11 × 465 h + 456.9692 h = 5,571.9692 h; × 1198.5 kW = 6,678,005.0862 kWh → ROUNDDOWN 6,678,005 (3.2, seed)
    const findings = validateGrid(hoursOnly().g).findings;
    expect(findings.filter((f) => f.severity !== "info").map(where)).toEqual([]);
    const note = findings.find((f) => f.rule === "monitoring.convention" && formatRef(f.ref) === "別紙1!L4");
    expect(note?.actual).toBe("3.1=sumDown, 3.2=sumDown/ePsRated");
  });

  it("the block stating 1200 kW instead: 3.2 no longer follows", () => {
    const text = tsubetsuText("C21");
    expect(text).toContain("補機定格出力1198.5kW");
    const g = withCell(hoursOnly().g, ATT, "C21", text.replace("1198.5kW", "1200kW"));
    // 5,571.9692 h × 1200 kW = 6,686,363.04 kWh → ROUNDDOWN 6,686,363
    const eps = validateGrid(g).findings.filter((f) => f.rule === "monitoring.ePs.fromTable");
    expect(eps.map(where)).toEqual(["monitoring.ePs.fromTable 別紙1!M4"]);
    expect(eps[0].expected).toBe("6686363");
  });

  it("the block stating 絶対圧力 (小数点第4位切上): p_abs is checked as ROUNDUP(…, 3)", () => {
    const { grid, places } = monitoredGrid();
    const t = places[0];
    const text = tsubetsuText("C20");
    const stated = text.replace("絶対圧力の数値(小数点第3位切上)", "絶対圧力の数値(小数点第4位切上)");
    expect(stated).not.toBe(text);
    const findings = validateGrid(withCell(grid, ATT, "C20", stated)).findings;
    // April: ROUNDUP(ROUNDUP(0.84237, 3) + 0.101325, 3) = ROUNDUP(0.944325, 3) = 0.945; the table holds 0.95
    const april = findings.find(
      (f) =>
        f.rule === "monitoring.pAbs.recompute" && formatRef(f.ref) === `${t.sheet}!${cellOf(t, "pAbs", 0)}`,
    );
    expect(april).toMatchObject({ expected: "0.945", actual: "0.95" });
    // only 津別's table is checked with 津別's digits
    const pAbs = findings.filter((f) => f.rule === "monitoring.pAbs.recompute");
    const rows = new Set(Array.from({ length: 12 }, (_, m) => `${t.sheet}!${cellOf(t, "pAbs", m)}`));
    expect(pAbs.length).toBeGreaterThan(0);
    expect(pAbs.every((f) => rows.has(formatRef(f.ref)))).toBe(true);
    const info = findings.filter((f) => f.rule === "attachment.digits.stated");
    expect(info.map(where)).toEqual([`attachment.digits.stated ${ATT}!C20`]);
    expect(info[0].message.ja).toContain("ROUNDUP(…, 3)");
    // the seed's own text: the table checks clean
    expect(validateGrid(grid).findings.filter((f) => f.rule === "monitoring.pAbs.recompute")).toEqual([]);
  });

  it("the block stating 標準大気圧(0.1MPa): p_abs is checked with it", () => {
    const { grid, places } = monitoredGrid();
    const t = places[0];
    const stated = tsubetsuText("C20").replace("標準大気圧(0.101325MPa)", "標準大気圧(0.1MPa)");
    const findings = validateGrid(withCell(grid, ATT, "C20", stated)).findings;
    // February 2021 (month 10): ROUNDUP(ROUNDUP(0.70908, 3) + 0.1, 2) = ROUNDUP(0.81, 2) = 0.81; the table holds
    // ROUNDUP(0.710 + 0.101325, 2) = 0.82. April: ROUNDUP(0.843 + 0.1, 2) = 0.95, as the table holds
    const pAbs = findings.filter((f) => f.rule === "monitoring.pAbs.recompute");
    const feb = pAbs.find((f) => formatRef(f.ref) === `${t.sheet}!${cellOf(t, "pAbs", 10)}`);
    expect(feb).toMatchObject({ expected: "0.81", actual: "0.82" });
    expect(pAbs.some((f) => formatRef(f.ref) === `${t.sheet}!${cellOf(t, "pAbs", 0)}`)).toBe(false);
  });
});

describe("the fill writes a facility's months by its block's roundings", () => {
  it("絶対圧力 (小数点第4位切上) stated: April's p_abs is written 0.945, and the formula rounds to 3", () => {
    const { grid, places } = monitoredGrid({ inputsOnly: true });
    const t = places[0];
    const stated = tsubetsuText("C20").replace(
      "絶対圧力の数値(小数点第3位切上)",
      "絶対圧力の数値(小数点第4位切上)",
    );
    const cell = `${t.sheet}!${cellOf(t, "pAbs", 0)}`;
    const plain = planFill(grid, { formulas: true }).writes.find((w) => formatRef(w.ref) === cell);
    // the seed's procedure: ROUNDUP(ROUNDUP(0.84237, 3) + 0.101325, 2) = 0.95
    expect(plain?.value).toBe(0.95);
    const writes = planFill(withCell(grid, ATT, "C20", stated), { formulas: true }).writes;
    const april = writes.find((w) => formatRef(w.ref) === cell);
    // ROUNDUP(ROUNDUP(0.84237, 3) + 0.101325, 3) = ROUNDUP(0.944325, 3) = 0.945
    expect(april?.value).toBe(0.945);
    expect(april?.formula).toContain("ROUNDUP(ROUNDUP(C5,3)+0.101325,3)");
  });
});

describe("explain shows a facility's month by its block's roundings", () => {
  it("p_abs of 津別's April: ROUNDUP(…, 3) = 0.945 where the block states 小数点第4位切上", () => {
    const { grid, places } = monitoredGrid();
    const t = places[0];
    const stated = tsubetsuText("C20").replace(
      "絶対圧力の数値(小数点第3位切上)",
      "絶対圧力の数値(小数点第4位切上)",
    );
    const ref = { sheet: t.sheet, row: t.firstMonth, col: t.columns.pAbs };
    const result = explainCell(withCell(grid, ATT, "C20", stated), ref);
    if (result.kind !== "explained") throw new Error("not explained");
    // ROUNDUP(ROUNDUP(0.84237, 3) + 0.101325, 3) = 0.945; the cell holds the seed procedure's 0.95
    expect(result.explanation.expected).toBe("0.945");
    expect(result.explanation.agrees).toBe(false);
    const seed = explainCell(grid, ref);
    expect(seed.kind === "explained" && seed.explanation.expected).toBe("0.95");
  });
});

describe("a stated rounding no record can hold", () => {
  it("小数点第0位 or 第99位 is no rounding: the procedure's own digits stay (seed: ROUNDUP to 3 for the mean pressure)", () => {
    for (const place of ["0", "99"]) {
      const text = tsubetsuText("C20").replace(
        "月平均値(小数点第4位切上)",
        `月平均値(小数点第${place}位切上)`,
      );
      expect(text).toContain(`第${place}位`);
      const block = readSubmission(withCell(seedGrid("H002-2", { corrected: true }), ATT, "C20", text))
        .attachments[0];
      expect(block.plan.digits.pressureMean).toBeUndefined();
    }
    // the seed's own text states 第4位切上: ROUNDUP to 3 decimals (seed line 178)
    const seed = readSubmission(seedGrid("H002-2", { corrected: true })).attachments[0];
    expect(seed.plan.digits.pressureMean).toMatchObject({ places: 3, mode: "up" });
  });
});
