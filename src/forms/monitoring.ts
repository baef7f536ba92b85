// Reads the monitoring tables (熱実績管理表, docs/domain.md §5.1) by their labels, wherever they sit: one per facility,
// headed by its 熱設備名称, one row per month under a 年月 column, and a 合計 row.
import {
  excelSerialFromDate,
  fiscalYearOf,
  normalizeText,
  parseDateCell,
  parseNumberCell,
  parseRatioCell,
} from "../numbers";
import type { DateReading, NumberReading } from "../numbers";
import type { CellRef, CellValue } from "../types";
import { SheetView, isHiddenSheet } from "./sheet";
import type { DateField, NumberField, TextField } from "./fields";

/** One month's row: its 年月 and its number cells by quantity key (monitoringMonthQuantities' keys). */
export interface MonitoringMonth {
  row: number;
  month: DateField;
  cells: Record<string, NumberField>;
}

export interface MonitoringTable {
  sheet: string;
  /** The 年月 header cell. */
  headerRef: CellRef;
  /** 熱設備名称 above the table, as typed (with or without "(2020年度)"). */
  facilityName: TextField | null;
  /** Column index of each recognised quantity key. */
  columns: Record<string, number>;
  /** Every row read as a month (its 年月 a date, or a text that is no total label): valid or not, see selectMonths. */
  months: MonitoringMonth[];
  /** Every labelled row that is not a month (合計, 年度計, 上期計, 小計, a blank label with numbers), in order. */
  totals: MonitoringTotalRow[];
  /** The table's 合計: its first total row (the one 別紙1 links to). */
  total: MonitoringTotalRow | null;
  /** The 年度 its title names ("2020年度", "令和2年度"), null when it names none. */
  fiscalYear: number | null;
  /** On a hidden sheet: an old copy, most likely; a visible table for the same facility is the one read. */
  hidden: boolean;
}

/**
 * A total or subtotal row: checked against the months it spans, never summed. A total spans every month since the
 * previous total (a table of two years has two), a subtotal (上期計, 小計) those since the previous total or subtotal.
 */
export interface MonitoringTotalRow {
  ref: CellRef;
  row: number;
  kind: "total" | "subtotal";
  /** The label as typed ("" for a blank label). */
  label: string;
  /** The months it spans: months[from] … months[to − 1]. */
  from: number;
  to: number;
  cells: Record<string, NumberField>;
}

/** Why a month row is not summed: each is an error at its 年月 cell. */
export type MonthRejection = "unreadable" | "duplicate" | "outOfYear" | "outOfPeriod" | "afterTotal";

export interface MonthSelection {
  /** The months that count, each once, in table order. */
  valid: MonitoringMonth[];
  rejected: { month: MonitoringMonth; reason: MonthRejection; first?: MonitoringMonth }[];
}

/** A month as an index (year × 12 + month − 1), for periods and coverage. */
export const monthIndex = (m: { year: number; month: number }): number => m.year * 12 + (m.month - 1);

/**
 * The one definition of a month that counts, shared by checks, fill and explain: its 年月 reads as a date, it lies in
 * the table's 年度 (when the title names one) and in `period` (別紙1 5.1–5.2, month indices), it comes before the
 * table's first 合計, and no earlier row names the same month. Every other month row is rejected, with its reason.
 */
export function selectMonths(
  table: MonitoringTable,
  period: { from: number; to: number } | null,
): MonthSelection {
  const valid: MonitoringMonth[] = [];
  const rejected: MonthSelection["rejected"] = [];
  const seen = new Map<number, MonitoringMonth>();
  const end = table.total ? table.total.to : Infinity;
  const fy = table.fiscalYear;
  table.months.forEach((month, i) => {
    const r = month.month.reading;
    if (r.kind !== "date") return void rejected.push({ month, reason: "unreadable" });
    const k = monthIndex(r);
    const first = seen.get(k);
    if (first) return void rejected.push({ month, reason: "duplicate", first });
    seen.set(k, month);
    if (fy !== null && (k < fy * 12 + 3 || k > fy * 12 + 14))
      return void rejected.push({ month, reason: "outOfYear" });
    if (period && (k < period.from || k > period.to))
      return void rejected.push({ month, reason: "outOfPeriod" });
    if (i >= end) return void rejected.push({ month, reason: "afterTotal" });
    valid.push(month);
  });
  return { valid, rejected };
}

/** A folded header text → the quantity key it names, by the vocabulary of docs/domain.md §5.1 (most specific first). */
export function monitoringColumnOf(label: string): string | null {
  if (label === "") return null;
  const has = (...words: string[]) => words.some((w) => label.includes(w));
  if (label === "年月" || label.startsWith("年月") || label === "対象月" || label === "月") return "month";
  if (has("エンタルピ")) return has("給水") ? "hFeed" : "hSteam";
  if (has("圧力")) {
    if (has("絶対", "abs")) return "pAbs";
    if (has("ゲージ", "gauge", "平均")) return "pGauge";
    return null;
  }
  if (has("温度")) {
    const mean = has("平均");
    return has("給水") ? (mean ? "tFeedMean" : "tFeed") : mean ? "tSteamMean" : "tSteam";
  }
  if (has("控除")) return "deduction";
  if (has("生成熱量")) return "qMonth";
  if (has("補機")) {
    if (has("定格")) return "ratedPower";
    if (has("電力量", "消費")) return "ePsMonth";
    return null;
  }
  if (has("定格出力")) return "ratedPower";
  if (has("稼働時間", "運転時間")) return "operatingHours";
  if (has("稼働日", "運転日")) return "operatingDays";
  if (has("助燃料", "a重油")) return has("熱量", "mj") ? "auxFuelHeat" : "auxFuelVolume";
  if (has("投入量")) return "biomassMass";
  if (has("低位発熱量")) return "lhvDry";
  if (has("水分")) return "moisture";
  if (has("燃料合計")) return "fTMonth";
  if (has("バイオマス燃料", "バイオマス熱量", "投入木質発熱量")) return "fBMonth";
  if (has("流量", "積算")) {
    if (has("給水")) return "fFeed";
    if (has("蒸気", "送気", "抽気")) return "fSteam";
  }
  return null;
}

/** Shares typed as 45 % or 0.45. */
const RATIO_KEYS = new Set(["moisture"]);
/** How many blank rows end a table's months. */
const MAX_BLANK_ROWS = 2;
/** Widest header read: a real table has about 20 columns. */
const MAX_HEADER_COLUMNS = 256;
/** How many rows above its header a table's 熱設備名称 may sit. */
const NAME_ROWS_ABOVE = 5;
const FACILITY_LABEL = normalizeText("熱設備名称");
const FACILITY_LABEL_SHORT = normalizeText("設備名称");

/**
 * A number cell read on first use: a ten-year table of a hundred facilities holds 1.7 million of them, and objects
 * made up front (reading, reference, decimal) only feed the garbage collector until a rule asks.
 */
class LazyNumberCell implements NumberField {
  private parsed: NumberReading | undefined;
  constructor(
    private readonly sheet: SheetView,
    private readonly row: number,
    private readonly col: number,
    private readonly ratio: boolean,
  ) {}

  get raw(): CellValue {
    return this.sheet.value(this.row, this.col);
  }
  get reading(): NumberReading {
    return (this.parsed ??= this.ratio ? parseRatioCell(this.raw) : parseNumberCell(this.raw));
  }
  get ref(): CellRef {
    return this.sheet.ref(this.row, this.col);
  }
  get formula(): string | null {
    return this.sheet.formula(this.row, this.col);
  }
  get numberFormat(): string | null {
    return this.sheet.numberFormat(this.row, this.col);
  }
}

function numberAt(sheet: SheetView, row: number, col: number, ratio: boolean): NumberField {
  return new LazyNumberCell(sheet, row, col, ratio);
}

/** Labels of a subtotal (上期計, 下期計, 小計, 第1四半期計, Q1 計, subtotal); folded as normalizeText folds them. */
const SUBTOTAL_LABEL = /小計|上期|下期|半期|四半期|期計|subtotal|^q[1-4]/;
/** Labels of a total: any text with 計 in it (合計, 計, 年度計, 年間合計, 総計), or total/sum. */
const TOTAL_LABEL = /計|total|sum/;

/** What a labelled row of a monitoring table is, by its 年月 cell: a total, a subtotal, or (null) a month row. */
export function totalKindOf(label: string): "total" | "subtotal" | null {
  if (SUBTOTAL_LABEL.test(label)) return "subtotal";
  return TOTAL_LABEL.test(label) ? "total" : null;
}

/** "熱設備名称：X" gives X; a bare label gives the first text to its right. */
function facilityNameAbove(sheet: SheetView, headerRow: number, left: number): TextField | null {
  for (let r = headerRow - 1; r >= Math.max(sheet.top, headerRow - NAME_ROWS_ABOVE); r--) {
    for (let c = left; c <= Math.min(sheet.right, left + 12); c++) {
      const label = sheet.label(r, c);
      if (!label.startsWith(FACILITY_LABEL) && !label.startsWith(FACILITY_LABEL_SHORT)) continue;
      const raw = sheet.value(r, c);
      const m = /^[^:：]*[:：](.*)$/s.exec(String(raw));
      if (m && m[1].trim() !== "") return { value: m[1].trim(), raw, ref: sheet.ref(r, c) };
      const right = sheet.valueRightOf(r, c, 8);
      if (right) return { value: String(right.value).trim(), raw: right.value, ref: sheet.ref(r, right.col) };
    }
  }
  return null;
}

/**
 * The header's columns from the 年月 cell to the right: one row, or two where a merged group label ("蒸気温度")
 * sits above the texts that tell its columns apart ("月平均", "採用値").
 */
function readHeader(
  sheet: SheetView,
  row: number,
  col: number,
): { columns: Record<string, number>; rows: number } | null {
  // the header runs right until three empty columns (upper and lower rows), and never past MAX_HEADER_COLUMNS:
  // one pass bounds it, so a sheet of thousands of 月 cells costs each anchor a few columns, not the sheet's width
  let right = col;
  let lowerCount = 0;
  for (let c = col + 1, empty = 0; c <= Math.min(sheet.right, col + MAX_HEADER_COLUMNS) && empty < 3; c++) {
    // the next 年月 heads a table of its own: a row of them costs its width once, not its width squared
    if (monitoringColumnOf(sheet.label(row, c)) === "month") break;
    const upper = sheet.label(row, c) !== "";
    const lower = sheet.label(row + 1, c) !== "";
    if (lower) lowerCount++;
    if (upper || lower) {
      empty = 0;
      right = c;
    } else empty++;
  }
  // a second header row: text under the header, and no month under 年月 (blank, or 年月 merged down and repeated)
  const below = sheet.value(row + 1, col);
  const twoRows =
    lowerCount >= 2 &&
    (below === null || below === "" || (typeof below === "string" && parseDateCell(below).kind !== "date"));
  const columns: Record<string, number> = { month: col };
  let group = "";
  for (let c = col + 1; c <= right; c++) {
    const upper = sheet.label(row, c);
    const lower = twoRows ? sheet.label(row + 1, c) : "";
    if (upper === "" && lower === "") {
      group = "";
      continue;
    }
    // a merged group label arrives in its first column only: carry it over the columns that have a lower text
    if (upper !== "") group = lower !== "" ? upper : "";
    const text = upper !== "" ? upper + lower : group + lower;
    const key = monitoringColumnOf(text);
    if (key && key !== "month" && columns[key] === undefined) columns[key] = c;
  }
  // a table is a 年月 column and at least the steam flow or the heat it gives
  if (columns.fSteam === undefined && columns.qMonth === undefined) return null;
  return { columns, rows: twoRows ? 2 : 1 };
}

/** "（2020年度）" in the title or name rows above the header: the fiscal year a bare "4月" belongs to. */
function fiscalYearAbove(sheet: SheetView, headerRow: number, left: number): number | null {
  for (let r = headerRow - 1; r >= Math.max(sheet.top, headerRow - NAME_ROWS_ABOVE); r--) {
    for (let c = left; c <= Math.min(sheet.right, left + 12); c++) {
      const v = sheet.value(r, c);
      const year = typeof v === "string" ? fiscalYearOf(v) : null;
      if (year !== null) return year;
    }
  }
  return null;
}

/** A month as typed: any date the parser reads, or "4月" alone in a table titled with its 年度 (April–March). */
function monthReading(raw: CellValue, fiscalYear: number | null): DateReading {
  const reading = parseDateCell(raw);
  if (reading.kind === "date" || fiscalYear === null || typeof raw !== "string") return reading;
  const m = /^(\d{1,2})月(分)?$/.exec(raw.normalize("NFKC").replace(/\s+/g, ""));
  const month = m ? Number(m[1]) : 0;
  if (month < 1 || month > 12) return reading;
  const year = month >= 4 ? fiscalYear : fiscalYear + 1;
  return { kind: "date", serial: excelSerialFromDate(year, month, 1), year, month, day: null };
}

/** Whether a row's label ends the table: the next table's 年月 header, or its 熱設備名称. */
function endsTable(label: string): boolean {
  if (label !== "" && (monitoringColumnOf(label) === "month" || label.startsWith(FACILITY_LABEL_SHORT)))
    return true;
  return label.startsWith(FACILITY_LABEL);
}

/** Whether any of the table's number columns holds something on row `r`. */
function rowHasNumbers(sheet: SheetView, r: number, numberKeys: [string, number][]): boolean {
  return numberKeys.some(([, c]) => {
    const v = sheet.value(r, c);
    return v !== null && v !== "";
  });
}

/** Row `r`'s cells of the table's number columns, by key. */
function numberCells(sheet: SheetView, r: number, keys: [string, number][]): Record<string, NumberField> {
  const cells: Record<string, NumberField> = {};
  for (const [key, c] of keys) cells[key] = numberAt(sheet, r, c, RATIO_KEYS.has(key));
  return cells;
}

/**
 * The rows under a table's header (at `row`, `col`, `headerRows` high): its months, and its total and subtotal rows
 * with the months each sums; it ends at the next table, a text that is no month, or MAX_BLANK_ROWS blank rows.
 */
function readTableBody(
  sheet: SheetView,
  { row, col, headerRows }: { row: number; col: number; headerRows: number },
  numberKeys: [string, number][],
  fiscalYear: number | null,
): { months: MonitoringMonth[]; totals: MonitoringTotalRow[] } {
  const months: MonitoringMonth[] = [];
  const totals: MonitoringTotalRow[] = [];
  // where the next total or subtotal starts counting: after the last total, or after the last total-like row
  let sinceTotal = 0;
  let sinceAny = 0;
  let blank = 0;
  let unlabelled: number | null = null;
  for (let r = row + headerRows; r <= sheet.bottom && blank <= MAX_BLANK_ROWS; r++) {
    const raw = sheet.value(r, col);
    const label = sheet.label(r, col);
    if (endsTable(label)) break;
    const hasNumbers = rowHasNumbers(sheet, r, numberKeys);
    const blankLabel = raw === null || raw === "";
    if (blankLabel && !hasNumbers) {
      blank++;
      continue;
    }
    blank = 0;
    const kind = blankLabel ? "blank" : typeof raw === "string" ? totalKindOf(label) : null;
    if (kind !== null) {
      // a blank label with numbers is a subtotal when months follow it, else the total (settled below)
      const total: MonitoringTotalRow = {
        ref: sheet.ref(r, col),
        row: r,
        kind: kind === "subtotal" ? "subtotal" : "total",
        label: blankLabel ? "" : String(raw),
        from: kind === "subtotal" || kind === "blank" ? sinceAny : sinceTotal,
        to: months.length,
        cells: numberCells(sheet, r, numberKeys),
      };
      // an unlabelled row before a labelled total is a subtotal too
      if (unlabelled !== null) totals[unlabelled].kind = "subtotal";
      unlabelled = kind === "blank" ? totals.length : null;
      totals.push(total);
      sinceAny = months.length;
      if (total.kind === "total") sinceTotal = months.length;
      continue;
    }
    const month = monthReading(raw, fiscalYear);
    // a text that is no month and a row without numbers: the next table's title, a note
    if (month.kind !== "date" && !hasNumbers) break;
    if (unlabelled !== null) {
      totals[unlabelled].kind = "subtotal";
      unlabelled = null;
    }
    months.push({
      row: r,
      month: { reading: month, raw, ref: sheet.ref(r, col) },
      cells: numberCells(sheet, r, numberKeys),
    });
  }
  // an unlabelled row after the last month is the table's total over every month since the last total
  if (unlabelled !== null)
    totals[unlabelled].from = totals
      .slice(0, unlabelled)
      .reduce((from, t) => (t.kind === "total" ? t.to : from), 0);
  return { months, totals };
}

/** The monitoring table whose 年月 header cell is at `row`, `col`; null where the header names no steam flow or heat. */
function readTable(sheet: SheetView, row: number, col: number): MonitoringTable | null {
  const header = readHeader(sheet, row, col);
  if (!header) return null;
  const { columns } = header;
  const numberKeys = Object.entries(columns).filter(([key]) => key !== "month");
  const fiscalYear = fiscalYearAbove(sheet, row, Math.max(sheet.left, col - 2));
  const { months, totals } = readTableBody(
    sheet,
    { row, col, headerRows: header.rows },
    numberKeys,
    fiscalYear,
  );
  return {
    sheet: sheet.name,
    headerRef: sheet.ref(row, col),
    facilityName: facilityNameAbove(sheet, row, Math.max(sheet.left, col - 2)),
    columns,
    months,
    totals,
    total: totals.find((t) => t.kind === "total") ?? null,
    fiscalYear,
    hidden: isHiddenSheet(sheet.grid),
  };
}

/** The raw text of a 年月 header cell (spaces allowed between its characters); anchored, so it never backtracks far. */
const MONTH_HEADER_TEXT = /^[\s\u3000_]*(?:年[\s\u3000_]*月|対象[\s\u3000_]*月|月[\s\u3000_]*$)/;

/** Every monitoring table of one sheet, in reading order. */
export function readMonitoringSheet(sheet: SheetView): MonitoringTable[] {
  // only a text that starts with 年月, 対象月 or is 月 can be the header: dates such as 2020年4月1日 fill 別紙1's rows
  const anchors = sheet.find((label) => monitoringColumnOf(label) === "month", MONTH_HEADER_TEXT);
  const tables: MonitoringTable[] = [];
  for (const a of anchors) {
    const found = readTable(sheet, a.row, a.col);
    if (found) tables.push(found);
  }
  return tables;
}
