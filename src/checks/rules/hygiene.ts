// Rule family 8: GEC. formulas and error values left in form sheets; numbers stored as text.
import type { Finding, Grid } from "../../types";
import type { Submission } from "../../forms/submission";
import { at, reporter } from "../finding";
import { shortened } from "../../text";
import { gecCalls } from "../../formula/gecCalls";
import { rule } from "../rule";
import type { RuleMeta, RuleModule } from "../rule";

export const HYGIENE_RULES: RuleMeta[] = [
  rule(
    "hygiene.gecFormula",
    8,
    "warning",
    false,
    "様式のシートに GEC. 関数の数式が残っている（提出先では #NAME?）。",
    "A GEC. formula is left in a form sheet (recipients see #NAME?).",
  ),
  rule(
    "hygiene.errorValue",
    8,
    "error",
    false,
    "セルがエラー値（#VALUE!、#REF! など）。",
    "A cell holds an error value (#VALUE!, #REF!, …).",
  ),
  rule(
    "hygiene.numberAsText",
    8,
    "info",
    false,
    "数値が文字列として入力されている（読み取りはできる）。",
    "A number is stored as text (it is read all the same).",
  ),
];

const { finding } = reporter(HYGIENE_RULES);

const ERROR_VALUES = /^#(VALUE!|REF!|NAME\?|DIV\/0!|N\/A|NUM!|NULL!|SPILL!|CALC!)$/;

/** GEC. formulas and error values left in form sheets; numbers stored as text (info). */
export function checkHygiene(grid: Grid, s: Submission): Finding[] {
  const out: Finding[] = [];
  for (const sheet of grid.sheets) {
    sheet.values.forEach((line, i) => {
      const formulas = sheet.formulas?.[i];
      line.forEach((v, j) => {
        const formula = formulas?.[j] ?? null;
        if (!formula && typeof v !== "string") return;
        const ref = { sheet: sheet.name, row: sheet.origin.row + i, col: sheet.origin.col + j };
        if (formula && gecCalls(formula).length > 0) {
          out.push(
            finding(
              "hygiene.gecFormula",
              ref,
              {
                ja: `${at(ref)} に GEC. 関数の数式があります。アドインのない提出先では #NAME? になります。値に置き換えてください。`,
                en: `${at(ref)} holds a GEC. formula: recipients without the add-in see #NAME?. Replace it with its value.`,
              },
              { actual: formula },
            ),
          );
        } else if (typeof v === "string" && ERROR_VALUES.test(v.trim())) {
          out.push(
            finding(
              "hygiene.errorValue",
              ref,
              {
                ja: `${at(ref)} がエラー値 ${v} です。`,
                en: `${at(ref)} holds the error value ${v}.`,
              },
              { actual: v },
            ),
          );
        }
      });
    });
  }
  for (const row of s.projectList?.rows ?? []) {
    for (const field of Object.values(row.numbers)) {
      if (field.reading.kind === "number" && field.reading.fromText) {
        out.push(
          finding("hygiene.numberAsText", field.ref, {
            ja: `${at(field.ref)} は文字列として入力された数値です（${shortened(field.raw)} を ${field.reading.decimal} と読みました）。`,
            en: `${at(field.ref)} is a number stored as text (read "${shortened(field.raw)}" as ${field.reading.decimal}).`,
          }),
        );
      }
    }
  }
  return out;
}

export const hygieneModule: RuleModule = {
  metas: HYGIENE_RULES,
  check: ({ submission, grid }) => checkHygiene(grid, submission),
};
