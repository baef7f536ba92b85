// 提出用に確定 (finalize for submission): every GEC. formula replaced by its value, so the recipient sees no #NAME?.
import type { CellRef, CellValue, CellWrite, Finding, Grid } from "../types";
import { formatRef } from "../forms/a1";
import { shortened } from "../text";
import { gecCalls } from "../formula/gecCalls";

/** Error values Excel caches for a formula it could not compute (#NAME? where the add-in is missing). */
const ERROR_VALUE = /^#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA)/;

export interface FinalizePlan {
  /** One write per GEC. formula: its cached value, no formula. Keeps what it replaces, so it can be undone. */
  writes: CellWrite[];
  /** Cells left as they are, and why (no computed value to keep). */
  skipped: Finding[];
}

/** Plans the replacement of every GEC. formula of the workbook by the value it shows. */
export function planFinalize(grid: Grid): FinalizePlan {
  const writes: CellWrite[] = [];
  const skipped: Finding[] = [];
  for (const sheet of grid.sheets) {
    sheet.formulas?.forEach((line, i) =>
      line.forEach((formula, j) => {
        // a real call (=GEC.STEAM_H(…), =gec.q_wb(…), inside other functions, or stored as _xldudf_GEC_…), not
        // "GEC." in a text or a sheet name
        if (!formula || gecCalls(formula).length === 0) return;
        const ref: CellRef = { sheet: sheet.name, row: sheet.origin.row + i, col: sheet.origin.col + j };
        const value: CellValue = sheet.values[i]?.[j] ?? null;
        if (value === null || value === "" || (typeof value === "string" && ERROR_VALUE.test(value))) {
          skipped.push({
            rule: "finalize.noValue",
            severity: "error",
            ref,
            message: {
              ja: `${formatRef(ref)} の ${shortened(formula)} には計算済みの値がありません（${value === null || value === "" ? "空" : value}）。アドインを入れた Excel で開いて再計算してから確定してください。`,
              en: `${formatRef(ref)}: ${shortened(formula)} has no computed value (${value === null || value === "" ? "empty" : value}). Open it in Excel with the add-in, recalculate, then finalize.`,
            },
          });
          return;
        }
        writes.push({ ref, value, previous: value, previousFormula: formula });
      }),
    );
  }
  return { writes, skipped };
}
