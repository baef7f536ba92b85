// Binary noise of a spreadsheet's own arithmetic (docs/numbers.md): how near a rounding boundary a spreadsheet's
// double may land on the other side, and how far a 15-digit cell may stand from the exact decimal of its inputs.
import { Decimal } from "./decimal";
import type { RoundingMode } from "./decimal";
import { SPREADSHEET_DIGITS } from "./parse";

/**
 * Relative distance from a rounding boundary within which a spreadsheet may round the other way: LibreOffice 7.4's
 * ROUNDDOWN/ROUNDUP snap a double to the boundary within about 9 × 10^-13 of it (measured: ROUNDDOWN(11775691.99999,
 * 0) = 11775692), Excel's 15 digits within 5 × 10^-15; 10^-11 leaves a factor of ten above both.
 */
export const ROUNDING_SNAP = "0.00000000001";

/**
 * Relative distance within which a cell at a spreadsheet's precision agrees with the exact value of the cells it
 * was computed from: each 15-digit operand and the 15-digit result are off by up to 5 × 10^-15 of themselves, and the
 * double arithmetic by a few 10^-16; 10^-14 of the terms' magnitudes covers them.
 */
export const PRECISION_NOISE = "0.00000000000001";

const ZERO = BigInt(0);
const TWO = BigInt(2);
const TEN = BigInt(10);
/** 1 / ROUNDING_SNAP. */
const SNAP_INVERSE = TEN ** BigInt(11);

const abs = (x: Decimal): Decimal => (x.isNegative() ? x.mul(-1) : x);
const NOISE = Decimal.parse(PRECISION_NOISE);

/** Significant digits of a decimal as written (2795.30 → 5, 0.0749 → 3, 1000 → 4). */
export function significantDigits(d: Decimal): number {
  // a normalized decimal's mantissa holds exactly its written digits, without leading zeros
  const m = d.mantissa < ZERO ? -d.mantissa : d.mantissa;
  return m === ZERO ? 1 : m.toString().length;
}

/** Whether a cell holds as many digits as a spreadsheet keeps: then its last digits may be a double's noise. */
export function atSpreadsheetPrecision(d: Decimal): boolean {
  return significantDigits(d) >= SPREADSHEET_DIGITS;
}

/** |actual − exact| within 10^-14 of `scale` (the magnitude of the terms the value was summed from). */
export function withinSpreadsheetNoise(actual: Decimal, exact: Decimal, scale: Decimal): boolean {
  return abs(actual.sub(exact)).cmp(abs(scale).mul(NOISE)) <= 0;
}

/**
 * Whether `argument` rounded to `places` by `mode` lies so near its boundary (a multiple of 10^-places; for ROUND the
 * half-way points) that a spreadsheet's double could round it the other way, without being on it: exactly on the
 * boundary both Excel and LibreOffice snap to it, off it by more than 10^-11 of the value neither does.
 */
export function nearRoundingBoundary(argument: Decimal, places: number, mode: RoundingMode): boolean {
  // on the exact mantissa: argument = m × 10^-s, the boundaries every 10^(s − places) units of m
  const { mantissa, scale } = argument;
  if (scale <= places) return false; // on a boundary (ROUNDDOWN, ROUNDUP) or a whole unit from one (ROUND)
  const m = mantissa < ZERO ? -mantissa : mantissa;
  const unit = TEN ** BigInt(scale - places);
  const r = m % unit;
  // twice the distance to the nearest boundary, in units of 10^-s
  const twice =
    mode === "halfUp"
      ? r * TWO > unit
        ? r * TWO - unit
        : unit - r * TWO
      : r * TWO <= unit
        ? r * TWO
        : (unit - r) * TWO;
  // 0 < distance ≤ 10^-11 × |argument|
  return twice !== ZERO && twice * SNAP_INVERSE <= m * TWO;
}
