// The package-preserving writer: a WritePlan applied to the original .xlsx by rewriting only the planned <c> elements.
//
// Every entry other than the changed sheets is carried over with identical content (re-deflated, same order).
// Choices, each because Excel would otherwise repair or mislead:
// - text is written as inline strings (`t="inlineStr"`, or `t="str"` as a formula's cached result): the shared
//   string table stays byte-identical and no other cell's index moves;
// - a number format adds one `cellXfs` entry (a copy of the cell's own xf with the new numFmtId) to styles.xml,
//   and a `numFmt` when the code is not built in; styles.xml is untouched when no write sets a format;
// - when a written cell gets or had a formula, xl/calcChain.xml is removed with its relationship and content
//   type (Excel rebuilds the chain; a stale one makes it "repair" the file), and workbook.xml gets
//   `fullCalcOnLoad="1"` only when a formula is written, so that Excel recomputes every dependent cell;
// - a cell that was the master of a shared formula hands its formula to each cell of its group, moved to that
//   cell as Excel moves it (string literals untouched) and with its cached value kept, so that no cell changes;
// - the sheet's `<dimension>` and row `spans` are left as they are (hints Excel does not require to be exact);
// - cells are found by the reader's own parse (locateSheet), never by a pattern over the text: a `<c>` inside a
//   comment, CDATA or a processing instruction is not a cell, and a sheet with two `<c>` for one cell is refused
//   by the reader and the writer alike (Excel "repairs" such a file, so which copy it shows is not certain);
// - the written package is read back: each planned cell must hold its planned value, formula and format, and
//   every other cell what it held before, or the write is an error (xlsx.writeFailed), never a success.
import type { CellValue, CellWrite, Grid, SheetGrid, WritePlan } from "../src/types";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, XlsxError } from "./errors";
import { cellAddress } from "../src/forms/a1";
import { inspectXlsx } from "./inspect";
import { escapeText } from "./xmlText";

export { escapeText } from "./xmlText";
import {
  BUILTIN_FORMATS,
  decodeTwice,
  firstCovering,
  isDateFormat,
  locateSheet,
  readGrid,
  sheetEntries,
  slideFormula,
} from "./read";
import type { SheetLocation, SheetPart, Span } from "./read";
import { readAllEntries, zipEntries } from "./zip";

/**
 * Larger than the reader's: the writer inflates every part (images included) to carry it over. A 50 MB file
 * of stored images inflates to about 50 MB; anything far beyond is a bomb in a part the reader skipped.
 */
const WRITER_TOTAL_BYTES = 128 * 1024 * 1024;
const WRITER_ENTRY_BYTES = 64 * 1024 * 1024;

const utf8 = new TextEncoder();
const text = (b: Uint8Array) => new TextDecoder("utf-8").decode(b);

function badRef(write: CellWrite, what: string): XlsxError {
  const at = `${write.ref.sheet} (${write.ref.row}, ${write.ref.col})`;
  return new XlsxError(
    "xlsx.badRef",
    {
      ja: `書き込み先のセルが正しくありません: ${at}（${what}）。`,
      en: `Invalid cell to write: ${at} (${what}).`,
    },
    write.ref.sheet,
  );
}

function checkWrite(write: CellWrite): void {
  const { row, col } = write.ref;
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0) throw badRef(write, "row/col");
  if (row >= EXCEL_MAX_ROWS || col >= EXCEL_MAX_COLS) throw badRef(write, "range");
  if (typeof write.value === "number" && !Number.isFinite(write.value)) {
    throw new XlsxError("xlsx.badValue", {
      ja: `${address(row, col)} に有限でない数値（${write.value}）を書こうとしました。入力を確認してください。`,
      en: `A non-finite number (${write.value}) was to be written at ${address(row, col)}. Check the inputs.`,
    });
  }
}

const address = (row: number, col: number) => cellAddress({ row, col });

const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

function decodeAttr(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e] ?? "";
  });
}

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1], decodeAttr(m[2] ?? m[3] ?? ""));
  return out;
}

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

/**
 * Adds cellXfs (and numFmts) entries on demand; leaves styles.xml untouched when never asked. styles.xml is
 * parsed once and the new entries are appended when the result is asked for (linear in the number of styles).
 */
class StylePatcher {
  private readonly xml: string;
  private readonly cache = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly addedFormats: string[] = [];
  private readonly addedXfs: string[] = [];
  private xfBlock: {
    start: number;
    end: number;
    prefix: string;
    attrs: string;
    inner: string;
    xfs: string[];
  } | null = null;
  changed = false;

  constructor(xml: string) {
    this.xml = xml;
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*?)\/?>/g)) {
      const a = attrs(m[1]);
      const id = parseInt(a.get("numFmtId") ?? "", 10);
      if (Number.isInteger(id)) {
        this.formats.set(a.get("formatCode") ?? "", id);
        this.nextFormatId = Math.max(this.nextFormatId, id + 1);
      }
    }
  }

  private formatId(code: string): number {
    if (code === "General") return 0;
    for (const [id, f] of Object.entries(BUILTIN_FORMATS)) if (f === code) return Number(id);
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.addedFormats.push(`numFmtId="${id}" formatCode="${escapeAttr(code)}"`);
    this.formats.set(code, id);
    return id;
  }

  private cellXfs() {
    if (this.xfBlock) return this.xfBlock;
    const block = /<((?:[\w.-]+:)?)cellXfs\b([^>]*)>([\s\S]*?)<\/\1cellXfs>/.exec(this.xml);
    if (!block) throw noStyles();
    const p = block[1];
    const xfs = [...block[3].matchAll(new RegExp(`<${p}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}xf>)`, "g"))].map(
      (m) => m[0],
    );
    this.xfBlock = {
      start: block.index,
      end: block.index + block[0].length,
      prefix: p,
      attrs: block[2],
      inner: block[3],
      xfs,
    };
    return this.xfBlock;
  }

  /** The index of an xf like `base` but with the format `code`. */
  indexFor(base: number, code: string): number {
    const key = `${base}\u0000${code}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const formatId = this.formatId(code);
    const { prefix: p, xfs } = this.cellXfs();
    const source =
      xfs[base] ?? xfs[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<[^>]*?(\/?)>/.exec(source)?.[0] ?? "";
    let tag = open.replace(/\s+numFmtId\s*=\s*"[^"]*"/, "").replace(/\s+applyNumberFormat\s*=\s*"[^"]*"/, "");
    tag = tag.replace(new RegExp(`^<${p}xf`), `<${p}xf numFmtId="${formatId}" applyNumberFormat="1"`);
    const index = xfs.length + this.addedXfs.length;
    this.addedXfs.push(tag + source.slice(open.length));
    this.cache.set(key, index);
    this.changed = true;
    return index;
  }

  result(): string {
    if (!this.changed) return this.xml;
    const edits: Edit[] = [];
    if (this.addedFormats.length > 0) {
      const block = /<((?:[\w.-]+:)?)numFmts\b([^>]*?)(\/?)>/.exec(this.xml);
      if (block) {
        const p = block[1];
        const entries = this.addedFormats.map((e) => `<${p}numFmt ${e}/>`).join("");
        let existing = 0;
        if (block[3] !== "/") {
          const close = this.xml.indexOf(`</${p}numFmts>`, block.index);
          const inner = this.xml.slice(block.index + block[0].length, close < 0 ? block.index : close);
          existing = [...inner.matchAll(new RegExp(`<${p}numFmt\\b`, "g"))].length;
        }
        const count = existing + this.addedFormats.length;
        const open = `<${p}numFmts${block[2].replace(/\s*count\s*=\s*"[^"]*"/, "")} count="${count}">`;
        const text = block[3] === "/" ? `${open}${entries}</${p}numFmts>` : `${open}${entries}`;
        edits.push({ start: block.index, end: block.index + block[0].length, text });
      } else {
        const root = /<((?:[\w.-]+:)?)styleSheet\b[^>]*>/.exec(this.xml);
        if (!root) throw noStyles();
        const p = root[1];
        const at = root.index + root[0].length;
        const entries = this.addedFormats.map((e) => `<${p}numFmt ${e}/>`).join("");
        edits.push({
          start: at,
          end: at,
          text: `<${p}numFmts count="${this.addedFormats.length}">${entries}</${p}numFmts>`,
        });
      }
    }
    const x = this.cellXfs();
    const p = x.prefix;
    const head = `<${p}cellXfs${x.attrs.replace(/\s*count\s*=\s*"[^"]*"/, "")} count="${x.xfs.length + this.addedXfs.length}">`;
    edits.push({
      start: x.start,
      end: x.end,
      text: `${head}${x.inner}${this.addedXfs.join("")}</${p}cellXfs>`,
    });
    return splice(this.xml, edits);
  }
}

function noStyles(): XlsxError {
  return new XlsxError("xlsx.corrupt", {
    ja: "ブックに書式の定義（xl/styles.xml）がないため、表示形式を書き込めません。Excel で保存し直してください。",
    en: "The workbook has no style part (xl/styles.xml), so a number format cannot be written. Re-save it in Excel.",
  });
}

interface Edit {
  start: number;
  end: number;
  text: string;
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

function splice(xml: string, edits: Edit[]): string {
  // stable by position: inserts at one point keep the order they were planned in
  const sorted = edits.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const s of sorted) {
    out.push(xml.slice(at, s.start), s.text);
    at = Math.max(at, s.end);
  }
  out.push(xml.slice(at));
  return out.join("");
}

function setFullCalc(xml: string): string {
  const calc = /<((?:[\w.-]+:)?)calcPr\b([^>]*?)(\/?)>/.exec(xml);
  if (calc) {
    const inner = /fullCalcOnLoad\s*=\s*"[^"]*"/.test(calc[2])
      ? calc[2].replace(/fullCalcOnLoad\s*=\s*"[^"]*"/, 'fullCalcOnLoad="1"')
      : `${calc[2]} fullCalcOnLoad="1"`;
    return (
      xml.slice(0, calc.index) +
      `<${calc[1]}calcPr${inner}${calc[3]}>` +
      xml.slice(calc.index + calc[0].length)
    );
  }
  const sheets = /<((?:[\w.-]+:)?)sheets\b/.exec(xml);
  const p = sheets?.[1] ?? "";
  // calcPr follows sheets, functionGroups, externalReferences and definedNames (schema order)
  for (const after of ["definedNames", "externalReferences", "functionGroups", "sheets"]) {
    const close = new RegExp(`</${p}${after}>|<${p}${after}\\b[^>]*/>`).exec(xml);
    if (close) {
      const at = close.index + close[0].length;
      return `${xml.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
    }
  }
  return xml;
}

function dropCalcChainRefs(name: string, xml: string): string {
  if (name === "[Content_Types].xml")
    return xml.replace(/<(?:[\w.-]+:)?Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/g, "");
  return xml.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*Target="(?:\/xl\/)?calcChain\.xml"[^>]*\/>/g, "");
}

/** The plan's writes by the sheet's entry name; a write to a sheet the package lacks is refused. */
function writesBySheet(
  plan: WritePlan,
  sheets: { name: string; entry: string }[],
  hasEntry: (entry: string) => boolean,
): Map<string, CellWrite[]> {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of plan) {
    const sheet = sheets.find((s) => s.name === w.ref.sheet);
    if (!sheet || !hasEntry(sheet.entry)) {
      throw new XlsxError(
        "xlsx.noSheet",
        {
          ja: `シート「${w.ref.sheet}」がブックにありません。シート名を変えていないか確認してください。`,
          en: `The workbook has no sheet "${w.ref.sheet}". Check that the sheet was not renamed.`,
        },
        w.ref.sheet,
      );
    }
    const list = bySheet.get(sheet.entry) ?? [];
    list.push(w);
    bySheet.set(sheet.entry, list);
  }
  return bySheet;
}

/** The calculation chain's references out of the content types and the workbook's rels (it is dropped). */
function dropCalcChain(
  find: (name: string) => { data: Uint8Array } | undefined,
  replaced: Map<string, Uint8Array>,
): void {
  for (const name of ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"]) {
    const e = find(name);
    if (e)
      replaced.set(
        name,
        utf8.encode(
          dropCalcChainRefs(name, text(replaced.get(name) ? (replaced.get(name) as Uint8Array) : e.data)),
        ),
      );
  }
}

/**
 * Applies a plan to the package `bytes` and returns the new package; `original` is readGrid(bytes) when the
 * caller has it already (the read-back compares against it). Checks every write (sheet, cell, finite
 * number) before changing anything; a later write to a cell replaces an earlier one (a revert after a fill).
 */
export function patchPackage(bytes: Uint8Array, plan: WritePlan, original?: Grid): Uint8Array {
  inspectXlsx(bytes);
  for (const w of plan) checkWrite(w);
  const deadline = Date.now() + 30_000;
  const entries = readAllEntries(
    bytes,
    () => {
      if (Date.now() > deadline)
        throw new XlsxError("xlsx.overBudget", {
          ja: "書き出しに時間がかかりすぎます。",
          en: "Writing takes too long.",
        });
    },
    { entryBytes: WRITER_ENTRY_BYTES, totalBytes: WRITER_TOTAL_BYTES },
  );
  const find = (name: string) => entries.find((e) => e.name === name);
  const workbook = find("xl/workbook.xml");
  const rels = find("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) {
    throw new XlsxError("xlsx.notXlsx", {
      ja: "Excel ブックではありません（xl/workbook.xml がありません）。.xlsx ファイルを選んでください。",
      en: "This is not an Excel workbook (no xl/workbook.xml). Choose an .xlsx file.",
    });
  }
  const sheets = sheetEntries(workbook.data, rels.data);
  const bySheet = writesBySheet(plan, sheets, (entry) => find(entry) !== undefined);
  const stylesEntry = find("xl/styles.xml");
  const styles = stylesEntry ? new StylePatcher(text(stylesEntry.data)) : null;
  const styleFor = (current: string | null, w: CellWrite): string | null => {
    if (w.numberFormat === undefined) return current;
    if (!styles) throw noStyles();
    return String(styles.indexFor(current === null ? 0 : parseInt(current, 10) || 0, w.numberFormat));
  };
  let formulaInvolved = false;
  const replaced = new Map<string, Uint8Array>();
  for (const [entry, writes] of bySheet) {
    const data = find(entry)?.data ?? new Uint8Array(0);
    const name = sheets.find((x) => x.entry === entry)?.name ?? entry;
    const patched = patchSheetXml(text(data), writes, styleFor, name);
    if (patched.formulas) formulaInvolved = true;
    replaced.set(entry, utf8.encode(patched.xml));
  }
  if (styles?.changed && stylesEntry) replaced.set(stylesEntry.name, utf8.encode(styles.result()));
  const wroteFormula = plan.some((w) => w.formula !== undefined && w.formula !== "");
  if (wroteFormula) replaced.set(workbook.name, utf8.encode(setFullCalc(text(workbook.data))));
  const dropChain = formulaInvolved && find("xl/calcChain.xml") !== undefined;
  if (dropChain) dropCalcChain(find, replaced);
  const out = entries
    .filter((e) => !(dropChain && e.name === "xl/calcChain.xml"))
    .map((e) => ({ name: e.name, data: replaced.get(e.name) ?? e.data }));
  const result = zipEntries(out);
  verifyPatch(original ?? readGrid(bytes), readGrid(result), plan);
  return result;
}

/** A cell of a Grid by its absolute position. */
function cellOf(sheet: SheetGrid | undefined, row: number, col: number) {
  const r = sheet ? row - sheet.origin.row : -1;
  const c = sheet ? col - sheet.origin.col : -1;
  return {
    value: sheet?.values[r]?.[c] ?? null,
    formula: sheet?.formulas?.[r]?.[c] ?? null,
    format: sheet?.numberFormats?.[r]?.[c] ?? null,
  };
}

function sameValue(a: CellValue, b: CellValue, format: string | null): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  // a date-formatted number is read back rounded to the millisecond, as a Date holds it
  return typeof a === "number" && typeof b === "number" && isDateFormat(format) && Math.abs(a - b) < 1e-8;
}

const shown = (v: CellValue | string) => (v === null ? "（空）/ (empty)" : JSON.stringify(v));

function writeFailed(sheet: string, row: number, col: number, ja: string, en: string): XlsxError {
  return new XlsxError("xlsx.writeFailed", {
    ja: `書き込み結果を確かめられませんでした: ${sheet}!${address(row, col)} ${ja}。ブックの構造が想定外のため、出力しません。Excel で保存し直してからもう一度実行してください。`,
    en: `The written workbook does not read back as planned: ${sheet}!${address(row, col)} ${en}. Nothing was written; re-save the workbook in Excel and run again.`,
  });
}

const plannedKey = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;

/**
 * The written package, read back with the reader, must hold each planned cell with its planned value, formula
 * and number format, and every other cell as it was: a plan that did not land is an error, never a success.
 */
function verifyPatch(before: Grid, after: Grid, plan: WritePlan): void {
  const planned = new Map<string, CellWrite>();
  for (const w of plan) planned.set(plannedKey(w.ref.sheet, w.ref.row, w.ref.col), w);
  for (const w of planned.values()) verifyWrite(after, w);
  for (const a of before.sheets)
    verifyUnplanned(
      a,
      after.sheets.find((x) => x.name === a.name),
      planned,
    );
}

/** A planned cell reads back with its value, formula and number format. */
function verifyWrite(after: Grid, w: CellWrite): void {
  const { sheet, row, col } = w.ref;
  const got = cellOf(
    after.sheets.find((x) => x.name === sheet),
    row,
    col,
  );
  const formula = w.formula !== undefined && w.formula !== "" ? `=${w.formula.replace(/^=/, "")}` : null;
  let value: CellValue = w.value ?? null;
  if (typeof value === "string" && formula !== null) value = decodeTwice(value);
  if (!sameValue(value, got.value, got.format)) {
    throw writeFailed(
      sheet,
      row,
      col,
      `は ${shown(value)} のはずが ${shown(got.value)} です`,
      `should be ${shown(value)} but reads ${shown(got.value)}`,
    );
  }
  if (formula !== got.formula) {
    throw writeFailed(
      sheet,
      row,
      col,
      `の数式は ${shown(formula)} のはずが ${shown(got.formula)} です`,
      `should have the formula ${shown(formula)} but has ${shown(got.formula)}`,
    );
  }
  if (w.numberFormat !== undefined) {
    const format = w.numberFormat === "General" ? null : w.numberFormat;
    if (format !== got.format)
      throw writeFailed(
        sheet,
        row,
        col,
        `の表示形式は ${shown(format)} のはずが ${shown(got.format)} です`,
        `should have the number format ${shown(format)} but has ${shown(got.format)}`,
      );
  }
}

/** The used range of a sheet's Grid (empty for a sheet that is not there). */
function spanOf(g: SheetGrid | undefined): { top: number; left: number; bottom: number; right: number } {
  if (!g) return { top: 0, left: 0, bottom: -1, right: -1 };
  return {
    top: g.origin.row,
    left: g.origin.col,
    bottom: g.origin.row + g.values.length - 1,
    right: g.origin.col + (g.values[0]?.length ?? 0) - 1,
  };
}

/** Every cell of sheet `a` not in the plan reads back as it was, over both used ranges. */
function verifyUnplanned(a: SheetGrid, b: SheetGrid | undefined, planned: Map<string, CellWrite>): void {
  const x = spanOf(a);
  const y = spanOf(b);
  for (let r = Math.min(x.top, y.top); r <= Math.max(x.bottom, y.bottom); r++) {
    for (let c = Math.min(x.left, y.left); c <= Math.max(x.right, y.right); c++) {
      if (planned.has(plannedKey(a.name, r, c))) continue;
      const old = cellOf(a, r, c);
      const now = cellOf(b, r, c);
      if (
        !sameValue(old.value, now.value, now.format) ||
        old.formula !== now.formula ||
        old.format !== now.format
      ) {
        throw writeFailed(
          a.name,
          r,
          c,
          `は書き換えの対象ではないのに変わりました（${shown(old.formula ?? old.value)} → ${shown(now.formula ?? now.value)}）`,
          `is not in the plan but changed (${shown(old.formula ?? old.value)} → ${shown(now.formula ?? now.value)})`,
        );
      }
    }
  }
}
