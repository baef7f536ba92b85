// Which formulas a spreadsheet may not compute as the engine does: a rounding whose exact argument lies within the
// binary noise of a double from its boundary (docs/numbers.md). Fill writes such a cell's value, not its formula.
import { Decimal, nearRoundingBoundary } from "../numbers";
import type { RoundingMode } from "../numbers";
import { isGecError } from "../errors";
import { evaluateQuantities } from "./evaluate";
import type { ParamValues, QuantitySpec } from "./evaluate";
import { grouped } from "./expr";

/** A rounding of a formula too near its boundary for a spreadsheet's double arithmetic. */
export interface FragileRounding {
  /** The exact argument ("10348999.9999974"). */
  argument: Decimal;
  places: number;
  mode: RoundingMode;
  /** "ROUNDDOWN(10,348,999.9999974, 0)", for a person. */
  text: string;
}

const NAMES: Record<RoundingMode, string> = { down: "ROUNDDOWN", up: "ROUNDUP", halfUp: "ROUND" };

/**
 * The first rounding of `key`'s formula whose exact argument lies within 10^-11 of a boundary without being on it,
 * evaluated from `given` (the inputs, and the values of the quantities that have cells of their own: their formulas
 * are tested on their own). Null when every rounding is safe or the quantity has no value.
 */
export function fragileRounding(
  quantities: readonly QuantitySpec[],
  given: Partial<Record<string, Decimal | null>>,
  key: string,
  params?: ParamValues,
): FragileRounding | null {
  let found: FragileRounding | null = null;
  const own = { ...given };
  delete own[key];
  try {
    evaluateQuantities(quantities, own, [key], {
      params,
      rounding: (argument, places, mode) => {
        if (found === null && nearRoundingBoundary(argument, places, mode))
          found = { argument, places, mode, text: `${NAMES[mode]}(${grouped(argument)}, ${places})` };
      },
    });
  } catch (e) {
    if (!isGecError(e)) throw e;
    return null;
  }
  return found;
}

/**
 * Whether any rounding met while evaluating `keys` from `given` lies within a spreadsheet's noise of its boundary:
 * one pass over a whole row, so that the quantity by quantity test runs only on the rare row that has one.
 */
export function anyFragileRounding(
  quantities: readonly QuantitySpec[],
  given: Partial<Record<string, Decimal | null>>,
  keys: readonly string[],
  params?: ParamValues,
): boolean {
  let found = false;
  const options = {
    params,
    rounding: (argument: Decimal, places: number, mode: RoundingMode) => {
      if (!found && nearRoundingBoundary(argument, places, mode)) found = true;
    },
  };
  try {
    evaluateQuantities(quantities, given, keys, options);
    return found;
  } catch (e) {
    if (!isGecError(e)) throw e;
  }
  // some quantity has no value: the others one by one
  for (const key of keys) {
    try {
      evaluateQuantities(quantities, given, [key], options);
    } catch (e) {
      if (!isGecError(e)) throw e;
    }
    if (found) return true;
  }
  return found;
}
