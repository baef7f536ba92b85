// Reading arguments: one coercion layer for every entry point (Excel's cells, gec eval), bilingual errors.
import { GecError } from "../../src/errors";
import type { Message } from "../../src/types";
import { readQuantity } from "../../src/methodology";
import type { QuantitySpec } from "../../src/formula";

/** A number argument read as a quantity (its symbol and label name it in messages). */
export function numberOf(raw: unknown, spec: Pick<QuantitySpec, "symbol" | "label" | "domain">): number {
  return readQuantity(raw, spec).toNumber();
}

export const isBlank = (raw: unknown): boolean => raw === null || raw === undefined || raw === "";

export function textOf(raw: unknown, label: Message, symbol: string): string {
  if (typeof raw === "string" && raw.trim() !== "") return raw.trim();
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (isBlank(raw)) {
    throw new GecError(
      "#VALUE!",
      { ja: `${label.ja} ${symbol} が空です。`, en: `${label.en} ${symbol} is empty.` },
      symbol,
    );
  }
  throw new GecError(
    "#VALUE!",
    { ja: `${label.ja} ${symbol} には文字列を指定してください。`, en: `${label.en} ${symbol} must be text.` },
    symbol,
  );
}

export const P = { symbol: "p", label: { ja: "圧力", en: "Pressure" } };
export const T = { symbol: "t", label: { ja: "温度", en: "Temperature" } };
export const H = { symbol: "h", label: { ja: "比エンタルピー", en: "Specific enthalpy" } };

/** A message in both languages. */
export const m = (ja: string, en: string): Message => ({ ja, en });
