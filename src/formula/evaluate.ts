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
 * One evaluation: the Scope the expressions read, each quantity computed once on demand, failures remembered so a
 * quantity several others use is reported the same way each time.
 */
class Evaluator implements Scope {
  readonly values: Record<string, Decimal> = {};
  readonly collected: DerivationStep[] = [];
  /** Set aside (null) by a node that evaluates without tracing, then put back. */
  steps: DerivationStep[] | null;
  readonly rounding: ((argument: Decimal, places: number, mode: RoundingMode) => void) | null;
  current = "";
  top: Expr | null = null;
  private readonly byKey: Map<string, QuantitySpec>;
  private readonly failures = new Map<string, GecError>();
  private readonly inProgress = new Set<string>();
  private readonly params: ParamValues;

  constructor(
    quantities: readonly QuantitySpec[],
    private readonly given: Partial<Record<string, Decimal | null>>,
    private readonly options: EvaluateOptions,
  ) {
    this.byKey = indexOf(quantities);
    this.steps = options.trace ? this.collected : null;
    this.rounding = options.rounding ?? null;
    this.params = options.params ?? {};
  }

  value(key: string): Decimal {
    const known = this.values[key];
    if (known !== undefined) return known;
    const failed = this.failures.get(key);
    if (failed) throw failed;
    const q = this.byKey.get(key);
    if (!q) throw new Error(`quantity "${key}" is not declared`);
    try {
      this.values[key] = this.compute(q);
      return this.values[key];
    } catch (e) {
      if (e instanceof GecError) this.failures.set(key, e);
      throw e;
    }
  }

  blank(key: string): boolean {
    const q = this.byKey.get(key);
    if (!q || q.expr) return false;
    const typed = this.given[key];
    return typed === null || typed === undefined;
  }

  column(key: string): Decimal[] {
    return this.options.columns?.[key]?.values ?? [];
  }

  columnCells(key: string): string[] {
    return this.options.columns?.[key]?.cells ?? [];
  }

  param(key: string, declared: Decimal): Decimal {
    const override = this.params[key];
    return override !== undefined && override !== null ? Decimal.from(override) : declared;
  }

  symbol(key: string): string {
    return this.byKey.get(key)?.symbol ?? key;
  }

  cell(key: string): string | null {
    return this.options.cells?.[key] ?? null;
  }

  private compute(q: QuantitySpec): Decimal {
    const typed = this.given[q.key];
    if (typed !== undefined && typed !== null) return this.checkTyped(q, typed);
    if (!q.expr) throw new MissingValue(q.symbol, q.label);
    if (this.inProgress.has(q.key)) throw new Error(`quantity "${q.key}" depends on itself`);
    this.inProgress.add(q.key);
    const saved = { current: this.current, top: this.top };
    this.current = q.symbol;
    // the node that gives the value (S_B: the ROUNDDOWN, or 1 where the row has no fuel data)
    let top = q.expr;
    while (top instanceof WhenBlank) top = top.chosen(this);
    this.top = top;
    try {
      const result = top.evaluate(this);
      if (this.steps) this.steps.push(this.step(q, top, result));
      return checkDomain(q, result);
    } finally {
      this.current = saved.current;
      this.top = saved.top;
      this.inProgress.delete(q.key);
    }
  }

  /** A given value wins over the formula: within its domain, and not above the quantity it may not exceed. */
  private checkTyped(q: QuantitySpec, typed: Decimal): Decimal {
    checkDomain(q, typed);
    const bound = q.atMost ? this.given[q.atMost] : null;
    const other = q.atMost ? this.byKey.get(q.atMost) : undefined;
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

  /** The derivation step of quantity q, its value given by node `top`. */
  private step(q: QuantitySpec, top: Expr, result: Decimal): DerivationStep {
    return {
      symbol: q.symbol,
      formula: top.text(this),
      substituted: top instanceof Round ? top.expanded(this) : top.substituted(this),
      result: result.toString(),
      cells: cellsOf(top, this),
      label: q.label,
      unit: q.unit,
      kind: "quantity",
    };
  }
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
  const evaluator = new Evaluator(quantities, given, options);
  for (const key of wanted) evaluator.value(key);
  return { values: evaluator.values, steps: evaluator.collected };
}

/** "Q_WB = Q_BL − ROUNDDOWN(E_PS × 9.484, 0) = 257,572,286 − 71,490,629 = 186,081,657" for one step. */
export function stepLine(step: DerivationStep): string {
  return stepParts(step, (result) => grouped(Decimal.from(result))).join(" = ");
}
