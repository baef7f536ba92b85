// Family 4, 別紙2 blocks: matched to 別紙1 by the facility they name, their holders and 帰属先 (plain-layout cells of
// test/checks/ruleCase.ts: block 1 tCO2 C2, free row 4, 保有予定者 A7:C7, 配分予定なし C8, 帰属先 A11; block 2 from row 13).
import type { Case } from "../ruleCase";
import { A2, L } from "../ruleCase";

// the seed's H002-2 blocks hold 32,316 / 13,687 / 11,775 t (seed line 294; 津別, 川辺, セイホク), 合計 57,778
export const ALLOCATION_CASES: Case[] = [
  {
    name: "a block labelled セイホク holding 津別's tonnes",
    rule: "allocation.facility.tonnes",
    which: "H002-2",
    // block 1 names セイホク (11,775 t) but holds 32,316 t, 津別's: by position it passed; one finding, no second
    // for 津別 having no block named (the block that holds its tonnes is this one)
    edits: [[A2, "A4", "熱設備名称：セイホクバイオマス熱電供給設備"]],
    severity: "error",
    cells: [`${A2}!C2`],
    expected: "11775",
    actual: "32316",
  },
  {
    name: "two blocks name セイホク, none 川辺",
    rule: "allocation.facility.missing",
    which: "H002-2",
    // block 2 is relabelled セイホク with セイホク's 11,775 t; block 3 (unnamed) stays セイホク's by position
    edits: [
      [A2, "A16", "熱設備名称：セイホクバイオマス熱電供給設備"],
      [A2, "C14", 11775],
    ],
    severity: "error",
    cells: [`${L}!C5`],
    expected: "川辺木質バイオマス熱電供給設備",
  },
  {
    name: "holders given 40,000 t of a 32,316 t block",
    rule: "allocation.holders.exceed",
    which: "H002-2",
    edits: [[A2, "C7", 40000]],
    severity: "error",
    cells: [`${A2}!C7`],
    expected: "≤ 32316",
    actual: "40000",
  },
  {
    name: "a holder at −100 t and 32,416 t 配分予定なし: the sum is 32,316 t, but an allotment is never negative",
    rule: "allocation.holder.amount",
    which: "H002-2",
    // −100 + 32,416 = 32,316 (the block's t): the sum alone would pass
    edits: [
      [A2, "C7", -100],
      [A2, "C8", 32416],
    ],
    severity: "error",
    cells: [`${A2}!C7`],
    actual: "-100",
  },
  {
    name: "a holder at 16,157.5 t: allotments are whole tonnes",
    rule: "allocation.holder.amount",
    which: "H002-2",
    // 16,157.5 + 16,158.5 = 32,316: both halves are flagged, neither is summed
    edits: [
      [A2, "C7", 16157.5],
      [A2, "C8", 16158.5],
    ],
    severity: "error",
    cells: [`${A2}!C7`, `${A2}!C8`],
    actual: "16157.5",
  },
  {
    name: "30,000 t held and 2,000 t 配分予定なし in a 32,316 t block",
    rule: "allocation.holders.sum",
    which: "H002-2",
    // 32,316 − 30,000 = 2,316 is what 配分予定なし must say
    edits: [
      [A2, "C7", 30000],
      [A2, "C8", 2000],
    ],
    severity: "error",
    cells: [`${A2}!C8`],
    expected: "2316",
    actual: "2000",
  },
  {
    name: "all 13,687 t held, 配分予定なし blank: complete",
    rule: "allocation.holders.sum",
    which: "H002-2",
    // block 2 (13,687 t): 13,000 held, 配分予定なし blank → 687 t undeclared
    edits: [
      [A2, "C19", 13000],
      [A2, "C20", null],
    ],
    severity: "error",
    cells: [`${A2}!C20`],
    expected: "687",
    actual: "",
  },
  {
    name: "holders blank and no 配分予定なし",
    rule: "allocation.holders.none",
    which: "H002-1",
    edits: [
      [A2, "A7", null],
      [A2, "B7", null],
      [A2, "C7", null],
      [A2, "C8", null],
    ],
    severity: "error",
    cells: [`${A2}!A7`],
  },
  {
    name: "a holder named without an amount",
    rule: "allocation.holder.incomplete",
    which: "H002-1",
    edits: [[A2, "C31", null]],
    severity: "error",
    cells: [`${A2}!C31`],
    actual: "",
  },
  {
    name: "帰属先 blank",
    rule: "allocation.attribution.blank",
    which: "H002-2",
    edits: [[A2, "A11", null]],
    severity: "error",
    cells: [`${A2}!A11`],
  },
];
