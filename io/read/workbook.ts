// xl/workbook.xml and its relationships: the sheets in workbook order, their visibility, the 1904 date system.
import type { SheetVisibility } from "../../src/types";
import { BUDGET, overBudget } from "../errors";
import { local } from "./xml";
import type { Budgets, Handlers } from "./xml";

export interface WorkbookPart {
  date1904: boolean;
  sheets: { name: string; rid: string; visibility: SheetVisibility }[];
}

/** `<sheet state="hidden">`: how Excel shows the sheet (no state, or any other word, is visible). */
function visibilityOf(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

export function workbookHandlers(out: WorkbookPart, budgets: Budgets): Handlers {
  return {
    open(name, a) {
      if (name === "workbookPr") out.date1904 = a.date1904 === "1";
      else if (name === "sheet") {
        if (out.sheets.length >= BUDGET.sheets)
          throw overBudget({ ja: "シートの数", en: "The sheets" }, BUDGET.sheets);
        const rid = Object.keys(a).find((k) => k !== "id" && local(k) === "id");
        out.sheets.push({ name: a.name ?? "", rid: rid ? a[rid] : "", visibility: visibilityOf(a.state) });
      } else if (name === "definedName" && --budgets.definedNames < 0) {
        throw overBudget({ ja: "名前の定義の数", en: "The defined names" }, BUDGET.definedNames);
      }
    },
  };
}

export function relsHandlers(out: Map<string, string>): Handlers {
  return {
    open(name, a) {
      if (name === "Relationship" && a.Id !== undefined && a.Target !== undefined) out.set(a.Id, a.Target);
    },
  };
}

/** Resolves a relationship target of xl/workbook.xml to an entry name. */
export function partName(target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}
