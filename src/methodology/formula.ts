// Turns a declared Excel template ("{qBl}-ROUNDDOWN({ePs}*{primaryEnergyFactor},0)") into a formula for one row.
import { GecError } from "../errors";
import { PRIMARY_ENERGY_FACTOR } from "./biomassHeat";
import type { MethodologyParams, QuantityDeclaration } from "./types";

/** Parameter placeholders a template may use, with their defaults (overridable per call). */
function parameterValues(params: MethodologyParams): Record<string, string> {
  return { primaryEnergyFactor: String(params.primaryEnergyFactor ?? PRIMARY_ENERGY_FACTOR) };
}

/**
 * Fills a template: each {key} becomes the cell address given in `refs` (e.g. { qBl: "S12" }) or a parameter's
 * value. A key with neither is a GecError, so that no formula with a placeholder left in it is ever written.
 */
export function renderExcelFormula(
  template: string,
  refs: Record<string, string>,
  params: MethodologyParams = {},
): string {
  const values = parameterValues(params);
  const body = template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, key: string) => {
    const v = refs[key] ?? values[key];
    if (v === undefined) {
      throw new GecError(
        "#N/A",
        {
          ja: `数式テンプレートの {${key}} に対応するセルがありません。`,
          en: `No cell given for {${key}} in the formula template.`,
        },
        key,
      );
    }
    return v;
  });
  return `=${body}`;
}

/** Inputs that may stay blank in a filled row ("—": no auxiliary fuel), so they never blank a formula out. */
const MAY_BE_BLANK = new Set(["fB", "fT"]);

/**
 * The formula of one derived cell of a 別紙1 row: the declared template, shown blank ("") while an input it needs is
 * blank, so that an unfilled row shows nothing instead of #DIV/0! and blanks pass down the chain (3.3 → 3.10 → 3.11).
 */
export function renderRowFormula(
  quantity: Pick<QuantityDeclaration, "excelFormula">,
  refs: Record<string, string>,
  params: MethodologyParams = {},
): string | null {
  if (!quantity.excelFormula) return null;
  const body = renderExcelFormula(quantity.excelFormula, refs, params).slice(1);
  const needed = [...quantity.excelFormula.matchAll(/\{([A-Za-z0-9_]+)\}/g)]
    .map((m) => m[1])
    .filter((key, i, all) => refs[key] !== undefined && !MAY_BE_BLANK.has(key) && all.indexOf(key) === i);
  if (needed.length === 0) return `=${body}`;
  const blank = needed.map((key) => `${refs[key]}=""`);
  return `=IF(${blank.length === 1 ? blank[0] : `OR(${blank.join(",")})`},"",${body})`;
}
