// Evaluates declared quantities from inputs: exact values, the domain of each, and, when asked, the derivation.
import { Decimal } from "../numbers";
import type { RoundingMode } from "../numbers";
import { GecError } from "../errors";
import type { Message } from "../types";
import { MissingValue, Round, WhenBlank, cellsOf, grouped } from "./expr";
import type { DerivationStep, Expr, Scope } from "./expr";
import { stepParts } from "./steps";

/**
 * What values a quantity may take: amounts of heat, power or fuel are ≥ 0; factors > 0; shares and efficiencies are
 * fractions 0 < x ≤ 1 (typed 0.9994, 99.94 or "99.94%"); signed values are anything finite.
 */
export type Domain = "amount" | "positive" | "ratio" | "signed";

/** A named quantity as every message names it: one symbol, one Japanese and one English label. */
export interface QuantitySpec {
  key: string;
  /** The scheme's symbol: Q_BL, E_PS, S_B, CEF_fuel,BL, ε_BL … */
  symbol: string;
  label: Message;
  unit: string;
  domain?: Domain;
  /** The formula of a derived quantity; none for an input. */
  expr?: Expr;
  /** Another quantity this one may not exceed (F_B ≤ F_T), checked where both are known. */
  atMost?: string;
}

/** Values a caller gives for parameters instead of the ones the expressions declare (a facility's stated 0.101325). */
export type ParamValues = Partial<Record<string, Decimal | number | string>>;

function domainError(q: QuantitySpec, value: Decimal, ja: string, en: string): GecError {
  return new GecError(
    "#VALUE!",
    {
      ja: `${q.label.ja} ${q.symbol} は${ja}。値: ${value}`,
      en: `${q.label.en} ${q.symbol} must be ${en}. Got: ${value}`,
    },
    q.symbol,
  );
}

/** Throws a GecError naming the quantity where `value` is outside its domain. */
export function checkDomain(q: QuantitySpec, value: Decimal): Decimal {
  switch (q.domain ?? "signed") {
    case "amount":
      if (value.isNegative()) throw domainError(q, value, " 0 以上です", "≥ 0");
      break;
    case "positive":
      if (value.cmp(0) <= 0) throw domainError(q, value, " 0 より大きい値です", "> 0");
      break;
    case "ratio":
      if (value.cmp(0) <= 0 || value.cmp(1) > 0)
        throw domainError(q, value, " 0 を超え 1（100%）以下です", "> 0 and ≤ 1 (100%)");
      break;
    default:
      break;
  }
  return value;
}

/** Quantities by key, made once per declared list (evaluateQuantities runs once per row). */
const indexes = new WeakMap<readonly QuantitySpec[], Map<string, QuantitySpec>>();
function indexOf(quantities: readonly QuantitySpec[]): Map<string, QuantitySpec> {
  let index = indexes.get(quantities);
  if (!index) indexes.set(quantities, (index = new Map(quantities.map((q) => [q.key, q]))));
  return index;
}

export interface EvaluateOptions {
  params?: ParamValues;
  /** The A1 address of each quantity's cell, for the derivation. */
  cells?: Partial<Record<string, string>>;
  /** Collect the derivation (steps); off for plain values, which is faster. */
  trace?: boolean;
  /** Columns over rows for Σ: values and their cells. */
  columns?: Partial<Record<string, { values: Decimal[]; cells: string[] }>>;
  /** Told of each rounding's exact argument (ROUNDDOWN(x, n): x, n and the mode). */
  rounding?: (argument: Decimal, places: number, mode: RoundingMode) => void;
}

export interface Evaluation {
  values: Record<string, Decimal>;
  steps: DerivationStep[];
}

/**
 * Evaluates `wanted` quantities of `quantities` from `given` values. A given value wins over a quantity's formula
 * (the custom function EM_WB takes Q_WB as typed); a derived quantity is computed once, from its declaration.
 * Failures are GecErrors that name the quantity (a blank input is a MissingValue).
 */
export function evaluateQuantities(
  quantities: readonly QuantitySpec[],
  given: Partial<Record<string, Decimal | null>>,
  wanted: readonly string[],
  options: EvaluateOptions = {},
): Evaluation {
  const byKey = indexOf(quantities);
  const values: Record<string, Decimal> = {};
  const failures = new Map<string, GecError>();
  const steps: DerivationStep[] = [];
  const inProgress = new Set<string>();
  const params = options.params ?? {};

  const scope: Scope = {
    steps: options.trace ? steps : null,
    rounding: options.rounding ?? null,
    current: "",
    top: null,
    value(key: string): Decimal {
      const known = values[key];
      if (known !== undefined) return known;
      const failed = failures.get(key);
      if (failed) throw failed;
      const q = byKey.get(key);
      if (!q) throw new Error(`quantity "${key}" is not declared`);
      try {
        values[key] = compute(q);
        return values[key];
      } catch (e) {
        if (e instanceof GecError) failures.set(key, e);
        throw e;
      }
    },
    blank(key: string): boolean {
      const q = byKey.get(key);
      if (!q || q.expr) return false;
      const typed = given[key];
      return typed === null || typed === undefined;
    },
    column(key: string): Decimal[] {
      return options.columns?.[key]?.values ?? [];
    },
    columnCells(key: string): string[] {
      return options.columns?.[key]?.cells ?? [];
    },
    param(key: string, declared: Decimal): Decimal {
      const override = params[key];
      return override !== undefined && override !== null ? Decimal.from(override) : declared;
    },
    symbol(key: string): string {
      return byKey.get(key)?.symbol ?? key;
    },
    cell(key: string): string | null {
      return options.cells?.[key] ?? null;
    },
  };

  function compute(q: QuantitySpec): Decimal {
    const typed = given[q.key];
    if (typed !== undefined && typed !== null) {
      checkDomain(q, typed);
      const bound = q.atMost ? given[q.atMost] : null;
      const other = q.atMost ? byKey.get(q.atMost) : undefined;
      if (bound && other && typed.cmp(bound) > 0) {
        throw new GecError(
          "#VALUE!",
          {
            ja: `${q.label.ja} ${q.symbol} (${typed}) が${other.label.ja} ${other.symbol} (${bound}) を超えています。`,
            en: `${q.label.en} ${q.symbol} (${typed}) exceeds ${other.label.en.toLowerCase()} ${other.symbol} (${bound}).`,
          },
          q.symbol,
        );
      }
      return typed;
    }
    if (!q.expr) throw new MissingValue(q.symbol, q.label);
    if (inProgress.has(q.key)) throw new Error(`quantity "${q.key}" depends on itself`);
    inProgress.add(q.key);
    const saved = { current: scope.current, top: scope.top };
    scope.current = q.symbol;
    // the node that gives the value (S_B: the ROUNDDOWN, or 1 where the row has no fuel data)
    let top = q.expr;
    while (top instanceof WhenBlank) top = top.chosen(scope);
    scope.top = top;
    try {
      const result = top.evaluate(scope);
      if (scope.steps) {
        scope.steps.push({
          symbol: q.symbol,
          formula: top.text(scope),
          substituted: top instanceof Round ? top.expanded(scope) : top.substituted(scope),
          result: result.toString(),
          cells: cellsOf(top, scope),
          label: q.label,
          unit: q.unit,
          kind: "quantity",
        });
      }
      return checkDomain(q, result);
    } finally {
      scope.current = saved.current;
      scope.top = saved.top;
      inProgress.delete(q.key);
    }
  }

  for (const key of wanted) scope.value(key);
  return { values, steps };
}

/** "Q_WB = Q_BL − ROUNDDOWN(E_PS × 9.484, 0) = 257,572,286 − 71,490,629 = 186,081,657" for one step. */
export function stepLine(step: DerivationStep): string {
  return stepParts(step, (result) => grouped(Decimal.from(result))).join(" = ");
}
