// `gec report --json`: the paper as plain JSON (decimals as strings, so that no digit is lost to a binary float).
import type { Decimal } from "../numbers";
import type { ReportLine, VerificationPaper } from "./model";

const decimal = (d: Decimal | null): string | null => (d === null ? null : d.toString());

function lineJson(l: ReportLine) {
  return {
    ...l,
    declared: decimal(l.declared),
    recomputed: decimal(l.recomputed),
    difference: l.declared !== null && l.recomputed !== null ? l.declared.sub(l.recomputed).toString() : null,
  };
}

export function paperJson(paper: VerificationPaper): string {
  return (
    JSON.stringify(
      { ...paper, lines: paper.lines.map(lineJson), allocation: paper.allocation.map(lineJson) },
      null,
      2,
    ) + "\n"
  );
}
