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
// - a cell that was the master of a shared formula hands its formula text to each cell of its group (the same
//   formula per cell, written out), so that no cell loses its formula;
// - the sheet's `<dimension>` and row `spans` are left as they are (hints Excel does not require to be exact).
import type { CellValue, CellWrite, WritePlan } from "../src/types";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, XlsxError } from "./errors";
import { inspectXlsx } from "./inspect";
import { BUILTIN_FORMATS, parseAddress, sheetEntries, slideFormula } from "./read";
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

function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const address = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;

/** XML text: markup escaped, characters XML 1.0 cannot hold written as Excel's `_xHHHH_`. */
export function escapeText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

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

/** Adds cellXfs (and numFmts) entries on demand; leaves styles.xml untouched when never asked. */
class StylePatcher {
  private xml: string;
  private readonly cache = new Map<string, number>();
  private formats = new Map<string, number>();
  private nextFormatId = 164;
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
    const entry = `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`;
    const block = /<((?:[\w.-]+:)?)numFmts\b([^>]*?)(\/?)>/.exec(this.xml);
    if (block) {
      const p = block[1];
      const count = this.formats.size + 1;
      const open = `<${p}numFmts${block[2].replace(/\s*count\s*=\s*"[^"]*"/, "")} count="${count}">`;
      const withEntry =
        block[3] === "/"
          ? `${open}${entry.replace("<numFmt", `<${p}numFmt`)}</${p}numFmts>`
          : `${open}${entry.replace("<numFmt", `<${p}numFmt`)}`;
      this.xml = this.xml.slice(0, block.index) + withEntry + this.xml.slice(block.index + block[0].length);
    } else {
      const root = /<((?:[\w.-]+:)?)styleSheet\b[^>]*>/.exec(this.xml);
      if (!root) throw noStyles();
      const p = root[1];
      const at = root.index + root[0].length;
      this.xml = `${this.xml.slice(0, at)}<${p}numFmts count="1">${entry.replace("<numFmt", `<${p}numFmt`)}</${p}numFmts>${this.xml.slice(at)}`;
    }
    this.formats.set(code, id);
    return id;
  }

  /** The index of an xf like `base` but with the format `code`. */
  indexFor(base: number, code: string): number {
    const key = `${base}\u0000${code}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const formatId = this.formatId(code);
    const block = /<((?:[\w.-]+:)?)cellXfs\b([^>]*)>([\s\S]*?)<\/\1cellXfs>/.exec(this.xml);
    if (!block) throw noStyles();
    const p = block[1];
    const xfs = [...block[3].matchAll(new RegExp(`<${p}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}xf>)`, "g"))].map(
      (m) => m[0],
    );
    const source =
      xfs[base] ?? xfs[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<[^>]*?(\/?)>/.exec(source)?.[0] ?? "";
    let tag = open.replace(/\s+numFmtId\s*=\s*"[^"]*"/, "").replace(/\s+applyNumberFormat\s*=\s*"[^"]*"/, "");
    tag = tag.replace(new RegExp(`^<${p}xf`), `<${p}xf numFmtId="${formatId}" applyNumberFormat="1"`);
    const copy = tag + source.slice(open.length);
    const index = xfs.length;
    const head = `<${p}cellXfs${block[2].replace(/\s*count\s*=\s*"[^"]*"/, "")} count="${index + 1}">`;
    this.xml =
      this.xml.slice(0, block.index) +
      head +
      block[3] +
      copy +
      `</${p}cellXfs>` +
      this.xml.slice(block.index + block[0].length);
    this.cache.set(key, index);
    this.changed = true;
    return index;
  }

  result(): string {
    return this.xml;
  }
}

function noStyles(): XlsxError {
  return new XlsxError("xlsx.corrupt", {
    ja: "ブックに書式の定義（xl/styles.xml）がないため、表示形式を書き込めません。Excel で保存し直してください。",
    en: "The workbook has no style part (xl/styles.xml), so a number format cannot be written. Re-save it in Excel.",
  });
}

interface Span {
  start: number;
  end: number;
  text: string;
}

/** Rewrites the planned cells of one sheet's XML; returns the new XML and whether a formula cell was involved. */
export function patchSheetXml(
  xml: string,
  writes: CellWrite[],
  styleFor: (current: string | null, write: CellWrite) => string | null,
): { xml: string; formulas: boolean } {
  const open = /<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open)
    throw new XlsxError("xlsx.corrupt", {
      ja: "シートに sheetData がありません。",
      en: "The sheet has no sheetData.",
    });
  const p = open[1];
  const spans: Span[] = [];
  const contentStart = open.index + open[0].length;
  let contentEnd: number;
  if (open[2] === "/") {
    // <sheetData/> opens here; its closing tag is added after the new rows (below)
    spans.push({ start: open.index, end: contentStart, text: `<${p}sheetData>` });
    contentEnd = contentStart;
  } else {
    contentEnd = xml.indexOf(`</${p}sheetData>`, contentStart);
    if (contentEnd < 0)
      throw new XlsxError("xlsx.corrupt", {
        ja: "sheetData が閉じていません。",
        en: "sheetData is not closed.",
      });
  }
  // Column styles, for a new cell that sets no format of its own.
  const colStyles: { min: number; max: number; style: string }[] = [];
  for (const m of xml.slice(0, open.index).matchAll(new RegExp(`<${p}col\\b([^>]*?)/?>`, "g"))) {
    const a = attrs(m[1]);
    const style = a.get("style");
    if (style !== undefined)
      colStyles.push({ min: Number(a.get("min")) - 1, max: Number(a.get("max")) - 1, style });
  }
  // Rows of sheetData.
  interface Row {
    r: number;
    start: number;
    bodyStart: number;
    bodyEnd: number;
    end: number;
    selfClosing: boolean;
    style: string | null;
    open: string;
  }
  const rows: Row[] = [];
  const rowRx = new RegExp(`<${p}row\\b([^>]*?)(/?)>`, "g");
  rowRx.lastIndex = contentStart;
  let last = -1;
  for (let m = rowRx.exec(xml); m && m.index < contentEnd; m = rowRx.exec(xml)) {
    const a = attrs(m[1]);
    const r = a.has("r") ? parseInt(a.get("r") ?? "", 10) - 1 : last + 1;
    last = r;
    const bodyStart = m.index + m[0].length;
    const self = m[2] === "/";
    const bodyEnd = self ? bodyStart : xml.indexOf(`</${p}row>`, bodyStart);
    if (bodyEnd < 0)
      throw new XlsxError("xlsx.corrupt", { ja: "行が閉じていません。", en: "A row is not closed." });
    const end = self ? bodyStart : bodyEnd + `</${p}row>`.length;
    rows.push({
      r,
      start: m.index,
      bodyStart,
      bodyEnd,
      end,
      selfClosing: self,
      style: a.get("customFormat") === "1" || a.get("customFormat") === "true" ? (a.get("s") ?? null) : null,
      open: m[0],
    });
    rowRx.lastIndex = end;
  }
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.ref.row) ?? [];
    // a later write to the same cell wins
    const same = list.findIndex((x) => x.ref.col === w.ref.col);
    if (same >= 0) list.splice(same, 1);
    list.push(w);
    byRow.set(w.ref.row, list);
  }
  let formulas = false;
  const masters: { si: string; row: number; col: number; formula: string }[] = [];
  const newStyle = (row: Row | undefined, col: number): string | null =>
    row?.style ?? colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? null;

  for (const [r, list] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.ref.col - b.ref.col);
    const row = rows.find((x) => x.r === r);
    for (const w of list) if (w.formula) formulas = true;
    if (!row) {
      const cells = list
        .map((w) => cellXml(p, r, w.ref.col, styleFor(newStyle(undefined, w.ref.col), w), w))
        .join("");
      const next = rows.find((x) => x.r > r);
      const at = next ? next.start : contentEnd;
      spans.push({ start: at, end: at, text: `<${p}row r="${r + 1}">${cells}</${p}row>` });
      continue;
    }
    // Cells of the row.
    const cells: { col: number; start: number; end: number; tag: string; body: string }[] = [];
    const cellRx = new RegExp(`<${p}c\\b([^>]*?)(/?)>`, "g");
    cellRx.lastIndex = row.bodyStart;
    let col = -1;
    for (let m = cellRx.exec(xml); m && m.index < row.bodyEnd; m = cellRx.exec(xml)) {
      const a = attrs(m[1]);
      const at = a.has("r") ? parseAddress(a.get("r") ?? "") : null;
      col = at ? at.col : col + 1;
      const self = m[2] === "/";
      const close = self ? m.index + m[0].length : xml.indexOf(`</${p}c>`, m.index + m[0].length);
      if (close < 0)
        throw new XlsxError("xlsx.corrupt", { ja: "セルが閉じていません。", en: "A cell is not closed." });
      const end = self ? close : close + `</${p}c>`.length;
      cells.push({
        col,
        start: m.index,
        end,
        tag: m[1],
        body: self ? "" : xml.slice(m.index + m[0].length, close),
      });
      cellRx.lastIndex = end;
    }
    if (row.selfClosing) {
      // <row .../> becomes <row ...>cells</row>
      const inner = list
        .map((w) => cellXml(p, r, w.ref.col, styleFor(newStyle(row, w.ref.col), w), w))
        .join("");
      spans.push({
        start: row.start,
        end: row.end,
        text: `${row.open.replace(/\s*\/>$/, ">")}${inner}</${p}row>`,
      });
      continue;
    }
    for (const w of list) {
      const existing = cells.find((c) => c.col === w.ref.col);
      if (existing) {
        const f = new RegExp(`<${p}f\\b([^>]*?)(/?)>(?:([\\s\\S]*?)</${p}f>)?`).exec(existing.body);
        if (f) {
          formulas = true;
          const fa = attrs(f[1]);
          if (fa.get("t") === "shared" && fa.has("ref") && fa.has("si") && f[3]) {
            masters.push({ si: fa.get("si") ?? "", row: r, col: w.ref.col, formula: decodeAttr(f[3]) });
          }
        }
        const style = attrs(existing.tag).get("s") ?? null;
        spans.push({
          start: existing.start,
          end: existing.end,
          text: cellXml(p, r, w.ref.col, styleFor(style, w), w),
        });
      } else {
        const next = cells.find((c) => c.col > w.ref.col);
        const at = next ? next.start : row.bodyEnd;
        spans.push({
          start: at,
          end: at,
          text: cellXml(p, r, w.ref.col, styleFor(newStyle(row, w.ref.col), w), w),
        });
      }
    }
  }
  if (open[2] === "/") spans.push({ start: contentStart, end: contentStart, text: `</${p}sheetData>` });
  let out = splice(xml, spans);
  if (masters.length > 0) out = writeOutSharedGroups(out, p, masters, writes);
  return { xml: out, formulas };
}

function splice(xml: string, spans: Span[]): string {
  // stable by position: inserts at one point keep the order they were planned in
  const sorted = spans.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    out += xml.slice(at, s.start) + s.text;
    at = Math.max(at, s.end);
  }
  return out + xml.slice(at);
}

/** Gives each dependent of an overwritten shared-formula master its own formula text. */
function writeOutSharedGroups(
  xml: string,
  p: string,
  masters: { si: string; row: number; col: number; formula: string }[],
  writes: CellWrite[],
): string {
  const written = new Set(writes.map((w) => `${w.ref.row},${w.ref.col}`));
  const bySi = new Map(masters.map((m) => [m.si, m]));
  // (?<!/) so that a self-closing <c .../> never opens a match that runs into the next cell
  const cellRx = new RegExp(`<${p}c\\b([^>]*?)(?<!/)>([\\s\\S]*?)</${p}c>`, "g");
  return xml.replace(cellRx, (whole, tag: string, body: string) => {
    const f = new RegExp(`<${p}f\\b([^>]*?)/>|<${p}f\\b([^>]*?)>\\s*</${p}f>`).exec(body);
    if (!f) return whole;
    const fa = attrs(f[1] ?? f[2] ?? "");
    const master = fa.get("t") === "shared" && !fa.has("ref") ? bySi.get(fa.get("si") ?? "") : undefined;
    const at = parseAddress(attrs(tag).get("r") ?? "");
    if (!master || !at || written.has(`${at.row},${at.col}`)) return whole;
    const own = slideFormula(master.formula, master, at);
    return whole.replace(f[0], `<${p}f>${escapeText(own)}</${p}f>`);
  });
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

/**
 * Applies a plan to the package `bytes` and returns the new package. Checks every write (sheet, cell, finite
 * number) before changing anything; a later write to a cell replaces an earlier one (a revert after a fill).
 */
export function patchPackage(bytes: Uint8Array, plan: WritePlan): Uint8Array {
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
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of plan) {
    const sheet = sheets.find((s) => s.name === w.ref.sheet);
    if (!sheet || !find(sheet.entry)) {
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
    const patched = patchSheetXml(text(data), writes, styleFor);
    if (patched.formulas) formulaInvolved = true;
    replaced.set(entry, utf8.encode(patched.xml));
  }
  if (styles?.changed && stylesEntry) replaced.set(stylesEntry.name, utf8.encode(styles.result()));
  const wroteFormula = plan.some((w) => w.formula !== undefined && w.formula !== "");
  if (wroteFormula) replaced.set(workbook.name, utf8.encode(setFullCalc(text(workbook.data))));
  const dropChain = formulaInvolved && find("xl/calcChain.xml") !== undefined;
  if (dropChain) {
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
  const out = entries
    .filter((e) => !(dropChain && e.name === "xl/calcChain.xml"))
    .map((e) => ({ name: e.name, data: replaced.get(e.name) ?? e.data }));
  return zipEntries(out);
}
