// The writer's sheet patcher: one sheet's planned <c> elements, rewritten or inserted where the reader reads them.
import type { CellValue, CellWrite } from "../src/types";
import { EXCEL_MAX_COLS, XlsxError } from "./errors";
import { escapeText } from "./xmlText";
import { firstCovering, locateSheet, slideFormula } from "./read";
import type { SheetLocation, SheetPart, Span } from "./read";
import { address, splice } from "./patchEdit";
import type { Edit } from "./patchEdit";

function cellXml(p: string, row: number, col: number, style: string | null, write: CellWrite): string {
  const head = `<${p}c r="${address(row, col)}"${style !== null ? ` s="${style}"` : ""}`;
  const value: CellValue = write.value ?? null;
  const formula =
    write.formula !== undefined && write.formula !== "" ? write.formula.replace(/^=/, "") : null;
  if (formula !== null) {
    const f = `<${p}f>${escapeText(formula)}</${p}f>`;
    if (value === null) return `${head}>${f}</${p}c>`;
    if (typeof value === "number") return `${head}>${f}<${p}v>${String(value)}</${p}v></${p}c>`;
    if (typeof value === "boolean") return `${head} t="b">${f}<${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
    return `${head} t="str">${f}<${p}v>${escapeText(value)}</${p}v></${p}c>`;
  }
  if (value === null) return `${head}/>`;
  if (typeof value === "number") return `${head}><${p}v>${String(value)}</${p}v></${p}c>`;
  if (typeof value === "boolean") return `${head} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  return `${head} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(value)}</${p}t></${p}is></${p}c>`;
}

const keyOf = (row: number, col: number) => row * EXCEL_MAX_COLS + col;

/** The planned writes of each row, a later write to the same cell winning. */
function writesByRow(writes: CellWrite[]): Map<number, CellWrite[]> {
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.ref.row) ?? [];
    const same = list.findIndex((x) => x.ref.col === w.ref.col);
    if (same >= 0) list.splice(same, 1);
    list.push(w);
    byRow.set(w.ref.row, list);
  }
  return byRow;
}

/** The kept cells inside each `<row>` element (same index as loc.rows), in document order. */
function cellsOfRows(loc: SheetLocation): number[][] {
  const cellsOfRow: number[][] = loc.rows.map(() => []);
  let k = 0;
  const order = loc.rows.map((_, j) => j).sort((x, y) => loc.rows[x].start - loc.rows[y].start);
  for (const i of loc.kept) {
    const at = loc.cells[i].start;
    while (k < order.length && loc.rows[order[k]].end <= at) k++;
    const r = order[k];
    if (r !== undefined && loc.rows[r].inner <= at && loc.cells[i].end <= loc.rows[r].innerEnd)
      cellsOfRow[r].push(i);
  }
  return cellsOfRow;
}

/** One sheet's XML being patched: the reader's view of it, indexed, and the edits planned so far. */
class SheetPatch {
  readonly edits: Edit[] = [];
  formulas = false;
  /** Shared groups whose master is rewritten. */
  readonly groups = new Set<string>();
  /** New rows: before the first row element of a later row, else at the end of sheetData. */
  readonly newRows: { at: number; text: string }[] = [];
  private readonly p: string;
  private readonly part: SheetPart;
  private readonly cellAt = new Map<number, number>();
  /** The first <row> element of each row number. */
  private readonly rowAt = new Map<number, number>();
  private readonly cellsOfRow: number[][];
  private readonly masterAt = new Map<number, string>();
  private columns: Int32Array | null = null;
  /** The first row element (document order) of a later row: as rows are patched in order, it can only move on. */
  private later = 0;

  constructor(
    private readonly xml: string,
    readonly loc: SheetLocation,
    readonly data: Span,
    private readonly styleFor: (current: string | null, write: CellWrite) => string | null,
  ) {
    this.p = loc.prefix;
    this.part = loc.part;
    for (const i of loc.kept) this.cellAt.set(keyOf(this.part.rows[i], this.part.cols[i]), i);
    loc.rows.forEach((r, k) => {
      if (!this.rowAt.has(r.row)) this.rowAt.set(r.row, k);
    });
    this.cellsOfRow = cellsOfRows(loc);
    for (const [si, m] of this.part.masters) this.masterAt.set(keyOf(m.row, m.col), si);
  }

  /** Row `r`'s writes (sorted by column): cells that exist are rewritten where they are, the others inserted. */
  patchRow(r: number, list: CellWrite[]): void {
    const { loc, part, p } = this;
    const missing: CellWrite[] = [];
    for (const w of list) if (w.formula) this.formulas = true;
    for (const w of list) {
      const i = this.cellAt.get(keyOf(r, w.ref.col));
      if (i === undefined) {
        missing.push(w);
        continue;
      }
      if (part.formulas.has(i)) this.formulas = true;
      const si = this.masterAt.get(keyOf(r, w.ref.col));
      if (si !== undefined) this.groups.add(si);
      const span = loc.cells[i];
      this.edits.push({
        start: span.start,
        end: span.end,
        text: cellXml(p, r, w.ref.col, this.styleFor(loc.attrs[i].s ?? null, w), w),
      });
    }
    if (missing.length > 0) this.insertCells(r, missing);
  }

  /** New cells of row `r`: in a new row element, in its self-closing one, or before the next cell of its row. */
  private insertCells(r: number, missing: CellWrite[]): void {
    const { loc, part, p } = this;
    const k = this.rowAt.get(r);
    if (k === undefined) {
      while (this.later < loc.rows.length && loc.rows[this.later].row <= r) this.later++;
      const next = loc.rows[this.later] as (typeof loc.rows)[number] | undefined;
      this.newRows.push({
        at: next ? next.start : this.data.innerEnd,
        text: `<${p}row r="${r + 1}">${missing.map((w) => this.newCell(r, w)).join("")}</${p}row>`,
      });
      return;
    }
    const row = loc.rows[k];
    if (row.selfClosing) {
      const open = this.xml.slice(row.start, row.end).replace(/\s*\/>$/, ">");
      this.edits.push({
        start: row.start,
        end: row.end,
        text: `${open}${missing.map((w) => this.newCell(r, w)).join("")}</${p}row>`,
      });
      return;
    }
    for (const w of missing) {
      const next = this.cellsOfRow[k].find((i) => part.rows[i] === r && part.cols[i] > w.ref.col);
      const at = next !== undefined ? loc.cells[next].start : row.innerEnd;
      this.edits.push({ start: at, end: at, text: this.newCell(r, w) });
    }
  }

  private newCell(r: number, w: CellWrite): string {
    return cellXml(this.p, r, w.ref.col, this.styleFor(this.newStyle(r, w.ref.col), w), w);
  }

  /** A new cell's style: its row's when the row has a custom format, else its column's. */
  private newStyle(r: number, col: number): string | null {
    const k = this.rowAt.get(r);
    if (k !== undefined) {
      const a = this.loc.rows[k].attrs;
      const fromRow = a.customFormat === "1" || a.customFormat === "true" ? (a.s ?? null) : null;
      if (fromRow !== null) return fromRow;
    }
    const byColumn = this.columns ?? firstCovering(this.loc.colStyles, 0, EXCEL_MAX_COLS);
    this.columns = byColumn;
    const def = byColumn[col];
    return def >= 0 ? String(this.loc.colStyles[def].style) : null;
  }

  /** A rewritten master hands its formula to each cell of its group, moved to that cell (the cached value stays). */
  moveSharedFormulas(written: Set<number>): void {
    const { loc, part, p } = this;
    if (this.groups.size === 0) return;
    for (const [i, si] of part.sharedOf) {
      if (!this.groups.has(si) || written.has(keyOf(part.rows[i], part.cols[i]))) continue;
      const master = part.masters.get(si);
      const f = loc.formulaSpans[i];
      if (!master || !f) continue;
      const own = slideFormula(master.formula, master, { row: part.rows[i], col: part.cols[i] });
      this.edits.push({ start: f.start, end: f.end, text: `<${p}f>${escapeText(own)}</${p}f>` });
    }
  }

  /** The new rows into sheetData (opened first when it is self-closing). */
  placeNewRows(): void {
    const { data, p } = this;
    if (data.selfClosing) {
      const open = this.xml.slice(data.start, data.end).replace(/\s*\/>$/, ">");
      const rows = this.newRows.map((x) => x.text).join("");
      this.edits.push({ start: data.start, end: data.end, text: `${open}${rows}</${p}sheetData>` });
    } else for (const x of this.newRows) this.edits.push({ start: x.at, end: x.at, text: x.text });
  }
}

/**
 * Rewrites the planned cells of one sheet's XML; returns the new XML and whether a formula cell was involved.
 * Cells are found by the reader's own parse (locateSheet): a cell is rewritten where the reader reads it, never
 * in a comment or a second copy (a sheet with two `<c>` for one cell is refused as the reader refuses it).
 */
export function patchSheetXml(
  xml: string,
  writes: CellWrite[],
  styleFor: (current: string | null, write: CellWrite) => string | null,
  sheet = "sheet",
): { xml: string; formulas: boolean } {
  const writtenRows = new Set(writes.map((w) => w.ref.row));
  const loc = locateSheet(sheet, xml, (row) => writtenRows.has(row));
  const data = loc.sheetData;
  if (!data)
    throw new XlsxError("xlsx.corrupt", {
      ja: "シートに sheetData がありません。",
      en: "The sheet has no sheetData.",
    });
  const patch = new SheetPatch(xml, loc, data, styleFor);
  for (const [r, list] of [...writesByRow(writes).entries()].sort((x, y) => x[0] - y[0])) {
    list.sort((x, y) => x.ref.col - y.ref.col);
    patch.patchRow(r, list);
  }
  patch.moveSharedFormulas(new Set(writes.map((w) => keyOf(w.ref.row, w.ref.col))));
  patch.placeNewRows();
  return { xml: splice(xml, patch.edits), formulas: patch.formulas };
}
