// Fill of the monitoring tables (熱実績管理表): each month's derived cells as native Excel formulas (ROUNDUP,
// ROUNDDOWN) or values (h, h': Excel has no steam tables), the 合計 row as SUM, and 別紙1 3.1/3.2/3.6/3.7 linked to it.
import { Decimal, spreadsheetDecimal } from "../numbers";
import { isGecError } from "../errors";
import { evaluateQuantities, excelFormula, fragileRounding } from "../formula";
import type { QuantitySpec } from "../formula";
import { ROUNDING_CONVENTIONS, columnTotal, monitoringMonthQuantities, monthColumnOf } from "../methodology";
import type { RoundingConvention } from "../methodology";
import { saturationTemperatureC } from "../steam";
import { cellAddress, formatRef } from "../forms/a1";
import { SheetView } from "../forms/sheet";
import { readMonitoringSheet } from "../forms/monitoring";
import type { MonitoringMonth, MonitoringTable, MonthRejection, MonthSelection } from "../forms/monitoring";
import { readSubmission } from "../forms/read";
import { methodologyOf } from "../forms/submission";
import type { NumberField, ProjectRow, Submission } from "../forms/submission";
import {
  SEED_PROCEDURE,
  SUMMED_KEYS,
  agreesToDigits,
  countedMonths,
  countedTable,
  duplicateOf,
  heatAgrees,
  matchTables,
  monitoringLinkFormula,
  monitoringTargetsOf,
  negativeKeys,
  procedureFor,
  targetTotals,
  totalName,
} from "../domain/monitoring";
import type { FacilityProcedure, MonitoringTargetColumn } from "../domain/monitoring";
import { applyToGrid } from "./apply";
import { everyKnown } from "../domain/rows";
import { LISTED, listed } from "../text";
import type { CellRef, CellWrite, Finding, Grid } from "../types";
import { sameFormula } from "./invert";
import { decimalOf } from "../forms/fields";

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

/** Derived cells of a month computed by a native formula; h and h' are values. */
const FORMULA_KEYS = ["pAbs", "tSteam", "tFeed"];
const STEAM_TABLE_KEYS = ["hSteam", "hFeed"];
const MONTH_INPUTS = ["pGauge", "tSteamMean", "tFeedMean", "fSteam", "fFeed"];

const specOf = new Map(monitoringMonthQuantities.map((q) => [q.key, q]));

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A cell Excel reads as the engine does: a plain number (not "18,656" typed as text). */
function plainNumber(field: NumberField | undefined): boolean {
  return (
    field !== undefined &&
    field.reading.kind === "number" &&
    typeof field.raw === "number" &&
    spreadsheetDecimal(field.raw).eq(field.reading.decimal)
  );
}

function info(rule: string, ref: CellRef, ja: string, en: string): Finding {
  return { rule, severity: "info", ref, message: { ja, en } };
}

class Writes {
  readonly writes: CellWrite[] = [];
  /**
   * A cell that already holds the formula but no value that reads as its result (a template never calculated): not
   * written, but the next steps and the check read the value the formula gives.
   */
  readonly calculated: CellWrite[] = [];
  constructor(readonly formulas: boolean) {}

  /**
   * A formula when asked for and given, else the value; nothing when the cell already holds it (as the check reads
   * it: `accepts` says whether the current value agrees, exact equality by default).
   */
  cell(
    field: NumberField,
    value: Decimal,
    formula: string | null,
    accepts: (current: Decimal) => boolean = (current) => current.eq(value),
  ): void {
    const write: CellWrite = { ref: field.ref, previous: field.raw, previousFormula: field.formula };
    if (this.formulas && formula !== null) {
      if (sameFormula(field.formula, formula)) {
        const current = decimalOf(field);
        if (current === null || !accepts(current))
          this.calculated.push({ ...write, formula, value: value.toNumber() });
        return;
      }
      write.formula = formula;
      write.value = value.toNumber();
    } else {
      const current = decimalOf(field);
      if (current !== null && accepts(current)) return;
      write.value = value.toNumber();
    }
    this.writes.push(write);
  }
}

function atOrBelowSaturation(pAbs: Decimal, tSteam: Decimal): boolean {
  try {
    return tSteam.toNumber() <= saturationTemperatureC(pAbs.toNumber());
  } catch (e) {
    if (isGecError(e)) return false;
    throw e;
  }
}

/** Addresses of a month's cells on its own sheet ("C5"), for its formulas. */
function addresses(month: MonitoringMonth): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, field] of Object.entries(month.cells)) out[key] = cellAddress(field.ref);
  return out;
}

/** A refusal: the cell is left as it is, and the plan says why (`fill.refused.*`). */
function refused(rule: string, ref: CellRef, ja: string, en: string): Finding {
  return info(`fill.refused.${rule}`, ref, ja, en);
}

const REJECTION: Record<MonthRejection, { ja: string; en: string }> = {
  unreadable: { ja: "読めない", en: "unreadable" },
  duplicate: { ja: "重複", en: "repeated" },
  outOfYear: { ja: "年度外", en: "outside the year" },
  outOfPeriod: { ja: "期間外", en: "outside 5.1–5.2" },
  afterTotal: { ja: "合計の下", en: "below the total" },
};

/** "熱実績管理表!A16（重複）、…" — each rejected month's cell and why, at most LISTED of them. */
function rejectedList(rejected: MonthSelection["rejected"]): { ja: string; en: string } {
  const shown = rejected.slice(0, LISTED);
  const ja = listed(
    shown.map((r) => `${formatRef(r.month.month.ref)}（${REJECTION[r.reason].ja}）`),
    rejected.length,
  ).ja;
  const en = listed(
    shown.map((r) => `${formatRef(r.month.month.ref)} (${REJECTION[r.reason].en})`),
    rejected.length,
  ).en;
  return { ja, en };
}

/** The cells for a message, at most LISTED of them. */
function cellList(refs: CellRef[]): { ja: string; en: string } {
  return listed(refs.slice(0, LISTED).map(formatRef), refs.length);
}

/** One month being filled: its cells, the procedure's quantities and what is known of it so far. */
interface MonthFill {
  month: MonitoringMonth;
  out: Writes;
  skipped: Finding[];
  quantities: QuantitySpec[];
  params: FacilityProcedure["params"];
  /** The month's inputs as read (p, t, t', F, F'). */
  given: Record<string, Decimal | null>;
  /** Each quantity's cell address, for the formulas. */
  refs: Record<string, string>;
}

/** One month's derived cells, by the procedure of its facility's 別紙1添付 block (the seed's without one). */
function fillMonth(
  month: MonitoringMonth,
  out: Writes,
  skipped: Finding[],
  proc: FacilityProcedure = SEED_PROCEDURE,
): void {
  if (refusedNegative(month, skipped)) return;
  const given: Record<string, Decimal | null> = {};
  for (const key of MONTH_INPUTS) given[key] = decimalOf(month.cells[key]);
  const m: MonthFill = {
    month,
    out,
    skipped,
    quantities: proc.month,
    params: proc.params,
    given,
    refs: addresses(month),
  };
  const values = monthValues(m);
  if (!values) return;
  writeFormulaCells(m, values);
  leaveWetSteam(m, values);
  writeHeat(m, writeSteamTableCells(m, values));
}

/** A month with a negative quantity is refused whole (a negative quantity is never summed either). */
function refusedNegative(month: MonitoringMonth, skipped: Finding[]): boolean {
  const negative = negativeKeys(month);
  if (negative.length === 0) return false;
  const cells = cellList(negative.map((k) => month.cells[k].ref));
  skipped.push(
    refused(
      "negative",
      month.cells[negative[0]].ref,
      `${formatRef(month.month.ref)} の月は ${cells.ja} が負の値のため、自動入力しません（負の量は合計にも加えません）。`,
      `The month at ${formatRef(month.month.ref)} is not filled: ${cells.en} is negative (a negative quantity is never summed either).`,
    ),
  );
  return true;
}

/** p_abs, t, t', h and h' of the month (those it has a cell for); null, with a note, when they cannot be had. */
function monthValues(m: MonthFill): Record<string, Decimal> | null {
  const { month } = m;
  try {
    const wanted = [...FORMULA_KEYS, ...STEAM_TABLE_KEYS].filter((k) => month.cells[k]);
    return { ...evaluateQuantities(m.quantities, m.given, wanted, { params: m.params }).values };
  } catch (e) {
    if (!isGecError(e)) throw e;
    m.skipped.push(
      info(
        "fill.monitoring.month",
        month.month.ref,
        `${formatRef(month.month.ref)} の月は自動入力できません: ${e.text.ja}`,
        `The month at ${formatRef(month.month.ref)} is not filled: ${e.text.en}`,
      ),
    );
    return null;
  }
}

/** p_abs, t and t' as native formulas, or as values when an input is not a plain number or a rounding is fragile. */
function writeFormulaCells(m: MonthFill, values: Record<string, Decimal>): void {
  const { month, quantities, given, params } = m;
  for (const key of FORMULA_KEYS) {
    const field = month.cells[key];
    const spec = quantities.find((q) => q.key === key);
    if (!field || !spec) continue;
    const inputsPlain = (spec.expr?.keys() ?? []).every((k) => plainNumber(month.cells[k]));
    // a rounding within a double's noise of its boundary is written as its value (docs/numbers.md)
    const fragile = inputsPlain ? fragileRounding(quantities, given, key, params) : null;
    if (fragile) {
      m.skipped.push(
        info(
          "fill.formula.noise",
          field.ref,
          `${formatRef(field.ref)} は数式でなく値 ${values[key].toString()} で書きます。${fragile.text} の引数が端数処理の境目に 10^-11 以内まで近く、表計算ソフトの 2 進浮動小数点の計算では反対側に丸められることがあるためです。`,
          `${formatRef(field.ref)} is written as the value ${values[key].toString()}, not a formula: the argument of ${fragile.text} lies within 10^-11 of a rounding boundary, and a spreadsheet's binary floating point may round it to the other side.`,
        ),
      );
    }
    const formula =
      inputsPlain && !fragile
        ? excelFormula(spec, quantities, { addresses: m.refs, params }, { blankGuard: true })
        : null;
    m.out.cell(field, values[key], formula);
  }
}

/** At or below saturation IF97's h(p, t) is the liquid's, no steam's: the month's h and heat are left to a person. */
function leaveWetSteam(m: MonthFill, values: Record<string, Decimal>): void {
  const { month } = m;
  if (!(values.pAbs && values.tSteam && atOrBelowSaturation(values.pAbs, values.tSteam))) return;
  m.skipped.push(
    info(
      "fill.monitoring.wetSteam",
      month.cells.hSteam?.ref ?? month.month.ref,
      `${formatRef(month.month.ref)} の月は蒸気温度 ${values.tSteam.toString()} °C が p_abs ${values.pAbs.toString()} MPa の飽和温度以下のため、蒸気比エンタルピーと生成熱量は書きません。`,
      `The month at ${formatRef(month.month.ref)}: steam at ${values.tSteam.toString()} °C is at or below saturation at p_abs ${values.pAbs.toString()} MPa, so its enthalpy and heat are not written.`,
    ),
  );
  delete values.hSteam;
}

/**
 * h and h' are values: a cell that already agrees with IF97 to the digits it holds is left as typed. What the
 * cells will hold, for the heat.
 */
function writeSteamTableCells(m: MonthFill, values: Record<string, Decimal>): Record<string, Decimal | null> {
  const cellValue: Record<string, Decimal | null> = {};
  for (const key of STEAM_TABLE_KEYS) {
    const field = m.month.cells[key];
    if (!field || values[key] === undefined) continue;
    const current = decimalOf(field);
    const keep = current !== null && agreesToDigits(current, values[key]);
    m.out.cell(field, values[key], null, () => keep);
    cellValue[key] = keep ? current : values[key];
  }
  return cellValue;
}

/** The month's heat Q from the h and h' its cells will hold; a formula when F and F' are plain numbers. */
function writeHeat(m: MonthFill, cellValue: Record<string, Decimal | null>): void {
  const { month, given } = m;
  const q = month.cells.qMonth;
  const spec = specOf.get("qMonth");
  if (!q || !spec || !cellValue.hSteam || !cellValue.hFeed || !given.fSteam || !given.fFeed) return;
  let value: Decimal;
  try {
    value = evaluateQuantities(
      monitoringMonthQuantities,
      { hSteam: cellValue.hSteam, hFeed: cellValue.hFeed, fSteam: given.fSteam, fFeed: given.fFeed },
      ["qMonth"],
    ).values.qMonth;
  } catch (e) {
    if (!isGecError(e)) throw e;
    m.skipped.push(
      refused(
        "month",
        q.ref,
        `${formatRef(q.ref)}（生成熱量）は書きません: ${e.text.ja}`,
        `${formatRef(q.ref)} (heat) is not written: ${e.text.en}`,
      ),
    );
    return;
  }
  const plain = ["fSteam", "fFeed"].every((k) => plainNumber(month.cells[k]));
  m.out.cell(
    q,
    value,
    plain ? excelFormula(spec, monitoringMonthQuantities, { addresses: m.refs }) : null,
    (current) =>
      heatAgrees(current, value, {
        hSteam: cellValue.hSteam ?? null,
        hFeed: cellValue.hFeed ?? null,
        fSteam: given.fSteam,
        fFeed: given.fFeed,
      }),
  );
}

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
function fillTotals(
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

/**
 * 3.1 / 3.2 / 3.6 / 3.7 of the facility's 別紙1 row from the table: the convention the cell already follows, else
 * the sum truncated; as a formula over the 合計 cells where the convention has one (each month rounded has none).
 */
function linkRow(
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
function refusal(
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
function faultedMonths(
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
