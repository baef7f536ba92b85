// A sheet's parsed cells -> its SheetGrid: the used range, merged cells, shared formulas moved, values typed.
import type { CellValue, SheetGrid } from "../../src/types";
import { cellAddress } from "../../src/forms/a1";
import { BUDGET, EXCEL_MAX_COLS, XlsxError, corrupt, overBudget } from "../errors";
import { slideFormula } from "./formula";
import { Kind } from "./sheet";
import type { SheetPart } from "./sheet";
import { decodeTwice, unescapeX } from "./strings";
import { formatOf, isDateFormat } from "./styles";
import type { StylesPart } from "./styles";
import { tick } from "./xml";
import type { Budgets } from "./xml";

/** What the whole workbook may still take, counted down sheet by sheet. */
export interface Area {
  /** Cells of used range left for the remaining sheets. */
  left: number;
  /** Characters of formula text left (shared formulas are written out per cell in the Grid). */
  formulaChars: number;
}

/** The parts of the package a sheet's cells are read against. */
export interface WorkbookContext {
  strings: string[];
  styles: StylesPart | null;
  date1904: boolean;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 1 = a merged cell other than its range's first, 2 = such a cell present in the XML. */
const SLAVE = 1;
const PRESENT = 2;

/** Refuses a sheet where two `<c>` elements stand for one cell (Excel "repairs" such a file, keeping one of them). */
export function refuseDuplicates(name: string, part: SheetPart): void {
  if (!part.unordered) return;
  const keys = new Float64Array(part.n);
  for (let i = 0; i < part.n; i++) keys[i] = part.rows[i] * EXCEL_MAX_COLS + part.cols[i];
  keys.sort();
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[i - 1])
      throw duplicateCell(name, Math.floor(keys[i] / EXCEL_MAX_COLS), keys[i] % EXCEL_MAX_COLS);
  }
}

/** Two `<c>` for one cell: which of them Excel shows is not certain, so neither the reader nor the writer picks one. */
export function duplicateCell(sheet: string, row: number, col: number): XlsxError {
  const at = cellAddress({ row, col });
  return corrupt({
    ja: `シート「${sheet}」のセル ${at} が 2 回書かれています（Excel はこのファイルを修復します）`,
    en: `sheet "${sheet}" holds cell ${at} twice (Excel repairs such a file)`,
  });
}

function formulaBudget(): XlsxError {
  return overBudget(
    {
      ja: "数式の文字数の合計（共有数式はセルごとに数えます）",
      en: "The characters of formulas in total (a shared formula counted in each cell)",
    },
    BUDGET.formulaChars,
  );
}

/**
 * The Grid holds each shared formula moved into each cell of its group: counted before any is made, so that a
 * long master in many cells is refused at once instead of growing the heap first.
 */
function countFormulaChars(part: SheetPart, area: Area): void {
  for (const si of part.sharedOf.values()) {
    area.formulaChars -= part.masters.get(si)?.formula.length ?? 0;
    if (area.formulaChars < 0) throw formulaBudget();
  }
  for (const f of part.formulas.values()) {
    area.formulaChars -= f.length;
    if (area.formulaChars < 0) throw formulaBudget();
  }
}

/**
 * The merged cells other than each range's first (their value belongs to the range's first cell): a box of the
 * range, the whole range unless it is one line.
 */
function slaveBoxes(part: SheetPart): Box[] {
  return part.merges
    .map((m) =>
      m.top === m.bottom ? { ...m, left: m.left + 1 } : m.left === m.right ? { ...m, top: m.top + 1 } : m,
    )
    .filter((m) => m.left <= m.right && m.top <= m.bottom);
}

/** The used range: the cells that count and the merged cells; null for an empty sheet. */
function usedRange(part: SheetPart, slaves: Box[]): Box | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const grow = (r: number, c: number) => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  for (const m of slaves) {
    grow(m.top, m.left);
    grow(m.bottom, m.right);
  }
  // a blank styled cell counts only inside a merged range (where it lies inside the used range anyway)
  for (let i = 0; i < part.n; i++) {
    if (part.kinds[i] !== Kind.Blank || part.formulas.has(i) || !(part.styles[i] > 0))
      grow(part.rows[i], part.cols[i]);
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** Each slot of the used range marked SLAVE when a merged cell other than its range's first; null without merges. */
function mergeMask(
  part: SheetPart,
  box: Box,
  width: number,
  height: number,
  budgets: Budgets,
): Uint8Array | null {
  if (part.merges.length === 0) return null;
  const mask = new Uint8Array(height * width);
  for (const m of part.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const base = (r - box.top) * width - box.left;
      for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) mask[base + c] = SLAVE;
    }
    tick(budgets);
  }
  return mask;
}

function cellValue(
  kind: Kind,
  num: number,
  text: string | null,
  isFormula: boolean,
  strings: string[],
  format: string | null,
  date1904: boolean,
): CellValue {
  switch (kind) {
    case Kind.Blank:
      return null;
    case Kind.Shared:
      return isFormula ? numberOf(num, format, date1904) : (strings[num] ?? null);
    case Kind.Str:
      // `_xHHHH_` escapes hold in every string of a cell (ST_Xstring), not only in the shared strings
      return text === null ? null : decodeTwice(unescapeX(text));
    case Kind.Text:
      return isFormula ? numberOf(num, format, date1904) : text === null ? null : unescapeX(text);
    case Kind.Bool:
      return num !== 0;
    case Kind.Error:
      return text;
    default:
      return numberOf(num, format, date1904);
  }
}

/** The serial a date-formatted number stands for, rounded to the millisecond as a Date would hold it. */
function dateSerial(v: number, date1904: boolean): number | null {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return (ms + 25569 * 86_400_000) / 86_400_000 - (date1904 ? 1462 : 0);
}

function numberOf(v: number, format: string | null, date1904: boolean): CellValue {
  if (!Number.isFinite(v)) return null;
  return isDateFormat(format) ? dateSerial(v, date1904) : v;
}

/** The formula of cell i: its own, or its shared group's master moved to it. */
function formulaOf(name: string, part: SheetPart, i: number, r: number, c: number): string | null {
  const group = part.sharedOf.get(i);
  if (group === undefined) return part.formulas.get(i) ?? null;
  const master = part.masters.get(group);
  if (!master)
    throw corrupt({
      ja: `シート「${name}」: 共有数式の元がありません`,
      en: `sheet "${name}": shared formula without its master`,
    });
  return slideFormula(master.formula, master, { row: r, col: c });
}

/** The Grid's three arrays over the used range, a merged cell's slot marked PRESENT when it is in the XML. */
function placeCells(
  name: string,
  part: SheetPart,
  box: Box,
  mask: Uint8Array | null,
  context: WorkbookContext,
  budgets: Budgets,
): { values: (CellValue | null)[][]; formulas: (string | null)[][]; numberFormats: (string | null)[][] } {
  const { top, left, bottom, right } = box;
  const width = right - left + 1;
  const nulls = <T>(): (T | null)[][] =>
    Array.from({ length: bottom - top + 1 }, () => new Array<T | null>(width).fill(null));
  const values = nulls<CellValue>();
  const formulas = nulls<string>();
  const numberFormats = nulls<string>();
  for (let i = 0; i < part.n; i++) {
    const r = part.rows[i];
    const c = part.cols[i];
    const inside = r >= top && r <= bottom && c >= left && c <= right;
    const slot = inside ? (r - top) * width + (c - left) : -1;
    const slave = mask !== null && slot >= 0 && (mask[slot] & SLAVE) !== 0;
    if (slave && mask) mask[slot] |= PRESENT;
    const counts = part.kinds[i] !== Kind.Blank || part.formulas.has(i) || !(part.styles[i] > 0) || slave;
    if (!counts) continue;
    if ((i & 0xffff) === 0) tick(budgets);
    const format = formatOf(context.styles, part.styles[i]);
    numberFormats[r - top][c - left] = format;
    if (slave) continue;
    if (part.kinds[i] === Kind.Blank && !part.formulas.has(i)) continue;
    const f = formulaOf(name, part, i, r, c);
    formulas[r - top][c - left] = f === null ? null : `=${f}`;
    values[r - top][c - left] = cellValue(
      part.kinds[i] as Kind,
      part.nums[i],
      part.texts.get(i) ?? null,
      f !== null,
      context.strings,
      format,
      context.date1904,
    );
  }
  return { values, formulas, numberFormats };
}

/**
 * Merged cells that are not in the XML take the row's or the column's number format, as a new cell would.
 * The first column definition covering a column wins (as Array.find): filled in one pass over the definitions.
 */
function formatAbsentMerged(
  part: SheetPart,
  box: Box,
  mask: Uint8Array,
  styles: StylesPart | null,
  numberFormats: (string | null)[][],
): void {
  const width = box.right - box.left + 1;
  const covering = firstCovering(part.colStyles, box.left, width);
  const colFormat = Array.from(covering, (d) => (d < 0 ? null : formatOf(styles, part.colStyles[d].style)));
  for (let r = box.top; r <= box.bottom; r++) {
    const base = (r - box.top) * width;
    const rowStyle = part.rowStyles.get(r);
    const rowFormat = rowStyle !== undefined ? formatOf(styles, rowStyle) : null;
    for (let k = 0; k < width; k++) {
      if (mask[base + k] !== SLAVE) continue;
      numberFormats[r - box.top][k] = rowFormat || colFormat[k];
    }
  }
}

/** One sheet's Grid, within what the workbook may still take (`area`) and the read's budgets. */
export function sheetGrid(
  name: string,
  part: SheetPart,
  context: WorkbookContext,
  area: Area,
  budgets: Budgets,
): SheetGrid {
  refuseDuplicates(name, part);
  countFormulaChars(part, area);
  const slaves = slaveBoxes(part);
  const box = usedRange(part, slaves);
  if (!box) return { name, values: [], formulas: [], numberFormats: [], origin: { row: 0, col: 0 } };
  const height = box.bottom - box.top + 1;
  const width = box.right - box.left + 1;
  area.left -= height * width;
  if (area.left < 0) {
    throw new XlsxError("xlsx.gridTooLarge", {
      ja: `シート「${name}」の使用範囲が広すぎます（${height} 行 × ${width} 列）。表の外の不要なセルを削除して保存し直してください。`,
      en: `The used range of sheet "${name}" is too large (${height} rows × ${width} columns). Delete stray cells outside the tables and save again.`,
    });
  }
  tick(budgets);
  // bounded by the area above
  const mask = slaves.length > 0 ? mergeMask(part, box, width, height, budgets) : null;
  const { values, formulas, numberFormats } = placeCells(name, part, box, mask, context, budgets);
  if (mask) formatAbsentMerged(part, box, mask, context.styles, numberFormats);
  return { name, values, formulas, numberFormats, origin: { row: box.top, col: box.left } };
}

/**
 * For each of `width` columns from `left`, the index of the first definition that covers it (as Array.find would
 * give), or -1: one pass over the definitions, each column assigned once (a union-find of the unassigned ones).
 */
export function firstCovering(defs: { min: number; max: number }[], left: number, width: number): Int32Array {
  const out = new Int32Array(width).fill(-1);
  const next = Int32Array.from({ length: width + 1 }, (_, k) => k);
  const free = (k: number): number => {
    let j = k;
    while (next[j] !== j) j = next[j];
    for (let x = k; next[x] !== j;) {
      const y = next[x];
      next[x] = j;
      x = y;
    }
    return j;
  };
  defs.forEach((d, i) => {
    const from = Math.max(d.min - left, 0);
    const to = Math.min(d.max - left, width - 1);
    for (let k = from <= to ? free(from) : width; k <= to; k = free(k + 1)) {
      out[k] = i;
      next[k] = k + 1;
    }
  });
  return out;
}
