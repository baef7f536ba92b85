// The reference values a recomputation used (constants, fuel and electricity factors), each with source and vintage.
import { Decimal } from "../numbers";
import { paramsOf } from "../formula";
import type { ParamValues, QuantitySpec } from "../formula";
import type { Message } from "../types";
import type { MethodologyDeclaration, QuantityDeclaration, RowInputs } from "./types";
import { REFERENCE_PARAMETERS } from "./parameters";
import type { ReferenceParameter } from "./parameters";
import {
  DEFAULT_BOILER_EFFICIENCY_LHV,
  defaultEfficiencyOf,
  findFuel,
  fuelFactorsOfValue,
  fuelRevision,
  fuelRevisionOfFiscalYear,
} from "./fuels";
import type { FuelFactor, FuelRevision } from "./fuels";
import { electricityFactors, electricityVintage } from "./electricity";
import type { ElectricityFactor } from "./electricity";

/** How a fuel factor a row uses relates to the vintage of its period. */
export interface FuelFactorMatch {
  /** The factor the value is taken as: the period's revision's where it is one of them. */
  factor: FuelFactor;
  /** Every factor of every revision the value is (LPG is the same in both). */
  all: FuelFactor[];
  /** The revision the period falls under; null without a period. */
  periodRevision: FuelRevision | null;
  /** The value is one of the period's revision's (true where there is no period to compare with). */
  ofPeriod: boolean;
  /** The value is a revision's whose adoption by the scheme is unconfirmed, and of no revision the seed confirms. */
  unconfirmed: boolean;
}

/** Which fuel factor a 3.4 value is, against the vintage of the period's fiscal year; null for no known factor. */
export function matchFuelFactor(cef: Decimal, fiscalYear: number | null): FuelFactorMatch | null {
  const all = fuelFactorsOfValue(cef);
  if (all.length === 0) return null;
  const periodRevision = fiscalYear === null ? null : fuelRevisionOfFiscalYear(fiscalYear);
  const ofPeriodFactor = periodRevision ? all.find((f) => f.revision === periodRevision.id) : undefined;
  const adopted = all.find((f) => fuelRevision(f.revision).schemeAdoption === "seed");
  const factor = ofPeriodFactor ?? adopted ?? all[0];
  return {
    factor,
    all,
    periodRevision,
    ofPeriod: periodRevision === null || ofPeriodFactor !== undefined,
    unconfirmed: !adopted,
  };
}

/** One reference value a recomputation used, with where it comes from and its vintage. */
export interface ReferenceValueUsed {
  /** The scheme's symbol (CEF_fuel,BL, ε_BL, CEF_electricity,t), or for a constant without one its parameter key. */
  symbol: string;
  name: Message;
  value: string;
  unit: string;
  source: string;
  /** 「算定省令 H22改正」, 「R6年度実績 代替値」; null for a value that does not change by vintage (9.484). */
  vintage: string | null;
}

/** A constant as a reference value used: its value, source and vintage as declared. */
export function parameterValue(p: ReferenceParameter): ReferenceValueUsed {
  return { symbol: p.key, name: p.label, value: p.value, unit: p.unit, source: p.source, vintage: p.vintage };
}

function fuelValue(f: FuelFactor): ReferenceValueUsed {
  const fuel = findFuel(f.fuel);
  return {
    symbol: "CEF_fuel,BL",
    name: { ja: `${f.fuel} の排出係数`, en: `Emission factor of ${fuel?.label.en ?? f.fuel}` },
    value: f.cef,
    unit: "tCO2/GJ",
    source: f.source,
    vintage: fuelRevision(f.revision).name.ja,
  };
}

function efficiencyValue(f: FuelFactor, value: Decimal): ReferenceValueUsed {
  const fuel = findFuel(f.fuel);
  return {
    symbol: "ε_BL",
    name: {
      ja: `${f.fuel} のボイラ効率（高位発熱量ベース）`,
      en: `Boiler efficiency for ${fuel?.label.en ?? f.fuel} (HHV basis)`,
    },
    value: value.toString(),
    unit: "",
    source: `${DEFAULT_BOILER_EFFICIENCY_LHV} (seed 2.2 「ボイラの設備効率98%（低位発熱量ベース）」) × LHV/HHV ${f.lhvPerHhv}: ${f.lhvPerHhvSource ?? ""}`,
    vintage: fuelRevision(f.revision).name.ja,
  };
}

function electricityValue(e: ElectricityFactor): ReferenceValueUsed {
  return {
    symbol: "CEF_electricity,t",
    name: { ja: `電気の排出係数（${e.kind}）`, en: `Electricity emission factor (${e.kind})` },
    value: String(e.value),
    unit: "kgCO2/kWh",
    source: e.published ? `${e.provenance}: ${e.published} t-CO2/kWh` : e.provenance,
    vintage: electricityVintage(e),
  };
}

/** The quantities `key` is computed from (itself included), through the declared formulas. */
function dependencies<Q extends QuantitySpec>(quantities: readonly Q[], key: string): Q[] {
  const byKey = new Map(quantities.map((q) => [q.key, q]));
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    const expr = byKey.get(k)?.expr;
    if (expr) for (const d of expr.keys()) visit(d);
  };
  visit(key);
  return quantities.filter((q) => seen.has(q.key));
}

/** The constants that `quantities` take (param("…")), with the value a facility states instead where it does. */
function parametersUsed(quantities: readonly QuantitySpec[], stated: ParamValues): ReferenceValueUsed[] {
  const keys = [...new Set(quantities.flatMap((q) => (q.expr ? paramsOf(q.expr) : [])))];
  return keys.flatMap((k) => {
    const spec = REFERENCE_PARAMETERS.find((x) => x.key === k);
    if (!spec) return [];
    const own = stated[k];
    if (own === undefined || Decimal.from(own).eq(spec.value)) return [parameterValue(spec)];
    return [
      {
        ...parameterValue(spec),
        value: Decimal.from(own).toString(),
        source: "別紙1添付: stated by the facility's monitoring method",
      },
    ];
  });
}

/**
 * The constants behind `key` of a declared list (a monitoring month's p_abs: 0.101325, or the value the facility's
 * 別紙1添付 states instead).
 */
export function referenceValuesOf(
  quantities: readonly QuantitySpec[],
  key: string,
  stated: ParamValues = {},
): ReferenceValueUsed[] {
  return parametersUsed(dependencies(quantities, key), stated);
}

/**
 * The reference values behind `key` on one row: the constants its formulas take (9.484) and the row's inputs that are
 * a published value (3.4 CEF_fuel,BL of a 算定省令 revision and the default ε_BL with it; CEF_electricity,t of a year).
 */
export function referenceValuesOfRow(
  declaration: Pick<MethodologyDeclaration, "quantities">,
  inputs: RowInputs,
  key: string,
  fiscalYear: number | null,
): ReferenceValueUsed[] {
  const used = dependencies(declaration.quantities, key);
  const out = parametersUsed(used, {});
  const of = (kind: QuantityDeclaration["reference"]) => {
    const q = used.find((x) => x.reference === kind);
    return q ? (inputs[q.key] ?? null) : null;
  };
  const cef = of("fuelFactor");
  const match = cef !== null ? matchFuelFactor(cef, fiscalYear) : null;
  if (match) {
    out.push(fuelValue(match.factor));
    const eps = of("boilerEfficiency");
    const expected = defaultEfficiencyOf(match.factor);
    if (eps !== null && expected !== null && expected.eq(eps))
      out.push(efficiencyValue(match.factor, expected));
  }
  const elec = of("electricityFactor");
  if (elec !== null) {
    const entries = electricityFactors().filter((e) => elec.eq(Decimal.from(e.value)));
    // the entry of the period's year first: a factor belongs to the year of its electricity
    const entry = entries.find((e) => e.fiscalYear === fiscalYear) ?? entries[0];
    if (entry) out.push(electricityValue(entry));
  }
  return out;
}
