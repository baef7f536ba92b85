// The 別紙1 columns of every methodology by quantity key: what the per-quantity rules of 別紙1 are made from.
import { methodologies } from "../../../methodology";
import type { QuantityDeclaration } from "../../../methodology";

/** Each quantity with a 別紙1 column, in every methodology. */
export function columnQuantities(): QuantityDeclaration[] {
  return methodologies().flatMap((m) => m.quantities.filter((q) => q.column));
}

/**
 * Each key's 別紙1 places: a key that is a column of several methodologies (emKg: 3.10 EM_WB, 3.5 EMP) names each
 * place; and whether it is derived.
 */
export function columnPlaces(): Map<string, { derived: boolean; where: string[] }> {
  const places = new Map<string, { derived: boolean; where: string[] }>();
  for (const q of columnQuantities()) {
    const entry = places.get(q.key) ?? { derived: q.role === "derived", where: [] };
    const where = `${q.column} ${q.symbol}`;
    if (!entry.where.includes(where)) entry.where.push(where);
    places.set(q.key, entry);
  }
  return places;
}

/** The instances of a per-quantity rule ("projectList.<key>.recompute") for `keys`, each with its 別紙1 columns. */
export function instancesOf(pattern: string, keys: string[]): { id: string; where: string }[] {
  const places = columnPlaces();
  return keys.map((key) => ({
    id: pattern.replace("<key>", key),
    where: places.get(key)?.where.join(" / ") ?? key,
  }));
}
