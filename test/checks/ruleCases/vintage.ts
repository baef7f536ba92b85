// Rule cases of family 6 added in issue 19: the fuel factor of 3.4 against the 算定省令 revision of the period.
import { A2, L, P } from "../ruleCase";
import type { Case, Edit } from "../ruleCase";

/**
 * The seed's H002-1 with 灯油 of the revision in force from 2024-04-01 in every row. Source of the factor: 算定省令
 * 別表第1 as revised (告示 施行 2024-04-01), 灯油 36.5 GJ/kL and 0.0187 tC/GJ: 0.0187 × 44/12 = 0.068566… → 0.0686.
 * ε_BL stays the seed's 0.92022 (0.98 × 0.939), so 3.9 = ROUNDDOWN(0.0686 ÷ 0.92022, 4):
 * 0.92022 × 0.0745 = 0.06855639 ≤ 0.0686 < 0.92022 × 0.0746 = 0.06864841 → 0.0745 (the seed's 0.0678 gave 0.0736).
 * E_PS is 0 and S_B 100 % in H002-1, so Q_WB = Q_BL and 3.10 = ROUNDDOWN(Q_BL × 0.0745):
 *   あわら温泉1号 3,073,000 × 0.0745 = 228,938.5 → 228,938 kg → 228 t
 *   あわら温泉4・5号 6,057,000 × 0.0745 = 451,246.5 → 451,246 kg → 451 t
 *   東尋坊温泉2・3号 1,946,000 × 0.0745 = 144,977 kg → 144 t
 *   合計 228 + 451 + 144 = 823 t (the seed's 814); each 別紙2 block carries its row's t.
 */
const NEW_KEROSENE: Edit[] = [
  ...(["4", "5", "6"].flatMap((r) => [
    [L, `O${r}`, 0.0686],
    [L, `T${r}`, 0.0745],
  ]) as Edit[]),
  [L, "U4", 228938],
  [L, "V4", 228],
  [L, "U5", 451246],
  [L, "V5", 451],
  [L, "U6", 144977],
  [L, "V6", 144],
  [L, "V7", 823],
  [A2, "C2", 228],
  [A2, "C14", 451],
  [A2, "C26", 144],
];

/** The same submission moved to fiscal 2024: 1.5, each row's 5.1/5.2 and the (yyyy年度) of each facility name. */
const FISCAL_2024: Edit[] = [
  [P, "B37", "2024年4月1日"],
  [P, "B38", "2025年3月31日"],
  ...(["4", "5", "6"].flatMap((r) => [
    [L, `Y${r}`, "2024年4月1日"],
    [L, `Z${r}`, "2025年3月31日"],
  ]) as Edit[]),
  [L, "C4", "あわら温泉1号木質バイオマス熱設備「ヴァルト」(2024年度)"],
  [L, "C5", "あわら温泉4・5号木質バイオマス熱設備「スンリン・ナヘル」(2024年度)"],
  [L, "C6", "東尋坊温泉2・3号木質バイオマス熱設備「ウータン・シルワ」(2024年度)"],
];

const THREE_ROWS = [`${L}!O4`, `${L}!O5`, `${L}!O6`];

export const VINTAGE_CASES: Case[] = [
  {
    name: "the 2024 revision's 灯油 0.0686 on a fiscal 2024 period: accepted, with an info",
    rule: "defaults.cefFuel.newRevision",
    which: "H002-1",
    edits: [...FISCAL_2024, ...NEW_KEROSENE],
    severity: "info",
    cells: THREE_ROWS,
  },
  {
    name: "the 2024 revision's 灯油 0.0686 on the seed's fiscal 2020 period",
    rule: "defaults.cefFuel.otherVintage",
    which: "H002-1",
    edits: NEW_KEROSENE,
    severity: "warning",
    cells: THREE_ROWS,
    // the period's revision (H22) gives 灯油 0.0678
    expected: "0.0678",
    actual: "0.0686",
  },
  {
    name: "the seed's 灯油 0.0678 on a fiscal 2024 period",
    rule: "defaults.cefFuel.otherVintage",
    which: "H002-1",
    edits: FISCAL_2024,
    severity: "warning",
    cells: THREE_ROWS,
    // the revision in force from 2024-04-01 gives 灯油 0.0686
    expected: "0.0686",
    actual: "0.0678",
  },
];
