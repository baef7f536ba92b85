// Custom-function plumbing: range broadcasting and error mapping (arguments are read by src/methodology's readQuantity).
import { GecError, isGecError } from "../src/errors";
import type { ErrorCode } from "../src/errors";
import type { Message } from "../src/types";

/** What Excel hands a parameter declared `unknown[][]`: a scalar arrives as [[x]], a range as rows of cells. */
export type Matrix = unknown[][];

/** An error result outside Excel (gec eval, tests): the code Excel would show and the bilingual message. */
export class CellError {
  constructor(
    readonly error: ErrorCode,
    readonly message: string,
  ) {}
}

/** One cell of a returned matrix: a value, or an error in the form the host understands. */
export type CellResult = number | string | boolean | CellError | CustomFunctions.Error;

const errorCodeNames: Record<ErrorCode, string> = {
  "#VALUE!": "invalidValue",
  "#NUM!": "invalidNumber",
  "#N/A": "notAvailable",
};

/** The text put in the cell's error menu: Japanese first, then English. */
export function bilingual(text: Message): string {
  return `${text.ja} / ${text.en}`;
}

/** Maps any failure to an error value; never lets an exception or NaN reach the cell. */
export function toErrorResult(e: unknown): CellResult {
  const failure = isGecError(e)
    ? e
    : new GecError("#VALUE!", {
        ja: `内部エラーが発生しました: ${String(e instanceof Error ? e.message : e)}`,
        en: `Internal error: ${String(e instanceof Error ? e.message : e)}`,
      });
  const message = bilingual(failure.text);
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    const code =
      CustomFunctions.ErrorCode[errorCodeNames[failure.code] as keyof typeof CustomFunctions.ErrorCode];
    // Excel shows a message only for #VALUE! and #N/A; it rejects one on other codes.
    return failure.code === "#NUM!"
      ? new CustomFunctions.Error(code)
      : new CustomFunctions.Error(code, message);
  }
  return new CellError(failure.code, message);
}

/** Reads a scalar or a nested array into a matrix (gec eval passes plain scalars; Excel passes matrices). */
export function asMatrix(raw: unknown): Matrix {
  if (Array.isArray(raw)) {
    if (raw.length === 0) return [[null]];
    return raw.every((row) => Array.isArray(row)) ? (raw as unknown[][]) : [raw];
  }
  return [[raw === undefined ? null : raw]];
}

const shapeMismatch = new GecError("#N/A", {
  ja: "引数の範囲の大きさが揃っていません。",
  en: "The argument ranges differ in size.",
});

/** Excel's grid: a result cannot spill past 1,048,576 rows or 16,384 columns. */
export const MAX_RESULT_ROWS = 1_048_576;
export const MAX_RESULT_COLS = 16_384;
/**
 * Cells of one result: 1,000,000, our choice (a 様式3-2 column of 10,000 rows is 1 % of it; 10^8 cells crashed
 * the process). Beyond it the whole result is one #VALUE! with a message, never a crash.
 */
export const MAX_RESULT_CELLS = 1_000_000;

function tooLarge(rows: number, cols: number): GecError {
  return new GecError("#VALUE!", {
    ja: `結果が大きすぎます（${rows} 行 × ${cols} 列）。上限は ${MAX_RESULT_ROWS} 行・${MAX_RESULT_COLS} 列・合計 ${MAX_RESULT_CELLS} セルです。範囲を分けて計算してください。`,
    en: `The result is too large (${rows} rows × ${cols} columns). The limits are ${MAX_RESULT_ROWS} rows, ${MAX_RESULT_COLS} columns and ${MAX_RESULT_CELLS} cells in all; split the ranges.`,
  });
}

/** What lift() finds for an argument bigger than one cell. */
const NOT_ONE_CELL = Symbol("not one cell");

/** The one cell of a 1×1 argument as lift() reads it (a scalar, [x] or [[x]]); NOT_ONE_CELL otherwise. */
function oneCell(raw: unknown): unknown {
  if (!Array.isArray(raw)) return raw === undefined ? null : raw;
  if (raw.length === 0) return null;
  if (raw.length !== 1) return NOT_ONE_CELL;
  const row: unknown = raw[0];
  if (!Array.isArray(row)) return row;
  return row.length === 1 ? row[0] : NOT_ONE_CELL;
}

const noFiniteResult = new GecError("#NUM!", { ja: "計算できませんでした。", en: "No finite result." });

type Cell = (...values: unknown[]) => number | string | boolean;

/** `cell` on `values`: its value, or any failure (and a non-finite number) as an error value. */
function applyCell(cell: Cell, values: unknown[]): CellResult {
  try {
    const result = cell(...values);
    return typeof result === "number" && !Number.isFinite(result) ? toErrorResult(noFiniteResult) : result;
  } catch (e) {
    return toErrorResult(e);
  }
}

/** applyCell on up to three values, passed as exactly `count` arguments (no array, no spread). */
function callCell(cell: Cell, count: number, a: unknown, b: unknown, c: unknown): CellResult {
  try {
    const result = count === 1 ? cell(a) : count === 2 ? cell(a, b) : count === 3 ? cell(a, b, c) : cell();
    return typeof result === "number" && !Number.isFinite(result) ? toErrorResult(noFiniteResult) : result;
  } catch (e) {
    return toErrorResult(e);
  }
}

/**
 * Applies `cell` element by element over the first `count` arguments (an omitted one is a blank), as Excel lifts a
 * scalar function over ranges: a 1×1 argument is repeated everywhere, a single row or column is repeated along the
 * other axis, and cells outside a smaller argument get #N/A. Every failure becomes an error value in its own cell.
 * A call whose arguments are all single cells (Excel's usual =GEC.STEAM_H(B2, C2)) builds no matrix, and with up to
 * three arguments no array: the steam functions' wrapper costs about as much as their kernel.
 */
export function lift(args: unknown[], cell: Cell, count = args.length): CellResult[][] {
  if (count <= 3) return liftFew(cell, count, args[0], args[1], args[2]);
  const values: unknown[] = new Array(count);
  let single = true;
  for (let i = 0; i < count && single; i++) single = (values[i] = oneCell(args[i])) !== NOT_ONE_CELL;
  if (single) return [[applyCell(cell, values)]];
  return liftRanges(padded(count, args), cell);
}

/**
 * lift() of a function of up to three parameters, its arguments passed one by one: the function Excel calls takes
 * them so (functions/registry.ts), and a call of single cells then allocates nothing but its [[result]].
 */
export function liftFew(cell: Cell, count: number, x: unknown, y: unknown, z: unknown): CellResult[][] {
  const a = count > 0 ? oneCell(x) : null;
  const b = count > 1 ? oneCell(y) : null;
  const c = count > 2 ? oneCell(z) : null;
  if (a !== NOT_ONE_CELL && b !== NOT_ONE_CELL && c !== NOT_ONE_CELL)
    return [[callCell(cell, count, a, b, c)]];
  return liftRanges(padded(count, [x, y, z]), cell);
}

/** The first `count` arguments, an omitted one as a blank. */
function padded(count: number, args: unknown[]): unknown[] {
  const out: unknown[] = new Array(count);
  for (let j = 0; j < count; j++) out[j] = args[j] === undefined ? null : args[j];
  return out;
}

/** lift() over matrices of any shape: the general path, which a single-cell call answers the same. */
export function liftRanges(args: unknown[], cell: Cell): CellResult[][] {
  const matrices = args.map(asMatrix);
  let rows = 1;
  let cols = 1;
  for (const m of matrices) {
    rows = Math.max(rows, m.length);
    cols = Math.max(cols, m[0]?.length ?? 1);
  }
  if (rows > MAX_RESULT_ROWS || cols > MAX_RESULT_COLS || rows * cols > MAX_RESULT_CELLS) {
    return [[toErrorResult(tooLarge(rows, cols))]];
  }
  const out: CellResult[][] = new Array(rows);
  const values: unknown[] = new Array(matrices.length);
  for (let r = 0; r < rows; r++) {
    const line: CellResult[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let outside = false;
      for (let i = 0; i < matrices.length; i++) {
        const m = matrices[i];
        const mr = m.length === 1 ? 0 : r;
        const row = m[mr];
        const mc = row !== undefined && row.length === 1 ? 0 : c;
        if (row === undefined || mc >= row.length) {
          outside = true;
          break;
        }
        values[i] = row[mc];
      }
      line[c] = outside ? toErrorResult(shapeMismatch) : applyCell(cell, values);
    }
    out[r] = line;
  }
  return out;
}
