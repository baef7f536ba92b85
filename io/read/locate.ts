// Where the reader's cells are in a sheet's XML (for the writer): the same handlers, with positions.
import { SaxesParser } from "saxes";
import type { SaxesTagPlain } from "saxes";
import { corrupt } from "../errors";
import { refuseDuplicates } from "./grid";
import { newSheetPart, sheetHandlers } from "./sheet";
import type { SheetPart } from "./sheet";
import { SLICE, countNode, freshBudgets, local, tick } from "./xml";
import type { Budgets, Handlers } from "./xml";

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

/** One sheet's parse with positions: the reader's handlers fed, each element's span noted where the writer needs it. */
class Locator {
  readonly budgets: Budgets = freshBudgets();
  readonly part = newSheetPart();
  private readonly cursor = { row: -1 };
  private readonly h: Handlers;
  readonly loc: SheetLocation;
  /** Open elements: where each started, and its start tag's end. */
  private readonly stack: OpenElement[] = [];
  private readonly openRows: number[] = [];
  private formulaSpan: Span | null = null;
  private tagStart = 0;

  constructor(
    private readonly xml: string,
    private readonly keepRow: ((row: number) => boolean) | undefined,
    name: string,
    readonly parser: SaxesParser<{ position: true; xmlns: false }>,
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

  tagStarts(): void {
    this.tagStart = this.xml.lastIndexOf("<", this.parser.position - 1);
  }

  open(tag: SaxesTagPlain): void {
    countNode(this.budgets);
    const name = local(tag.name);
    const { loc, stack } = this;
    stack.push({ name, start: this.tagStart, inner: this.parser.position, attrs: tag.attributes });
    this.h.open(name, tag.attributes);
    if (name === "c") this.formulaSpan = null;
    if (name === "row" && this.part.isWorksheet && stack.length > 1) {
      this.openRows.push(loc.rows.length);
      loc.rows.push({
        start: this.tagStart,
        end: -1,
        inner: this.parser.position,
        innerEnd: -1,
        selfClosing: tag.isSelfClosing,
        row: this.cursor.row,
        attrs: tag.attributes,
      });
    }
    if (name === "sheetData" && stack.length === 2 && loc.sheetData === null) {
      const colon = tag.name.indexOf(":");
      loc.prefix = colon < 0 ? "" : tag.name.slice(0, colon + 1);
    }
  }

  text(t: string): void {
    this.h.text?.(t);
  }

  /** Closes the innermost element; false when none is open (not well-formed). */
  close(selfClosing: boolean): boolean {
    const { loc, stack, part } = this;
    const open = stack.pop();
    if (!open) return false;
    const end = this.parser.position;
    const innerEnd = selfClosing ? end : this.xml.lastIndexOf("<", end - 1);
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
    return true;
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
  const parser = new SaxesParser<{ position: true; xmlns: false }>({ position: true, xmlns: false });
  const locator = new Locator(xml, keepRow, name, parser);
  const fail = (): never => {
    throw corrupt({ ja: `${name} の XML が正しくありません`, en: `${name} is not well-formed XML` });
  };
  parser.on("error", fail);
  parser.on("doctype", fail);
  parser.on("opentagstart", () => locator.tagStarts());
  parser.on("opentag", (tag: SaxesTagPlain) => locator.open(tag));
  const onText = (t: string) => locator.text(t);
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    if (!locator.close(tag.isSelfClosing)) fail();
  });
  // in slices, so that the reader's deadline is checked as it goes
  for (let at = 0; at < xml.length; at += SLICE) {
    tick(locator.budgets);
    parser.write(xml.slice(at, at + SLICE));
  }
  parser.close();
  refuseDuplicates(name, locator.part);
  return locator.loc;
}
