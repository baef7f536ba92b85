// Every custom function by its Excel id, made from the catalog, so that `gec eval` calls exactly what Excel calls.
import { FUNCTIONS } from "./catalog";
import type { FunctionDeclaration } from "./catalog";
import { lift, liftFew } from "./core";
import type { CellResult } from "./core";

export type CustomFunction = (...args: unknown[]) => unknown;

/**
 * The function Excel calls: every argument a matrix (a scalar as [[x]]), lifted cell by cell over ranges. Its
 * `length` is the declared parameter count, which `gec eval` uses to pad omitted optional arguments.
 */
export function excelFunction(f: FunctionDeclaration): (...matrices: unknown[]) => CellResult[][] {
  const count = f.parameters.length;
  const { cell } = f;
  // up to three parameters (every steam function), taken one by one: no array of arguments is made for a call
  const run =
    count <= 3
      ? (x?: unknown, y?: unknown, z?: unknown) => liftFew(cell, count, x, y, z)
      : (...matrices: unknown[]) => lift(matrices, cell, count);
  Object.defineProperty(run, "length", { value: f.parameters.length });
  return run;
}

export const customFunctions: ReadonlyMap<string, CustomFunction> = new Map(
  FUNCTIONS.map((f) => [f.id, excelFunction(f)]),
);
