// Reading formula arguments (numbers, typed text, percentages) into exact decimals, with errors that name them.
import { Decimal, parseNumberCell, parseRatioCell } from "../numbers";
import { GecError } from "../errors";
import type { CellValue } from "../types";

/** How an argument is called in messages: symbol and its Japanese and English labels. */
export interface Quantity {
  symbol: string;
  ja: string;
  en: string;
}

export type NumberLike = number | string | Decimal;

function read(value: NumberLike, q: Quantity, ratio: boolean): Decimal {
  if (value instanceof Decimal) return value;
  const reading = ratio ? parseRatioCell(value as CellValue) : parseNumberCell(value as CellValue);
  if (reading.kind === "number") return reading.decimal;
  const shown = typeof value === "string" ? `"${value}"` : String(value);
  if (reading.kind === "empty") {
    throw new GecError(
      "#VALUE!",
      { ja: `${q.ja} ${q.symbol} が空です。`, en: `${q.en} ${q.symbol} is empty.` },
      q.symbol,
    );
  }
  throw new GecError(
    "#VALUE!",
    {
      ja: `${q.ja} ${q.symbol} は数値ではありません。入力値: ${shown}`,
      en: `${q.en} ${q.symbol} is not a number. Got: ${shown}`,
    },
    q.symbol,
  );
}

/** A non-negative amount (heat, power, fuel). */
export function amount(value: NumberLike, q: Quantity): Decimal {
  const d = read(value, q, false);
  if (d.isNegative()) {
    throw new GecError(
      "#VALUE!",
      {
        ja: `${q.ja} ${q.symbol} は 0 以上で指定してください。入力値: ${d}`,
        en: `${q.en} ${q.symbol} must be ≥ 0. Got: ${d}`,
      },
      q.symbol,
    );
  }
  return d;
}

/** A signed number (a derived heat may be negative only if the inputs are wrong; checks report that). */
export function signed(value: NumberLike, q: Quantity): Decimal {
  return read(value, q, false);
}

/** A share or efficiency 0 < x ≤ 1, typed as 0.9994, 99.94 or "99.94%". */
export function ratio(value: NumberLike, q: Quantity): Decimal {
  const d = read(value, q, true);
  if (d.cmp(0) <= 0 || d.cmp(1) > 0) {
    throw new GecError(
      "#VALUE!",
      {
        ja: `${q.ja} ${q.symbol} は 0 を超え 1（100%）以下で指定してください。入力値: ${d}`,
        en: `${q.en} ${q.symbol} must be > 0 and ≤ 1 (100%). Got: ${d}`,
      },
      q.symbol,
    );
  }
  return d;
}

/** A positive factor (CEF). */
export function positive(value: NumberLike, q: Quantity): Decimal {
  const d = read(value, q, false);
  if (d.cmp(0) <= 0) {
    throw new GecError(
      "#VALUE!",
      {
        ja: `${q.ja} ${q.symbol} は 0 より大きい値で指定してください。入力値: ${d}`,
        en: `${q.en} ${q.symbol} must be > 0. Got: ${d}`,
      },
      q.symbol,
    );
  }
  return d;
}

/** The value of a required input of a 別紙1 row; a GecError naming it where the cell is empty. */
export function required(
  inputs: Record<string, Decimal | null | undefined>,
  key: string,
  symbol: string,
): Decimal {
  const v = inputs[key];
  if (v === null || v === undefined) {
    throw new GecError(
      "#VALUE!",
      { ja: `${symbol} が入力されていません。`, en: `${symbol} is missing.` },
      symbol,
    );
  }
  return v;
}
