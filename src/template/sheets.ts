// Where a template's sheets land in a workbook: Excel's sheet-name rules, free names, and references that follow a
// renamed sheet; and how each kind of template cell looks. One place for the Office.js and the ExcelJS adapters.
import type { TemplateCellKind, TemplatePrint } from "./types";
import { cellAddress } from "../forms/a1";

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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
