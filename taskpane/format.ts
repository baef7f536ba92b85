// Numbers as the pane shows them: digits grouped for the chosen language, decimals kept exactly as computed.
import type { CellValue, Message } from "../src/types";
import type { Lang } from "./i18n";

const LOCALES: Record<Lang, string> = { ja: "ja-JP", en: "en-US" };
const DECIMAL = /^([-+]?)(\d+)(?:\.(\d+))?$/;

/**
 * "186081657" → "186,081,657", "-0.07360" → "-0.07360": grouped by Intl for the language, on the digits as they are
 * (BigInt for the integer part, the decimals copied), so no value is rounded through a binary float.
 */
export function groupDigits(text: string, lang: Lang): string {
  const m = DECIMAL.exec(text.trim());
  if (!m) return text;
  const nf = new Intl.NumberFormat(LOCALES[lang]);
  const point = nf.formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  const int = nf.format(BigInt(m[2]));
  return `${m[1] === "-" ? "-" : ""}${int}${m[3] !== undefined ? point + m[3] : ""}`;
}

/** A number grouped (its shortest exact decimal form); text as typed, since a person typed it so. */
export function showValue(v: CellValue | undefined, lang: Lang): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number")
    return Number.isFinite(v) && !/e/i.test(String(v)) ? groupDigits(String(v), lang) : String(v);
  return String(v);
}

/** An expected or actual value of a finding: the engine gives decimals as numbers or exact decimal strings. */
export function showExpected(v: number | string, lang: Lang): string {
  return typeof v === "number" ? showValue(v, lang) : groupDigits(v, lang);
}

/** "1 cell written." / "2 cells written." in English, "2 件を書き込みました。" in Japanese, n grouped. */
export function countMessage(n: number, what: "written" | "restored" | "toWrite" | "moreLeft"): Message {
  const ja = groupDigits(String(n), "ja");
  const en = groupDigits(String(n), "en");
  const cells = n === 1 ? "cell" : "cells";
  switch (what) {
    case "written":
      return { ja: `${ja} 件を書き込みました。`, en: `${en} ${cells} written.` };
    case "restored":
      return { ja: `${ja} 件を元に戻しました。`, en: `${en} ${cells} restored.` };
    case "moreLeft":
      return {
        ja: `ほか ${ja} 件のセルは書きません（gec fill で一覧できます）。`,
        en: `${en} more ${cells} left as they are (gec fill lists them all).`,
      };
    case "toWrite":
      return {
        ja: `${ja} 件の書き込みを確認してください。`,
        en: `${en} ${cells} to write: check the preview.`,
      };
  }
}

/** "51–100 / 1,000 件" / "51–100 of 1,000": the findings a page shows. */
export function rangeMessage(from: number, to: number, total: number): Message {
  const g = (x: number, lang: Lang) => groupDigits(String(x), lang);
  return {
    ja: `${g(from, "ja")}–${g(to, "ja")} / ${g(total, "ja")} 件`,
    en: `${g(from, "en")}–${g(to, "en")} of ${g(total, "en")}`,
  };
}
