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
// Its parts: patchSheet.ts (one sheet's cells), patchStyles.ts (styles.xml), patchVerify.ts (the read-back),
// patchEdit.ts (the edits and their splice).
import type { CellWrite, Grid, WritePlan } from "../src/types";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, XlsxError } from "./errors";
import { inspectXlsx } from "./inspect";

export { escapeText } from "./xmlText";
export { patchSheetXml } from "./patchSheet";
import { readGrid, sheetEntries } from "./read";
import { readAllEntries, zipEntries } from "./zip";
import { address } from "./patchEdit";
import { patchSheetXml } from "./patchSheet";
import { StylePatcher, noStyles } from "./patchStyles";
import { verifyPatch } from "./patchVerify";

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
