// Cell addresses in the A1 form people read ("別紙1!K12"), from the core's 0-based references.
import type { CellRef } from "../types";

/** The first columns' letters, made once: writers ask for them per cell, a million times for a large paper. */
const FIRST_COLUMNS = Array.from({ length: 256 }, (_, col) => lettersOf(col));

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  return FIRST_COLUMNS[col] ?? lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "K12" */
export function cellAddress(ref: Pick<CellRef, "row" | "col">): string {
  return `${columnLetters(ref.col)}${ref.row + 1}`;
}

/** "別紙1!K12", quoting sheet names the way Excel does when they hold spaces or punctuation. */
export function formatRef(ref: CellRef): string {
  const plain =
    /^[A-Za-z0-9_\u3040-\u30ff\u4e00-\u9fff\uff10-\uff19]+$/.test(ref.sheet) && !/^\d/.test(ref.sheet);
  const sheet = plain ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${cellAddress(ref)}`;
}

/** "K12" → { row: 11, col: 10 }; null for anything else. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
