// A worksheet's XML as the reader keeps it: one state machine over its elements (rows, cells, merges, column
// styles, validations), the cells in typed arrays until the Grid is assembled.
import { parseAddress } from "../../src/forms/a1";
import { BUDGET, EXCEL_MAX_COLS, EXCEL_MAX_ROWS, MAX_GRID_CELLS, corrupt, overBudget } from "../errors";
import { unescapeX } from "./strings";
import type { Budgets, Handlers } from "./xml";

/** Cell kinds as stored between parsing and the Grid. */
export const enum Kind {
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

export interface SheetPart {
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

export function newSheetPart(): SheetPart {
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

/** The kind of a cell from its `t` attribute and its value as read. */
function kindOf(t: string, raw: string | null): Kind {
  if (raw === null || raw === "") return Kind.Blank;
  if (t === "s") return Kind.Shared;
  if (t === "str") return Kind.Str;
  if (t === "inlineStr") return Kind.Text;
  if (t === "b") return Kind.Bool;
  if (t === "e") return Kind.Error;
  return Kind.Number;
}

function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T {
  const b = make(a.length * 2);
  b.set(a);
  return b;
}

/** Appends a cell's position, kind and style to `out` (its value and formula go by its index, out.n - 1). */
function appendCell(out: SheetPart, row: number, col: number, kind: Kind, style: number): void {
  if (out.n === out.rows.length) {
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
}

/** The state of one sheet's parse: where the cursor is and what the open cell holds so far. */
class SheetReader {
  private depth = 0;
  private row = -1;
  private col = -1;
  private inCell = false;
  private t = "";
  private style = -1;
  private value: string | null = null;
  private formula: string | null = null;
  private fAttrs: Record<string, string> = {};
  private target: "v" | "f" | "t" | null = null;
  private phonetic = 0;

  constructor(
    private readonly part: string,
    private readonly out: SheetPart,
    private readonly budgets: Budgets,
    private readonly cursor?: { row: number },
  ) {}

  private bad(ja: string, en = ja): never {
    throw corrupt({ ja: `${this.part}: ${ja}`, en: `${this.part}: ${en}` });
  }

  open(name: string, a: Record<string, string>): void {
    this.depth++;
    if (this.depth === 1) {
      this.out.isWorksheet = name === "worksheet";
      return;
    }
    if (!this.out.isWorksheet) return;
    switch (name) {
      case "row":
        return this.openRow(a);
      case "c":
        return this.openCell(a);
      case "v":
        if (this.inCell) this.target = "v";
        return;
      case "f":
        if (this.inCell) {
          this.target = "f";
          this.fAttrs = a;
          this.formula = this.formula ?? "";
        }
        return;
      case "is":
        if (this.inCell) this.value = this.value ?? "";
        return;
      case "rPh":
        this.phonetic++;
        return;
      case "t":
        if (this.inCell && this.phonetic === 0) {
          this.target = "t";
          this.value = this.value ?? "";
        }
        return;
      case "mergeCell":
        return this.openMerge(a);
      case "col":
        return this.openCol(a);
      case "dataValidation":
      case "cfRule":
        return this.countValidation();
      default:
        return;
    }
  }

  text(text: string): void {
    if (this.target === "v" || this.target === "t")
      this.value = this.value === null ? text : this.value + text;
    else if (this.target === "f") this.formula = this.formula === null ? text : this.formula + text;
  }

  close(name: string): void {
    this.depth--;
    if (name === "v" || name === "f" || name === "t") this.target = null;
    else if (name === "rPh") this.phonetic--;
    else if (name === "c" && this.inCell) this.closeCell();
  }

  private openRow(a: Record<string, string>): void {
    const row = a.r !== undefined ? parseInt(a.r, 10) - 1 : this.row + 1;
    this.row = row;
    if (!(row >= 0 && row < EXCEL_MAX_ROWS)) {
      const shown = a.r !== undefined ? a.r.slice(0, 20) : String(row + 1);
      this.bad(`行番号が範囲外です（${shown}）`, `row number out of range (${shown})`);
    }
    this.col = -1;
    if (this.cursor) this.cursor.row = row;
    if (a.s !== undefined) this.out.rowStyles.set(row, parseInt(a.s, 10));
  }

  private openCell(a: Record<string, string>): void {
    if (--this.budgets.cells < 0) throw overBudget({ ja: "セルの数", en: "The cells" }, BUDGET.cells);
    if (a.r !== undefined) {
      const at = parseAddress(a.r);
      if (!at)
        return this.bad(
          `セルの位置が正しくありません（${a.r.slice(0, 20)}）`,
          `bad cell reference ${a.r.slice(0, 20)}`,
        );
      this.row = at.row;
      this.col = at.col;
    } else if (++this.col >= EXCEL_MAX_COLS || this.row < 0)
      this.bad("セルの位置が範囲外です", "cell position out of range");
    this.inCell = true;
    this.t = a.t ?? "n";
    this.style = a.s !== undefined ? parseInt(a.s, 10) : -1;
    this.value = null;
    this.formula = null;
    this.fAttrs = {};
  }

  private openMerge(a: Record<string, string>): void {
    const out = this.out;
    if (out.merges.length >= BUDGET.merges)
      throw overBudget({ ja: "結合セルの数", en: "The merged ranges" }, BUDGET.merges);
    const range = parseRange(a.ref ?? "");
    if (!range) return this.bad(`merge ${String(a.ref).slice(0, 30)}`);
    // counted while reading, within the reader's deadline: the Grid holds every merged cell
    this.budgets.mergedCells -= (range.bottom - range.top + 1) * (range.right - range.left + 1);
    if (this.budgets.mergedCells < 0) {
      throw overBudget({ ja: "結合セルの範囲のセル数", en: "The cells of merged ranges" }, MAX_GRID_CELLS);
    }
    out.merges.push(range);
  }

  private openCol(a: Record<string, string>): void {
    const out = this.out;
    if (out.colStyles.length >= BUDGET.merges)
      throw overBudget({ ja: "列定義の数", en: "The column definitions" }, BUDGET.merges);
    if (a.style === undefined) return;
    const min = parseInt(a.min ?? "", 10);
    const max = parseInt(a.max ?? "", 10);
    if (min >= 1 && max >= min)
      out.colStyles.push({
        min: min - 1,
        max: Math.min(max, EXCEL_MAX_COLS) - 1,
        style: parseInt(a.style, 10),
      });
  }

  private countValidation(): void {
    if (--this.budgets.validations < 0) {
      throw overBudget(
        { ja: "入力規則と条件付き書式の数", en: "The data validations and conditional formats" },
        BUDGET.validations,
      );
    }
  }

  /** The cell ends: its kind, value and formula (a shared group's master, or a dependent of one) recorded. */
  private closeCell(): void {
    const out = this.out;
    this.inCell = false;
    const raw = this.value;
    // a formula is an ST_Xstring too: `_xHHHH_` escapes stand for the character (the writer escapes so)
    const f = this.formula === null ? null : unescapeX(this.formula);
    const shared = this.fAttrs.t === "shared" ? this.fAttrs.si : undefined;
    const isFormula = (f !== null && f !== "") || shared !== undefined;
    const kind = kindOf(this.t, raw);
    let formulaText: string | null = null;
    if (isFormula) {
      if (shared !== undefined && this.fAttrs.ref !== undefined && f) {
        out.masters.set(shared, { row: this.row, col: this.col, formula: f });
        formulaText = f;
      } else if (shared !== undefined && !this.fAttrs.ref) {
        out.sharedOf.set(out.n, shared);
        formulaText = "";
      } else formulaText = f;
    }
    appendCell(out, this.row, this.col, kind, this.style);
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
}

/** A worksheet's handlers; `cursor` follows the current row for the writer's locator. */
export function sheetHandlers(
  part: string,
  out: SheetPart,
  budgets: Budgets,
  cursor?: { row: number },
): Handlers {
  const reader = new SheetReader(part, out, budgets, cursor);
  return {
    open: (name, a) => reader.open(name, a),
    text: (text) => reader.text(text),
    close: (name) => reader.close(name),
  };
}
