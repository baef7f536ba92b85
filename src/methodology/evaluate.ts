// Evaluating one declared quantity from typed values: the path every custom function and convenience call takes.
import type { Decimal } from "../numbers";
import { evaluateQuantities } from "../formula";
import type { QuantitySpec } from "../formula";
import { readQuantity } from "./values";
import type { NumberLike } from "./values";
import type { QuantityDeclaration } from "./types";

/** The value of `key` from the typed `given` values (each read as its quantity), with parameter overrides. */
export function evaluateDeclared(
  quantities: readonly (QuantityDeclaration | QuantitySpec)[],
  given: Record<string, unknown>,
  key: string,
  params: Record<string, NumberLike | null | undefined> = {},
): Decimal {
  const values: Record<string, Decimal | null> = {};
  for (const [k, raw] of Object.entries(given)) {
    const q = quantities.find((x) => x.key === k);
    if (!q) throw new Error(`quantity "${k}" is not declared`);
    values[k] = readQuantity(raw, q);
  }
  const overrides: Record<string, Decimal | number | string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) overrides[k] = v;
  return evaluateQuantities(quantities, values, [key], { params: overrides }).values[key];
}
