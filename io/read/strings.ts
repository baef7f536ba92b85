// Text as stored in the package: xl/sharedStrings.xml, and the escapes a cell's text may carry.
import { BUDGET, overBudget } from "../errors";
import type { Budgets, Handlers } from "./xml";

/** `_x000D_` escapes of control characters in shared strings. */
export function unescapeX(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : text;
}

/** Entities a writer escaped twice in a `t="str"` cell (ExcelJS decodes them again; so does Excel's own reading). */
export function decodeTwice(text: string): string {
  if (!text.includes("&")) return text;
  const map: Record<string, string> = {
    "&lt;": "<",
    "&gt;": ">",
    "&amp;": "&",
    "&apos;": "'",
    "&quot;": '"',
  };
  return text.replace(/&([a-z]*);/g, (c) => map[c] ?? c);
}

/** Each `<si>` as its text runs joined, the phonetic runs (`<rPh>`, furigana) left out. */
export function sharedStringHandlers(out: string[], budgets: Budgets): Handlers {
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  return {
    open(name) {
      if (name === "si") {
        if (--budgets.strings < 0)
          throw overBudget({ ja: "共有文字列の数", en: "The shared strings" }, BUDGET.sharedStrings);
        current = [];
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inT = true;
    },
    text(t) {
      if (inT && current) current.push(t);
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        out.push(unescapeX(current.join("")));
        current = null;
      }
    },
  };
}
