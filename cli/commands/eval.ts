// `gec eval`: JSON lines in, one JSON result per line out, through the same wrappers Excel calls.
import type { CliIo } from "../io";
import { customFunctions } from "../../functions/registry";
import { CellError, asMatrix, toErrorResult } from "../../functions/core";

interface Request {
  id?: unknown;
  fn?: unknown;
  args?: unknown;
}

type Json = null | number | string | boolean | Json[] | { [key: string]: Json };

function errorJson(id: unknown, error: string, message: string): string {
  return JSON.stringify({ id: id ?? null, error, message });
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
    return errorJson(id, "#NAME?", `不明な関数です / unknown function: ${String(fn)}`);
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
    return JSON.stringify({ id: id ?? null, value: cellJson(cell) });
  }
  return JSON.stringify({ id: id ?? null, value: matrix.map((row) => row.map(cellJson)) });
}

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length > 0) {
    io.stderr(
      "gec eval は引数を取りません（標準入力に JSON 行） / gec eval takes no arguments (JSON lines on stdin)\n",
    );
    return 2;
  }
  let pending = "";
  let out: string[] = [];
  const flush = () => {
    if (out.length > 0) io.stdout(out.join(""));
    out = [];
  };
  for await (const chunk of io.stdin()) {
    pending += typeof chunk === "string" ? chunk : chunk.toString("utf8");
    let newline = pending.indexOf("\n");
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line !== "") out.push(evaluateLine(line) + "\n");
      newline = pending.indexOf("\n");
    }
    flush();
  }
  const last = pending.trim();
  if (last !== "") out.push(evaluateLine(last) + "\n");
  flush();
  return 0;
}
