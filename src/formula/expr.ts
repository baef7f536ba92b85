// Formulas as data: expression nodes that evaluate on exact decimals, print as native Excel and explain themselves.
import { Decimal } from "../numbers";
import type { RoundingMode } from "../numbers";
import { GecError } from "../errors";
import type { DerivationStep, Message } from "../types";

export type { DerivationStep } from "../types";

/** What an expression needs while it is evaluated. */
export interface Scope {
  /** A quantity's value (input, or derived and evaluated on demand); a GecError where it has none. */
  value(key: string): Decimal;
  /** Whether an input has no value (blank, "—"), asked without throwing: blank rows are common, errors are slow. */
  blank(key: string): boolean;
  /** The values of one quantity over every row (for Σ), in row order. */
  column(key: string): Decimal[];
  /** A parameter's value: the caller's, where it gives one, else the value the expression declares. */
  param(key: string, declared: Decimal): Decimal;
  /** The scheme's symbol of a quantity or parameter, as formulas print it. */
  symbol(key: string): string;
  /** The cell a quantity was read from, where there is one ("別紙1!M5"). */
  cell(key: string): string | null;
  /** The cells of a column (for Σ). */
  columnCells(key: string): string[];
  /** Steps collect here while a derivation is traced; null when only values are wanted. */
  steps: DerivationStep[] | null;
  /** The quantity whose formula is being evaluated (its symbol names rounding steps). */
  current: string;
  /** The quantity's own top node: a rounding there is the quantity's step, not a step of its own. */
  top: Expr | null;
  /** Told of every rounding's exact argument, where asked (the spreadsheet-noise test of fill --formulas). */
  rounding?: ((argument: Decimal, places: number, mode: RoundingMode) => void) | null;
}

/** How an expression becomes a native Excel formula: a cell address for each quantity key, literal parameters. */
export interface ExcelScope {
  /** "M5" for a quantity key in this layout, or null where the layout has no such cell. */
  address(key: string): string | null;
  /** A derived quantity with no cell of its own is inlined from its declaration. */
  inline(key: string): Expr | null;
  /** The range of a column for Σ ("V4:V6"). */
  range(key: string): string | null;
  /** A parameter's value: the caller's, where it gives one, else the value the expression declares. */
  param(key: string, declared: Decimal): Decimal;
}

/** Thrown where a node has no native Excel form (steam tables): the writer then writes the value. */
export class NoExcelForm extends Error {
  constructor(readonly what: string) {
    super(`no native Excel form for ${what}`);
  }
}

/** Digits grouped by three for people ("7,538,025"), decimals as they are. */
export function grouped(d: Decimal): string {
  const text = d.toString();
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const whole = dot < 0 ? body : body.slice(0, dot);
  const rest = dot < 0 ? "" : body.slice(dot);
  return (negative ? "-" : "") + whole.replace(/\B(?=(\d{3})+$)/g, ",") + rest;
}

/** Operator precedence, for parentheses in printed forms. */
const enum Prec {
  Sum = 1,
  Product = 2,
  Atom = 3,
}

export abstract class Expr {
  abstract readonly precedence: Prec;
  /** The exact value. */
  abstract evaluate(scope: Scope): Decimal;
  /** The native Excel text (no "="). Throws NoExcelForm where Excel has no such function. */
  abstract excel(scope: ExcelScope): string;
  /** The formula in the scheme's symbols. */
  abstract text(scope: Scope): string;
  /** The formula with each value put in (values of sub-expressions that round are shown as their results). */
  abstract substituted(scope: Scope): string;
  /** Quantity keys read directly by this expression (not through other quantities). */
  abstract keys(): string[];

  protected wrap(inner: Expr, text: string): string {
    return inner.precedence < this.precedence ? `(${text})` : text;
  }
}

export class Ref extends Expr {
  readonly precedence = Prec.Atom;
  constructor(readonly key: string) {
    super();
  }
  evaluate(scope: Scope): Decimal {
    return scope.value(this.key);
  }
  excel(scope: ExcelScope): string {
    const address = scope.address(this.key);
    if (address !== null) return address;
    const inlined = scope.inline(this.key);
    if (inlined) return inlined.precedence < Prec.Atom ? `(${inlined.excel(scope)})` : inlined.excel(scope);
    throw new GecError(
      "#N/A",
      {
        ja: `数式に必要な ${this.key} のセルがありません。`,
        en: `No cell holds ${this.key}, which the formula needs.`,
      },
      this.key,
    );
  }
  text(scope: Scope): string {
    return scope.symbol(this.key);
  }
  substituted(scope: Scope): string {
    return grouped(scope.value(this.key));
  }
  keys(): string[] {
    return [this.key];
  }
}

/** A named parameter with a default (9.484 MJ/kWh, 0.101325 MPa), overridable per call. */
/** A named constant of a formula with the value its declaration gives; a caller may give another (a facility's own). */
export interface ParameterValue {
  key: string;
  /** As the source prints it ("9.484"). */
  value: string;
}

export class Param extends Expr {
  readonly precedence = Prec.Atom;
  readonly key: string;
  /** The declared value, taken where the caller gives none. */
  readonly value: Decimal;
  constructor(parameter: ParameterValue) {
    super();
    this.key = parameter.key;
    this.value = Decimal.from(parameter.value);
  }
  evaluate(scope: Scope): Decimal {
    return scope.param(this.key, this.value);
  }
  excel(scope: ExcelScope): string {
    return scope.param(this.key, this.value).toString();
  }
  text(scope: Scope): string {
    return scope.param(this.key, this.value).toString();
  }
  substituted(scope: Scope): string {
    return grouped(scope.param(this.key, this.value));
  }
  keys(): string[] {
    return [];
  }
}

export class Const extends Expr {
  readonly precedence = Prec.Atom;
  readonly value: Decimal;
  constructor(value: string | number) {
    super();
    this.value = Decimal.from(value);
  }
  evaluate(): Decimal {
    return this.value;
  }
  excel(): string {
    return this.value.toString();
  }
  text(): string {
    return this.value.toString();
  }
  substituted(): string {
    return grouped(this.value);
  }
  keys(): string[] {
    return [];
  }
}

type BinaryOp = "+" | "-" | "*" | "/";
const SHOWN: Record<BinaryOp, string> = { "+": "+", "-": "−", "*": "×", "/": "÷" };
/** A division outside a rounding has no exact decimal: it is carried to this many places (half up). */
const FREE_DIVISION_PLACES = 20;

export class Binary extends Expr {
  readonly precedence: Prec;
  constructor(
    readonly op: BinaryOp,
    readonly left: Expr,
    readonly right: Expr,
  ) {
    super();
    this.precedence = op === "+" || op === "-" ? Prec.Sum : Prec.Product;
  }
  /** The divisor of a division, evaluated, with a GecError naming it where it is 0. */
  divisor(scope: Scope): Decimal {
    const d = this.right.evaluate(scope);
    if (d.isZero()) {
      const name = this.right instanceof Ref ? scope.symbol(this.right.key) : this.right.text(scope);
      throw new GecError(
        "#VALUE!",
        { ja: `${name} が 0 です（0 で割れません）。`, en: `${name} is 0 (division by zero).` },
        name,
      );
    }
    return d;
  }
  /** Exact division to `places` by `mode`: how Round evaluates ROUNDDOWN(a / b, n). */
  divide(scope: Scope, places: number, mode: RoundingMode): Decimal {
    const b = this.divisor(scope);
    return this.left.evaluate(scope).div(b, places, mode);
  }
  evaluate(scope: Scope): Decimal {
    const a = this.left.evaluate(scope);
    switch (this.op) {
      case "+":
        return a.add(this.right.evaluate(scope));
      case "-":
        return a.sub(this.right.evaluate(scope));
      case "*":
        return a.mul(this.right.evaluate(scope));
      default:
        return a.div(this.divisor(scope), FREE_DIVISION_PLACES, "halfUp");
    }
  }
  private rightText(inner: string): string {
    // a − (b − c) and a ÷ (b × c) keep their parentheses
    const tight =
      this.right.precedence < this.precedence ||
      (this.right.precedence === this.precedence && (this.op === "-" || this.op === "/"));
    return tight ? `(${inner})` : inner;
  }
  excel(scope: ExcelScope): string {
    return `${this.wrap(this.left, this.left.excel(scope))}${this.op}${this.rightText(this.right.excel(scope))}`;
  }
  text(scope: Scope): string {
    return `${this.wrap(this.left, this.left.text(scope))} ${SHOWN[this.op]} ${this.rightText(this.right.text(scope))}`;
  }
  substituted(scope: Scope): string {
    return `${this.wrap(this.left, this.left.substituted(scope))} ${SHOWN[this.op]} ${this.rightText(this.right.substituted(scope))}`;
  }
  keys(): string[] {
    return [...this.left.keys(), ...this.right.keys()];
  }
}

const EXCEL_ROUND: Record<RoundingMode, string> = { down: "ROUNDDOWN", up: "ROUNDUP", halfUp: "ROUND" };

/** ROUNDDOWN / ROUNDUP / ROUND to `places` decimals; a division inside is done exactly to that place. */
export class Round extends Expr {
  readonly precedence = Prec.Atom;
  constructor(
    readonly mode: RoundingMode,
    readonly places: number,
    readonly arg: Expr,
  ) {
    super();
  }
  evaluate(scope: Scope): Decimal {
    const division = this.arg instanceof Binary && this.arg.op === "/" ? this.arg : null;
    if (scope.rounding) {
      // a quotient to 20 more places than the rounding keeps: far finer than the 10^-11 a boundary test looks at
      const argument = division ? division.divide(scope, this.places + 20, "down") : this.arg.evaluate(scope);
      scope.rounding(argument, this.places, this.mode);
    }
    const result = division
      ? division.divide(scope, this.places, this.mode)
      : this.arg.evaluate(scope).round(this.places, this.mode);
    if (scope.steps && scope.top !== this) {
      // labelled by what it computes: "Q_WB = … = 71,490,629" would give Q_WB the deduction's value
      const formula = this.text(scope);
      scope.steps.push({
        symbol: formula,
        formula,
        substituted: this.expanded(scope),
        result: result.toString(),
        cells: cellsOf(this, scope),
        label: {
          ja: `${scope.current} の式の中の端数処理`,
          en: `rounding inside the formula of ${scope.current}`,
        },
        kind: "rounding",
        partOf: scope.current,
      });
    }
    return result;
  }
  excel(scope: ExcelScope): string {
    return `${EXCEL_ROUND[this.mode]}(${this.arg.excel(scope)},${this.places})`;
  }
  text(scope: Scope): string {
    return `${EXCEL_ROUND[this.mode]}(${this.arg.text(scope)}, ${this.places})`;
  }
  /** The rounding with its argument's values put in: "ROUNDDOWN(7,538,025 × 9.484, 0)". */
  expanded(scope: Scope): string {
    return `${EXCEL_ROUND[this.mode]}(${this.arg.substituted(scope)}, ${this.places})`;
  }
  /** Inside a larger formula a rounding is shown by its result: its own step shows how it came about. */
  substituted(scope: Scope): string {
    const saved = scope.steps;
    scope.steps = null;
    try {
      return grouped(this.evaluate(scope));
    } finally {
      scope.steps = saved;
    }
  }
  keys(): string[] {
    return this.arg.keys();
  }
}

/**
 * `then` when every one of `keys` is blank (no value, "—"), else `otherwise`: S_B is 100 % where a heat row has no
 * fuel data. In Excel a cell counts as blank when empty or not a number ("—").
 */
export class WhenBlank extends Expr {
  readonly precedence = Prec.Atom;
  constructor(
    readonly blankKeys: string[],
    readonly then: Expr,
    readonly otherwise: Expr,
  ) {
    super();
  }
  private allBlank(scope: Scope): boolean {
    return this.blankKeys.every((k) => scope.blank(k));
  }
  /** The branch that applies to these values. */
  chosen(scope: Scope): Expr {
    return this.allBlank(scope) ? this.then : this.otherwise;
  }
  evaluate(scope: Scope): Decimal {
    return this.chosen(scope).evaluate(scope);
  }
  excel(scope: ExcelScope): string {
    const tests = this.blankKeys.map((k) => {
      const a = new Ref(k).excel(scope);
      return `OR(${a}="",ISERROR(--${a}))`;
    });
    const condition = tests.length === 1 ? tests[0] : `AND(${tests.join(",")})`;
    return `IF(${condition},${this.then.excel(scope)},${this.otherwise.excel(scope)})`;
  }
  text(scope: Scope): string {
    return this.chosen(scope).text(scope);
  }
  substituted(scope: Scope): string {
    return this.chosen(scope).substituted(scope);
  }
  keys(): string[] {
    return [...this.then.keys(), ...this.otherwise.keys()];
  }
}

/** Σ of one quantity over every row (the 合計 of R6). */
export class SumOf extends Expr {
  readonly precedence = Prec.Atom;
  constructor(readonly key: string) {
    super();
  }
  evaluate(scope: Scope): Decimal {
    return scope.column(this.key).reduce((a, b) => a.add(b), Decimal.zero);
  }
  excel(scope: ExcelScope): string {
    const range = scope.range(this.key);
    if (range === null) throw new NoExcelForm(`Σ ${this.key}`);
    return `SUM(${range})`;
  }
  text(scope: Scope): string {
    return `Σ ${scope.symbol(this.key)}`;
  }
  substituted(scope: Scope): string {
    const values = scope.column(this.key);
    return values.length === 0 ? "0" : values.map(grouped).join(" + ");
  }
  keys(): string[] {
    return [];
  }
}

/** A function of the core that Excel does not have (IAPWS-IF97 steam tables): evaluated here, written as a value. */
export class Call extends Expr {
  readonly precedence = Prec.Atom;
  constructor(
    readonly name: string,
    readonly fn: (...args: Decimal[]) => Decimal,
    readonly args: Expr[],
  ) {
    super();
  }
  evaluate(scope: Scope): Decimal {
    return this.fn(...this.args.map((a) => a.evaluate(scope)));
  }
  excel(): string {
    throw new NoExcelForm(this.name);
  }
  text(scope: Scope): string {
    return `${this.name}(${this.args.map((a) => a.text(scope)).join(", ")})`;
  }
  substituted(scope: Scope): string {
    return `${this.name}(${this.args.map((a) => a.substituted(scope)).join(", ")})`;
  }
  keys(): string[] {
    return this.args.flatMap((a) => a.keys());
  }
}

/** A value that is simply not there (blank cell, "—"): a GecError that WhenBlank can tell from a wrong value. */
export class MissingValue extends GecError {
  constructor(symbol: string, label: Message) {
    super(
      "#VALUE!",
      { ja: `${label.ja} ${symbol} が入力されていません。`, en: `${label.en} ${symbol} is missing.` },
      symbol,
    );
  }
}

/** The cells of every quantity an expression reads directly, in order, without repeats. */
export function cellsOf(expr: Expr, scope: Scope): string[] {
  const out = new Set<string>();
  const add = (c: string | null) => {
    if (c !== null) out.add(c);
  };
  const visit = (e: Expr) => {
    if (e instanceof SumOf) scope.columnCells(e.key).forEach(add);
    else if (e instanceof Ref) add(scope.cell(e.key));
    else if (e instanceof Binary) {
      visit(e.left);
      visit(e.right);
    } else if (e instanceof Round) visit(e.arg);
    else if (e instanceof WhenBlank) {
      visit(e.then);
      visit(e.otherwise);
    } else if (e instanceof Call) e.args.forEach(visit);
  };
  visit(expr);
  return [...out];
}

/** The parameters (param(…)) an expression reads directly, in order, without repeats. */
export function paramsOf(expr: Expr): string[] {
  const out = new Set<string>();
  const visit = (e: Expr) => {
    if (e instanceof Param) out.add(e.key);
    else if (e instanceof Binary) {
      visit(e.left);
      visit(e.right);
    } else if (e instanceof Round) visit(e.arg);
    else if (e instanceof WhenBlank) {
      visit(e.then);
      visit(e.otherwise);
    } else if (e instanceof Call) e.args.forEach(visit);
  };
  visit(expr);
  return [...out];
}

// ---- builders, so that declarations read like the scheme's formulas ----------------------------------------

export const ref = (key: string): Expr => new Ref(key);
export const param = (parameter: ParameterValue): Expr => new Param(parameter);
export const num = (value: string | number): Expr => new Const(value);
export const add = (a: Expr, b: Expr): Expr => new Binary("+", a, b);
export const sub = (a: Expr, b: Expr): Expr => new Binary("-", a, b);
export const mul = (a: Expr, b: Expr): Expr => new Binary("*", a, b);
export const div = (a: Expr, b: Expr): Expr => new Binary("/", a, b);
export const roundDown = (a: Expr, places: number): Expr => new Round("down", places, a);
export const roundUp = (a: Expr, places: number): Expr => new Round("up", places, a);
export const round = (a: Expr, places: number): Expr => new Round("halfUp", places, a);
export const whenBlank = (keys: string[], then: Expr, otherwise: Expr): Expr =>
  new WhenBlank(keys, then, otherwise);
export const sumOf = (key: string): Expr => new SumOf(key);
export const call = (name: string, fn: (...args: Decimal[]) => Decimal, ...args: Expr[]): Expr =>
  new Call(name, fn, args);
