// What a provisional methodology guesses, printed from its own declaration (formulas and 別紙1 columns are data).
import type { Message } from "../types";
import type { QuantityDeclaration } from "./types";
import { formulaLines } from "./formulaLines";

/** Guessed parts by quantity list: the provisional methodologies of one family share them (printed once, not per code). */
const guessedByQuantities = new WeakMap<QuantityDeclaration[], Message[]>();

/** The guessed parts of a provisional methodology: its 1.4 formulas and its 別紙1 3.x layout, each named. */
export function guessedParts(quantities: QuantityDeclaration[]): Message[] {
  let parts = guessedByQuantities.get(quantities);
  if (!parts) guessedByQuantities.set(quantities, (parts = printGuessedParts(quantities)));
  return parts;
}

function printGuessedParts(quantities: QuantityDeclaration[]): Message[] {
  const formulas = formulaLines({ quantities })
    .map((l) => l.text)
    .join("、");
  const columns = quantities
    .filter((q) => q.column)
    .map((q) => `${q.column} ${q.symbol}`)
    .join("、");
  return [
    {
      ja: `算定式（${formulas}）とその端数処理: 公表された申請で確認されていません`,
      en: `the formulas (${formulas.replace(/、/g, "; ")}) and their rounding: not confirmed by a published submission`,
    },
    {
      ja: `別紙1 の列構成（${columns}）: 推定です`,
      en: `the 別紙1 column layout (${columns.replace(/、/g, ", ")}): guessed`,
    },
  ];
}
