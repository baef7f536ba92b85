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
} from "./parse";
export type { NumberReading, DateReading } from "./parse";
