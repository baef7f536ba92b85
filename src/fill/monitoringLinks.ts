// Links of 別紙1 3.1/3.2/3.6/3.7 to a facility's monitoring table, or why its row is refused them.
import { ROUNDING_CONVENTIONS, monthColumnOf } from "../methodology";
import type { RoundingConvention } from "../methodology";
import { cellAddress, formatRef } from "../forms/a1";
import type { MonitoringTable, MonthSelection } from "../forms/monitoring";
import type { NumberField, ProjectRow } from "../forms/submission";
import { monitoringLinkFormula, negativeKeys, targetTotals } from "../domain/monitoring";
import type { FacilityProcedure, MonitoringTargetColumn } from "../domain/monitoring";
import { LISTED, listed } from "../text";
import type { Finding } from "../types";
import { decimalOf } from "../forms/fields";
import { Writes, cellList, refused, rejectedList } from "./monitoringWrites";

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * 3.1 / 3.2 / 3.6 / 3.7 of the facility's 別紙1 row from the table: the convention the cell already follows, else
 * the sum truncated; as a formula over the 合計 cells where the convention has one (each month rounded has none).
 */
export function linkRow(
  table: MonitoringTable,
  row: ProjectRow,
  out: Writes,
  skipped: Finding[],
  proc: FacilityProcedure,
  targets: MonitoringTargetColumn[],
): boolean {
  let linked = true;
  for (const { target } of targets) {
    const field = row.numbers[target];
    if (!field) continue;
    const totals = targetTotals(table, target, proc);
    if (!totals) {
      // a column the table has, with a month blank, unreadable or negative: the sum is not known
      if (table.columns[monthColumnOf(target)] === undefined && target !== "qBl") continue;
      linked = false;
      skipped.push(
        refused(
          "invalidInput",
          field.ref,
          `${formatRef(field.ref)} は ${formatRef(table.headerRef)} の熱実績管理表から書きません: 月の値に空欄・読めない値・負の値があり、合計が決まらないためです。`,
          `${formatRef(field.ref)} is not written from the monitoring table at ${formatRef(table.headerRef)}: a month holds a blank, unreadable or negative value, so its total is not known.`,
        ),
      );
      continue;
    }
    const current = decimalOf(field);
    const convention: RoundingConvention["id"] =
      (current !== null
        ? ROUNDING_CONVENTIONS.find((c) => totals.evaluate(c.id).value.eq(current))?.id
        : undefined) ?? "sumDown";
    const value = totals.evaluate(convention).value;
    const monthKey = monthColumnOf(target);
    const totalCell = table.total?.cells[monthKey];
    const deductionCell = totals.deduction ? table.total?.cells.deduction : undefined;
    let formula: string | null = null;
    if (totalCell && (!totals.deduction || deductionCell) && !convention.startsWith("month")) {
      const at = (f: NumberField) => `${quoted(f.ref.sheet)}!${cellAddress(f.ref)}`;
      formula = monitoringLinkFormula(
        target,
        convention,
        at(totalCell),
        deductionCell ? at(deductionCell) : null,
      );
    }
    out.cell(field, value, formula);
  }
  return linked;
}

/** Why a table cannot give its row's 3.1 …: rejected months, or a second table for the same facility. */
export function refusal(
  table: MonitoringTable,
  row: ProjectRow,
  selection: MonthSelection,
  other: MonitoringTable | null,
): Finding | null {
  const ref = (row.numbers.qBl ?? row.text.facilityName)?.ref ?? table.headerRef;
  if (table.hidden) {
    return refused(
      "hiddenTable",
      ref,
      `${formatRef(ref)} の行の熱実績管理表は非表示のシート「${table.sheet}」にしかないため、3.1 から削減相当量までを書きません。表示するか、表示されているシートに移してください。`,
      `The row of ${formatRef(ref)} is not filled from 3.1 to the tonnes: its monitoring table is only on the hidden sheet "${table.sheet}". Unhide it or move it to a visible sheet.`,
    );
  }
  if (other) {
    return refused(
      "duplicateTable",
      ref,
      `${formatRef(ref)} の行には熱実績管理表が 2 つあります（${formatRef(table.headerRef)}、${formatRef(other.headerRef)}）。どちらから 3.1 を得るか決められないため、3.1 から削減相当量までを書きません。`,
      `The row of ${formatRef(ref)} has two monitoring tables (${formatRef(table.headerRef)}, ${formatRef(other.headerRef)}): which gives 3.1 cannot be told, so nothing from 3.1 to the tonnes is written.`,
    );
  }
  const negative = selection.valid.flatMap((m) => negativeKeys(m).map((k) => m.cells[k].ref));
  if (negative.length > 0) {
    const cells = cellList(negative);
    return refused(
      "negative",
      ref,
      `${formatRef(ref)} の行は、${formatRef(table.headerRef)} の熱実績管理表の ${cells.ja} が負の値のため、3.1 から削減相当量までを書きません（負の量は合計に加えません）。`,
      `The row of ${formatRef(ref)} is not filled from 3.1 to the tonnes: ${cells.en} of the monitoring table at ${formatRef(table.headerRef)} is negative (a negative quantity is never summed).`,
    );
  }
  if (selection.rejected.length === 0) return null;
  const why = rejectedList(selection.rejected);
  return refused(
    "rejectedMonth",
    ref,
    `${formatRef(ref)} の行は、${formatRef(table.headerRef)} の熱実績管理表に照合で不採用の月（${why.ja}）があるため、3.1 から削減相当量までを書きません。月を直してから自動入力してください。`,
    `The row of ${formatRef(ref)} is not filled from 3.1 to the tonnes: the monitoring table at ${formatRef(table.headerRef)} has months the check rejects (${why.en}). Correct them and fill again.`,
  );
}

/** Warnings that say a month's h (and so its 生成熱量) is not the steam's: as good as an error for 3.1. */
const BLOCKING_WARNINGS = new Set([
  "monitoring.steam.belowSaturation",
  "monitoring.steam.wetCell",
  "monitoring.pressure.looksAbsolute",
  "monitoring.pressure.looksBar",
]);

/**
 * A refusal when the check, run on the workbook as the fill leaves it, still faults a cell of a counted month (an
 * unreadable cell, a pressure that is no pressure, wet steam whose h the fill leaves to a person): 3.1 would sum it.
 */
export function faultedMonths(
  table: MonitoringTable,
  row: ProjectRow,
  selection: MonthSelection,
  findings: Finding[],
): Finding | null {
  const rows = new Set(selection.valid.map((m) => m.row));
  const faults = findings.filter(
    (f) =>
      (f.severity === "error" || BLOCKING_WARNINGS.has(f.rule)) &&
      f.ref.sheet === table.sheet &&
      rows.has(f.ref.row),
  );
  if (faults.length === 0) return null;
  const ref = (row.numbers.qBl ?? row.text.facilityName)?.ref ?? table.headerRef;
  const cells = listed(
    faults.slice(0, LISTED).map((f) => `${formatRef(f.ref)}（${f.rule}）`),
    faults.length,
  );
  const cellsEn = listed(
    faults.slice(0, LISTED).map((f) => `${formatRef(f.ref)} (${f.rule})`),
    faults.length,
  );
  return refused(
    "faultedMonth",
    ref,
    `${formatRef(ref)} の行は、${formatRef(table.headerRef)} の熱実績管理表の月に照合で誤りのあるセル（${cells.ja}）が残るため、3.1 から削減相当量までを書きません。そのセルを直してから自動入力してください。`,
    `The row of ${formatRef(ref)} is not filled from 3.1 to the tonnes: months of the monitoring table at ${formatRef(table.headerRef)} still hold cells the check faults (${cellsEn.en}). Correct them and fill again.`,
  );
}
