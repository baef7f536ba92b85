// Reading a SheetGrid by absolute cell position, with each cell's label text normalised once.
import { normalizeText } from "../numbers";
import type { CellRef, CellValue, SheetGrid } from "../types";

export class SheetView {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly normalized = new Map<number, string>();

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
    const key = (row - this.top) * 65536 + (col - this.left);
    let text = this.normalized.get(key);
    if (text === undefined) {
      const v = this.value(row, col);
      text = typeof v === "string" ? normalizeText(v) : "";
      this.normalized.set(key, text);
    }
    return text;
  }

  ref(row: number, col: number): CellRef {
    return { sheet: this.name, row, col };
  }

  /** Every text cell whose folded label satisfies `test`, in reading order. */
  find(test: (label: string) => boolean): { row: number; col: number }[] {
    const hits: { row: number; col: number }[] = [];
    for (let r = this.top; r <= this.bottom; r++) {
      const line = this.grid.values[r - this.top];
      for (let i = 0; i < line.length; i++) {
        if (typeof line[i] !== "string") continue;
        if (test(this.label(r, this.left + i))) hits.push({ row: r, col: this.left + i });
      }
    }
    return hits;
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
