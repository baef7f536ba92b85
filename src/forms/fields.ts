// A value read from one cell with its reading and where it came from: what every part of a Submission is made of.
import type { CellRef, CellValue } from "../types";
import type { DateReading, Decimal, NumberReading } from "../numbers";

export interface NumberField {
  reading: NumberReading;
  raw: CellValue;
  ref: CellRef;
  formula: string | null;
  /** The cell's number format ("#,##0", "0.00%"), kept so that a fix can be undone exactly. */
  numberFormat: string | null;
}

export interface TextField {
  value: string | null;
  raw: CellValue;
  ref: CellRef;
}

export interface DateField {
  reading: DateReading;
  raw: CellValue;
  ref: CellRef;
}

/** A cell's number, null when it holds none (blank, text, or a reading that failed: its own finding says so). */
export function decimalOf(field: NumberField | null | undefined): Decimal | null {
  return field && field.reading.kind === "number" ? field.reading.decimal : null;
}
