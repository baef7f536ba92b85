// Rule cases of families 1 and 6 added in issue 17: the one methodology resolution, 2.2's printed fuel factor.
import { METHODOLOGIES } from "../../../src/methodology";
import { P } from "../ruleCase";
import type { Case } from "../ruleCase";

const row = (code: string) => 5 + METHODOLOGIES.findIndex((m) => m.code === code);

export const METHODOLOGY_CASES: Case[] = [
  {
    name: "a power box ticked on the seed's heat form",
    rule: "methodology.layout.mismatch",
    which: "H002-2",
    edits: [
      [P, `A${row("H002-2")}`, "□"],
      [P, `A${row("P002")}`, "■"],
    ],
    severity: "warning",
    cells: [`'${P}'!A${row("P002")}`],
    expected: "P002",
  },
  {
    name: "2.2 prints a factor that is neither 灯油's default nor any row's 3.4",
    rule: "defaults.fuel.statement",
    which: "H002-1",
    // the seed's H002-1 2.2 text with 0.0678 replaced by 0.0700 (3.4 is 0.0678 in every row)
    edits: [
      [
        P,
        "D48",
        "デフォルト値を使用 ・燃料の種類：灯油 二酸化炭素排出係数：0.0700tCO ₂ /GJ なお、都市ガス供給エリアに含まれていないことを確認。",
      ],
    ],
    severity: "warning",
    cells: [`'${P}'!D48`],
    expected: "0.0678",
    actual: "0.0700",
  },
];
