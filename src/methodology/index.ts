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

const declared: MethodologyDeclaration[] = [...POWER_METHODOLOGIES, ...HEAT_METHODOLOGIES];

/**
 * Every methodology the engine knows, in 1.3 table order: the declarations of this folder, and any added at start-up
 * (registerMethodologyAtStartUp). Fixed (frozen) from the first lookup on.
 */
export const METHODOLOGIES: readonly MethodologyDeclaration[] = declared;

/** Every derived column of one heat row (Q_WB, S_B, CEF/ε, EM_WB, EM). */
export const deriveHeatRow = deriveWith(heatQuantities);

let byCode: Map<string, MethodologyDeclaration> | null = null;

/** The registry, fixed: the first lookup freezes the list, and a methodology can no longer be added. */
function sealed(): Map<string, MethodologyDeclaration> {
  if (!byCode) {
    Object.freeze(declared);
    byCode = new Map(declared.map((m) => [normalizeText(m.code), m]));
  }
  return byCode;
}

/**
 * Adds a methodology declared outside this folder (a test's), or replaces one of the same code, at start-up: at module
 * load, before anything reads the registry. The reader, checks, fill, templates, explain and report then know it from
 * its declaration alone. Once the registry has been read it is fixed, and adding throws.
 */
export function registerMethodologyAtStartUp(declaration: MethodologyDeclaration): void {
  if (byCode) {
    throw new Error(
      `methodology ${declaration.code}: the registry is fixed once read; declare it at module load, before any lookup`,
    );
  }
  const key = normalizeText(declaration.code);
  const at = declared.findIndex((m) => normalizeText(m.code) === key);
  if (at >= 0) declared[at] = declaration;
  else declared.push(declaration);
}

/** Every methodology, the registry fixed from here on (what caches built from the list read). */
export function methodologies(): readonly MethodologyDeclaration[] {
  sealed();
  return METHODOLOGIES;
}

/** The normalised codes of every methodology (the 1.3 table's labels). */
export function methodologyCodes(): string[] {
  return methodologies().map((m) => normalizeText(m.code));
}

export function findMethodology(code: string): MethodologyDeclaration | undefined {
  return sealed().get(
    normalizeText(code).replace(/^([ph])0*(\d)/, (_, l: string, d: string) => `${l}00${d}`),
  );
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
