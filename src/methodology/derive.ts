// One row of a methodology computed from its declarations: the only way a 別紙1 row's derived values come about.
import { evaluateQuantities } from "../formula";
import type { MethodologyDeclaration, MethodologyParams, QuantityDeclaration, RowInputs } from "./types";

/** Every derived quantity of a row, from the declared expressions, with overridable parameters. */
export function deriveWith(quantities: QuantityDeclaration[]): MethodologyDeclaration["derive"] {
  const derived = quantities.filter((q) => q.role === "derived").map((q) => q.key);
  return (inputs: RowInputs, params: MethodologyParams = {}) =>
    evaluateQuantities(quantities, inputs, derived, { params: { ...params } }).values;
}
