// The methodologies (種別方法論): each declared in data, with the formulas all layers call.
import { GecError } from "../errors";
import { normalizeText } from "../numbers";
import type { Message } from "../types";
import { evaluateQuantities } from "../formula";
import { heatQuantities, tonnesTotal } from "./biomassHeat";
import { powerQuantities } from "./power";
import type {
  MethodologyCode,
  MethodologyDeclaration,
  MethodologyParams,
  QuantityDeclaration,
  RowInputs,
} from "./types";

export * from "./types";
export * from "./biomassHeat";
export * from "./fuels";
export * from "./power";
export * from "./electricity";
export * from "./steamProcedure";
export * from "./formula";
export * from "./values";
export * from "./evaluate";

/** Official names as the 1.3 checkbox table prints them (DOMAIN.md §2). */
const NAMES: [MethodologyCode, string, string][] = [
  ["P001", "風力発電", "Wind power"],
  ["P002", "太陽光発電", "Solar power"],
  ["P003-1", "バイオマス発電（鶏糞、バガス等）", "Biomass power (poultry manure, bagasse, etc.)"],
  ["P003-2", "バイオガス発電", "Biogas power"],
  ["P003-3", "木質バイオマス発電", "Woody biomass power"],
  ["P004-1", "河川に設置する新設水力発電", "New hydropower on rivers"],
  ["P004-2", "既設設備等に付加して設置される水力発電", "Hydropower added to existing facilities"],
  ["P005", "地熱発電", "Geothermal power"],
  [
    "H001-1",
    "太陽熱（強制循環式給湯用ソーラーシステム（単独供給方式））",
    "Solar heat (forced-circulation hot-water system, single supply)",
  ],
  [
    "H001-2",
    "太陽熱（強制循環式給湯用ソーラーシステム（複数供給方式））",
    "Solar heat (forced-circulation hot-water system, multiple supply)",
  ],
  [
    "H001-3",
    "太陽熱（太陽熱利用セントラルシステム（給湯・暖房））",
    "Solar heat (central system, hot water and heating)",
  ],
  ["H002-1", "バイオマス熱（木質バイオマス熱利用システム）", "Biomass heat (woody biomass heat system)"],
  [
    "H002-2",
    "バイオマス熱（木質バイオマス蒸気供給施設（熱電供給システム））",
    "Biomass heat (woody biomass steam supply, CHP)",
  ],
  [
    "H003",
    "雪氷エネルギー（熱交換冷水循環式雪氷エネルギー施設）",
    "Snow and ice energy (heat-exchange chilled-water facility)",
  ],
];

/** Only the biomass heat formulas are confirmed by the seed; the rest follow DOMAIN.md's [open] generic paths. */
const CONFIRMED = new Set<MethodologyCode>(["H002-1", "H002-2"]);

/** Every derived quantity of a row, from its declarations: the one way a row is computed. */
export function deriveWith(quantities: QuantityDeclaration[]): MethodologyDeclaration["derive"] {
  const derived = quantities.filter((q) => q.role === "derived").map((q) => q.key);
  return (inputs: RowInputs, params: MethodologyParams = {}) =>
    evaluateQuantities(quantities, inputs, derived, { params: { ...params } }).values;
}

const deriveHeat = deriveWith(heatQuantities);
/** Every derived column of one heat row (Q_WB, S_B, CEF/ε, EM_WB, EM). */
export const deriveHeatRow = deriveHeat;
const derivePower = deriveWith(powerQuantities);

export const METHODOLOGIES: MethodologyDeclaration[] = NAMES.map(([code, ja, en]) => {
  const heat = code.startsWith("H");
  const provisional = !CONFIRMED.has(code);
  return {
    code,
    name: { ja, en },
    kind: heat ? "heat" : "power",
    provisional,
    provenance: provisional
      ? "[open] formula not confirmed by a published submission; generic path of DOMAIN.md §2 (暫定)"
      : "seed submissions (reference/003), DOMAIN.md §2–§4",
    quantities: heat ? heatQuantities : powerQuantities,
    total: tonnesTotal,
    derive: heat ? deriveHeat : derivePower,
  };
});

const byCode = new Map<string, MethodologyDeclaration>(METHODOLOGIES.map((m) => [normalizeText(m.code), m]));

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
