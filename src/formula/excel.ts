// The native Excel formula of a declared quantity, for fill --formulas and templates (never a GEC. function).
import { Decimal } from "../numbers";
import type { ParamValues, QuantitySpec } from "./evaluate";
import { MissingValue, NoExcelForm, WhenBlank } from "./expr";
import type { Expr, ExcelScope } from "./expr";

export interface ExcelLayout {
  /** "M5" for a quantity key on this row, or undefined where the layout has no such column. */
  addresses: Partial<Record<string, string>>;
  /** Ranges for Σ ("V4:V6"). */
  ranges?: Partial<Record<string, string>>;
  params?: ParamValues;
}

/** Inputs that may stay blank in a filled row ("—": no fuel data), so they never blank a formula out. */
function optionalKeys(expr: Expr, out = new Set<string>()): Set<string> {
  if (expr instanceof WhenBlank) expr.blankKeys.forEach((k) => out.add(k));
  for (const child of children(expr)) optionalKeys(child, out);
  return out;
}

function children(expr: Expr): Expr[] {
  const e = expr as unknown as {
    left?: Expr;
    right?: Expr;
    arg?: Expr;
    then?: Expr;
    otherwise?: Expr;
    args?: Expr[];
  };
  return [e.left, e.right, e.arg, e.then, e.otherwise, ...(e.args ?? [])].filter(
    (x): x is Expr => x !== undefined,
  );
}

function scopeOf(quantities: readonly QuantitySpec[], layout: ExcelLayout): ExcelScope {
  const byKey = new Map(quantities.map((q) => [q.key, q]));
  return {
    address: (key) => layout.addresses[key] ?? null,
    inline: (key) => byKey.get(key)?.expr ?? null,
    range: (key) => layout.ranges?.[key] ?? null,
    param: (key, declared) => {
      const override = layout.params?.[key];
      return override !== undefined && override !== null ? Decimal.from(override) : declared;
    },
  };
}

/** The keys of the cells a formula reads, through inlined quantities that have no cell of their own. */
function cellKeys(expr: Expr, quantities: readonly QuantitySpec[], layout: ExcelLayout): string[] {
  const out: string[] = [];
  const visit = (key: string) => {
    if (layout.addresses[key] !== undefined) {
      if (!out.includes(key)) out.push(key);
      return;
    }
    const inner = quantities.find((q) => q.key === key)?.expr;
    if (inner) inner.keys().forEach(visit);
  };
  expr.keys().forEach(visit);
  return out;
}

/**
 * "=Q5-ROUNDDOWN(R5*9.484,0)": the quantity's formula over this row's cells. Null where Excel has no native form
 * (steam tables) or a cell it needs is missing from the layout: the caller then writes the value.
 * With `blankGuard`, the formula shows "" while an input it needs is blank, so an unfilled template row shows
 * nothing instead of #DIV/0!, and blanks pass down the chain (3.3 → 3.10 → 3.11).
 */
export function excelFormula(
  q: QuantitySpec,
  quantities: readonly QuantitySpec[],
  layout: ExcelLayout,
  options: { blankGuard?: boolean } = {},
): string | null {
  if (!q.expr) return null;
  let body: string;
  try {
    body = q.expr.excel(scopeOf(quantities, layout));
  } catch (e) {
    if (e instanceof NoExcelForm || e instanceof MissingValue || (e as { code?: string }).code === "#N/A")
      return null;
    throw e;
  }
  if (!options.blankGuard) return `=${body}`;
  const optional = optionalKeys(q.expr);
  const needed = cellKeys(q.expr, quantities, layout).filter((k) => !optional.has(k));
  if (needed.length === 0) return `=${body}`;
  const blank = needed.map((key) => `${layout.addresses[key]}=""`);
  return `=IF(${blank.length === 1 ? blank[0] : `OR(${blank.join(",")})`},"",${body})`;
}

/** The cell keys a quantity's Excel formula reads in this layout (for checking that Excel reads them as we do). */
export function formulaInputs(
  q: QuantitySpec,
  quantities: readonly QuantitySpec[],
  layout: ExcelLayout,
): string[] {
  return q.expr ? cellKeys(q.expr, quantities, layout) : [];
}
