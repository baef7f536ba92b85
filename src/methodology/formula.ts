// Turns a declared Excel template ("{qBl}-ROUNDDOWN({ePs}*{primaryEnergyFactor},0)") into a formula for one row.
import { GecError } from "../errors";
import { PRIMARY_ENERGY_FACTOR } from "./biomassHeat";
import type { MethodologyParams } from "./types";

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
