// The bounded .xlsx reader: untrusted bytes -> Grid through fflate + saxes, every budget enforced while streaming.
import { SaxesParser } from "saxes";
import type { SaxesTagPlain } from "saxes";
import type { CellValue, Grid, SheetGrid, SheetVisibility } from "../src/types";
import { cellAddress, columnIndex, columnLetters, parseAddress } from "../src/forms/a1";
import {
  BUDGET,
  EXCEL_MAX_COLS,
  EXCEL_MAX_ROWS,
  MAX_GRID_CELLS,
  XlsxError,
  corrupt,
  overBudget,
} from "./errors";
import { inspectXlsx } from "./inspect";
import { unzipEntries } from "./zip";
import type { EntrySink } from "./zip";

/** Built-in number formats that have a fixed code (ids 27–36, 50–58 are locale-dependent and read as none). */
export const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A format shows a date when, outside quotes and brackets, it has a date or time letter (as Excel and ExcelJS). */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  let outside = "";
  let quote = false;
  let bracket = false;
  for (const ch of format) {
    if (quote) quote = ch !== '"';
    else if (bracket) bracket = ch !== "]";
    else if (ch === '"') quote = true;
    else if (ch === "[") bracket = true;
    else outside += ch;
  }
  return /[ymdhMsb]/.test(outside);
}

/** The serial a date-formatted number stands for, rounded to the millisecond as a Date would hold it. */
function dateSerial(v: number, date1904: boolean): number | null {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return (ms + 25569 * 86_400_000) / 86_400_000 - (date1904 ? 1462 : 0);
}

/** `_x000D_` escapes of control characters in shared strings. */
function unescapeX(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : text;
}

/** Entities a writer escaped twice in a `t="str"` cell (ExcelJS decodes them again; so does Excel's own reading). */
export function decodeTwice(text: string): string {
  if (!text.includes("&")) return text;
  const map: Record<string, string> = {
    "&lt;": "<",
    "&gt;": ">",
    "&amp;": "&",
    "&apos;": "'",
    "&quot;": '"',
  };
  return text.replace(/&([a-z]*);/g, (c) => map[c] ?? c);
}

const local = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/** "A1:C3" (or "A1") -> its corners. */
function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b] = ref.split(":");
  const p = parseAddress(a);
  const q = b === undefined ? p : parseAddress(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** A character that can be part of a name, a reference or a number in a formula (not an operator or a quote). */
function nameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || // 0-9
    (c >= 65 && c <= 90) || // A-Z
    (c >= 97 && c <= 122) || // a-z
    c === 36 || // $
    c === 46 || // .
    c === 92 || // backslash
    c === 95 || // _
    c === 63 || // ?
    c > 127
  );
}

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;
const COL_REF = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_REF = /^(\$?)([0-9]{1,7})$/;

/**
 * Moves the relative references of a shared formula's master text to another cell, as Excel does for each cell
 * of the group: string literals, quoted sheet names, function names and structured references stay as they are
 * ("FY2020" inside quotes is text, not a cell), A1 references and A:C / 1:3 ranges move, and a reference moved
 * off the grid becomes #REF!. One pass over the text (linear in its length).
 */
export function slideFormula(
  formula: string,
  from: { row: number; col: number },
  to: { row: number; col: number },
): string {
  const dr = to.row - from.row;
  const dc = to.col - from.col;
  if (dr === 0 && dc === 0) return formula;
  const col = (anchor: string, letters: string): string | null => {
    const c = columnIndex(letters);
    if (c >= EXCEL_MAX_COLS) return null;
    const moved = anchor ? c : c + dc;
    return moved < 0 || moved >= EXCEL_MAX_COLS ? null : anchor + columnLetters(moved);
  };
  const row = (anchor: string, digits: string): string | null => {
    const r = parseInt(digits, 10) - 1;
    if (r < 0 || r >= EXCEL_MAX_ROWS) return null;
    const moved = anchor ? r : r + dr;
    return moved < 0 || moved >= EXCEL_MAX_ROWS ? null : `${anchor}${moved + 1}`;
  };
  const n = formula.length;
  const out: string[] = [];
  let i = 0;
  let copied = 0;
  const replace = (start: number, end: number, text: string) => {
    out.push(formula.slice(copied, start), text);
    copied = end;
  };
  const tokenEnd = (at: number): number => {
    let j = at;
    while (j < n && nameChar(formula.charCodeAt(j))) j++;
    return j;
  };
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === 34 || c === 39) {
      // "text" or 'sheet name': a doubled quote stays inside
      let j = i + 1;
      while (j < n) {
        if (formula.charCodeAt(j) === c) {
          if (formula.charCodeAt(j + 1) === c) j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      continue;
    }
    if (c === 91) {
      // [structured reference] or [external book], possibly nested
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const d = formula.charCodeAt(j);
        if (d === 91) depth++;
        else if (d === 93 && --depth === 0) break;
      }
      i = j + 1;
      continue;
    }
    if (c === 35) {
      // an error literal such as #REF! or #N/A
      i = tokenEnd(i + 1) + 1;
      continue;
    }
    if (!nameChar(c)) {
      i++;
      continue;
    }
    const end = tokenEnd(i);
    const token = formula.slice(i, end);
    const next = formula.charCodeAt(end);
    if (next === 40 || next === 33 || next === 91) {
      // a function name, a sheet prefix, a table name (its [column] is skipped next)
      i = next === 91 ? end : end + 1;
      continue;
    }
    const cell = CELL_REF.exec(token);
    if (cell) {
      const a = col(cell[1], cell[2]);
      const b = row(cell[3], cell[4]);
      if (columnIndex(cell[2]) < EXCEL_MAX_COLS) replace(i, end, a !== null && b !== null ? a + b : "#REF!");
      i = end;
      continue;
    }
    // A:C and 1:3 (whole columns, whole rows)
    if (next === 58) {
      const end2 = tokenEnd(end + 1);
      const other = formula.slice(end + 1, end2);
      const c1 = COL_REF.exec(token);
      const c2 = COL_REF.exec(other);
      const r1 = ROW_REF.exec(token);
      const r2 = ROW_REF.exec(other);
      if (c1 && c2 && columnIndex(c1[2]) < EXCEL_MAX_COLS && columnIndex(c2[2]) < EXCEL_MAX_COLS) {
        const a = col(c1[1], c1[2]);
        const b = col(c2[1], c2[2]);
        replace(i, end2, a !== null && b !== null ? `${a}:${b}` : "#REF!");
        i = end2;
        continue;
      }
      if (r1 && r2) {
        const a = row(r1[1], r1[2]);
        const b = row(r2[1], r2[2]);
        {
          replace(i, end2, a !== null && b !== null ? `${a}:${b}` : "#REF!");
          i = end2;
          continue;
        }
      }
    }
    i = end;
  }
  if (copied === 0) return formula;
  out.push(formula.slice(copied));
  return out.join("");
}

// ---------------------------------------------------------------------------------------------------------
// Parts, each parsed by its own small state machine over saxes events

interface Budgets {
  nodes: number;
  cells: number;
  merges: number;
  /** Cells of merged ranges over all sheets (each merged cell is expanded into the Grid). */
  mergedCells: number;
  validations: number;
  definedNames: number;
  strings: number;
  deadline: number;
}

function tick(b: Budgets): void {
  if (Date.now() > b.deadline) {
    throw new XlsxError("xlsx.overBudget", {
      ja: `読み込みに時間がかかりすぎます（上限 ${BUDGET.ms / 1000} 秒）。安全のため中止しました。不要なシートやセルを削除して Excel で保存し直してください。`,
      en: `Reading takes too long (limit ${BUDGET.ms / 1000} s); stopped for safety. Delete unneeded sheets or cells and re-save it in Excel.`,
    });
  }
}

interface Handlers {
  open(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Bytes handed to saxes at a time. */
const SLICE = 256 * 1024;

/** A sink that decodes UTF-8 across chunks and feeds saxes; counts elements against the node budget. */
function xmlSink(part: string, budgets: Budgets, h: Handlers, done: () => void): EntrySink {
  const parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
  // our own words only: the parser's message is about its internals, not about what the user can do
  const fail = (why: { ja: string; en: string }): never => {
    throw corrupt({
      ja: `${part} の XML が正しくありません（${why.ja}）`,
      en: `${part} is not well-formed XML (${why.en})`,
    });
  };
  parser.on("error", () => fail({ ja: "構文の誤り", en: "syntax error" }));
  parser.on("doctype", () =>
    fail({ ja: "DOCTYPE は使えません", en: "a DOCTYPE is not allowed (entity expansion)" }),
  );
  // saxes buffers a text or an attribute until it ends: refuse one that runs on (Excel holds 32,767 characters a cell).
  let sinceEvent = 0;
  parser.on("opentag", (tag: SaxesTagPlain) => {
    sinceEvent = 0;
    if (--budgets.nodes < 0)
      throw overBudget({ ja: "XML の要素数", en: "The XML elements" }, BUDGET.xmlNodes);
    h.open(local(tag.name), tag.attributes);
  });
  const text = h.text;
  const onText = (t: string) => {
    sinceEvent = 0;
    if (text) text(t);
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  const close = h.close;
  parser.on("closetag", (tag) => {
    sinceEvent = 0;
    if (close) close(local(tag.name));
  });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      return fail({ ja: "UTF-8 ではない文字", en: "not UTF-8" });
    }
  };
  return {
    data(chunk) {
      tick(budgets);
      // one push can inflate to 16 MiB: feed it in slices so that a run-on text is stopped near its limit
      for (let at = 0; at < chunk.length; at += SLICE) {
        if (sinceEvent > BUDGET.runBytes) {
          throw overBudget(
            {
              ja: `${part} の 1 つのテキストまたは属性の長さ（バイト）`,
              en: `The bytes of one text or attribute in ${part}`,
            },
            BUDGET.runBytes,
          );
        }
        const slice = chunk.subarray(at, Math.min(at + SLICE, chunk.length));
        sinceEvent += slice.length;
        parser.write(decode(slice));
      }
    },
    end() {
      parser.write(decode());
      parser.close();
      done();
    },
  };
}

interface WorkbookPart {
  date1904: boolean;
  sheets: { name: string; rid: string; visibility: SheetVisibility }[];
}

/** `<sheet state="hidden">`: how Excel shows the sheet (no state, or any other word, is visible). */
function visibilityOf(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

function workbookHandlers(out: WorkbookPart, budgets: Budgets): Handlers {
  return {
    open(name, a) {
      if (name === "workbookPr") out.date1904 = a.date1904 === "1";
      else if (name === "sheet") {
        if (out.sheets.length >= BUDGET.sheets)
          throw overBudget({ ja: "シートの数", en: "The sheets" }, BUDGET.sheets);
        const rid = Object.keys(a).find((k) => k !== "id" && local(k) === "id");
        out.sheets.push({ name: a.name ?? "", rid: rid ? a[rid] : "", visibility: visibilityOf(a.state) });
      } else if (name === "definedName" && --budgets.definedNames < 0) {
        throw overBudget({ ja: "名前の定義の数", en: "The defined names" }, BUDGET.definedNames);
      }
    },
  };
}

function relsHandlers(out: Map<string, string>): Handlers {
  return {
    open(name, a) {
      if (name === "Relationship" && a.Id !== undefined && a.Target !== undefined) out.set(a.Id, a.Target);
    },
  };
}

function sharedStringHandlers(out: string[], budgets: Budgets): Handlers {
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  return {
    open(name) {
      if (name === "si") {
        if (--budgets.strings < 0)
          throw overBudget({ ja: "共有文字列の数", en: "The shared strings" }, BUDGET.sharedStrings);
        current = [];
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inT = true;
    },
    text(t) {
      if (inT && current) current.push(t);
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        out.push(unescapeX(current.join("")));
        current = null;
      }
    },
  };
}

interface StylesPart {
  formats: Map<number, string>;
  xfs: number[];
}

function styleHandlers(out: StylesPart): Handlers {
  let inCellXfs = false;
  return {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined)
        out.formats.set(parseInt(a.numFmtId, 10), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) out.xfs.push(parseInt(a.numFmtId ?? "0", 10));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  };
}

/** Cell kinds as stored between parsing and the Grid. */
const enum Kind {
  /** No value: counts in the used range only when it has no style (as ExcelJS reads it). */
  Blank,
  Number,
  Shared,
  Text,
  /** t="str": text written with entities escaped twice by some writers. */
  Str,
  Bool,
  Error,
}

interface SheetPart {
  /** Cells so far; rows, cols, kinds and styles are typed arrays grown by doubling (plain arrays cost GC). */
  n: number;
  rows: Int32Array;
  cols: Int32Array;
  kinds: Uint8Array;
  styles: Int32Array;
  /** The number a cell holds (a value, a shared-string index, a boolean's 0/1), parsed once: no string kept. */
  nums: Float64Array;
  /** Text of the cells that hold text (inline strings, t="str", errors). */
  texts: Map<number, string>;
  /** Formula text by cell index (most cells have none). */
  formulas: Map<number, string>;
  /** Shared formula of a dependent cell: its group id (resolved against the group's master at the end). */
  sharedOf: Map<number, string>;
  masters: Map<string, { row: number; col: number; formula: string }>;
  merges: { top: number; left: number; bottom: number; right: number }[];
  rowStyles: Map<number, number>;
  colStyles: { min: number; max: number; style: number }[];
  isWorksheet: boolean;
  /** The last cell's position key, and whether some cell came at or before its predecessor (a duplicate is possible). */
  lastKey: number;
  unordered: boolean;
}

function newSheetPart(): SheetPart {
  return {
    n: 0,
    rows: new Int32Array(64),
    cols: new Int32Array(64),
    kinds: new Uint8Array(64),
    styles: new Int32Array(64),
    nums: new Float64Array(64),
    texts: new Map(),
    formulas: new Map(),
    sharedOf: new Map(),
    masters: new Map(),
    merges: [],
    rowStyles: new Map(),
    colStyles: [],
    isWorksheet: false,
    lastKey: -1,
    unordered: false,
  };
}

function sheetHandlers(part: string, out: SheetPart, budgets: Budgets, cursor?: { row: number }): Handlers {
  let depth = 0;
  let row = -1;
  let col = -1;
  let inCell = false;
  let t = "";
  let style = -1;
  let value: string | null = null;
  let formula: string | null = null;
  let fAttrs: Record<string, string> = {};
  let target: "v" | "f" | "t" | null = null;
  let phonetic = 0;
  const bad = (ja: string, en = ja): never => {
    throw corrupt({ ja: `${part}: ${ja}`, en: `${part}: ${en}` });
  };
  return {
    open(name, a) {
      depth++;
      if (depth === 1) {
        out.isWorksheet = name === "worksheet";
        return;
      }
      if (!out.isWorksheet) return;
      switch (name) {
        case "row": {
          row = a.r !== undefined ? parseInt(a.r, 10) - 1 : row + 1;
          if (!(row >= 0 && row < EXCEL_MAX_ROWS)) {
            const shown = a.r !== undefined ? a.r.slice(0, 20) : String(row + 1);
            bad(`行番号が範囲外です（${shown}）`, `row number out of range (${shown})`);
          }
          col = -1;
          if (cursor) cursor.row = row;
          if (a.s !== undefined) out.rowStyles.set(row, parseInt(a.s, 10));
          return;
        }
        case "c": {
          if (--budgets.cells < 0) throw overBudget({ ja: "セルの数", en: "The cells" }, BUDGET.cells);
          if (a.r !== undefined) {
            const at = parseAddress(a.r);
            if (!at)
              return void bad(
                `セルの位置が正しくありません（${a.r.slice(0, 20)}）`,
                `bad cell reference ${a.r.slice(0, 20)}`,
              );
            row = at.row;
            col = at.col;
          } else if (++col >= EXCEL_MAX_COLS || row < 0)
            bad("セルの位置が範囲外です", "cell position out of range");
          inCell = true;
          t = a.t ?? "n";
          style = a.s !== undefined ? parseInt(a.s, 10) : -1;
          value = null;
          formula = null;
          fAttrs = {};
          return;
        }
        case "v":
          if (inCell) target = "v";
          return;
        case "f":
          if (inCell) {
            target = "f";
            fAttrs = a;
            formula = formula ?? "";
          }
          return;
        case "is":
          if (inCell) value = value ?? "";
          return;
        case "rPh":
          phonetic++;
          return;
        case "t":
          if (inCell && phonetic === 0) {
            target = "t";
            value = value ?? "";
          }
          return;
        case "mergeCell": {
          if (out.merges.length >= BUDGET.merges)
            throw overBudget({ ja: "結合セルの数", en: "The merged ranges" }, BUDGET.merges);
          const range = parseRange(a.ref ?? "");
          if (!range) return void bad(`merge ${String(a.ref).slice(0, 30)}`);
          // counted while reading, within the reader's deadline: the Grid holds every merged cell
          budgets.mergedCells -= (range.bottom - range.top + 1) * (range.right - range.left + 1);
          if (budgets.mergedCells < 0) {
            throw overBudget(
              { ja: "結合セルの範囲のセル数", en: "The cells of merged ranges" },
              MAX_GRID_CELLS,
            );
          }
          out.merges.push(range);
          return;
        }
        case "col": {
          if (out.colStyles.length >= BUDGET.merges)
            throw overBudget({ ja: "列定義の数", en: "The column definitions" }, BUDGET.merges);
          if (a.style !== undefined) {
            const min = parseInt(a.min ?? "", 10);
            const max = parseInt(a.max ?? "", 10);
            if (min >= 1 && max >= min)
              out.colStyles.push({
                min: min - 1,
                max: Math.min(max, EXCEL_MAX_COLS) - 1,
                style: parseInt(a.style, 10),
              });
          }
          return;
        }
        case "dataValidation":
        case "cfRule":
          if (--budgets.validations < 0) {
            throw overBudget(
              { ja: "入力規則と条件付き書式の数", en: "The data validations and conditional formats" },
              BUDGET.validations,
            );
          }
          return;
        default:
          return;
      }
    },
    text(text) {
      if (target === "v" || target === "t") value = value === null ? text : value + text;
      else if (target === "f") formula = formula === null ? text : formula + text;
    },
    close(name) {
      depth--;
      if (name === "v" || name === "f" || name === "t") target = null;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && inCell) {
        inCell = false;
        const raw = value;
        // a formula is an ST_Xstring too: `_xHHHH_` escapes stand for the character (the writer escapes so)
        const f = formula === null ? null : unescapeX(formula);
        const shared = fAttrs.t === "shared" ? fAttrs.si : undefined;
        const isFormula = (f !== null && f !== "") || shared !== undefined;
        let kind: Kind;
        if (raw === null || raw === "") kind = Kind.Blank;
        else if (t === "s") kind = Kind.Shared;
        else if (t === "str") kind = Kind.Str;
        else if (t === "inlineStr") kind = Kind.Text;
        else if (t === "b") kind = Kind.Bool;
        else if (t === "e") kind = Kind.Error;
        else kind = Kind.Number;
        let formulaText: string | null = null;
        if (isFormula) {
          if (shared !== undefined && fAttrs.ref !== undefined && f) {
            out.masters.set(shared, { row, col, formula: f });
            formulaText = f;
          } else if (shared !== undefined && !fAttrs.ref) {
            out.sharedOf.set(out.n, shared);
            formulaText = "";
          } else formulaText = f;
        }
        if (out.n === out.rows.length) {
          const grow = <T extends Int32Array | Uint8Array | Float64Array>(
            a: T,
            make: (n: number) => T,
          ): T => {
            const b = make(a.length * 2);
            b.set(a);
            return b;
          };
          out.rows = grow(out.rows, (k) => new Int32Array(k));
          out.cols = grow(out.cols, (k) => new Int32Array(k));
          out.kinds = grow(out.kinds, (k) => new Uint8Array(k));
          out.styles = grow(out.styles, (k) => new Int32Array(k));
          out.nums = grow(out.nums, (k) => new Float64Array(k));
        }
        const key = row * EXCEL_MAX_COLS + col;
        if (key <= out.lastKey) out.unordered = true;
        out.lastKey = key;
        out.rows[out.n] = row;
        out.cols[out.n] = col;
        out.kinds[out.n] = kind;
        out.styles[out.n] = style;
        out.n++;
        if (raw !== null && kind !== Kind.Blank) {
          if (kind === Kind.Str || kind === Kind.Error || (kind === Kind.Text && !isFormula)) {
            out.texts.set(out.n - 1, raw);
          } else {
            // ExcelJS's readings: an index or a boolean by parseInt, a number (also a formula's result) by parseFloat
            const integer = (kind === Kind.Shared && !isFormula) || kind === Kind.Bool;
            out.nums[out.n - 1] = integer ? parseInt(raw, 10) : parseFloat(raw);
          }
        }
        if (formulaText !== null) out.formulas.set(out.n - 1, formulaText);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Parts -> Grid

function formatOf(styles: StylesPart | null, style: number): string | null {
  if (!styles || !(style > 0)) return null;
  const id = styles.xfs[style];
  if (!id) return null;
  return styles.formats.get(id) ?? BUILTIN_FORMATS[id] ?? null;
}

/** Refuses a sheet where two `<c>` elements stand for one cell (Excel "repairs" such a file, keeping one of them). */
function refuseDuplicates(name: string, part: SheetPart): void {
  if (!part.unordered) return;
  const keys = new Float64Array(part.n);
  for (let i = 0; i < part.n; i++) keys[i] = part.rows[i] * EXCEL_MAX_COLS + part.cols[i];
  keys.sort();
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[i - 1])
      throw duplicateCell(name, Math.floor(keys[i] / EXCEL_MAX_COLS), keys[i] % EXCEL_MAX_COLS);
  }
}

/** Two `<c>` for one cell: which of them Excel shows is not certain, so neither the reader nor the writer picks one. */
export function duplicateCell(sheet: string, row: number, col: number): XlsxError {
  const at = cellAddress({ row, col });
  return corrupt({
    ja: `シート「${sheet}」のセル ${at} が 2 回書かれています（Excel はこのファイルを修復します）`,
    en: `sheet "${sheet}" holds cell ${at} twice (Excel repairs such a file)`,
  });
}

interface Area {
  /** Cells of used range left for the remaining sheets. */
  left: number;
  /** Characters of formula text left (shared formulas are written out per cell in the Grid). */
  formulaChars: number;
}

function sheetGrid(
  name: string,
  part: SheetPart,
  strings: string[],
  styles: StylesPart | null,
  date1904: boolean,
  area: Area,
  budgets: Budgets,
): SheetGrid {
  const n = part.n;
  refuseDuplicates(name, part);
  // The Grid holds each shared formula moved into each cell of its group: counted before any is made, so that a
  // long master in many cells is refused at once instead of growing the heap first.
  for (const si of part.sharedOf.values()) {
    area.formulaChars -= part.masters.get(si)?.formula.length ?? 0;
    if (area.formulaChars < 0) throw formulaBudget();
  }
  for (const f of part.formulas.values()) {
    area.formulaChars -= f.length;
    if (area.formulaChars < 0) throw formulaBudget();
  }
  // Which cells count in the used range, and which are merged (their value belongs to the range's first cell).
  // The merged cells other than each range's first are a box of the range (the whole range unless it is one line).
  const slaveBoxes = part.merges
    .map((m) =>
      m.top === m.bottom ? { ...m, left: m.left + 1 } : m.left === m.right ? { ...m, top: m.top + 1 } : m,
    )
    .filter((m) => m.left <= m.right && m.top <= m.bottom);
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const grow = (r: number, c: number) => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  for (const m of slaveBoxes) {
    grow(m.top, m.left);
    grow(m.bottom, m.right);
  }
  // a blank styled cell counts only inside a merged range (where it lies inside the used range anyway)
  for (let i = 0; i < n; i++) {
    if (part.kinds[i] !== Kind.Blank || part.formulas.has(i) || !(part.styles[i] > 0))
      grow(part.rows[i], part.cols[i]);
  }
  if (bottom < 0) return { name, values: [], formulas: [], numberFormats: [], origin: { row: 0, col: 0 } };
  const height = bottom - top + 1;
  const width = right - left + 1;
  area.left -= height * width;
  if (area.left < 0) {
    throw new XlsxError("xlsx.gridTooLarge", {
      ja: `シート「${name}」の使用範囲が広すぎます（${height} 行 × ${width} 列）。表の外の不要なセルを削除して保存し直してください。`,
      en: `The used range of sheet "${name}" is too large (${height} rows × ${width} columns). Delete stray cells outside the tables and save again.`,
    });
  }
  tick(budgets);
  // 1 = a merged cell other than its range's first, 2 = such a cell present in the XML (bounded: the area above)
  const SLAVE = 1;
  const PRESENT = 2;
  const mask = slaveBoxes.length > 0 ? new Uint8Array(height * width) : null;
  if (mask) {
    for (const m of part.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const base = (r - top) * width - left;
        for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) mask[base + c] = SLAVE;
      }
      tick(budgets);
    }
  }
  const nulls = <T>(): (T | null)[][] =>
    Array.from({ length: height }, () => new Array<T | null>(width).fill(null));
  const values = nulls<CellValue>();
  const formulas = nulls<string>();
  const numberFormats = nulls<string>();
  for (let i = 0; i < n; i++) {
    const r = part.rows[i];
    const c = part.cols[i];
    const inside = r >= top && r <= bottom && c >= left && c <= right;
    const slot = inside ? (r - top) * width + (c - left) : -1;
    const slave = mask !== null && slot >= 0 && (mask[slot] & SLAVE) !== 0;
    if (slave && mask) mask[slot] |= PRESENT;
    const counts = part.kinds[i] !== Kind.Blank || part.formulas.has(i) || !(part.styles[i] > 0) || slave;
    if (!counts) continue;
    if ((i & 0xffff) === 0) tick(budgets);
    const format = formatOf(styles, part.styles[i]);
    numberFormats[r - top][c - left] = format;
    if (slave) continue;
    let f = part.formulas.get(i) ?? null;
    if (part.kinds[i] === Kind.Blank && f === null) continue;
    const group = part.sharedOf.get(i);
    if (group !== undefined) {
      const master = part.masters.get(group);
      if (!master)
        throw corrupt({
          ja: `シート「${name}」: 共有数式の元がありません`,
          en: `sheet "${name}": shared formula without its master`,
        });
      f = slideFormula(master.formula, master, { row: r, col: c });
    }
    formulas[r - top][c - left] = f === null ? null : `=${f}`;
    values[r - top][c - left] = cellValue(
      part.kinds[i] as Kind,
      part.nums[i],
      part.texts.get(i) ?? null,
      f !== null,
      strings,
      format,
      date1904,
    );
  }
  if (!mask) return { name, values, formulas, numberFormats, origin: { row: top, col: left } };
  // Merged cells that are not in the XML take the row's or the column's number format, as a new cell would.
  // The first column definition covering a column wins (as Array.find): filled in one pass over the definitions.
  const covering = firstCovering(part.colStyles, left, width);
  const colFormat = Array.from(covering, (d) => (d < 0 ? null : formatOf(styles, part.colStyles[d].style)));
  for (let r = top; r <= bottom; r++) {
    const base = (r - top) * width;
    const rowStyle = part.rowStyles.get(r);
    const rowFormat = rowStyle !== undefined ? formatOf(styles, rowStyle) : null;
    for (let k = 0; k < width; k++) {
      if (mask[base + k] !== SLAVE) continue;
      numberFormats[r - top][k] = rowFormat || colFormat[k];
    }
  }
  return { name, values, formulas, numberFormats, origin: { row: top, col: left } };
}

/**
 * For each of `width` columns from `left`, the index of the first definition that covers it (as Array.find would
 * give), or -1: one pass over the definitions, each column assigned once (a union-find of the unassigned ones).
 */
export function firstCovering(defs: { min: number; max: number }[], left: number, width: number): Int32Array {
  const out = new Int32Array(width).fill(-1);
  const next = Int32Array.from({ length: width + 1 }, (_, k) => k);
  const free = (k: number): number => {
    let j = k;
    while (next[j] !== j) j = next[j];
    for (let x = k; next[x] !== j;) {
      const y = next[x];
      next[x] = j;
      x = y;
    }
    return j;
  };
  defs.forEach((d, i) => {
    const from = Math.max(d.min - left, 0);
    const to = Math.min(d.max - left, width - 1);
    for (let k = from <= to ? free(from) : width; k <= to; k = free(k + 1)) {
      out[k] = i;
      next[k] = k + 1;
    }
  });
  return out;
}

function formulaBudget(): XlsxError {
  return overBudget(
    {
      ja: "数式の文字数の合計（共有数式はセルごとに数えます）",
      en: "The characters of formulas in total (a shared formula counted in each cell)",
    },
    BUDGET.formulaChars,
  );
}

function cellValue(
  kind: Kind,
  num: number,
  text: string | null,
  isFormula: boolean,
  strings: string[],
  format: string | null,
  date1904: boolean,
): CellValue {
  switch (kind) {
    case Kind.Blank:
      return null;
    case Kind.Shared:
      return isFormula ? numberOf(num, format, date1904) : (strings[num] ?? null);
    case Kind.Str:
      // `_xHHHH_` escapes hold in every string of a cell (ST_Xstring), not only in the shared strings
      return text === null ? null : decodeTwice(unescapeX(text));
    case Kind.Text:
      return isFormula ? numberOf(num, format, date1904) : text === null ? null : unescapeX(text);
    case Kind.Bool:
      return num !== 0;
    case Kind.Error:
      return text;
    default:
      return numberOf(num, format, date1904);
  }
}

function numberOf(v: number, format: string | null, date1904: boolean): CellValue {
  if (!Number.isFinite(v)) return null;
  return isDateFormat(format) ? dateSerial(v, date1904) : v;
}

/** Resolves a relationship target of xl/workbook.xml to an entry name. */
function partName(target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

/** The budgets of one read, counted down as it goes (the deadline from now). */
function freshBudgets(): Budgets {
  return {
    nodes: BUDGET.xmlNodes,
    cells: BUDGET.cells,
    merges: BUDGET.merges,
    mergedCells: MAX_GRID_CELLS,
    validations: BUDGET.validations,
    definedNames: BUDGET.definedNames,
    strings: BUDGET.sharedStrings,
    deadline: Date.now() + BUDGET.ms,
  };
}

/** Reads what the engine uses from .xlsx bytes, within the budgets; throws an XlsxError with what to do otherwise. */
export function readGrid(bytes: Uint8Array): Grid {
  inspectXlsx(bytes);
  const budgets = freshBudgets();
  const workbook: WorkbookPart = { date1904: false, sheets: [] };
  const rels = new Map<string, string>();
  const strings: string[] = [];
  let styles: StylesPart | null = null;
  const sheets = new Map<string, SheetPart>();
  let sawWorkbook = false;
  const nothing = () => undefined;
  unzipEntries(bytes, {
    tick: () => tick(budgets),
    open(name) {
      if (name === "xl/workbook.xml") {
        sawWorkbook = true;
        return xmlSink(name, budgets, workbookHandlers(workbook, budgets), nothing);
      }
      if (name === "xl/_rels/workbook.xml.rels") return xmlSink(name, budgets, relsHandlers(rels), nothing);
      if (name === "xl/sharedStrings.xml")
        return xmlSink(name, budgets, sharedStringHandlers(strings, budgets), nothing);
      if (name === "xl/styles.xml") {
        const s: StylesPart = { formats: new Map(), xfs: [] };
        styles = s;
        return xmlSink(name, budgets, styleHandlers(s), nothing);
      }
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
        if (sheets.size >= BUDGET.sheets)
          throw overBudget({ ja: "シートの数", en: "The sheets" }, BUDGET.sheets);
        const part = newSheetPart();
        sheets.set(name, part);
        return xmlSink(name, budgets, sheetHandlers(name, part, budgets), nothing);
      }
      return null;
    },
  });
  if (!sawWorkbook) {
    throw new XlsxError("xlsx.notXlsx", {
      ja: "ZIP ファイルですが Excel ブックではありません（xl/workbook.xml がありません）。.xlsx ファイルを選んでください。",
      en: "This is a ZIP file but not an Excel workbook (no xl/workbook.xml). Choose an .xlsx file.",
    });
  }
  const area: Area = { left: MAX_GRID_CELLS, formulaChars: BUDGET.formulaChars };
  const out: SheetGrid[] = [];
  for (const { name, rid, visibility } of workbook.sheets) {
    const target = rels.get(rid);
    const part = target === undefined ? undefined : sheets.get(partName(target));
    if (!part || !part.isWorksheet) continue; // a chart sheet or a dangling entry: nothing the engine reads
    const grid = sheetGrid(name, part, strings, styles, workbook.date1904, area, budgets);
    // only a hidden sheet says so: a visible one reads exactly as before
    out.push(visibility === "visible" ? grid : { ...grid, visibility });
  }
  return { sheets: out };
}

/** The worksheets of a package in workbook order, with their entry names (for the writer). */
export function sheetEntries(
  workbookXml: Uint8Array,
  relsXml: Uint8Array,
): { name: string; entry: string }[] {
  const budgets = freshBudgets();
  const workbook: WorkbookPart = { date1904: false, sheets: [] };
  const rels = new Map<string, string>();
  const feed = (name: string, bytes: Uint8Array, h: Handlers) => {
    const sink = xmlSink(name, budgets, h, () => undefined);
    sink.data(bytes);
    sink.end();
  };
  feed("xl/workbook.xml", workbookXml, workbookHandlers(workbook, budgets));
  feed("xl/_rels/workbook.xml.rels", relsXml, relsHandlers(rels));
  return workbook.sheets.flatMap(({ name, rid }) => {
    const target = rels.get(rid);
    return target === undefined ? [] : [{ name, entry: partName(target) }];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Where the reader's cells are in a sheet's XML (for the writer): the same handlers, with positions

/** A span of the XML text: `[start, end)`, and for an element with content where its content lies. */
export interface Span {
  start: number;
  end: number;
  /** After the start tag (== end for a self-closing element). */
  inner: number;
  /** Before the end tag (== end for a self-closing element). */
  innerEnd: number;
  selfClosing: boolean;
}

export interface SheetLocation {
  /** Each cell as the reader reads it: position, and the reader's own record (kinds, formulas, shared groups). */
  part: SheetPart;
  /** The XML of cell i of `part` (same index; only the cells kept, see `kept`). */
  cells: Span[];
  /** Indices of the cells whose place was kept: every cell of a kept row, and every formula cell. */
  kept: number[];
  /** `<row>` elements with the row number the reader gives them, in document order. */
  rows: (Span & { row: number; attrs: Record<string, string> })[];
  /** The cell's own attributes (its style). */
  attrs: Record<string, string>[];
  /** The cell's `<f>` element, if any (same index). */
  formulaSpans: (Span | null)[];
  sheetData: Span | null;
  /** The namespace prefix of sheetData's name ("" or "x:"). */
  prefix: string;
  /** `<col>` definitions with a style (0-based), for a new cell. */
  colStyles: { min: number; max: number; style: number }[];
}

export type { SheetPart };

/**
 * Parses a sheet's XML with the reader's own handlers and reports where each cell the reader sees lies in the
 * text: comments, CDATA, processing instructions and everything else are skipped exactly as when reading, so
 * that the writer can only rewrite the `<c>` element the reader took the value from. Two `<c>` for one cell
 * are refused (duplicateCell), as by the reader.
 */
export function locateSheet(name: string, xml: string, keepRow?: (row: number) => boolean): SheetLocation {
  const budgets = freshBudgets();
  const part = newSheetPart();
  const cursor = { row: -1 };
  const h = sheetHandlers(name, part, budgets, cursor);
  const loc: SheetLocation = {
    part,
    cells: [],
    kept: [],
    rows: [],
    attrs: [],
    formulaSpans: [],
    sheetData: null,
    prefix: "",
    colStyles: part.colStyles,
  };
  const parser = new SaxesParser<{ position: true; xmlns: false }>({ position: true, xmlns: false });
  const fail = (): never => {
    throw corrupt({ ja: `${name} の XML が正しくありません`, en: `${name} is not well-formed XML` });
  };
  parser.on("error", fail);
  parser.on("doctype", fail);
  // open elements: where each started, and its start tag's end
  const stack: { name: string; start: number; inner: number; attrs: Record<string, string> }[] = [];
  const openRows: number[] = [];
  let formulaSpan: Span | null = null;
  let tagStart = 0;
  parser.on("opentagstart", () => {
    tagStart = xml.lastIndexOf("<", parser.position - 1);
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (--budgets.nodes < 0)
      throw overBudget({ ja: "XML の要素数", en: "The XML elements" }, BUDGET.xmlNodes);
    stack.push({ name: local(tag.name), start: tagStart, inner: parser.position, attrs: tag.attributes });
    h.open(local(tag.name), tag.attributes);
    if (local(tag.name) === "c") formulaSpan = null;
    if (local(tag.name) === "row" && part.isWorksheet && stack.length > 1) {
      openRows.push(loc.rows.length);
      loc.rows.push({
        start: tagStart,
        end: -1,
        inner: parser.position,
        innerEnd: -1,
        selfClosing: tag.isSelfClosing,
        row: cursor.row,
        attrs: tag.attributes,
      });
    }
    if (local(tag.name) === "sheetData" && stack.length === 2 && loc.sheetData === null) {
      const colon = tag.name.indexOf(":");
      loc.prefix = colon < 0 ? "" : tag.name.slice(0, colon + 1);
    }
  });
  const onText = (t: string) => h.text?.(t);
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    const open = stack.pop();
    if (!open) return fail();
    const end = parser.position;
    const selfClosing = tag.isSelfClosing;
    const innerEnd = selfClosing ? end : xml.lastIndexOf("<", end - 1);
    const span: Span = {
      start: open.start,
      end,
      inner: selfClosing ? end : open.inner,
      innerEnd,
      selfClosing,
    };
    const before = part.n;
    h.close?.(open.name);
    if (open.name === "f") formulaSpan = span;
    else if (open.name === "c" && part.n === before + 1) {
      // a place per cell costs ~300 bytes: a 560,000-cell sheet keeps only the rows written and the formula cells
      const i = before;
      if (!keepRow || formulaSpan !== null || keepRow(part.rows[i])) {
        loc.cells[i] = span;
        loc.attrs[i] = open.attrs;
        loc.formulaSpans[i] = formulaSpan;
        loc.kept.push(i);
      }
      formulaSpan = null;
    } else if (open.name === "row" && part.isWorksheet && stack.length > 0) {
      const row = loc.rows[openRows.pop() ?? -1];
      if (row) Object.assign(row, { end, innerEnd, inner: span.inner });
    } else if (open.name === "sheetData" && stack.length === 1 && loc.sheetData === null)
      loc.sheetData = span;
  });
  // in slices, so that the reader's deadline is checked as it goes
  for (let at = 0; at < xml.length; at += SLICE) {
    tick(budgets);
    parser.write(xml.slice(at, at + SLICE));
  }
  parser.close();
  refuseDuplicates(name, part);
  return loc;
}
