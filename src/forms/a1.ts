// Cell addresses in the A1 form people read ("別紙1!K12"), from the core's 0-based references.
import type { CellRef } from "../types";

/** Excel's grid: rows 1–1,048,576 and columns A–XFD. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

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

/** "A" → 0, "Z" → 25, "AA" → 26 (either case). */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
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
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/**
 * "AB12" (a cell's address as a package writes it: no $, no sheet) → 0-based row and column, null when it is not a
 * cell inside Excel's grid. No regular expression: the package reader parses one per cell.
 */
export function parseAddress(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  while (i < ref.length && i < 4) {
    const c = ref.charCodeAt(i);
    const up = c >= 97 && c <= 122 ? c - 32 : c;
    if (up < 65 || up > 90) break;
    col = col * 26 + (up - 64);
    i++;
  }
  if (i === 0 || i === ref.length || ref.length - i > 7) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (row < 1 || row > EXCEL_MAX_ROWS || col > EXCEL_MAX_COLS) return null;
  return { row: row - 1, col: col - 1 };
}
