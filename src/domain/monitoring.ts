// The monitoring domain (熱実績管理表): which table is whose, the months that count, a facility's procedure, every
// way a table gives 別紙1's 3.1 / 3.2 / 3.6 / 3.7 under each rounding convention, and agreement to the digits a cell
// holds — what the monitoring checks, the fill, explain and the report all read.
import { Decimal, atSpreadsheetPrecision, withinSpreadsheetNoise } from "../numbers";
import { isGecError } from "../errors";
import { evaluateQuantities, excelFormula } from "../formula";
import type { DerivationStep, ParamValues, QuantitySpec } from "../formula";
import {
  fuelTotalMonth,
  monitoringMonthQuantities,
  monitoringQuantitiesWith,
  monitoringTotal,
  monthColumnOf,
  monthlyRounded,
  steamMonthQuantities,
  steamQuantitiesWith,
} from "../methodology";
import type { MethodologyDeclaration, MonitoringTarget, RoundingConvention } from "../methodology";
import { formatRef } from "../forms/a1";
import { NameIndex, facilityKey } from "../forms/names";
import { selectMonths, monthIndex } from "../forms/monitoring";
import type {
  MonitoringMonth,
  MonitoringTable,
  MonitoringTotalRow,
  MonthSelection,
} from "../forms/monitoring";
import type { MonitoringPlan, ProjectRow, Submission } from "../forms/submission";
import { attachmentFor, planDigits } from "../forms/attachment";
import { shortened } from "../text";
import { decimalOf } from "../forms/fields";

/** A 別紙1 input a monitoring table's 合計 gives, with its column as the form prints it ("3.1"). */
export interface MonitoringTargetColumn {
  target: MonitoringTarget;
  column: string;
}

/** The 別紙1 inputs a monitoring table gives under a methodology, as its declaration names them (none for power). */
export function monitoringTargetsOf(declaration: MethodologyDeclaration): MonitoringTargetColumn[] {
  return declaration.form.monitoringTargets.map((target) => ({
    target,
    column: declaration.quantities.find((q) => q.key === target)?.column ?? target,
  }));
}

/** Keys the 合計 row sums (the fill writes their SUM). */
export const SUMMED_KEYS = [
  "operatingDays",
  "fSteam",
  "fFeed",
  "deduction",
  "qMonth",
  "ePsMonth",
  "fBMonth",
  "auxFuelHeat",
  "fTMonth",
  "biomassMass",
  "auxFuelVolume",
  "operatingHours",
];

const specOf = new Map(monitoringMonthQuantities.map((q) => [q.key, q]));

/** 控除熱量 as declared (a list, so that a total that takes none off reads it as nothing). */
const deductionSpecs = monitoringMonthQuantities.filter((q) => q.key === "deduction");

/**
 * How one facility's table is checked: the roundings and standard atmosphere its 別紙1添付 block states, its rated kW
 * (used where the table has no 補機定格出力 column) and its F_B recipe; the seed's procedure where it states none.
 */
export interface FacilityProcedure {
  steam: QuantitySpec[];
  month: QuantitySpec[];
  params: ParamValues;
  ratedPower: Decimal | null;
  /** The F_B declaration the block names (fBDryBasis, fBWetBasis): the only one tried. */
  lhv: string | null;
}

export const SEED_PROCEDURE: FacilityProcedure = {
  steam: steamMonthQuantities,
  month: monitoringMonthQuantities,
  params: {},
  ratedPower: null,
  lhv: null,
};

/** The procedure a block states (SEED_PROCEDURE without one). */
function procedureOf(plan: MonitoringPlan | null | undefined): FacilityProcedure {
  if (!plan) return SEED_PROCEDURE;
  const digits = planDigits(plan);
  const kw = plan.ratedPowerKw ? Decimal.from(plan.ratedPowerKw.value) : null;
  return {
    steam: steamQuantitiesWith(digits),
    month: monitoringQuantitiesWith(digits),
    params: plan.standardAtmosphere ? { standardAtmosphere: plan.standardAtmosphere } : {},
    ratedPower: kw,
    lhv: plan.lhv ? (plan.lhv.recipe === "dryBasis" ? "fBDryBasis" : "fBWetBasis") : null,
  };
}

/** The procedure of the table's facility: its 別紙1添付 block matched by the table's or its 別紙1 row's name. */
export function procedureFor(
  submission: Submission,
  table: MonitoringTable,
  row: ProjectRow | null,
): FacilityProcedure {
  const block = attachmentFor(submission.attachments, [
    table.facilityName?.value,
    row?.text.facilityName?.value,
  ]);
  return procedureOf(block?.plan);
}

/** Significant digits from which a cell's value is taken to be a double at its precision limit. */
const DOUBLE_DIGITS = 15;

/** Two ulps of a double, relative: 2 × 2^-52. */
const DOUBLE_ULP = "0.00000000000000045";

/** Decimals a value shows ("2795.30" read as 2795.3 → 1). */
export function decimals(d: Decimal): number {
  const text = d.toString();
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Whether a cell agrees with the exact value to the digits it holds: the value rounded to those decimals down or half
 * up; a cell at a double's precision (Excel's own result) may be off by its last digit.
 */
export function agreesToDigits(actual: Decimal, exact: Decimal): boolean {
  const d = decimals(actual);
  if (decimals(exact) <= d) return actual.eq(exact);
  if (exact.round(d, "down").eq(actual) || exact.round(d, "halfUp").eq(actual)) return true;
  // a double shows at most 17 significant digits, the last ones off by up to an ulp (2^-52 of the value)
  const digits = actual.toString().replace(/[-.]/g, "").replace(/^0+/, "").length;
  if (digits < DOUBLE_DIGITS) return false;
  const abs = (x: Decimal) => (x.isNegative() ? x.mul(-1) : x);
  return abs(actual.sub(exact)).cmp(abs(exact).mul(DOUBLE_ULP)) <= 0;
}

/** 別紙1 5.1–5.2 of the row as month indices, with its text; null when either date cannot be read. */
export function periodOf(row: ProjectRow | null): { from: number; to: number; ja: string } | null {
  const start = row?.dates.startDate?.reading;
  const end = row?.dates.endDate?.reading;
  if (!start || !end || start.kind !== "date" || end.kind !== "date") return null;
  return {
    from: monthIndex(start),
    to: monthIndex(end),
    ja: `${start.year}年${start.month}月〜${end.year}年${end.month}月`,
  };
}

/** The months that count for the table's facility (selectMonths under its 別紙1 period). */
export function countedMonths(table: MonitoringTable, row: ProjectRow | null): MonthSelection {
  const period = periodOf(row);
  return selectMonths(table, period && { from: period.from, to: period.to });
}

/** The table with its counted months only: what every sum of the check, the fill and explain reads. */
export function countedTable(table: MonitoringTable, selection: MonthSelection): MonitoringTable {
  return selection.rejected.length === 0 ? table : { ...table, months: selection.valid };
}

/** Month quantities that are never negative: flows, heat, deductions, power, fuel, days and hours. */
const NON_NEGATIVE = [
  "operatingDays",
  "operatingHours",
  "fSteam",
  "fFeed",
  "deduction",
  "qMonth",
  "ePsMonth",
  "ratedPower",
  "fBMonth",
  "fTMonth",
  "auxFuelHeat",
  "auxFuelVolume",
  "biomassMass",
];

/** Whether a counted month's cell holds a negative quantity (▲3,001,856, (…), −…): never summed, never derived from. */
function negativeIn(month: MonitoringMonth, key: string): boolean {
  const v = decimalOf(month.cells[key]);
  return v !== null && v.isNegative() && NON_NEGATIVE.includes(key);
}

/** Keys of a month whose cells hold a negative quantity. */
export function negativeKeys(month: MonitoringMonth): string[] {
  return Object.keys(month.cells).filter((key) => negativeIn(month, key));
}

/** The month without its negative cells: what is derived from it (its own finding says why the rest is not). */
export function withoutNegatives(month: MonitoringMonth): MonitoringMonth {
  const negative = negativeKeys(month);
  if (negative.length === 0) return month;
  const cells = { ...month.cells };
  for (const key of negative) delete cells[key];
  return { ...month, cells };
}

/** A column's month values, when every month has one (null when a month's cell is blank or unreadable). */
export function monthValues(
  table: MonitoringTable,
  key: string,
): { values: Decimal[]; cells: string[] } | null {
  const values: Decimal[] = [];
  for (const m of table.months) {
    const v = decimalOf(m.cells[key]);
    if (v === null || negativeIn(m, key)) return null;
    values.push(v);
  }
  return withCells(values, () => table.months.map((m) => formatRef(m.cells[key].ref)));
}

/** Values with their cells' addresses made only when a derivation asks for them. */
function withCells(values: Decimal[], cells: () => string[]): { values: Decimal[]; cells: string[] } {
  let made: string[] | undefined;
  return {
    values,
    get cells() {
      return (made ??= cells());
    },
  };
}

/**
 * A quantity's month values: its column, or, where the table has no such column, its declaration evaluated from the
 * columns it needs (E_PS from 補機定格出力 × 稼働時間, F_B from バイオマス投入量, 低位発熱量, 水分率, fuel heat from kL).
 */
function series(
  table: MonitoringTable,
  key: string,
  proc: FacilityProcedure = SEED_PROCEDURE,
): { values: Decimal[]; cells: string[] } | null {
  if (table.columns[key] !== undefined) return monthValues(table, key);
  const spec = specOf.get(key);
  const inputs = spec?.expr?.keys() ?? [];
  // a table without a 補機定格出力 column takes the kW its 別紙1添付 block states
  const stated = (k: string) => k === "ratedPower" && proc.ratedPower !== null;
  if (inputs.length === 0 || inputs.some((k) => table.columns[k] === undefined && !stated(k))) return null;
  const values: Decimal[] = [];
  for (const m of table.months) {
    const given: Record<string, Decimal | null> = {};
    for (const k of inputs)
      given[k] =
        table.columns[k] === undefined && stated(k)
          ? proc.ratedPower
          : negativeIn(m, k)
            ? null
            : decimalOf(m.cells[k]);
    try {
      values.push(evaluateQuantities(proc.month, given, [key], { params: proc.params }).values[key]);
    } catch (e) {
      if (isGecError(e)) return null;
      throw e;
    }
  }
  return withCells(values, () =>
    table.months.map((m) =>
      inputs
        .map((k) => (m.cells[k] ? formatRef(m.cells[k].ref) : `${proc.ratedPower?.toString()} kW`))
        .join(" × "),
    ),
  );
}

/** F_T's months: the 燃料合計 column, or F_B + 助燃料熱量 by the declaration. */
function fuelTotals(
  table: MonitoringTable,
  fB: { values: Decimal[]; cells: string[] },
  proc: FacilityProcedure,
): { values: Decimal[]; cells: string[] } | null {
  if (table.columns.fTMonth !== undefined) return monthValues(table, "fTMonth");
  const aux = series(table, "auxFuelHeat", proc);
  const hasAux = table.columns.auxFuelHeat !== undefined || table.columns.auxFuelVolume !== undefined;
  if (hasAux && !aux) return null;
  const values = fB.values.map((b, i) => {
    const given = { fBMonth: b, auxFuelHeat: aux ? aux.values[i] : Decimal.zero };
    return evaluateQuantities([fuelTotalMonth, ...monitoringMonthQuantities], given, ["fTMonth"]).values
      .fTMonth;
  });
  return withCells(values, () => fB.cells.map((c, i) => (aux ? `${c} + ${aux.cells[i]}` : c)));
}

/** Where a target's months may come from, in order: its own column first, then each declared way to work it out. */
const BASES: Record<MonitoringTarget, string[]> = {
  qBl: ["qMonth"],
  ePs: ["ePsMonth", "ePsRated", "ePsRatedDays"],
  fB: ["fBMonth", "fBDryBasis", "fBWetBasis"],
  fT: ["fBMonth", "fBDryBasis", "fBWetBasis"],
};

/** "合計" or "小計「上期計」", for messages about a total row. */
export function totalName(total: MonitoringTotalRow): { ja: string; en: string } {
  return total.kind === "subtotal"
    ? { ja: `小計「${shortened(total.label)}」`, en: `subtotal "${shortened(total.label)}"` }
    : { ja: "合計", en: "total" };
}

/** A 別紙1 quantity as the table's months give it, under any rounding convention (null when a month is unreadable). */
export interface TargetTotals {
  target: MonitoringTarget;
  /** The month quantity summed: the target's own column, or a declaration (ePsRated, fBWetBasis …). */
  basis: string;
  /** Whether Σ 控除熱量 is taken off (3.1 of a table with a 控除熱量 column). */
  deduction: boolean;
  evaluate(
    convention: RoundingConvention["id"],
    trace?: boolean,
  ): { value: Decimal; steps: DerivationStep[] };
}

/** Every way the table gives the target (one per basis it has the columns for), its own column first. */
export function targetAlternatives(
  table: MonitoringTable,
  target: MonitoringTarget,
  proc: FacilityProcedure = SEED_PROCEDURE,
): TargetTotals[] {
  const out: TargetTotals[] = [];
  // a block that names its F_B recipe is checked by that recipe only
  const bases = BASES[target].filter(
    (b) => proc.lhv === null || !b.startsWith("fB") || b === "fBMonth" || b === proc.lhv,
  );
  for (const basis of bases) {
    const months = series(table, basis, proc);
    const summed = months && target === "fT" ? fuelTotals(table, months, proc) : months;
    const totals = summed ? totalsOver(table, target, basis, summed) : null;
    if (totals) out.push(totals);
    // a column of its own is what the table says: declarations are tried only without one
    if (totals && table.columns[basis] !== undefined) break;
  }
  return out;
}

/** The first way the table gives the target. */
export function targetTotals(
  table: MonitoringTable,
  target: MonitoringTarget,
  proc: FacilityProcedure = SEED_PROCEDURE,
): TargetTotals | null {
  return targetAlternatives(table, target, proc)[0] ?? null;
}

function totalsOver(
  table: MonitoringTable,
  target: MonitoringTarget,
  basis: string,
  months: { values: Decimal[]; cells: string[] },
): TargetTotals | null {
  const deduction = target === "qBl" && table.columns.deduction !== undefined;
  const deducted = deduction ? monthValues(table, "deduction") : null;
  if (deduction && !deducted) return null;
  const perMonth = monthlyRounded(target);
  const [monthSpec, downSpec, halfUpSpec] = perMonth;
  // each month rounded is worked out only when a convention that rounds each month is tried
  let rounded: { down: Decimal[]; halfUp: Decimal[] } | null = null;
  const roundedMonths = () => {
    if (rounded) return rounded;
    const down: Decimal[] = [];
    const halfUp: Decimal[] = [];
    for (const v of months.values) {
      const r = evaluateQuantities(perMonth, { [monthSpec.key]: v }, [downSpec.key, halfUpSpec.key]).values;
      down.push(r[downSpec.key]);
      halfUp.push(r[halfUpSpec.key]);
    }
    return (rounded = { down, halfUp });
  };
  return {
    target,
    basis,
    deduction,
    evaluate(convention, trace = false) {
      const total = monitoringTotal(target, convention, { deduction });
      const columns: Record<string, { values: Decimal[]; cells: string[] }> = { [monthSpec.key]: months };
      if (deducted) columns.deduction = deducted;
      if (convention.startsWith("month")) {
        columns[downSpec.key] = withCells(roundedMonths().down, () => months.cells);
        columns[halfUpSpec.key] = withCells(roundedMonths().halfUp, () => months.cells);
      }
      const e = evaluateQuantities([...perMonth, ...deductionSpecs, total], {}, [total.key], {
        columns,
        trace,
      });
      return { value: e.values[total.key], steps: e.steps };
    },
  };
}

/**
 * Each table's 別紙1 row: by its 熱設備名称 after folding the "(yyyy年度)" suffix, width and spaces; failing that, the
 * one row whose name is a single character apart (nearMiss, which the check reports).
 */
export function matchTables(
  tables: MonitoringTable[],
  rows: ProjectRow[],
): Map<MonitoringTable, { row: ProjectRow; nearMiss: boolean }> {
  const named = rows.flatMap((row) => {
    const name = row.text.facilityName?.value;
    return name ? [{ row, key: facilityKey(name) }] : [];
  });
  const index = new NameIndex(named, (n) => n.key);
  const out = new Map<MonitoringTable, { row: ProjectRow; nearMiss: boolean }>();
  const taken = new Set<ProjectRow>();
  // a table on a hidden sheet (an old copy) is a facility's only where no visible table names it
  const ordered = [...tables.filter((t) => !t.hidden), ...tables.filter((t) => t.hidden)];
  const byVisible = new Set<ProjectRow>();
  for (const table of ordered) {
    const name = table.facilityName?.value;
    const match = name ? index.match(name, () => false) : null;
    const row = match?.item.row;
    if (!row || (table.hidden && byVisible.has(row))) continue;
    out.set(table, { row, nearMiss: false });
    taken.add(row);
    if (!table.hidden) byVisible.add(row);
  }
  for (const table of ordered) {
    const name = table.facilityName?.value;
    if (!name || out.has(table)) continue;
    const match = index.match(name, (n) => !taken.has(n.row));
    if (!match?.nearMiss) continue;
    out.set(table, { row: match.item.row, nearMiss: true });
    taken.add(match.item.row);
  }
  return out;
}

/** Tables matched to the same 別紙1 row before this one: a facility's months must come from one table. */
export function duplicateOf(
  table: MonitoringTable,
  tables: MonitoringTable[],
  matches: Map<MonitoringTable, { row: ProjectRow }>,
): MonitoringTable | null {
  const row = matches.get(table)?.row;
  if (!row) return null;
  return tables.find((t) => t !== table && matches.get(t)?.row === row) ?? null;
}

/**
 * Whether a 生成熱量 cell agrees with h × F_s − h' × F_fw of its month's cells: to the digits it holds, or, where it or
 * a cell it comes from holds a spreadsheet's 15 significant digits (LibreOffice keeps no more when it saves), within
 * 10^-14 of the terms (docs/numbers.md). The fill keeps a cell that agrees so.
 */
export function heatAgrees(actual: Decimal, exact: Decimal, own: Record<string, Decimal | null>): boolean {
  if (agreesToDigits(actual, exact)) return true;
  const values = [actual, own.hSteam, own.fSteam, own.hFeed, own.fFeed];
  if (!values.some((v) => v && atSpreadsheetPrecision(v))) return false;
  const term = (a: Decimal | null | undefined, b: Decimal | null | undefined) => {
    const t = a && b ? a.mul(b) : Decimal.zero;
    return t.isNegative() ? t.mul(-1) : t;
  };
  return withinSpreadsheetNoise(actual, exact, term(own.hSteam, own.fSteam).add(term(own.hFeed, own.fFeed)));
}

/**
 * 別紙1's link to a table's 合計 cells ("=ROUNDDOWN('熱実績管理表'!N17-'熱実績管理表'!M17,0)"), generated from the
 * declared total; null for a convention that rounds each month (no one-cell form).
 */
export function monitoringLinkFormula(
  target: MonitoringTarget,
  convention: RoundingConvention["id"],
  totalRef: string,
  deductionRef: string | null,
): string | null {
  if (convention.startsWith("month")) return null;
  const spec = monitoringTotal(target, convention, { deduction: deductionRef !== null });
  const ranges: Record<string, string> = { [monthColumnOf(target)]: totalRef };
  if (deductionRef !== null) ranges.deduction = deductionRef;
  // the 合計 cell already holds the SUM: link to it, not to a SUM of a single cell
  return (
    excelFormula(spec, [...monthlyRounded(target), spec], { addresses: {}, ranges })?.replace(
      /SUM\(([^():]+)\)/g,
      "$1",
    ) ?? null
  );
}
