// Where a template's sheets land in a workbook: Excel's sheet-name rules, free names, and references that follow a
// renamed sheet; and how each kind of template cell looks. One place for the Office.js and the ExcelJS adapters.
import type { TemplateCell, TemplateCellKind, TemplateMerge, TemplatePrint } from "./types";
import { cellAddress } from "../forms/a1";
import { escapeRegExp } from "../text";

const MAX_SHEET_NAME = 31;

/** Truncates without splitting a surrogate pair, and without leaving a trailing apostrophe. */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(/'+$/, "");
}

/** Excel's rules: ≤ 31 characters, none of []:*?/\, no leading or trailing apostrophe, not "History". */
export function legalSheetName(name: string): string {
  let s = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "");
  if (s.trim() === "" || s.toLowerCase() === "history") s = `Sheet${s.trim() === "" ? "" : "_" + s}`;
  return truncate(s, MAX_SHEET_NAME);
}

/** "別紙1" → "別紙1 (2)", "別紙1 (3)", … until no sheet has the name (Excel compares names without case). */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  const base = legalSheetName(wanted);
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Rewrites references to renamed sheets ('別紙1'!A1 or 別紙1!A1 → '別紙1 (2)'!A1); text inside "…" is left alone. */
export function renameReferences(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  return formula
    .split('"')
    .map((part, i) => {
      if (i % 2 === 1) return part;
      for (const [from, to] of renames) {
        const quotedTo = `'${to.replace(/'/g, "''")}'!`;
        part = part.split(`'${from.replace(/'/g, "''")}'!`).join(quotedTo);
        const bare = new RegExp(`(^|[^\\w.'\\u0080-\\uffff])${escapeRegExp(from)}!`, "g");
        part = part.replace(bare, (_m, before: string) => before + quotedTo);
      }
      return part;
    })
    .join('"');
}

/** The look of a template cell: input cells light yellow and unlocked, derived cells light blue. Colours as RRGGBB. */
export interface CellLook {
  bold?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  border?: boolean;
  wrap?: boolean;
  unlocked?: boolean;
}

export const CELL_LOOKS: Record<TemplateCellKind, CellLook> = {
  title: { bold: true, size: 14 },
  heading: { bold: true, size: 11 },
  label: { bold: true, fill: "F2F2F2", border: true, wrap: true },
  input: { fill: "FFF2CC", border: true, unlocked: true },
  derived: { fill: "DDEBF7", border: true },
  note: { size: 9, fontColor: "595959" },
};

/** A sheet's print settings in A1 form for both adapters: the area ("A1:AC9") and the title rows (1-based). */
export function printRanges(print: TemplatePrint): {
  area: string;
  titleRows?: { first: number; last: number };
} {
  const { top, left, bottom, right } = print.area;
  const area = `${cellAddress({ row: top, col: left })}:${cellAddress({ row: bottom, col: right })}`;
  const t = print.titleRows;
  return t ? { area, titleRows: { first: t.first + 1, last: t.last + 1 } } : { area };
}

/** Excel's default column width (characters) and the height of one line of 11-point text (points). */
const DEFAULT_WIDTH = 8.43;
const LINE_POINTS = 14.5;
/** Excel's tallest row. */
const MAX_ROW_POINTS = 409;

/** A text's width in column units: East Asian wide characters (CJK, kana, full-width forms, ①) take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      width += 2; // a character beyond the BMP (𠮷): wide, its low surrogate skipped
      i++;
      continue;
    }
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2460 && cp <= 0x24ff) ||
      (cp >= 0x25a0 && cp <= 0x27bf) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * The height a row needs to show each wrapped text whole (spreadsheets keep a row one line high unless told, so a
 * long facility name would be cut on the page), or undefined where one line does. Lines are estimated from each
 * text's width over its cell's (merged columns included); a cell merged over several rows has room of its own.
 */
export function rowHeight(
  cells: readonly TemplateCell[],
  widths: readonly number[] = [],
  merges: readonly TemplateMerge[] = [],
): number | undefined {
  let lines = 1;
  for (const c of cells) {
    if (!(c.wrap ?? CELL_LOOKS[c.kind].wrap) || c.value === null || c.value === undefined) continue;
    const m = merges.find((x) => x.top === c.row && x.left === c.col);
    if (m && m.bottom > m.top) continue;
    let width = 0;
    for (let k = c.col; k <= (m?.right ?? c.col); k++) width += widths[k] ?? DEFAULT_WIDTH;
    const room = Math.max(1, width * 0.92);
    const text = String(c.value);
    // a text that fits even if every character were wide needs no measuring
    if (text.length * 2 <= room && !text.includes("\n")) continue;
    let n = 0;
    for (const line of text.split("\n")) n += Math.max(1, Math.ceil(displayWidth(line) / room));
    lines = Math.max(lines, n);
  }
  return lines > 1 ? Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 3) : undefined;
}
