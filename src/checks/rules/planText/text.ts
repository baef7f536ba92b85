// The plan's text as the plan-text rules read it: blank, none and yes words, a part's fields, a row's numbers.
import type { RuleFamily, RuleMeta } from "../../rule";
import type { Severity } from "../../../types";
import { Decimal, normalizeText } from "../../../numbers";
import type { QuantityDeclaration } from "../../../methodology";
import type { PlanText, ProjectRow, TextField } from "../../../forms/submission";
import { isFormNote } from "../../../forms/plan";

/** Texts that fill nothing: a dash left in a blank cell. */
const BLANK_TEXTS = new Set(["-", "—", "―", "ー", "－"]);

/** 1.6 and 2.2 texts that say "none". */
export const NONE_TEXTS = new Set([
  "なし",
  "無し",
  "無",
  "変更なし",
  "変更無し",
  "該当なし",
  "特になし",
  "-",
  "—",
  "―",
]);

/** 1.6 texts that say "there are changes" and nothing more. */
export const YES_TEXTS = new Set(["有り", "あり", "有", "有る", "ある", "変更有り", "変更あり"]);

/** A short text folded for the word lists above: width, spaces, a closing 。 or colon. */
export const word = (text: string | null): string => normalizeText(text ?? "").replace(/[。.:：]+$/, "");

export const filled = (t: TextField): boolean =>
  t.value !== null && !BLANK_TEXTS.has(word(t.value)) && !isFormNote(t.value);

export function partOf(plan: PlanText, id: string) {
  return plan.parts.find((p) => p.part === id) ?? null;
}

/** A row's number by quantity (null where it is not a number). */
export function numberOf(row: ProjectRow, q: QuantityDeclaration | undefined): Decimal | null {
  const f = q ? row.numbers[q.key] : undefined;
  return f && f.reading.kind === "number" ? f.reading.decimal : null;
}

export function percent(d: Decimal): string {
  return `${d.mul(100).toString()}%`;
}

export const planTextRule = (
  id: string,
  severity: Severity,
  ja: string,
  en: string,
  family: RuleFamily = 11,
): RuleMeta => ({
  id,
  family,
  severity,
  fixable: false,
  description: { ja, en },
});

/** A provisional methodology's formulas are the engine's guess: a 1.4 that differs from them is a warning, not an error. */
export const provisionalWarning = (meta: RuleMeta): RuleMeta => ({ ...meta, alsoReportsAs: ["warning"] });
