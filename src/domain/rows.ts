// The row evaluator: a 別紙1 row's inputs, its derived values and their derivations down to its cells, and the 合計
// (R6) over the rows — what the checks, the fill, explain and the report all compute a row with.
import { Decimal } from "../numbers";
import { GecError, isGecError } from "../errors";
import { evaluateQuantities } from "../formula";
import type { MethodologyDeclaration, RowInputs } from "../methodology";
import { formatRef } from "../forms/a1";
import type { ProjectList, ProjectRow } from "../forms/submission";
import type { DerivationStep } from "../types";
import { decimalOf } from "../forms/fields";

/** Inputs of a row for its formulas; null where an input cell cannot be read (its own finding says so). */
export function rowInputs(row: ProjectRow, declaration: MethodologyDeclaration): RowInputs | null {
  const inputs: RowInputs = {};
  for (const q of declaration.quantities) {
    if (q.role !== "input") continue;
    const field = row.numbers[q.key];
    if (field && field.reading.kind === "invalid") return null;
    inputs[q.key] = decimalOf(field);
  }
  return inputs;
}

/** The A1 address of each quantity's cell on a row. */
function rowCells(row: ProjectRow): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, field] of Object.entries(row.numbers)) cells[key] = formatRef(field.ref);
  return cells;
}

/** The steps that give `key` on `row` (its dependencies first), or the GecError that says why there is no value. */
export function rowDerivation(
  row: ProjectRow,
  declaration: MethodologyDeclaration,
  key: string,
): { value: Decimal; steps: DerivationStep[] } | GecError {
  const inputs = rowInputs(row, declaration);
  if (!inputs) {
    return new GecError("#VALUE!", {
      ja: "行の入力に数値として読めないセルがあります。",
      en: "An input of the row cannot be read as a number.",
    });
  }
  try {
    const e = evaluateQuantities(declaration.quantities, inputs, [key], {
      trace: true,
      cells: rowCells(row),
    });
    return { value: e.values[key], steps: e.steps };
  } catch (e) {
    if (isGecError(e)) return e;
    throw e;
  }
}

/** The quantities a quantity's formula reads, however deep, and itself: whose steps make its derivation. */
function closureOf(declaration: MethodologyDeclaration, key: string): Set<string> {
  const byKey = new Map(declaration.quantities.map((q) => [q.key, q]));
  const symbols = new Set<string>();
  const visit = (k: string) => {
    const q = byKey.get(k);
    if (!q || symbols.has(q.symbol)) return;
    symbols.add(q.symbol);
    for (const dep of q.expr?.keys() ?? []) visit(dep);
  };
  visit(key);
  return symbols;
}

/**
 * The derivations of several quantities of one row from one evaluation (the working paper asks for every derived
 * column of 5,000 rows): each gets the steps of the quantities its formula reads and its own, in order. Where the
 * evaluation fails (one quantity has no value), each is derived on its own, so the others still get theirs.
 */
export function rowDerivations(
  row: ProjectRow,
  declaration: MethodologyDeclaration,
  keys: string[],
): Map<string, { value: Decimal; steps: DerivationStep[] } | GecError> {
  const out = new Map<string, { value: Decimal; steps: DerivationStep[] } | GecError>();
  const inputs = rowInputs(row, declaration);
  if (inputs) {
    try {
      const e = evaluateQuantities(declaration.quantities, inputs, keys, {
        trace: true,
        cells: rowCells(row),
      });
      for (const key of keys) {
        const closure = closureOf(declaration, key);
        const steps = e.steps.filter((step) =>
          closure.has(step.kind === "quantity" ? step.symbol : (step.partOf ?? "")),
        );
        out.set(key, { value: e.values[key], steps });
      }
      return out;
    } catch (e) {
      if (!isGecError(e)) throw e;
    }
  }
  for (const key of keys) out.set(key, rowDerivation(row, declaration, key));
  return out;
}

/** The values when every one is known (the rows' t that R6 sums), else null. */
export function everyKnown(values: (Decimal | null)[]): Decimal[] | null {
  const known = values.filter((v): v is Decimal => v !== null);
  return known.length === values.length ? known : null;
}

/** The 合計 (R6) from the rows' tCO2 (the declaration's tonnes column), each cell listed. */
export function totalDerivation(
  list: ProjectList,
  declaration: MethodologyDeclaration,
  rowTonnes: Decimal[],
  trace = true,
): { value: Decimal; steps: DerivationStep[] } {
  // the cells are named only for a derivation someone reads: 10,000 A1 texts are not free
  const cells = trace
    ? list.rows
        .map((r) => r.numbers[declaration.form.tonnesKey])
        .flatMap((f) => (f ? [formatRef(f.ref)] : []))
    : [];
  const e = evaluateQuantities([...declaration.quantities, declaration.total], {}, [declaration.total.key], {
    trace,
    columns: { [declaration.form.tonnesKey]: { values: rowTonnes, cells } },
  });
  return { value: e.values[declaration.total.key], steps: e.steps };
}

/** Derived values by row, computed once per row and declaration: the column rules and 別紙2's R7 both need them. */
const derivedByRow = new WeakMap<
  ProjectRow,
  { declaration: MethodologyDeclaration; result: Record<string, Decimal> | GecError }
>();

/** A row's derived values, or the GecError that says why its inputs give none. */
export function deriveRow(
  row: ProjectRow,
  inputs: RowInputs,
  declaration: MethodologyDeclaration,
): Record<string, Decimal> | GecError {
  const known = derivedByRow.get(row);
  if (known && known.declaration === declaration) return known.result;
  let result: Record<string, Decimal> | GecError;
  try {
    result = declaration.derive(inputs);
  } catch (e) {
    if (!isGecError(e)) throw e;
    result = e;
  }
  derivedByRow.set(row, { declaration, result });
  return result;
}

/** Each row's tCO2 as the formulas give it (null where its inputs cannot be read). */
export function recomputedTonnes(
  rows: ProjectRow[],
  declaration: MethodologyDeclaration,
): (Decimal | null)[] {
  return rows.map((row) => {
    const inputs = rowInputs(row, declaration);
    if (!inputs) return null;
    const result = deriveRow(row, inputs, declaration);
    return isGecError(result) ? null : (result[declaration.form.tonnesKey] ?? null);
  });
}
