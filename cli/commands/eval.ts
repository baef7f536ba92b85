// `gec eval`: JSON lines in, one JSON result per line out, through the same wrappers Excel calls.
import type { CliIo } from "../io";
import { parseArgs } from "../args";
import { COMMAND_USAGE } from "../usage";
import { customFunctions } from "../../functions/registry";
import { CellError, asMatrix, toErrorResult } from "../../functions/core";
import { headOf } from "../../src/text";

interface Request {
  id?: unknown;
  fn?: unknown;
  args?: unknown;
}

type Json = null | number | string | boolean | Json[] | { [key: string]: Json };

/**
 * Longest input line, in characters: 1 MiB (1,048,576). A range of 10,000 × 10 numbers is about 200 KB of JSON;
 * a longer line is answered with one error and skipped, never held whole.
 */
export const MAX_LINE = 1024 * 1024;

/**
 * Most cells one line's result may have: 50,000 (a 10,000-row column of five quantities), checked from the arguments'
 * shapes before anything is computed. Excel's own bound (MAX_RESULT_CELLS, 1,000,000) is for a sheet: as JSON lines,
 * 1,000 × 1,000 error cells (each an Error with its message) took 2.3 GB and 32 s to answer from a 1 MB line; 50,000
 * such cells peak at about 185 MB.
 */
export const MAX_EVAL_CELLS = 50_000;

/** Answers are written in pieces of about this many characters: a 100,000-cell result is never one string. */
const PIECE = 64 * 1024;

/** The id echoed back: as given when it can be written as JSON (not too deep), otherwise null. */
function idJson(id: unknown): string {
  try {
    return JSON.stringify(id ?? null) ?? "null";
  } catch {
    return "null"; // nested 100,000 deep, or a value JSON cannot write
  }
}

function errorJson(id: unknown, error: string, message: string): string {
  return `{"id":${idJson(id)},"error":${JSON.stringify(error)},"message":${JSON.stringify(message)}}`;
}

/** Any value as a short text for a message, whatever it is ({"toString":1} included). */
function shown(v: unknown): string {
  let text: string;
  try {
    text = typeof v === "string" ? v : (JSON.stringify(v) ?? typeof v);
  } catch {
    text = typeof v;
  }
  const { head, cut } = headOf(text);
  return cut ? `${head}…` : text;
}

/** A cell of a result as JSON: a number or text, or {error, message}. */
function cellJson(cell: unknown): Json {
  if (cell instanceof CellError) return { error: cell.error, message: cell.message };
  if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") return cell;
  if (cell === null || cell === undefined) return null;
  return { error: "#VALUE!", message: "結果を表せません / result cannot be shown" };
}

/** Answers one input line. Never throws. */
export function evaluateLine(line: string): string {
  const pieces: string[] = [];
  pieces.push(answerInto(line, (piece) => pieces.push(piece)));
  return pieces.join("");
}

/** The result's shape as lift() makes it: the largest argument's rows and first row's columns. */
function resultShape(matrices: unknown[]): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  for (const m of matrices) {
    if (!Array.isArray(m)) continue;
    rows = Math.max(rows, m.length);
    const first: unknown = m[0];
    cols = Math.max(cols, Array.isArray(first) ? first.length : 1);
  }
  return { rows, cols };
}

/**
 * Answers one input line: a large result goes to `emit` row by row, and the answer's last piece is returned.
 * Never throws.
 */
function answerInto(line: string, emit: (piece: string) => void): string {
  let request: Request;
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      throw new Error("not an object");
    request = parsed as Request;
  } catch {
    return errorJson(null, "#VALUE!", "JSON として読めない行です / line is not a JSON object");
  }
  const { id, fn, args } = request;
  const fnName =
    typeof fn === "string"
      ? fn
          .trim()
          .toUpperCase()
          .replace(/^GEC\./, "")
      : "";
  const implementation = customFunctions.get(fnName);
  if (!implementation) {
    return errorJson(id, "#NAME?", `不明な関数です / unknown function: ${shown(fn)}`);
  }
  if (args !== undefined && !Array.isArray(args)) {
    return errorJson(id, "#VALUE!", "args は配列で指定してください / args must be an array");
  }
  const argList = (args ?? []) as unknown[];
  if (argList.length > implementation.length) {
    return errorJson(
      id,
      "#VALUE!",
      `引数が多すぎます（最大 ${implementation.length} 個） / too many arguments (at most ${implementation.length})`,
    );
  }
  // Excel passes every declared parameter: omitted optional ones as null, values as matrices.
  const excelArgs: unknown[] = [];
  for (let i = 0; i < implementation.length; i++)
    excelArgs.push(i < argList.length ? asMatrix(argList[i]) : null);
  const { rows, cols } = resultShape(excelArgs);
  if (rows * cols > MAX_EVAL_CELLS) {
    return errorJson(
      id,
      "#VALUE!",
      `結果が大きすぎます（${rows} 行 × ${cols} 列）。gec eval の 1 行の結果は ${MAX_EVAL_CELLS} セルまでです。範囲を分けて複数の行にしてください / ` +
        `result too large (${rows} rows × ${cols} columns): one gec eval line answers at most ${MAX_EVAL_CELLS} cells; split the ranges over several lines`,
    );
  }
  let result: unknown;
  try {
    result = implementation(...excelArgs);
  } catch (e) {
    result = [[toErrorResult(e)]];
  }
  const matrix = Array.isArray(result) ? (result as unknown[][]) : [[result]];
  if (matrix.length === 1 && matrix[0].length === 1) {
    const cell = matrix[0][0];
    if (cell instanceof CellError) return errorJson(id, cell.error, cell.message);
    return `{"id":${idJson(id)},"value":${JSON.stringify(cellJson(cell))}}`;
  }
  // row by row, in pieces: the answer is one line, never one string
  let piece = `{"id":${idJson(id)},"value":[`;
  matrix.forEach((row, r) => {
    piece += (r > 0 ? "," : "") + JSON.stringify(row.map(cellJson));
    if (piece.length >= PIECE) {
      emit(piece);
      piece = "";
    }
  });
  return piece + "]}";
}

/** answerInto, and whatever happens inside it stays on its line. */
function answer(line: string, emit: (piece: string) => void): string {
  try {
    return answerInto(line, emit);
  } catch {
    return errorJson(null, "#VALUE!", "この行に答えられません / this line cannot be answered");
  }
}

/** The synopsis (cli/usage.ts holds its text and exit codes). */
export const usage = COMMAND_USAGE.eval.synopsis;

export async function run(args: string[], io: CliIo): Promise<number> {
  // no options but -h / --help
  if (parseArgs(args, { flags: [], valued: {} }).positionals.length > 0) {
    io.stderr(
      "gec eval は引数を取りません（標準入力に JSON 行） / gec eval takes no arguments (JSON lines on stdin)\n",
    );
    return 2;
  }
  // Lines are cut as they arrive: pieces of the current line are kept in a list (linear in its length), and a
  // line over MAX_LINE is dropped as it streams and answered once with an error.
  const decoder = new TextDecoder("utf-8");
  let pieces: string[] = [];
  let length = 0;
  let overlong = false;
  // answers wait here until about PIECE characters are ready, so that many small ones are written together and a
  // large one is written as it is made
  let out: string[] = [];
  let outLength = 0;
  const flush = () => {
    if (out.length > 0) io.stdout(out.join(""));
    out = [];
    outLength = 0;
  };
  const send = (piece: string) => {
    out.push(piece);
    outLength += piece.length;
    if (outLength >= PIECE) flush();
  };
  const finish = () => {
    if (overlong) {
      send(
        errorJson(
          null,
          "#VALUE!",
          `行が長すぎます（上限 ${MAX_LINE} 文字） / line too long (limit ${MAX_LINE} characters)`,
        ) + "\n",
      );
    } else {
      const line = pieces.join("").trim();
      pieces = [];
      if (line !== "") send(answer(line, send) + "\n");
    }
    pieces = [];
    length = 0;
    overlong = false;
  };
  const take = (text: string) => {
    let at = 0;
    for (let nl = text.indexOf("\n", at); ; nl = text.indexOf("\n", at)) {
      const end = nl < 0 ? text.length : nl;
      if (!overlong && end > at) {
        length += end - at;
        if (length > MAX_LINE) {
          overlong = true;
          pieces = [];
        } else pieces.push(text.slice(at, end));
      }
      if (nl < 0) break;
      finish();
      at = nl + 1;
    }
  };
  for await (const chunk of io.stdin()) {
    // a character split between two chunks is decoded whole (stream: true keeps its first bytes)
    take(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    flush();
  }
  take(decoder.decode());
  if (overlong || length > 0) finish();
  flush();
  return 0;
}
