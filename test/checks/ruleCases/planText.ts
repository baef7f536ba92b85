// Family 11 (the plan's text) and the plan's parts (form.planPart.missing): one fault of the plan sheet per case.
import { PLAN_NAME } from "../../fixtures/seedSubmissions";
import { L, P } from "../ruleCase";
import type { Case } from "../ruleCase";

const at = (a1: string) => `'${P}'!${a1}`;
/** H002-1's 2.2 CEF row (D48) without its 都市ガス sentence (seed line 435 has it). */
const KEROSENE_ONLY = "デフォルト値を使用 ・燃料の種類：灯油 二酸化炭素排出係数：0.0678tCO ₂ /GJ";

export const PLAN_TEXT_CASES: Case[] = [
  {
    name: "1.1 naming H002-1 while 1.3 checks H002-2",
    rule: "plan.name.methodology",
    which: "H002-2",
    edits: [[P, "B2", PLAN_NAME["H002-1"]]],
    severity: "error",
    cells: [at("B2")],
    expected: "H002-2 バイオマス熱（木質バイオマス蒸気供給施設（熱電供給システム））",
    actual: PLAN_NAME["H002-1"],
  },
  {
    name: "the P001 row of 1.3 carrying P002's name",
    rule: "plan.methodologyTable.name",
    which: "H002-2",
    edits: [[P, "C5", "太陽光発電"]],
    severity: "warning",
    cells: [at("C5")],
    expected: "風力発電",
    actual: "太陽光発電",
  },
  {
    name: "the H003 row of 1.3 deleted",
    rule: "plan.methodologyTable.missing",
    which: "H002-2",
    // H003 is the 14th row: 5 + 13 = 18, after H002-2's row 17
    edits: [
      [P, "A18", null],
      [P, "B18", null],
      [P, "C18", null],
    ],
    severity: "warning",
    cells: [at("B18")],
    expected: "H003 雪氷エネルギー（熱交換冷水循環式雪氷エネルギー施設）",
  },
  {
    name: "1.4's S_B line printing − for ÷",
    rule: "plan.formula.changed",
    which: "H002-2",
    edits: [[P, "A22", "S_B = F_B − F_T"]],
    severity: "error",
    cells: [at("A22")],
    expected: "S_B = F_B ÷ F_T",
    actual: "S_B = F_B − F_T",
  },
  {
    name: "1.4's Q_WB line printing 9.76 for 9.484",
    rule: "plan.formula.constant",
    which: "H002-2",
    edits: [[P, "A21", "Q_WB = Q_BL − (E_PS × 9.76 [MJ_HHV/kWh]*)"]],
    severity: "error",
    cells: [at("A21")],
    expected: "9.484",
    actual: "9.76",
  },
  {
    name: "1.4's EM_WB line deleted",
    rule: "plan.formula.missing",
    which: "H002-1",
    edits: [[P, "A23", null]],
    severity: "error",
    // where it belongs: the row after the S_B line (A22)
    cells: [at("A23")],
    expected: "EM_WB = Q_WB × S_B × (CEF_fuel,BL ÷ ε_BL)",
  },
  {
    name: "1.4 with a line of another methodology",
    rule: "plan.formula.extra",
    which: "H002-2",
    // no free row between the last line (23) and the 記号 header (24): the line is typed right of the heading
    edits: [[P, "B20", "EPC = EPG − EPS − EPA"]],
    severity: "warning",
    cells: [at("B20")],
    actual: "EPC = EPG − EPS − EPA",
  },
  {
    name: "1.4's symbol table without F_T",
    rule: "plan.symbolTable.missing",
    which: "H002-2",
    // F_T is the table's last row (34)
    edits: [
      [P, "A34", null],
      [P, "B34", null],
      [P, "C34", null],
    ],
    severity: "error",
    cells: [at("A24")],
    expected: "F_T",
  },
  {
    name: "E_PS in MWh in 1.4's symbol table",
    rule: "plan.symbolTable.unit",
    which: "H002-2",
    // H002-2's table: Q_WB 25 (its definition continues on 26), Q_BL 27, EPS 28
    edits: [[P, "C28", "MWh"]],
    severity: "error",
    cells: [at("C28")],
    expected: "kWh",
    actual: "MWh",
  },
  {
    name: "1.5 running into April 2021",
    rule: "plan.period.fiscalYears",
    which: "H002-2",
    edits: [[P, "B38", "2021年4月30日"]],
    severity: "warning",
    cells: [at("B38")],
    // 2020-04-01 is in fiscal 2020, 2021-04-30 in fiscal 2021
    expected: "2020年度",
    actual: "2020〜2021年度",
  },
  {
    name: "1.6 有り with nothing said",
    rule: "plan.changes.unstated",
    which: "H002-2",
    edits: [[P, "A41", "有り"]],
    severity: "error",
    cells: [at("A41")],
    actual: "有り",
  },
  {
    name: "1.6 declaring a change",
    rule: "plan.changes.declared",
    which: "H002-1",
    edits: [[P, "A41", "有り：ボイラの更新（あわら温泉1号）"]],
    severity: "warning",
    cells: [at("A41")],
    actual: "有り：ボイラの更新（あわら温泉1号）",
  },
  {
    name: "2.2 saying E_PS なし while 3.2 > 0",
    rule: "plan.monitoring.noneButMeasured",
    which: "H002-2",
    // 2.2 rows from 46: Q_BL 46, E_PS 47; H002-2's 3.2 are 6,678,005 / 7,538,025 / 3,751,134 kWh
    edits: [[P, "D47", "なし"]],
    severity: "error",
    cells: [at("D47")],
    expected: "0",
    actual: "6678005",
  },
  {
    name: "2.2 saying 助燃剤なし (100 %) while 川辺 and セイホク burn oil",
    rule: "plan.monitoring.auxiliaryFuel",
    which: "H002-2",
    edits: [[P, "D50", "なお、助燃剤は使用されていないため、バイオマス比率は100%とする。"]],
    severity: "error",
    // 3.8 of 川辺 99.94 % (S5) and セイホク 99.96 % (S6); 津別 is 100 %
    cells: [`${L}!S5`, `${L}!S6`],
    expected: "100%",
    actual: "99.94%",
  },
  {
    name: "2.2 stating a 95 % boiler while 3.5 uses 98 %",
    rule: "plan.monitoring.boilerEfficiency",
    which: "H002-2",
    edits: [[P, "D49", "デフォルト値を使用 ボイラの設備効率95%（低位発熱量ベース）"]],
    severity: "error",
    // 0.92512 ÷ 0.944 (A重油) = 0.98 and 0.92022 ÷ 0.939 (灯油) = 0.98
    cells: [at("D49")],
    expected: "98%",
    actual: "95%",
  },
  {
    name: "2.2 stating kerosene without the 都市ガス area sentence",
    rule: "plan.monitoring.cityGasNote",
    which: "H002-1",
    edits: [[P, "D48", KEROSENE_ONLY]],
    severity: "warning",
    cells: [at("D48")],
  },
  {
    name: "1.1 left blank",
    rule: "form.planPart.missing",
    which: "H002-2",
    edits: [[P, "B2", null]],
    severity: "error",
    cells: [at("A2")],
    expected: "1.1 計画の名称",
  },
  {
    name: "2.1 removed with its heading",
    rule: "form.planPart.missing",
    which: "H002-1",
    edits: [
      [P, "A43", null],
      [P, "B43", null],
    ],
    severity: "error",
    // where it belongs: before 2.2's heading
    cells: [at("A44")],
    expected: "2.1 各グリーンエネルギーCO2削減事業の実施者によるモニタリング方法及び報告方法",
  },
];
