// Reads a cell of a form into a field (a number, a ratio, a date or text) and tells a 合計 cell from data.
import { parseDateCell, parseNumberCell, parseRatioCell } from "../numbers";
import type { DateReading, NumberReading } from "../numbers";
import type { CellRef, CellValue } from "../types";
import type { SheetView } from "./sheet";
import type { DateField, NumberField, TextField } from "./submission";

/**
 * Readings by raw value: a list repeats its factors, shares and dates (0.0693, "100%", "2020年4月1日") in every row,
 * and a reading is never changed once made, so rows share one. Capped, so that a huge sheet cannot grow it forever.
 */
class ReadingMemo<R> {
  private readonly byRaw = new Map<CellValue, R>();
  constructor(private readonly parse: (raw: CellValue) => R) {}

  get(raw: CellValue): R {
    // whole numbers differ from row to row and parse at once: remembering them would only fill the map
    if (typeof raw === "number" && Number.isSafeInteger(raw)) return this.parse(raw);
    let reading = this.byRaw.get(raw);
    if (reading === undefined) {
      reading = this.parse(raw);
      if (this.byRaw.size >= 10_000) this.byRaw.clear();
      this.byRaw.set(raw, reading);
    }
    return reading;
  }
}

const numberReadings = new ReadingMemo(parseNumberCell);
const ratioReadings = new ReadingMemo(parseRatioCell);
const dateReadings = new ReadingMemo(parseDateCell);

/**
 * A field's cell, made into a CellRef only when asked: a 10,000-row list holds 260,000 fields and has few findings,
 * and every object that lives until the checks end is work for the garbage collector.
 */
class FieldAt {
  constructor(
    private readonly sheetName: string,
    private readonly rowIndex: number,
    private readonly colIndex: number,
  ) {}

  get ref(): CellRef {
    return { sheet: this.sheetName, row: this.rowIndex, col: this.colIndex };
  }
}

class NumberCell extends FieldAt implements NumberField {
  constructor(
    sheetName: string,
    rowIndex: number,
    colIndex: number,
    readonly raw: CellValue,
    readonly reading: NumberReading,
    readonly formula: string | null,
    readonly numberFormat: string | null,
  ) {
    super(sheetName, rowIndex, colIndex);
  }
}

class TextCell extends FieldAt implements TextField {
  constructor(
    sheetName: string,
    rowIndex: number,
    colIndex: number,
    readonly raw: CellValue,
    readonly value: string | null,
  ) {
    super(sheetName, rowIndex, colIndex);
  }
}

class DateCell extends FieldAt implements DateField {
  constructor(
    sheetName: string,
    rowIndex: number,
    colIndex: number,
    readonly raw: CellValue,
    readonly reading: DateReading,
  ) {
    super(sheetName, rowIndex, colIndex);
  }
}

export function numberField(sheet: SheetView, row: number, col: number, ratio: boolean): NumberField {
  const raw = sheet.value(row, col);
  const reading = (ratio ? ratioReadings : numberReadings).get(raw);
  return new NumberCell(
    sheet.name,
    row,
    col,
    raw,
    reading,
    sheet.formula(row, col),
    sheet.numberFormat(row, col),
  );
}

export function textField(sheet: SheetView, row: number, col: number): TextField {
  const raw = sheet.value(row, col);
  const value = raw === null || raw === "" ? null : String(raw).trim();
  return new TextCell(sheet.name, row, col, raw, value);
}

export function dateField(sheet: SheetView, row: number, col: number): DateField {
  const raw = sheet.value(row, col);
  return new DateCell(sheet.name, row, col, raw, dateReadings.get(raw));
}

function isTotalLabel(text: string): boolean {
  return text === "合計" || text === "計" || text.startsWith("合計");
}

/** A 合計 cell; the raw text is looked at first so that the many data cells of a long list are never folded. */
export function isTotalCell(sheet: SheetView, row: number, col: number): boolean {
  const v = sheet.value(row, col);
  return typeof v === "string" && v.includes("計") && isTotalLabel(sheet.label(row, col));
}
