// Where the reader's cells are in a sheet's XML (for the writer): the same handlers, with positions.
import { corrupt } from "../errors";
import { refuseDuplicates } from "./grid";
import { newSheetPart, sheetHandlers } from "./sheet";
import type { SheetPart } from "./sheet";
import { SLICE, countNode, freshBudgets, local, tick } from "./xml";
import type { Budgets, Handlers } from "./xml";
import { XmlScanError, XmlScanner } from "./xmlScan";
import type { XmlEvents } from "./xmlScan";

/** A span of the XML text: `[start, end)`, and for an element with content where its content lies. */
export interface Span {
  start: number;
  end: number;
  /** After the start tag (== end for a self-closing element). */
  inner: number;
  /** Before the end tag (== end for a self-closing element). */
  innerEnd: number;
  selfClosing: boolean;
}

export interface SheetLocation {
  /** Each cell as the reader reads it: position, and the reader's own record (kinds, formulas, shared groups). */
  part: SheetPart;
  /** The XML of cell i of `part` (same index; only the cells kept, see `kept`). */
  cells: Span[];
  /** Indices of the cells whose place was kept: every cell of a kept row, and every formula cell. */
  kept: number[];
  /** `<row>` elements with the row number the reader gives them, in document order. */
  rows: (Span & { row: number; attrs: Record<string, string> })[];
  /** The cell's own attributes (its style). */
  attrs: Record<string, string>[];
  /** The cell's `<f>` element, if any (same index). */
  formulaSpans: (Span | null)[];
  sheetData: Span | null;
  /** The namespace prefix of sheetData's name ("" or "x:"). */
  prefix: string;
  /** `<col>` definitions with a style (0-based), for a new cell. */
  colStyles: { min: number; max: number; style: number }[];
}

interface OpenElement {
  name: string;
  start: number;
  inner: number;
  attrs: Record<string, string>;
}

/**
 * One sheet's parse with positions: the reader's scanner and handlers, each element's span noted where the writer
 * needs it (the scanner's markupStart and markupEnd, in UTF-16 code units of the sheet's text).
 */
class Locator implements XmlEvents {
  readonly budgets: Budgets = freshBudgets();
  readonly part = newSheetPart();
  private readonly cursor = { row: -1 };
  private readonly h: Handlers;
  readonly loc: SheetLocation;
  /** Open elements: where each started, and its start tag's end. */
  private readonly stack: OpenElement[] = [];
  private readonly openRows: number[] = [];
  private formulaSpan: Span | null = null;
  readonly scanner = new XmlScanner(this);

  constructor(
    private readonly keepRow: ((row: number) => boolean) | undefined,
    name: string,
  ) {
    this.h = sheetHandlers(name, this.part, this.budgets, this.cursor);
    this.loc = {
      part: this.part,
      cells: [],
      kept: [],
      rows: [],
      attrs: [],
      formulaSpans: [],
      sheetData: null,
      prefix: "",
      colStyles: this.part.colStyles,
    };
  }

  open(tagName: string, attributes: Record<string, string>, selfClosing: boolean): void {
    countNode(this.budgets);
    const name = local(tagName);
    const { loc, stack } = this;
    const start = this.scanner.markupStart;
    const inner = this.scanner.markupEnd;
    stack.push({ name, start, inner, attrs: attributes });
    this.h.open(name, attributes);
    if (name === "c") this.formulaSpan = null;
    if (name === "row" && this.part.isWorksheet && stack.length > 1) {
      this.openRows.push(loc.rows.length);
      loc.rows.push({
        start,
        end: -1,
        inner,
        innerEnd: -1,
        selfClosing,
        row: this.cursor.row,
        attrs: attributes,
      });
    }
    if (name === "sheetData" && stack.length === 2 && loc.sheetData === null) {
      const colon = tagName.indexOf(":");
      loc.prefix = colon < 0 ? "" : tagName.slice(0, colon + 1);
    }
  }

  text(t: string): void {
    this.h.text?.(t);
  }

  /** Closes the innermost element (the scanner has matched it to its start). */
  close(_name: string, selfClosing: boolean): void {
    const { loc, stack, part } = this;
    const open = stack.pop() as OpenElement;
    const end = this.scanner.markupEnd;
    const innerEnd = selfClosing ? end : this.scanner.markupStart;
    const span: Span = {
      start: open.start,
      end,
      inner: selfClosing ? end : open.inner,
      innerEnd,
      selfClosing,
    };
    const before = part.n;
    this.h.close?.(open.name);
    if (open.name === "f") this.formulaSpan = span;
    else if (open.name === "c" && part.n === before + 1) this.keepCell(before, span, open.attrs);
    else if (open.name === "row" && part.isWorksheet && stack.length > 0) {
      const row = loc.rows[this.openRows.pop() ?? -1];
      if (row) Object.assign(row, { end, innerEnd, inner: span.inner });
    } else if (open.name === "sheetData" && stack.length === 1 && loc.sheetData === null)
      loc.sheetData = span;
  }

  /** A place per cell costs ~300 bytes: a 560,000-cell sheet keeps only the rows written and the formula cells. */
  private keepCell(i: number, span: Span, attrs: Record<string, string>): void {
    const { loc } = this;
    if (!this.keepRow || this.formulaSpan !== null || this.keepRow(this.part.rows[i])) {
      loc.cells[i] = span;
      loc.attrs[i] = attrs;
      loc.formulaSpans[i] = this.formulaSpan;
      loc.kept.push(i);
    }
    this.formulaSpan = null;
  }
}

/**
 * Parses a sheet's XML with the reader's own handlers and reports where each cell the reader sees lies in the
 * text: comments, CDATA, processing instructions and everything else are skipped exactly as when reading, so
 * that the writer can only rewrite the `<c>` element the reader took the value from. Two `<c>` for one cell
 * are refused (duplicateCell), as by the reader.
 */
export function locateSheet(name: string, xml: string, keepRow?: (row: number) => boolean): SheetLocation {
  const locator = new Locator(keepRow, name);
  try {
    // in slices, so that the reader's deadline is checked as it goes
    for (let at = 0; at < xml.length; at += SLICE) {
      tick(locator.budgets);
      locator.scanner.write(xml.slice(at, at + SLICE));
    }
    locator.scanner.close();
  } catch (e) {
    if (e instanceof XmlScanError) {
      throw corrupt({ ja: `${name} の XML が正しくありません`, en: `${name} is not well-formed XML` });
    }
    throw e;
  }
  refuseDuplicates(name, locator.part);
  return locator.loc;
}
