// 計算根拠: every step of each line's recomputation, planned block by block so that the 一覧表 can link into it and a
// facility's chain is shown once.
import { stepLine } from "../formula";
import type { DerivationStep } from "../formula";
import type { TemplateRow, TemplateSheet } from "../template/types";
import type { ReportLine } from "./model";
import { SHEETS, SheetBuilder, sheetOf, t, tableRow } from "./sheetBuilder";
import type { Lang } from "./sheetBuilder";

/** A derivation step as the 計算根拠 sheet shows it once per facility. */
const stepKey = (step: DerivationStep): string =>
  `${step.symbol}|${step.formula}|${step.result}|${step.cells.join(",")}`;

/**
 * The 計算根拠 sheet's blocks, planned before any cell is made (the 一覧表 links into them): each line's block shows
 * the steps its facility's earlier blocks have not shown, and names the ones they have ("前段"), so a facility's
 * chain is on the sheet once, in order.
 */
export interface DerivationBlock {
  line: number;
  /** The block's first row (its heading). */
  row: number;
  steps: DerivationStep[];
  earlier: string[];
}

export function planDerivations(lines: ReportLine[], firstRow: number): DerivationBlock[] {
  const shown = new Map<number | null, Set<string>>();
  const blocks: DerivationBlock[] = [];
  let r = firstRow;
  lines.forEach((l, i) => {
    if (l.derivation.length === 0 && !l.reason) return;
    const seen = shown.get(l.facilityIndex) ?? new Set<string>();
    shown.set(l.facilityIndex, seen);
    const last = l.derivation[l.derivation.length - 1];
    const steps = l.derivation.filter((step) => step === last || !seen.has(stepKey(step)));
    const earlier = [
      ...new Set(
        l.derivation.filter((step) => !steps.includes(step)).map((step) => step.partOf ?? step.symbol),
      ),
    ];
    for (const step of l.derivation) seen.add(stepKey(step));
    blocks.push({ line: i, row: r, steps, earlier });
    r += 1 + (l.reason ? 1 : 0) + (earlier.length > 0 ? 1 : 0) + steps.length + 1;
  });
  return blocks;
}

const DERIVATION_WIDTHS = [100, 34, 30];

export function derivationSheet(
  lines: ReportLine[],
  blocks: DerivationBlock[],
  lang: Lang,
  footer: string,
  tableName: string,
  tableRowOf: (i: number) => number,
): TemplateSheet {
  const b = new SheetBuilder();
  const ja = lang === "ja";
  b.put(0, 0, "title", ja ? "計算根拠（再計算の全段）" : "Derivations (every step of each recomputation)");
  const last = blocks[blocks.length - 1];
  const bottom = last ? last.row + 1 + last.steps.length + 2 : 1;
  // no merged cells: a paper of 5,000 facilities has 60,000 blocks, and writers check each merge against the others
  function* rows(): Generator<TemplateRow> {
    for (const block of blocks) {
      const l = lines[block.line];
      let r = block.row;
      const w = DERIVATION_WIDTHS;
      yield tableRow(
        r++,
        [
          {
            row: block.row,
            col: 0,
            kind: "heading",
            value: `No. ${block.line + 1}  ${l.facility}  ${l.column} ${l.item}  (${l.cell})`,
            wrap: true,
          },
          {
            row: block.row,
            col: 2,
            kind: "note",
            value: ja ? "← 一覧表" : "← table",
            link: `'${tableName}'!A${tableRowOf(block.line) + 1}`,
          },
        ],
        w,
      );
      if (l.reason)
        yield tableRow(r, [{ row: r++, col: 0, kind: "derived", value: t(l.reason, lang), wrap: true }], w);
      if (block.earlier.length > 0) {
        const text = ja
          ? `前段: ${block.earlier.join("、")}（この施設の上のブロック）`
          : `Earlier steps: ${block.earlier.join(", ")} (this facility's blocks above)`;
        yield tableRow(r, [{ row: r++, col: 0, kind: "note", value: text, wrap: true }], w);
      }
      for (const step of block.steps) {
        const label = step.label ? `${t(step.label, lang)}${step.unit ? ` (${step.unit})` : ""}` : "";
        yield tableRow(
          r,
          [
            { row: r, col: 0, kind: "derived", value: stepLine(step), wrap: true },
            { row: r, col: 1, kind: "derived", value: label, wrap: true },
            { row: r, col: 2, kind: "derived", value: step.cells.join(", "), wrap: true },
          ],
          w,
        );
        r++;
      }
    }
  }
  return sheetOf(b, t(SHEETS.derivations, lang), DERIVATION_WIDTHS, "landscape", footer, { rows, bottom });
}
