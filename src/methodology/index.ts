// The methodologies (種別方法論): each declared in data, with the formulas all layers call.
import { GecError } from "../errors";
import { normalizeText } from "../numbers";
import type { Message } from "../types";
import { HEAT_METHODOLOGIES, heatQuantities } from "./biomassHeat";
import { POWER_METHODOLOGIES } from "./power";
import { deriveWith } from "./derive";
import type { MethodologyDeclaration } from "./types";

export * from "./types";
export * from "./biomassHeat";
export * from "./fuels";
export * from "./power";
export * from "./electricity";
export * from "./steamProcedure";
export * from "./formula";
export * from "./formulaLines";
export * from "./values";
export * from "./evaluate";
export * from "./derive";
export * from "./parameters";
export * from "./referenceValues";

/** Every methodology the engine knows, in 1.3 table order; registerMethodology adds more. */
export const METHODOLOGIES: MethodologyDeclaration[] = [...POWER_METHODOLOGIES, ...HEAT_METHODOLOGIES];

/** Every derived column of one heat row (Q_WB, S_B, CEF/ε, EM_WB, EM). */
export const deriveHeatRow = deriveWith(heatQuantities);

const byCode = new Map<string, MethodologyDeclaration>(METHODOLOGIES.map((m) => [normalizeText(m.code), m]));

/**
 * Adds a methodology (or replaces one of the same code): the reader, checks, fill, templates and explain then know it,
 * as they know the built-in ones, from its declaration alone.
 */
export function registerMethodology(declaration: MethodologyDeclaration): void {
  const key = normalizeText(declaration.code);
  const at = METHODOLOGIES.findIndex((m) => normalizeText(m.code) === key);
  if (at >= 0) METHODOLOGIES[at] = declaration;
  else METHODOLOGIES.push(declaration);
  byCode.set(key, declaration);
  version++;
}

let version = 0;

/** Changes whenever a methodology is registered, so that caches built from the list know to rebuild. */
export function methodologyRegistryVersion(): number {
  return version;
}

/** The normalised codes of every methodology (the 1.3 table's labels). */
export function methodologyCodes(): string[] {
  return METHODOLOGIES.map((m) => normalizeText(m.code));
}

export function findMethodology(code: string): MethodologyDeclaration | undefined {
  return byCode.get(normalizeText(code).replace(/^([ph])0*(\d)/, (_, l: string, d: string) => `${l}00${d}`));
}

export function getMethodology(code: string): MethodologyDeclaration {
  const m = findMethodology(code);
  if (!m) {
    throw new GecError(
      "#VALUE!",
      {
        ja: `方法論コード "${code}" はありません（例: H002-2、P002）。`,
        en: `Unknown methodology code "${code}" (e.g. H002-2, P002).`,
      },
      "code",
    );
  }
  return m;
}

export function methodologyName(code: string): Message {
  return getMethodology(code).name;
}
export * from "./monitoringQuantities";
