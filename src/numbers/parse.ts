// Reading cell contents the way people type them: numbers, percentages, dates (西暦, 和暦, serials), labels.
//
// Binary noise (docs/numbers.md): a number cell is read as the decimal of its double to 15 significant digits, the
// digits Excel shows and stores and that LibreOffice writes to a file. A mean that a spreadsheet computed as
// 0.8780000000000001 is 0.878, so ROUNDUP(…, 3) of it is 0.878 here as in Excel and LibreOffice (not 0.879); a
// workbook re-saved by LibreOffice, which keeps 15 digits, reads as it did before. Text ("0.8780000000000001" typed
// as text) is read exactly as typed: no spreadsheet computed it. The engine then computes on exact decimals; where a
// spreadsheet's own double arithmetic could land on the other side of a ROUNDDOWN/ROUNDUP/ROUND boundary, fill
// writes the value instead of the formula (src/formula/noise.ts).
import type { CellValue, Message } from "../types";
import { Decimal } from "./decimal";
import { headOf } from "../text";

export type NumberReading =
  | { kind: "number"; value: number; decimal: Decimal; fromText: boolean; percent: boolean }
  | { kind: "empty" }
  | { kind: "invalid"; text: Message };

export type DateReading =
  | { kind: "date"; serial: number; year: number; month: number; day: number | null }
  | { kind: "empty" }
  | { kind: "invalid"; text: Message };

/** Texts that mean "no value" in the forms (the seed prints — for heat rows without fuel data). */
const EMPTY_TEXTS = new Set(["", "-", "—", "―", "‐", "－", "ー", "–", "なし", "無し", "n/a", "na"]);

/**
 * Longest text read as a number (characters, before folding): 494,794,207 is 11; a longer text is no number a
 * person typed, and a cap keeps every reading linear in a bounded length.
 */
export const MAX_NUMBER_TEXT = 256;
/** Longest text read as a date. */
export const MAX_DATE_TEXT = 64;
/** Longest text compared as a label (longer text is folded up to here and can match no label). */
export const MAX_LABEL_TEXT = 256;
/**
 * Largest magnitude read as a number: 10^15 (a quadrillion MJ or kWh, beyond any facility the scheme certifies,
 * and the last power of ten below which every integer and 15 significant digits are exact in a double).
 */
export const MAX_MAGNITUDE = 1e15;
/**
 * Significant digits of a number cell as a spreadsheet shows and keeps it: Excel's precision, and what LibreOffice
 * writes back into a file. Beyond them a double's digits are noise of its own arithmetic.
 */
export const SPREADSHEET_DIGITS = 15;

/** The decimal a spreadsheet shows for a double: 15 significant digits (0.8780000000000001 → 0.878). */
export function spreadsheetDecimal(x: number): Decimal {
  if (Number.isSafeInteger(x)) return Decimal.from(x);
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  // most cells print in 15 digits or fewer (2795.3): their shortest form is already what a spreadsheet shows
  const shortest = String(x);
  if (shortest.length <= SPREADSHEET_DIGITS + 1 && !shortest.includes("e")) return Decimal.parse(shortest);
  return Decimal.parse(x.toPrecision(SPREADSHEET_DIGITS));
}

/** 10^0 … 10^22, each exact in a double. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Veltkamp's splitter for doubles: 2^27 + 1. */
const SPLITTER = 134217729;

/** The rounding error of the double product p = a × b, exactly (Dekker's two-product; no overflow here). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHigh = t - (t - a);
  const aLow = a - aHigh;
  t = SPLITTER * b;
  const bHigh = t - (t - b);
  const bLow = b - bHigh;
  return aHigh * bHigh - p + aHigh * bLow + aLow * bHigh + aLow * bLow;
}

/**
 * spreadsheetDecimal(x).toNumber() without a Decimal: x rounded to 15 significant digits, for the custom functions'
 * plain numbers (a cell of 2795.3 reads as 2795.3, one of 0.8780000000000001 as 0.878). undefined for NaN, ±∞ and
 * magnitudes over 10^15, which parseNumberCell refuses with a message.
 *
 * Small and branch-light, so that V8 inlines it into the cell Excel calls (bench/functions.js): the 15 digits are
 * a × 10^k rounded half up, and the quotient by 10^k is correctly rounded. Where fl(a × 10^k) falls on half-way, at a
 * window's edge, for 0 and for what is no number, nearHalf decides on the exact product.
 */
export function spreadsheetNumber(x: number): number | undefined {
  const a = Math.abs(x);
  // k places of decimals leave 15 digits before the point: 10^(14-k) ≤ a < 10^(15-k)
  let k = 14;
  while (k > 0 && a >= EXACT_POWERS[15 - k]) k--;
  while (k < 22 && a * EXACT_POWERS[k] < 1e14) k++;
  const power = EXACT_POWERS[k];
  const scaled = a * power;
  // rounded half up without a branch (+ 0.5 is exact: the ulp of scaled is at most 1/8 below 10^15)
  const digits = Math.floor(scaled + 0.5);
  // fl(a × 10^k) is within half its ulp of the exact product, and its distance to half-way a multiple of that ulp:
  // unless it is half-way, the exact product rounds to the same digits
  if (digits - scaled !== 0.5 && scaled >= 1e14 + 1 && scaled < 1e15 - 1) {
    // the 15 digits over 10^k, correctly rounded: the double the decimal of those digits reads as
    const rounded = digits / power;
    return x < 0 ? -rounded : rounded;
  }
  return nearHalf(x);
}

/** spreadsheetNumber where the product's rounding error decides: the exact error, or the printed digits. */
function nearHalf(x: number): number | undefined {
  if (!(Math.abs(x) <= MAX_MAGNITUDE)) return undefined;
  if (Number.isInteger(x)) return x + 0; // -0 reads as 0, as Decimal.from does
  const a = Math.abs(x);
  let k = SPREADSHEET_DIGITS - 1;
  while (k > 0 && a >= EXACT_POWERS[SPREADSHEET_DIGITS - k]) k--;
  while (k < EXACT_POWERS.length - 1 && a * EXACT_POWERS[k] < 1e14) k++;
  // a × 10^k is one rounding (at most 1/16 below 10^15) from the exact product, whose error is known exactly: the
  // 15 digits are the product rounded half up, decided on the exact value
  const power = EXACT_POWERS[k];
  const scaled = a * power;
  if (scaled >= 1e14 + 1 && scaled < 1e15 - 1) {
    const whole = Math.floor(scaled);
    const overHalf = scaled - (whole + 0.5) + productError(a, power, scaled);
    if (overHalf !== 0) {
      const rounded = (overHalf > 0 ? whole + 1 : whole) / power;
      return x < 0 ? -rounded : rounded;
    }
  }
  // at a window's edge, below 10^-8 or exactly half-way: the digits JavaScript prints, read back
  return Number(x.toPrecision(SPREADSHEET_DIGITS));
}

/** Exponents ("1e3") outside ±20 are refused before any arithmetic (1e999999999 must not be expanded). */
const MAX_EXPONENT = 20;
/** Characters of a cell echoed in a message. */
const ECHO = 40;

/** A cell as shown in a message: text quoted and shortened to about 40 characters. */
export function echo(raw: CellValue): string {
  if (typeof raw !== "string") return String(raw);
  const { head, cut } = headOf(raw, ECHO);
  return cut ? `"${head}…"（${raw.length} 文字 / chars）` : `"${head}"`;
}

/** NFKC folds full-width digits, commas, periods, ％ and the full-width minus into ASCII. */
function fold(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2212\u2012\u2013\u2014\uFF0D]/g, "-")
    .replace(/[\s\u3000]+/g, "");
}

function invalidNumber(raw: CellValue): NumberReading {
  const shown = echo(raw);
  return {
    kind: "invalid",
    text: { ja: `数値として読めません: ${shown}`, en: `Not a number: ${shown}` },
  };
}

function tooLongNumber(raw: string): NumberReading {
  const shown = echo(raw);
  return {
    kind: "invalid",
    text: {
      ja: `数値として読めません（${MAX_NUMBER_TEXT} 文字を超えています）: ${shown}`,
      en: `Not a number (longer than ${MAX_NUMBER_TEXT} characters): ${shown}`,
    },
  };
}

function outOfRange(raw: CellValue): NumberReading {
  const shown = echo(raw);
  return {
    kind: "invalid",
    text: {
      ja: `数値が範囲外です（絶対値 ${MAX_MAGNITUDE.toExponential()} 以下の有限の値にしてください）: ${shown}`,
      en: `Number out of range (give a finite value of magnitude at most ${MAX_MAGNITUDE.toExponential()}): ${shown}`,
    },
  };
}

/** A number from a cell: numbers as they are; text such as "494,794,207", "４９４，７９４", "99.94%", "▲12", "(12)". */
export function parseNumberCell(raw: CellValue): NumberReading {
  if (raw === null) return { kind: "empty" };
  if (typeof raw === "number") {
    if (Number.isNaN(raw)) return invalidNumber(raw);
    if (!Number.isFinite(raw) || Math.abs(raw) > MAX_MAGNITUDE) return outOfRange(raw);
    // the digits a spreadsheet shows and computes with, not the double's binary tail (docs/numbers.md)
    const decimal = spreadsheetDecimal(raw);
    // a short double is its own 15-digit value; a long one is the double of those 15 digits (7.999999999999999 → 8)
    const value = String(raw).length <= SPREADSHEET_DIGITS + 1 ? raw : decimal.toNumber();
    return { kind: "number", value, decimal, fromText: false, percent: false };
  }
  if (typeof raw !== "string") return invalidNumber(raw);
  if (raw.length > MAX_NUMBER_TEXT) return tooLongNumber(raw);
  let text = fold(raw);
  if (EMPTY_TEXTS.has(text.toLowerCase()) || /^[-—―]+$/.test(text)) return { kind: "empty" };
  let negative = false;
  if (/^[▲△]/.test(text)) {
    negative = true;
    text = text.slice(1);
  } else if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1);
  }
  // thousands separators only between digit groups of three
  if (text.includes(",")) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) return invalidNumber(raw);
    text = text.replace(/,/g, "");
  }
  // one way to match each text (no nested or adjacent quantifiers over the same digits): linear
  const m = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return invalidNumber(raw);
  if (m[1] !== undefined && Math.abs(Number(m[1])) > MAX_EXPONENT) return outOfRange(raw);
  let decimal = Decimal.parse(text);
  if (decimal.cmp(MAX_MAGNITUDE) > 0 || decimal.cmp(-MAX_MAGNITUDE) < 0) return outOfRange(raw);
  if (negative) decimal = Decimal.zero.sub(decimal);
  if (percent) decimal = decimal.div(100, decimal.scale + 2, "down");
  return { kind: "number", value: decimal.toNumber(), decimal, fromText: true, percent };
}

/**
 * A share or efficiency (S_B, ε_BL) as a fraction: 0.9994, 99.94 and "99.94%" all give 0.9994.
 * A plain number above 1 and at most 100 is read as a percentage, the way the forms print it under a "%" heading.
 */
export function parseRatioCell(raw: CellValue): NumberReading {
  const reading = parseNumberCell(raw);
  if (reading.kind !== "number" || reading.percent) return reading;
  if (reading.decimal.cmp(1) > 0 && reading.decimal.cmp(100) <= 0) {
    const decimal = reading.decimal.div(100, reading.decimal.scale + 2, "down");
    return { ...reading, decimal, value: decimal.toNumber(), percent: true };
  }
  return reading;
}

// ---- dates -----------------------------------------------------------------------------------------------

/** Era start years: 和暦 year n of an era is (start + n − 1). */
export const ERAS: Record<string, number> = {
  令和: 2019,
  r: 2019,
  平成: 1989,
  h: 1989,
  昭和: 1926,
  s: 1926,
  大正: 1912,
  t: 1912,
  明治: 1868,
  m: 1868,
};

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Excel serial (1900 date system) of a date; keeps Excel's fictitious 1900-02-29 (serial 60). */
export function excelSerialFromDate(year: number, month: number, day: number): number {
  const y = year - 1;
  const days = y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  const ordinal = days + DAYS_BEFORE_MONTH[month - 1] + (month > 2 && isLeap(year) ? 1 : 0) + day;
  const ordinal1900 = 693595; // ordinal of 1899-12-31
  const serial = ordinal - ordinal1900;
  return serial >= 60 ? serial + 1 : serial;
}

/** The calendar date of an Excel serial (whole days; time of day ignored). */
export function dateFromExcelSerial(serial: number): { year: number; month: number; day: number } {
  let s = Math.floor(serial);
  if (s === 60) return { year: 1900, month: 2, day: 29 };
  if (s > 60) s -= 1;
  // serial 1 = 1900-01-01
  let year = 1900;
  let remaining = s - 1;
  for (;;) {
    const length = isLeap(year) ? 366 : 365;
    if (remaining < length) break;
    remaining -= length;
    year++;
  }
  let month = 1;
  while (remaining >= daysInMonth(year, month)) {
    remaining -= daysInMonth(year, month);
    month++;
  }
  return { year, month, day: remaining + 1 };
}

function invalidDate(raw: CellValue): DateReading {
  const shown = echo(raw);
  return {
    kind: "invalid",
    text: { ja: `日付として読めません: ${shown}`, en: `Not a date: ${shown}` },
  };
}

function makeDate(raw: CellValue, year: number, month: number, day: number | null): DateReading {
  if (!(month >= 1 && month <= 12) || year < 1900 || year > 9999) return invalidDate(raw);
  if (day !== null && !(day >= 1 && day <= daysInMonth(year, month))) return invalidDate(raw);
  return { kind: "date", serial: excelSerialFromDate(year, month, day ?? 1), year, month, day };
}

/** "2020年4月1日(水)" -> "2020年4月1日": drops a last parenthesised note, scanning once (no backtracking). */
function withoutTrailingNote(text: string): string {
  const last = text[text.length - 1];
  if (last !== ")" && last !== "）") return text;
  let close = -1;
  for (let i = text.length - 2; i >= 0; i--) {
    if (text[i] === ")" || text[i] === "）") {
      close = i;
      break;
    }
  }
  for (let i = close + 1; i < text.length - 1; i++) {
    if (text[i] === "(" || text[i] === "（") return text.slice(0, i);
  }
  return text;
}

/** The fiscal year (April to March) a date falls in: 2021-03-31 → 2020, 2021-04-01 → 2021. */
export function fiscalYearOfDate(year: number, month: number): number {
  return month >= 4 ? year : year - 1;
}

/** The 年度 a text names: "2020年度", "（２０２０年度）", "令和2年度", "令和元年度", "R2年度"; null for none. */
export function fiscalYearOf(text: string): number | null {
  const folded = text.slice(0, MAX_LABEL_TEXT).normalize("NFKC");
  const western = /(\d{4})\s*年度/.exec(folded);
  if (western) return Number(western[1]);
  const era = /(令和|平成|昭和|(?<![A-Za-z])[RrHhSs])\s*(\d{1,2}|元)\s*年度/.exec(folded);
  if (!era) return null;
  const start = ERAS[era[1].length === 1 ? era[1].toLowerCase() : era[1]];
  return start + (era[2] === "元" ? 1 : Number(era[2])) - 1;
}

/** A date from a cell: Excel serials, 2020年4月1日, 2020/4/1, 2020-04-01, R2.4.1, 令和2年4月1日, 平成29年1月, H29.1. */
export function parseDateCell(raw: CellValue): DateReading {
  if (raw === null) return { kind: "empty" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw < 1 || raw >= 2958466) return invalidDate(raw);
    const { year, month, day } = dateFromExcelSerial(raw);
    return { kind: "date", serial: Math.floor(raw), year, month, day };
  }
  if (typeof raw !== "string" || raw.length > MAX_DATE_TEXT) return invalidDate(raw);
  const text = withoutTrailingNote(fold(raw));
  if (EMPTY_TEXTS.has(text.toLowerCase())) return { kind: "empty" };
  const western = /^(\d{4})(?:年|\/|-|\.)(\d{1,2})(?:月|\/|-|\.)?(?:(\d{1,2})日?)?$/.exec(text);
  if (western) return makeDate(raw, +western[1], +western[2], western[3] ? +western[3] : null);
  const era =
    /^(令和|平成|昭和|大正|明治|[RHSTMrhstm])(\d{1,2}|元)(?:年|\.|\/|-)(\d{1,2})(?:月|\.|\/|-)?(?:(\d{1,2})日?)?$/.exec(
      text,
    );
  if (era) {
    const start = ERAS[era[1].length === 1 ? era[1].toLowerCase() : era[1]];
    const n = era[2] === "元" ? 1 : +era[2];
    return makeDate(raw, start + n - 1, +era[3], era[4] ? +era[4] : null);
  }
  return invalidDate(raw);
}

/**
 * Folds a label for comparison: width, spaces, line breaks, underscores, braces, case, and a unit in parentheses
 * that ends the text right after a symbol ("Q_{BL}" = "QBL" = "ｑ ＢＬ" = "QBL(MJHHV)"). A parenthesis after Japanese
 * text is kept, so "排出削減量(tCO2)" stays apart from "(kgCO2)" and a name's "(2020年度)" is not lost.
 */
export function normalizeText(text: string): string {
  let folded = foldedTexts.get(text);
  if (folded === undefined) {
    folded = foldText(text);
    if (foldedTexts.size >= FOLDED_TEXTS_MAX) foldedTexts.clear();
    foldedTexts.set(text, folded);
  }
  return folded;
}

/** Folded texts by raw text: a workbook repeats its labels (a 別紙2 block per facility, a header per table), and a
 * rule folds the same text as the reader did. Bounded, so that a hostile sheet of distinct texts cannot grow it. */
const foldedTexts = new Map<string, string>();
const FOLDED_TEXTS_MAX = 50_000;

function foldText(text: string): string {
  // a label is short: longer text is folded up to the cap and marked so that it equals no label
  const capped = text.length > MAX_LABEL_TEXT ? `${text.slice(0, MAX_LABEL_TEXT)}\u0000` : text;
  return capped
    .normalize("NFKC")
    .replace(/[\s\u3000_{}]+/g, "")
    .replace(/[\u2212\u2012\u2013\u2014\uFF0D]/g, "-")
    .toLowerCase()
    .replace(/([a-z0-9α-ωϵ])\([a-z0-9%/.,·*^+-]+\)$/, "$1");
}
