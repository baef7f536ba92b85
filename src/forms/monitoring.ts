// Reads the monitoring tables (熱実績管理表, DOMAIN.md §5.1) by their labels, wherever they sit: one per facility,
// headed by its 熱設備名称, one row per month under a 年月 column, and a 合計 row.
import {
  excelSerialFromDate,
  normalizeText,
  parseDateCell,
  parseNumberCell,
  parseRatioCell,
} from "../numbers";
import type { DateReading, NumberReading } from "../numbers";
import type { CellRef, CellValue, Grid } from "../types";
import { SheetView } from "./sheet";
import type { DateField, NumberField, TextField } from "./submission";

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
  months: MonitoringMonth[];
  /** The 合計 row: its label cell and its number cells by key. */
  total: { ref: CellRef; cells: Record<string, NumberField> } | null;
}

/** A folded header text → the quantity key it names, by the vocabulary of DOMAIN.md §5.1 (most specific first). */
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

function isTotal(label: string): boolean {
  return label === "合計" || label === "計" || label.startsWith("合計") || label === "年間合計";
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
  const lowerHas = (c: number) => sheet.label(row + 1, c) !== "";
  let lowerCount = 0;
  for (let c = col + 1; c <= sheet.right; c++) if (lowerHas(c)) lowerCount++;
  // a second header row: text under the header, and no month under 年月 (blank, or 年月 merged down and repeated)
  const below = sheet.value(row + 1, col);
  const twoRows =
    lowerCount >= 2 &&
    (below === null || below === "" || (typeof below === "string" && parseDateCell(below).kind !== "date"));
  const columns: Record<string, number> = { month: col };
  let group = "";
  let empty = 0;
  for (let c = col + 1; c <= sheet.right && empty < 3; c++) {
    const upper = sheet.label(row, c);
    const lower = twoRows ? sheet.label(row + 1, c) : "";
    if (upper === "" && lower === "") {
      empty++;
      group = "";
      continue;
    }
    empty = 0;
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
      const m = typeof v === "string" ? /(\d{4})\s*年度/.exec(v.normalize("NFKC")) : null;
      if (m) return Number(m[1]);
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

function readTable(sheet: SheetView, row: number, col: number): MonitoringTable | null {
  const header = readHeader(sheet, row, col);
  if (!header) return null;
  const { columns } = header;
  const numberKeys = Object.entries(columns).filter(([key]) => key !== "month");
  const cellsOf = (r: number): Record<string, NumberField> => {
    const cells: Record<string, NumberField> = {};
    for (const [key, c] of numberKeys) cells[key] = numberAt(sheet, r, c, RATIO_KEYS.has(key));
    return cells;
  };
  const months: MonitoringMonth[] = [];
  const fiscalYear = fiscalYearAbove(sheet, row, Math.max(sheet.left, col - 2));
  let total: MonitoringTable["total"] = null;
  let blank = 0;
  for (let r = row + header.rows; r <= sheet.bottom && blank <= MAX_BLANK_ROWS; r++) {
    const raw = sheet.value(r, col);
    if (typeof raw === "string" && isTotal(sheet.label(r, col))) {
      total = { ref: sheet.ref(r, col), cells: cellsOf(r) };
      break;
    }
    const hasNumbers = numberKeys.some(([, c]) => {
      const v = sheet.value(r, c);
      return v !== null && v !== "";
    });
    if (raw === null || raw === "") {
      if (!hasNumbers) {
        blank++;
        continue;
      }
    }
    const month = monthReading(raw, fiscalYear);
    // a text that is no month and a row without numbers: the next table's title, a note
    if (month.kind !== "date" && !hasNumbers) break;
    blank = 0;
    months.push({ row: r, month: { reading: month, raw, ref: sheet.ref(r, col) }, cells: cellsOf(r) });
  }
  return {
    sheet: sheet.name,
    headerRef: sheet.ref(row, col),
    facilityName: facilityNameAbove(sheet, row, Math.max(sheet.left, col - 2)),
    columns,
    months,
    total,
  };
}

/** Every monitoring table of one sheet, in reading order. */
/** The raw text of a 年月 header cell (spaces allowed between its characters); anchored, so it never backtracks far. */
const MONTH_HEADER_TEXT = /^[\s\u3000_]*(?:年[\s\u3000_]*月|対象[\s\u3000_]*月|月[\s\u3000_]*$)/;

export function readMonitoringSheet(sheet: SheetView): MonitoringTable[] {
  // only a text that starts with 年月, 対象月 or is 月 can be the header: dates such as 2020年4月1日 fill 別紙1's rows
  const anchors = sheet.find((label) => monitoringColumnOf(label) === "month", MONTH_HEADER_TEXT);
  const tables: MonitoringTable[] = [];
  for (const a of anchors) {
    const table = readTable(sheet, a.row, a.col);
    if (table) tables.push(table);
  }
  return tables;
}

/** Every monitoring table of the workbook. */
export function readMonitoringTables(grid: Grid): MonitoringTable[] {
  return grid.sheets.flatMap((s) => readMonitoringSheet(new SheetView(s)));
}
