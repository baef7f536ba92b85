// The seed's checkable facts, one at a time: each changed on the corrected H002-2 / H002-1 submission as a verifier
// would try it, and the finding that catches it. The list is the inventory the closing notes count ("N of M"): before
// issue 17, 30 of these 73 changes gave a finding; every one does now.
import { validateGrid } from "../../src/engine";
import { formatRef } from "../../src/forms/a1";
import type { CellValue, Finding, Grid } from "../../src/types";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import type { SeedName } from "../fixtures/seedSubmissions";
import { A2, ATT, L, P } from "./ruleCase";
import { METHODOLOGIES } from "../../src/methodology";

interface Fact {
  /** What the verifier checks, as the form prints it. */
  fact: string;
  which?: SeedName;
  edits?: [string, string, CellValue][];
  dropSheets?: string[];
  /** The rule expected to catch it (a prefix is enough for per-quantity rules). */
  rule: string;
}

const tick = (code: string) => `A${5 + METHODOLOGIES.findIndex((m) => m.code === code)}`;
const name = (code: string) => `C${5 + METHODOLOGIES.findIndex((m) => m.code === code)}`;
const H1 = "H002-1" as const;

export const SEED_FACTS: Fact[] = [
  // 様式3-2
  {
    fact: "1.1 names the methodology of 1.3",
    edits: [[P, "B2", "バイオマス熱（木質バイオマス熱利用システム）を利用した熱生成によるCO₂排出削減"]],
    rule: "plan.",
  },
  { fact: "1.2 points to 別紙1", edits: [[P, "B19", null]], rule: "form.planPart" },
  {
    fact: "1.3 exactly one box ticked",
    edits: [[P, tick("H002-1"), "■"]],
    rule: "methodology.checked.count",
  },
  {
    fact: "1.3 the ticked row carries its own name",
    edits: [[P, name("H002-2"), "バイオマス熱（木質バイオマス熱利用システム）"]],
    rule: "plan.",
  },
  {
    fact: "1.3 the table holds all 14 codes",
    edits: [
      [P, "B5", null],
      [P, "C5", null],
    ],
    rule: "plan.",
  },
  {
    fact: "1.4 the constant 9.484",
    edits: [[P, "A21", "Q_WB = Q_BL − (E_PS × 9.76 [MJ_HHV/kWh]*)"]],
    rule: "plan.",
  },
  { fact: "1.4 S_B = F_B ÷ F_T", edits: [[P, "A22", "S_B = F_B − F_T"]], rule: "plan." },
  { fact: "1.4 the EM_WB line is there", edits: [[P, "A23", null]], rule: "plan." },
  {
    fact: "1.4 the symbol table names E_PS",
    edits: [
      [P, "A28", null],
      [P, "B28", null],
      [P, "C28", null],
    ],
    rule: "plan.",
  },
  { fact: "1.4 E_PS in kWh", edits: [[P, "C28", "MWh"]], rule: "plan." },
  { fact: "1.4 only the methodology's symbols", edits: [[P, "A25", "EPG"]], rule: "methodology.symbols" },
  {
    fact: "1.5 the dates are given",
    edits: [
      [P, "B37", null],
      [P, "B38", null],
    ],
    rule: "period.missing",
  },
  { fact: "1.5 start before end", edits: [[P, "B38", "2020年3月31日"]], rule: "period.order" },
  { fact: "1.5 one fiscal year", edits: [[P, "B38", "2021年4月30日"]], rule: "plan." },
  { fact: "1.6 a declared change is described", edits: [[P, "A41", "有り"]], rule: "plan." },
  { fact: "2.1 the monitoring structure is described", edits: [[P, "B43", null]], rule: "form.planPart" },
  { fact: "2.2 only the methodology's symbols", edits: [[P, "A46", "EPG"]], rule: "methodology.symbols" },
  {
    fact: "2.2 the stated fuel factor is 3.4's",
    edits: [
      [
        P,
        "D48",
        "デフォルト値を使用 ・燃料の種類：灯油 二酸化炭素排出係数：0.0700tCO ₂ /GJ ・燃料の種類：重油 二酸化炭素排出係数：0.0693tCO ₂ /GJ なお、都市ガス供給エリアに含まれていないことを確認。",
      ],
    ],
    rule: "defaults.fuel.statement",
  },
  {
    fact: "2.2 the stated boiler efficiency is 3.5's",
    edits: [[P, "D49", "デフォルト値を使用 ボイラの設備効率95%（低位発熱量ベース）"]],
    rule: "plan.",
  },
  { fact: "2.2 E_PS なし only where 3.2 is 0", edits: [[P, "D47", "なし"]], rule: "plan." },
  {
    fact: "2.2 助燃剤なし only where S_B is 100 %",
    edits: [[P, "D50", "なお、助燃剤は使用されていないため、バイオマス比率は100%とする。"]],
    rule: "plan.",
  },
  {
    fact: "2.2 an oil baseline states the 都市ガス area",
    edits: [
      [
        P,
        "D48",
        "デフォルト値を使用 ・燃料の種類：灯油 二酸化炭素排出係数：0.0678tCO ₂ /GJ ・燃料の種類：重油 二酸化炭素排出係数：0.0693tCO ₂ /GJ",
      ],
    ],
    rule: "plan.",
  },
  { fact: "3.1 points to 別紙2 1.", edits: [[P, "A55", null]], rule: "form.planPart" },
  { fact: "3.2 points to 別紙2 2.", edits: [[P, "A57", null]], rule: "form.planPart" },
  // the sheets
  { fact: "様式3-2 is part of the submission", dropSheets: [P], rule: "form." },
  { fact: "別紙1添付 is part of the submission", dropSheets: [ATT], rule: "form." },
  { fact: "別紙2 is part of the submission", dropSheets: [A2], rule: "form." },
  // 別紙1, row 4 (津別) unless said
  { fact: "承認番号 NN-XX-NNN", edits: [[L, "B4", "14-BB-01"]], rule: "identity.approvalNumber.format" },
  { fact: "承認番号 unique", edits: [[L, "B5", "14-BB-001"]], rule: "identity.approvalNumber.duplicate" },
  {
    fact: "1.1 carries its (yyyy年度)",
    edits: [[L, "C4", "津別単板協同組合バイオマスエネルギーセンター"]],
    rule: "period.fiscalYearInName.missing",
  },
  {
    fact: "1.1's (yyyy年度) is the period's",
    edits: [[L, "C4", "津別単板協同組合バイオマスエネルギーセンター (2019年度)"]],
    rule: "period.fiscalYearInName",
  },
  { fact: "1.2 所在地 given", edits: [[L, "D4", null]], rule: "form." },
  { fact: "1.4 設備容量 given", edits: [[L, "F4", null]], rule: "form." },
  {
    fact: "1.5 運転開始 before the period ends",
    edits: [[L, "G4", "令和4年1月"]],
    rule: "period.operationStart.afterPeriod",
  },
  { fact: "1.6 a heat facility is 自家消費", edits: [[L, "H4", "系統"]], rule: "form." },
  {
    fact: "1.7 a heat facility has no 受電地点特定番号",
    edits: [[L, "I4", "0123456789012345678901"]],
    rule: "form.",
  },
  { fact: "2. 追加性要件 given", edits: [[L, "J4", null]], rule: "form." },
  { fact: "※1 given", edits: [[L, "K4", null]], rule: "form." },
  { fact: "※1 ≥ 3.1", edits: [[L, "K5", 257572285]], rule: "range." },
  { fact: "3.1 not negative", edits: [[L, "L4", -494794207]], rule: "range." },
  { fact: "3.2 a number", edits: [[L, "M4", "abc"]], rule: "projectList.ePs.unreadable" },
  { fact: "3.3 Q_WB reproduces (R1)", edits: [[L, "N5", 186081857]], rule: "projectList.qWb.recompute" },
  { fact: "3.4 a default fuel factor", edits: [[L, "O4", 0.07]], rule: "defaults.cefFuel.unknown" },
  {
    fact: "3.5 ε_BL = 0.98 × LHV/HHV of 3.4's fuel",
    edits: [[L, "P4", 0.92022]],
    rule: "defaults.epsBl.mismatch",
  },
  { fact: "3.6 F_B ≤ 3.7 F_T", edits: [[L, "Q5", 910724807]], rule: "range.fB" },
  { fact: "3.8 S_B reproduces (R3)", edits: [[L, "S5", "99.95%"]], rule: "projectList.sB.recompute" },
  {
    fact: "3.9 CEF/ε reproduces (R2)",
    edits: [[L, "T4", 0.0748]],
    rule: "projectList.emissionFactor.recompute",
  },
  { fact: "3.10 EM_WB reproduces (R4)", edits: [[L, "U6", 11775927]], rule: "projectList.emKg.recompute" },
  { fact: "3.11 t reproduces (R5)", edits: [[L, "V4", 32317]], rule: "projectList.emT.recompute" },
  { fact: "合計 = Σ rows' t (R6)", edits: [[L, "V7", 57779]], rule: "projectList.total.recompute" },
  { fact: "5.1/5.2 inside 1.5", edits: [[L, "Y4", "2020年3月1日"]], rule: "period.row.outside" },
  {
    fact: "5.1 before 5.2",
    edits: [
      [L, "Y4", "2021年3月1日"],
      [L, "Z4", "2020年5月31日"],
    ],
    rule: "period.",
  },
  { fact: "5.1 a date", edits: [[L, "Y4", "いつか"]], rule: "period.row.unreadable" },
  // 別紙1添付, block 1
  {
    fact: "別紙1添付 種別方法論名称 is 1.3's",
    edits: [[ATT, "A1", "種別方法論名称：バイオマス熱（木質バイオマス熱利用システム）"]],
    rule: "methodology.attachment",
  },
  {
    fact: "別紙1添付 熱設備名称 is 別紙1's",
    edits: [[ATT, "A3", "熱設備名称：津別稚板協同組合バイオマスエネルギーセンター"]],
    rule: "identity.facilityName.attachment",
  },
  {
    fact: "別紙1添付 one block per facility",
    edits: [
      [ATT, "A25", null],
      [ATT, "A27", null],
    ],
    rule: "form.",
  },
  { fact: "別紙1添付 計量器維持・管理 責任者 named", edits: [[ATT, "A9", null]], rule: "attachment." },
  { fact: "別紙1添付 データの測定 実施者 named", edits: [[ATT, "B12", null]], rule: "attachment." },
  { fact: "別紙1添付 報告書作成者 named", edits: [[ATT, "B14", null]], rule: "attachment." },
  { fact: "別紙1添付 報告書最終承認者 named", edits: [[ATT, "B15", null]], rule: "attachment." },
  {
    fact: "別紙1添付 only the methodology's symbols",
    edits: [[ATT, "A20", "Q_XY"]],
    rule: "methodology.symbols",
  },
  { fact: "別紙1添付 モニタリング方法 per symbol", edits: [[ATT, "C21", null]], rule: "attachment." },
  { fact: "別紙1添付 提出書類 per symbol", edits: [[ATT, "D21", null]], rule: "attachment." },
  // 別紙2
  {
    fact: "別紙2 block t = the row's t (R7)",
    edits: [[A2, "C2", 32317]],
    rule: "allocation.facility.tonnes",
  },
  {
    fact: "別紙2 Σ = 別紙1 合計 (R7)",
    edits: [
      [A2, "A14", null],
      [A2, "A26", null],
    ],
    rule: "allocation.total",
  },
  { fact: "別紙2 販売電力量 0 for heat", edits: [[A2, "C3", 100]], rule: "allocation.powerSold.heat" },
  {
    fact: "別紙2 a named block holds its facility's t",
    edits: [[A2, "A4", "熱設備名称：セイホクバイオマス熱電供給設備"]],
    rule: "allocation.",
  },
  { fact: "別紙2 Σ 保有予定量 ≤ block t", edits: [[A2, "C7", 40000]], rule: "allocation." },
  {
    fact: "別紙2 holders or 配分予定なし given",
    edits: [
      [A2, "A7", null],
      [A2, "B7", null],
      [A2, "C7", null],
      [A2, "A8", null],
      [A2, "C8", null],
    ],
    rule: "allocation.",
  },
  { fact: "別紙2 帰属先 given", edits: [[A2, "A11", null]], rule: "allocation." },
  // hygiene
  { fact: "no GEC. formula left", edits: [], rule: "hygiene.gecFormula" },
  { fact: "no error value", edits: [[L, "N4", "#REF!"]], rule: "hygiene.errorValue" },
  // H002-1
  {
    fact: "H002-1: 3.9 reproduces",
    which: H1,
    edits: [[L, "T4", 0.0738]],
    rule: "projectList.emissionFactor.recompute",
  },
  {
    fact: "H002-1: 2.2 E_PS なし with 3.2 = 0 stays quiet (no finding expected)",
    which: H1,
    edits: [],
    rule: "",
  },
];

function build(f: Fact): Grid {
  let grid = seedGrid(f.which ?? "H002-2", { corrected: true });
  for (const [sheet, a1, value] of f.edits ?? []) grid = withCell(grid, sheet, a1, value);
  if (f.fact === "no GEC. formula left") grid = withCell(grid, L, "N4", 431460008, "=GEC.Q_WB(L4,M4)");
  if (f.dropSheets) grid = { sheets: grid.sheets.filter((s) => !f.dropSheets?.includes(s.name)) };
  return grid;
}

const key = (x: Finding) => `${x.rule} ${formatRef(x.ref)}`;

/** What each fact's change gives beyond the corrected seed's own notes. */
function caught(f: Fact): Finding[] {
  const baseline = new Set(
    validateGrid(seedGrid(f.which ?? "H002-2", { corrected: true })).findings.map(key),
  );
  return validateGrid(build(f)).findings.filter((x) => x.severity !== "info" && !baseline.has(key(x)));
}

describe("the seed's checkable facts", () => {
  const quiet = SEED_FACTS.filter((f) => f.rule === "" && (f.edits ?? []).length === 0);
  const facts = SEED_FACTS.filter((f) => !quiet.includes(f));

  it.each(facts.map((f) => [f.fact, f] as const))("%s: a change is caught", (_, f) => {
    const found = caught(f);
    expect(found.length).toBeGreaterThan(0);
    if (f.rule !== "") expect(found.map((x) => x.rule).some((r) => r.startsWith(f.rule))).toBe(true);
  });

  it.each(quiet.map((f) => [f.fact, f] as const))("%s", (_, f) => {
    expect(caught(f)).toEqual([]);
  });
});
