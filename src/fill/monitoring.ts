// Fill of the monitoring tables (熱実績管理表): each month's derived cells as native Excel formulas (ROUNDUP,
// ROUNDDOWN) or values (h, h': Excel has no steam tables), the 合計 row as SUM, and 別紙1 3.1/3.2/3.6/3.7 linked to it.
import { formatRef } from "../forms/a1";
import { SheetView } from "../forms/sheet";
import { readMonitoringSheet } from "../forms/monitoring";
import type { MonitoringTable } from "../forms/monitoring";
import { readSubmission } from "../forms/read";
import { methodologyOf } from "../forms/submission";
import type { Submission } from "../forms/submission";
import {
  countedMonths,
  countedTable,
  duplicateOf,
  matchTables,
  monitoringTargetsOf,
  procedureFor,
} from "../domain/monitoring";
import { applyToGrid } from "./apply";
import type { CellWrite, Finding, Grid } from "../types";
import { Writes, info } from "./monitoringWrites";
import { fillMonth } from "./monitoringMonths";
import { fillTotals } from "./monitoringTotals";
import { faultedMonths, linkRow, refusal } from "./monitoringLinks";

/**
 * What the checks still find in a workbook's monitoring tables: a counted month they fault gives no 3.1. The engine
 * passes the monitoring checks' own (fill sits beside the checks, not above them).
 */
export type MonitoringFaults = (submission: Submission) => Finding[];

export interface MonitoringFill {
  writes: CellWrite[];
  skipped: Finding[];
  /** 別紙1 rows (0-based sheet rows) whose 3.1 … the fill refused to link: nothing derived from them is written. */
  refusedRows: Set<number>;
  /** The workbook as it will be after the writes, for the fill of 別紙1's derived columns from the new 3.1. */
  grid: Grid;
}

/** Plans the monitoring tables and 別紙1's links to them; the grid it returns is the workbook after the writes. */
export function planMonitoringFill(
  grid: Grid,
  options: { formulas?: boolean },
  monitoringFaults: MonitoringFaults,
): MonitoringFill {
  const out = new Writes(options.formulas === true);
  const skipped: Finding[] = [];
  const refusedRows = new Set<number>();
  const read = (g: Grid) => g.sheets.flatMap((s) => readMonitoringSheet(new SheetView(s)));
  const tables = read(grid);
  if (tables.length === 0) return { writes: [], skipped, grid, refusedRows };
  // 5.1–5.2 and the facility names are inputs: the fill changes neither, so one match serves every step
  const submission = readSubmission(grid);
  const rows = submission.projectList?.rows ?? [];
  const selectionOf = (ts: MonitoringTable[]) => {
    const matches = matchTables(ts, rows);
    return ts.map((t) => ({ table: t, selection: countedMonths(t, matches.get(t)?.row ?? null) }));
  };
  const firstMatches = matchTables(tables, rows);
  for (const table of tables) {
    // each facility's months by the roundings its 別紙1添付 block states
    const proc = procedureFor(submission, table, firstMatches.get(table)?.row ?? null);
    for (const month of table.months) fillMonth(month, out, skipped, proc);
  }
  let current = applyToGrid(grid, [...out.writes, ...out.calculated]);
  const monthWrites = out.writes.length;
  for (const { table, selection } of selectionOf(read(current))) fillTotals(table, selection, out, skipped);
  current = applyToGrid(current, out.writes.slice(monthWrites));
  const linked = out.writes.length;
  const now = readSubmission(current);
  const tablesNow = now.monitoring;
  const rowsNow = now.projectList?.rows ?? [];
  const matches = matchTables(tablesNow, rowsNow);
  // what the check still finds once the months and totals are written: a month it faults gives no 3.1
  const findings = monitoringFaults(now);
  const targets = monitoringTargetsOf(methodologyOf(now));
  for (const table of tablesNow) {
    const row = matches.get(table)?.row;
    // a hidden copy that a visible table stands for is not the fill's to link
    if (!row && table.hidden) continue;
    if (!row) {
      skipped.push(
        info(
          "fill.monitoring.unmatched",
          table.facilityName?.ref ?? table.headerRef,
          `${formatRef(table.headerRef)} の熱実績管理表は別紙1 の施設と照合できないため、3.1 などへのリンクは書きません。`,
          `The monitoring table at ${formatRef(table.headerRef)} matches no 別紙1 facility, so 3.1 etc. are not linked to it.`,
        ),
      );
      continue;
    }
    const selection = countedMonths(table, row);
    const why =
      refusal(table, row, selection, duplicateOf(table, tablesNow, matches)) ??
      faultedMonths(table, row, selection, findings);
    if (why) {
      // one refusal per row, however many tables name it
      if (!refusedRows.has(row.row)) skipped.push(why);
      refusedRows.add(row.row);
      continue;
    }
    const proc = procedureFor(now, table, row);
    if (!linkRow(countedTable(table, selection), row, out, skipped, proc, targets)) refusedRows.add(row.row);
  }
  current = applyToGrid(current, out.writes.slice(linked));
  return { writes: out.writes, skipped, grid: current, refusedRows };
}
