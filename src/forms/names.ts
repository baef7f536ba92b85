// Facility names compared once for the whole engine: 別紙1 against 別紙1添付, 別紙2 and the 熱実績管理表. One fold
// (NFKC, width, spaces, case, the "(yyyy年度)" suffix in any spelling) and one near-miss policy (one character off).
import { fiscalYearOf, normalizeText } from "../numbers";

/**
 * The trailing fiscal-year suffix of a name, NFKC-folded: "(2020年度)", "（２０２０年度）", "【令和2年度】", "R2年度",
 * with or without brackets and spaces. The year group accepts 4 digits or an era and its year.
 */
const SUFFIX = /\s*[([【〔]?\s*((?:\d{4})|(?:令和|平成|[RrHh])\s*(?:\d{1,2}|元))\s*年度\s*[)\]】〕]?\s*$/;

/** A name as typed, without its fiscal-year suffix ("X (2020年度)" → "X"); the name itself when it has none. */
export function withoutFiscalYear(name: string): string {
  const folded = name.normalize("NFKC");
  const m = SUFFIX.exec(folded);
  if (!m) return name.trim();
  // cut the typed text at the same number of code points the folded suffix starts at, when NFKC kept the length
  return (
    Array.from(folded).length === Array.from(name).length
      ? Array.from(name)
          .slice(0, Array.from(folded.slice(0, m.index)).length)
          .join("")
      : folded.slice(0, m.index)
  ).trim();
}

/** The fiscal year a name's suffix states ("（２０２０年度）", "(令和2年度)" → 2020), with the suffix folded. */
export function fiscalYearInName(name: string): { year: number; suffix: string } | null {
  const folded = name.normalize("NFKC");
  const m = SUFFIX.exec(folded);
  if (!m) return null;
  const year = fiscalYearOf(`${m[1]}年度`);
  if (year === null) return null;
  return { year, suffix: m[0].trim() };
}

/** The key two spellings of one facility share: no suffix, then normalizeText (width, spaces, case). */
export function facilityKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // each name is compared by several rules (identity, 別紙2, 別紙1添付, monitoring): fold it once
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(name, (key = normalizeText(withoutFiscalYear(name))));
  }
  return key;
}
const keys = new Map<string, string>();
/** Bounded: a hostile workbook of a million distinct names does not keep them all. */
const MAX_KEYS = 50_000;

/** Levenshtein distance over code points, stopping once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[y.length];
}

/** Fewest characters a key needs before one character off counts as a slip (稚/単 in a 22-character name). */
const NEAR_MISS_MIN_LENGTH = 6;

/** Two keys one character apart (a substitution, insertion or deletion), both long enough for that to be a slip. */
export function isNearMiss(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.min(Array.from(a).length, Array.from(b).length) < NEAR_MISS_MIN_LENGTH) return false;
  return editDistance(a, b, 1) === 1;
}

/**
 * Two keys that differ only in their numbers ("…1号機" and "…2号機", "設備 300" and "設備 600"): numbered units of
 * one site, never a one-character slip, where a rule must not take one for the other (the same facility claimed in
 * two workbooks).
 */
export function differsInNumber(a: string, b: string): boolean {
  const digits = /[0-9]+/g;
  return a !== b && a.replace(digits, "#") === b.replace(digits, "#");
}

export interface NameMatch<T> {
  item: T;
  /** One character off: matched, and the caller warns (a slip such as the seed's 稚板 for 単板). */
  nearMiss: boolean;
}

/**
 * Candidates indexed by key, for matching many names (a table or block per facility): the one with the same key,
 * or failing that the only one a near miss away (two near misses name neither). `eligible` filters candidates for
 * the near-miss step (a row already taken by an exact match).
 */
export class NameIndex<T> {
  private readonly byKey = new Map<string, T>();
  private readonly keyed: { key: string; item: T }[];

  constructor(candidates: readonly T[], keyOf: (item: T) => string) {
    this.keyed = candidates.map((item) => ({ key: keyOf(item), item }));
    for (const { key, item } of this.keyed) if (key !== "" && !this.byKey.has(key)) this.byKey.set(key, item);
  }

  match(name: string, eligible: (item: T) => boolean = () => true): NameMatch<T> | null {
    const key = facilityKey(name);
    if (key === "") return null;
    const exact = this.byKey.get(key);
    if (exact !== undefined) return { item: exact, nearMiss: false };
    const near = this.keyed.filter((c) => eligible(c.item) && isNearMiss(c.key, key));
    return near.length === 1 ? { item: near[0].item, nearMiss: true } : null;
  }
}

/** The candidate a name names (see NameIndex), for a single name. */
export function matchName<T>(
  name: string,
  candidates: readonly T[],
  keyOf: (item: T) => string,
  eligible?: (item: T) => boolean,
): NameMatch<T> | null {
  return new NameIndex(candidates, keyOf).match(name, eligible);
}
