// The one coercion layer: a typed value (cell, custom-function argument, gec eval) into an exact decimal, by quantity.
import { Decimal, parseNumberCell, parseRatioCell } from "../numbers";
import { GecError } from "../errors";
import { MissingValue, checkDomain } from "../formula";
import type { QuantitySpec } from "../formula";
import type { CellValue } from "../types";
import { shortened } from "../text";

export type NumberLike = number | string | Decimal;

/** How a quantity is named and read: its spec, and whether it is a share typed as 0.9994, 99.94 or "99.94%". */
export type ReadSpec = Pick<QuantitySpec, "symbol" | "label" | "domain"> & { form?: "number" | "ratio" };

function shown(value: unknown): string {
  return typeof value === "string" ? `"${shortened(value)}"` : shortened(value);
}

/**
 * Reads a value as the quantity `spec` and checks its domain. A blank (null, "", "—") is a MissingValue; text that is
 * no number, a boolean or an object is a GecError naming the quantity by its symbol and label.
 */
export function readQuantity(value: unknown, spec: ReadSpec): Decimal {
  let decimal: Decimal;
  if (value instanceof Decimal) decimal = value;
  else {
    const cell: CellValue =
      typeof value === "number" || typeof value === "string" || value === null || value === undefined
        ? ((value ?? null) as CellValue)
        : (NaN as CellValue);
    const ratio = spec.form === "ratio" || spec.domain === "ratio";
    const reading = typeof value === "boolean" ? null : ratio ? parseRatioCell(cell) : parseNumberCell(cell);
    if (reading?.kind === "empty") throw new MissingValue(spec.symbol, spec.label);
    if (!reading || reading.kind !== "number") {
      throw new GecError(
        "#VALUE!",
        {
          ja: `${spec.label.ja} ${spec.symbol} は数値ではありません。入力値: ${shown(value)}`,
          en: `${spec.label.en} ${spec.symbol} is not a number. Got: ${shown(value)}`,
        },
        spec.symbol,
      );
    }
    decimal = reading.decimal;
  }
  return checkDomain({ key: spec.symbol, unit: "", ...spec }, decimal);
}
