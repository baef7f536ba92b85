// Shared formulas: the master's text moved to each cell of its group, as Excel does.
import { columnIndex, columnLetters } from "../../src/forms/a1";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from "../errors";

/** A character that can be part of a name, a reference or a number in a formula (not an operator or a quote). */
function nameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || // 0-9
    (c >= 65 && c <= 90) || // A-Z
    (c >= 97 && c <= 122) || // a-z
    c === 36 || // $
    c === 46 || // .
    c === 92 || // backslash
    c === 95 || // _
    c === 63 || // ?
    c > 127
  );
}

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;
const COL_REF = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_REF = /^(\$?)([0-9]{1,7})$/;

/** Where the run of name characters from `at` ends. */
function tokenEnd(formula: string, at: number): number {
  let j = at;
  while (j < formula.length && nameChar(formula.charCodeAt(j))) j++;
  return j;
}

/** After "text" or 'sheet name' opening at `i` with `quote`: a doubled quote stays inside. */
function afterQuoted(formula: string, i: number, quote: number): number {
  const n = formula.length;
  let j = i + 1;
  while (j < n) {
    if (formula.charCodeAt(j) === quote) {
      if (formula.charCodeAt(j + 1) === quote) j += 2;
      else break;
    } else j++;
  }
  return j + 1;
}

/** After a [structured reference] or [external book] opening at `i`, possibly nested. */
function afterBrackets(formula: string, i: number): number {
  const n = formula.length;
  let depth = 0;
  let j = i;
  for (; j < n; j++) {
    const d = formula.charCodeAt(j);
    if (d === 91) depth++;
    else if (d === 93 && --depth === 0) break;
  }
  return j + 1;
}

/** One pass of a formula's text, its relative references moved by (dr, dc). */
class Slide {
  private readonly out: string[] = [];
  private copied = 0;

  constructor(
    private readonly formula: string,
    private readonly dr: number,
    private readonly dc: number,
  ) {}

  run(): string {
    const formula = this.formula;
    const n = formula.length;
    let i = 0;
    while (i < n) {
      const c = formula.charCodeAt(i);
      if (c === 34 || c === 39) i = afterQuoted(formula, i, c);
      else if (c === 91) i = afterBrackets(formula, i);
      else if (c === 35)
        i = tokenEnd(formula, i + 1) + 1; // an error literal such as #REF! or #N/A
      else if (!nameChar(c)) i++;
      else i = this.token(i);
    }
    if (this.copied === 0) return formula;
    this.out.push(formula.slice(this.copied));
    return this.out.join("");
  }

  /** A name, a reference or a number at `i`, moved when it is a reference: where the next token starts. */
  private token(i: number): number {
    const formula = this.formula;
    const end = tokenEnd(formula, i);
    const token = formula.slice(i, end);
    const next = formula.charCodeAt(end);
    // a function name, a sheet prefix, a table name (its [column] is skipped next)
    if (next === 40 || next === 33) return end + 1;
    if (next === 91) return end;
    const cell = CELL_REF.exec(token);
    if (cell) {
      const a = this.col(cell[1], cell[2]);
      const b = this.row(cell[3], cell[4]);
      if (columnIndex(cell[2]) < EXCEL_MAX_COLS)
        this.replace(i, end, a !== null && b !== null ? a + b : "#REF!");
      return end;
    }
    return next === 58 ? this.range(i, end, token) : end;
  }

  /** A:C and 1:3 (whole columns, whole rows) from `token` at `i`, its colon at `end`. */
  private range(i: number, end: number, token: string): number {
    const end2 = tokenEnd(this.formula, end + 1);
    const other = this.formula.slice(end + 1, end2);
    const c1 = COL_REF.exec(token);
    const c2 = COL_REF.exec(other);
    if (c1 && c2 && columnIndex(c1[2]) < EXCEL_MAX_COLS && columnIndex(c2[2]) < EXCEL_MAX_COLS) {
      const a = this.col(c1[1], c1[2]);
      const b = this.col(c2[1], c2[2]);
      this.replace(i, end2, a !== null && b !== null ? `${a}:${b}` : "#REF!");
      return end2;
    }
    const r1 = ROW_REF.exec(token);
    const r2 = ROW_REF.exec(other);
    if (r1 && r2) {
      const a = this.row(r1[1], r1[2]);
      const b = this.row(r2[1], r2[2]);
      this.replace(i, end2, a !== null && b !== null ? `${a}:${b}` : "#REF!");
      return end2;
    }
    return end;
  }

  private col(anchor: string, letters: string): string | null {
    const c = columnIndex(letters);
    if (c >= EXCEL_MAX_COLS) return null;
    const moved = anchor ? c : c + this.dc;
    return moved < 0 || moved >= EXCEL_MAX_COLS ? null : anchor + columnLetters(moved);
  }

  private row(anchor: string, digits: string): string | null {
    const r = parseInt(digits, 10) - 1;
    if (r < 0 || r >= EXCEL_MAX_ROWS) return null;
    const moved = anchor ? r : r + this.dr;
    return moved < 0 || moved >= EXCEL_MAX_ROWS ? null : `${anchor}${moved + 1}`;
  }

  private replace(start: number, end: number, text: string): void {
    this.out.push(this.formula.slice(this.copied, start), text);
    this.copied = end;
  }
}

/**
 * Moves the relative references of a shared formula's master text to another cell, as Excel does for each cell
 * of the group: string literals, quoted sheet names, function names and structured references stay as they are
 * ("FY2020" inside quotes is text, not a cell), A1 references and A:C / 1:3 ranges move, and a reference moved
 * off the grid becomes #REF!. One pass over the text (linear in its length).
 */
export function slideFormula(
  formula: string,
  from: { row: number; col: number },
  to: { row: number; col: number },
): string {
  const dr = to.row - from.row;
  const dc = to.col - from.col;
  if (dr === 0 && dc === 0) return formula;
  return new Slide(formula, dr, dc).run();
}
