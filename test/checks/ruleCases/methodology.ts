// Rule cases of family 1 added with the one methodology resolution (issue 17).
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
];
