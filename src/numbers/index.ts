// Parsing of typed cell contents and exact decimal rounding: one module for every number the core reads.
export { Decimal } from "./decimal";
export type { RoundingMode } from "./decimal";
export {
  parseNumberCell,
  parseRatioCell,
  parseDateCell,
  excelSerialFromDate,
  dateFromExcelSerial,
  normalizeText,
  fiscalYearOf,
  fiscalYearOfDate,
  spreadsheetDecimal,
  spreadsheetNumber,
  SPREADSHEET_DIGITS,
} from "./parse";
export type { NumberReading, DateReading } from "./parse";
export {
  ROUNDING_SNAP,
  PRECISION_NOISE,
  atSpreadsheetPrecision,
  nearRoundingBoundary,
  significantDigits,
  withinSpreadsheetNoise,
} from "./noise";
