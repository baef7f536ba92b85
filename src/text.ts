// Cell contents quoted back to a person: shortened, so that a 100,000-character cell is never echoed whole.

/** At most this many characters of a cell are quoted in a message. */
export const ECHO_LIMIT = 40;

/** The text of a cell value for a message, cut to ECHO_LIMIT characters with "…" (and its length said). */
export function shortened(value: unknown, limit = ECHO_LIMIT): string {
  const text = value === null || value === undefined ? "" : String(value);
  if (text.length <= limit) return text;
  return `${text.slice(0, limit - 1)}… (${text.length.toLocaleString("en-US")})`;
}
