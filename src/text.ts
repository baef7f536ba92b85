// Cell contents quoted back to a person: shortened, so that a 100,000-character cell is never echoed whole.

/** At most this many characters of a cell are quoted in a message. */
export const ECHO_LIMIT = 40;

/**
 * The head of a text to quote: at most `limit` characters, cut on code points (a character outside the BMP is never
 * split), looking only at the start of a long text; `cut` when something was left off.
 */
export function headOf(text: string, limit = ECHO_LIMIT): { head: string; cut: boolean } {
  if (text.length <= limit) return { head: text, cut: false };
  const chars = Array.from(text.slice(0, limit * 2));
  if (chars.length <= limit && text.length <= limit * 2) return { head: text, cut: false };
  return { head: chars.slice(0, limit).join(""), cut: true };
}

/** The text of a cell value for a message: "head…（41 文字 / chars）" when it is longer than `limit` characters. */
export function shortened(value: unknown, limit = ECHO_LIMIT): string {
  const text = value === null || value === undefined ? "" : String(value);
  const { head, cut } = headOf(text, limit);
  return cut ? `${head}…（${text.length} 文字 / chars）` : head;
}

/** The most items a message lists before "ほか N 件 / and N more". */
export const LISTED = 12;

/**
 * Items for a message, at most LISTED of them: "a、b、c ほか 9 件" / "a, b, c and 9 more". `total` counts items the
 * caller never made (a period of 97,200 missing months is counted, not listed).
 */
export function listed(items: readonly string[], total = items.length): { ja: string; en: string } {
  const shown = items.slice(0, LISTED);
  const more = total - shown.length;
  // grouped as every number a person reads (97,164)
  const count = String(more).replace(/\B(?=(\d{3})+$)/g, ",");
  return {
    ja: shown.join("、") + (more > 0 ? ` ほか ${count} 件` : ""),
    en: shown.join(", ") + (more > 0 ? ` and ${count} more` : ""),
  };
}

/** A text as a regular expression that matches exactly it (a sheet name, a folded column label). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
