// The native Excel formula of one derived cell of a 別紙1 row, from the quantity's declared expression.
import { excelFormula } from "../formula";
import type { MethodologyParams, QuantityDeclaration } from "./types";

/**
 * The formula of one derived cell over this row's addresses (e.g. { qBl: "L5", ePs: "M5" }), or null where Excel has
 * no native form or the layout lacks a cell it needs. `blankGuard` shows "" while a needed input is blank.
 */
export function renderRowFormula(
  quantity: QuantityDeclaration,
  quantities: QuantityDeclaration[],
  refs: Record<string, string>,
  params: MethodologyParams = {},
  blankGuard = true,
): string | null {
  return excelFormula(quantity, quantities, { addresses: refs, params: { ...params } }, { blankGuard });
}
