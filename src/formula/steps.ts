// A derivation step as the sides of its "=", for every place that prints one (no imports: the pane's bundle keeps it).
import type { DerivationStep } from "./expr";

/**
 * ["Q_WB", "Q_BL − ROUNDDOWN(E_PS × 9.484, 0)", "257,572,286 − 71,490,629", "186,081,657"]: the symbol, the formula,
 * the values put in and the result as `shown` writes it. A rounding inside a formula is its own first side
 * ("ROUNDDOWN(E_PS × 9.484, 0)"); a side that would repeat the one before it is left out.
 */
export function stepParts(step: DerivationStep, shown: (result: string) => string): string[] {
  const parts = [step.symbol, step.formula, step.substituted, shown(step.result)];
  return parts.filter((p, i) => i === 0 || p !== parts[i - 1]);
}
