// Reading a SheetGrid by absolute cell position, with each cell's label text normalised once.
import { normalizeText } from "../numbers";
import type { CellRef, CellValue, SheetGrid } from "../types";

/** Whether Excel hides the sheet (hidden, or veryHidden: shown again only by VBA). */
export function isHiddenSheet(sheet: SheetGrid): boolean {
  return sheet.visibility === "hidden" || sheet.visibility === "veryHidden";
}

export class SheetView {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Folded labels by row, filled on first use: a 10,000-row sheet is read once, not once per rule. */
  private readonly normalized: (string | undefined)[][] = [];
  /** Where the text cells are, in reading order, found once: each search of the sheet then skips its numbers. */
  private textCells: { rows: Int32Array; cols: Int32Array; texts: string[] } | null = null;

  constructor(readonly grid: SheetGrid) {
    this.name = grid.name;
    this.top = grid.origin.row;
    this.left = grid.origin.col;
    this.bottom = this.top + grid.values.length - 1;
    let width = 0;
    for (const line of grid.values) width = Math.max(width, line.length);
    this.right = this.left + width - 1;
  }

  value(row: number, col: number): CellValue {
    const line = this.grid.values[row - this.top];
    if (!line) return null;
    const v = line[col - this.left];
    return v === undefined ? null : v;
  }

  formula(row: number, col: number): string | null {
    return this.grid.formulas?.[row - this.top]?.[col - this.left] ?? null;
  }

  numberFormat(row: number, col: number): string | null {
    return this.grid.numberFormats?.[row - this.top]?.[col - this.left] ?? null;
  }

  /** The cell's text folded for label matching ("" for non-text cells). */
  label(row: number, col: number): string {
    const v = this.value(row, col);
    if (typeof v !== "string") return "";
    const line = (this.normalized[row - this.top] ??= []);
    let text = line[col - this.left];
    if (text === undefined) line[col - this.left] = text = normalizeText(v);
    return text;
  }

  ref(row: number, col: number): CellRef {
    return { sheet: this.name, row, col };
  }

  /**
   * Every text cell whose folded label satisfies `test`, in reading order. `rawIncludes`, characters folding leaves
   * alone (a kanji, or both widths of a kana), skips the folding of every cell that cannot match: long lists hold
   * thousands of texts.
   */
  find(test: (label: string) => boolean, rawIncludes?: string | RegExp): { row: number; col: number }[] {
    const hits: { row: number; col: number }[] = [];
    const { rows, cols, texts } = this.indexTexts();
    for (let k = 0; k < texts.length; k++) {
      const v = texts[k];
      if (
        rawIncludes !== undefined &&
        !(typeof rawIncludes === "string" ? v.includes(rawIncludes) : rawIncludes.test(v))
      )
        continue;
      if (test(this.label(rows[k], cols[k]))) hits.push({ row: rows[k], col: cols[k] });
    }
    return hits;
  }

  /** `visit` on each text cell of rows top … bottom, in reading order (the numbers of a long list are skipped). */
  eachText(top: number, bottom: number, visit: (row: number, col: number) => void): void {
    const { rows, cols } = this.indexTexts();
    for (let k = 0; k < rows.length && rows[k] <= bottom; k++) if (rows[k] >= top) visit(rows[k], cols[k]);
  }

  private indexTexts(): { rows: Int32Array; cols: Int32Array; texts: string[] } {
    if (this.textCells) return this.textCells;
    let count = 0;
    for (const line of this.grid.values) for (const v of line) if (typeof v === "string") count++;
    const rows = new Int32Array(count);
    const cols = new Int32Array(count);
    const texts = new Array<string>(count);
    let k = 0;
    this.grid.values.forEach((line, i) => {
      for (let j = 0; j < line.length; j++) {
        const v = line[j];
        if (typeof v !== "string") continue;
        rows[k] = this.top + i;
        cols[k] = this.left + j;
        texts[k++] = v;
      }
    });
    return (this.textCells = { rows, cols, texts });
  }

  /** The first non-empty cell to the right of (row, col), within `span` columns. */
  valueRightOf(row: number, col: number, span = 12): { col: number; value: CellValue } | null {
    for (let c = col + 1; c <= Math.min(this.right, col + span); c++) {
      const v = this.value(row, c);
      if (v !== null && v !== "") return { col: c, value: v };
    }
    return null;
  }
}
