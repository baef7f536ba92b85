// Fill of a monitoring table's 合計 and subtotal rows: =SUM of each summed column over the months each spans.
import { evaluateQuantities, excelFormula } from "../formula";
import { columnTotal } from "../methodology";
import { cellAddress, formatRef } from "../forms/a1";
import type { MonitoringTable, MonthSelection } from "../forms/monitoring";
import type { NumberField } from "../forms/submission";
import { SUMMED_KEYS, agreesToDigits, negativeKeys, totalName } from "../domain/monitoring";
import { everyKnown } from "../domain/rows";
import type { Finding } from "../types";
import { decimalOf } from "../forms/fields";
import { Writes, cellList, plainNumber, refused, rejectedList, specOf } from "./monitoringWrites";

/** "C5:C10,C12:C17": the month cells as runs of adjacent rows (a subtotal row between them is left out). */
function monthRanges(cells: NumberField[]): string {
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= cells.length; i++) {
    if (i < cells.length && cells[i].ref.row === cells[i - 1].ref.row + 1) continue;
    const [a, b] = [cellAddress(cells[start].ref), cellAddress(cells[i - 1].ref)];
    runs.push(a === b ? a : `${a}:${b}`);
    start = i;
  }
  return runs.join(",");
}

/**
 * Each total and subtotal row: =SUM of each summed column over the months it spans. A row that spans a rejected month
 * (unreadable, repeated, out of the year or the period) is refused whole: its sum would count the month or hide it.
 */
export function fillTotals(
  table: MonitoringTable,
  selection: MonthSelection,
  out: Writes,
  skipped: Finding[],
): void {
  for (const total of table.totals) {
    const months = table.months.slice(total.from, total.to);
    if (months.length === 0) continue;
    const bad = selection.rejected.filter((r) => months.includes(r.month));
    if (bad.length > 0) {
      const why = rejectedList(bad);
      skipped.push(
        refused(
          "rejectedMonth",
          total.ref,
          `${formatRef(total.ref)} の${totalName(total).ja}は書きません: その範囲の月 ${why.ja} は照合で不採用のため、合計できません。`,
          `The ${totalName(total).en} at ${formatRef(total.ref)} is not written: the month ${why.en} within it is rejected by the check, so it cannot be summed.`,
        ),
      );
      continue;
    }
    for (const key of SUMMED_KEYS) {
      const field = total.cells[key];
      if (!field) continue;
      const cells = months.map((m) => m.cells[key]);
      const invalid = months.filter((m) => decimalOf(m.cells[key]) === null || negativeKeys(m).includes(key));
      if (invalid.length > 0) {
        const list = cellList(invalid.map((m) => m.cells[key].ref));
        skipped.push(
          refused(
            "invalidInput",
            field.ref,
            `${formatRef(field.ref)} は書きません: ${list.ja} が空欄・読めない値・負の値のため、合計できません。`,
            `${formatRef(field.ref)} is not written: ${list.en} is blank, unreadable or negative, so the column cannot be summed.`,
          ),
        );
        continue;
      }
      const month = specOf.get(key) ?? { key, symbol: key, label: { ja: key, en: key }, unit: "" };
      const spec = columnTotal(month);
      // every month's cell is a number here (the blank, unreadable or negative ones were refused above)
      const values = everyKnown(cells.map((c) => decimalOf(c)));
      if (!values) continue;
      const sum = evaluateQuantities([spec], {}, [spec.key], {
        columns: { [key]: { values, cells: [] } },
      }).values[spec.key];
      const plain = cells.every((c) => plainNumber(c) || c.formula !== null);
      const formula = plain
        ? excelFormula(spec, [spec], { addresses: {}, ranges: { [key]: monthRanges(cells) } })
        : null;
      out.cell(field, sum, formula, (current) => agreesToDigits(current, sum));
    }
  }
}
