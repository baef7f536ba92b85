// Rule family 3 on one 別紙1: each row's derived columns and the total reproduce from the inputs. The same pass per
// row reports its unreadable inputs (family 8), ranges (5, ./projectList/ranges.ts) and fuel defaults (6,
// ./projectList/defaults.ts): they share one derivation per row, so they are one module.
import { Decimal } from "../../numbers";
import { isGecError } from "../../errors";
import type { GecError } from "../../errors";
import type { MethodologyDeclaration, QuantityDeclaration } from "../../methodology";
import type { SubmissionPeriod } from "../../domain/referenceValues";
import type { CellValue, Finding } from "../../types";
import { grouped } from "../../formula";
import type { DerivationStep } from "../../formula";
import { deriveRow, rowDerivation, rowInputs, totalDerivation } from "../../domain/rows";
import type { NumberField, ProjectList, ProjectRow } from "../../forms/submission";
import { at, reporter } from "../finding";
import { shortened } from "../../text";
import { DEFAULTS_RULES, checkDefaults } from "./projectList/defaults";
import { checkRanges, rangeMetas } from "./projectList/ranges";
import { columnPlaces, instancesOf } from "./projectList/columns";
import { decimalOf } from "../../forms/fields";
import { methodologyOf } from "../../forms/submission";
import { submissionPeriod } from "../../domain/referenceValues";
import { rule } from "../rule";
import type { RuleMeta, RuleModule } from "../rule";

const PROJECT_LIST_FIXED: RuleMeta[] = [
  rule(
    "projectList.row.inputs",
    3,
    "error",
    false,
    "行の入力から派生値を計算できない（必須の入力が空、F_B > F_T など）。",
    "A row's derived values cannot be computed from its inputs (a required input is blank, F_B > F_T, …).",
  ),
  rule(
    "projectList.total.recompute",
    3,
    "error",
    true,
    "別紙1 の合計 (tCO2) が各行の tCO2 の和 (R6) と一致しない。",
    "The 別紙1 total (tCO2) is not the sum of the rows' tCO2 (R6).",
  ),
];

let projectListRules: RuleMeta[] | null = null;

/** Its own rules: the fixed ones, and one recompute per derived column and one unreadable per input, made on first use. */
function projectListMetas(): RuleMeta[] {
  if (projectListRules) return projectListRules;
  const places = columnPlaces();
  const keys = [...places.keys()];
  projectListRules = [
    ...PROJECT_LIST_FIXED,
    {
      ...rule(
        "projectList.<key>.recompute",
        3,
        "error",
        true,
        "別紙1 の派生値の列（3.3 Q_WB、3.8 S_B、3.9、3.10、3.11 など）が行の入力から再計算した値と一致しない。",
        "A derived column of 別紙1 (3.3 Q_WB, 3.8 S_B, 3.9, 3.10, 3.11 …) does not reproduce from the row's inputs.",
      ),
      instances: instancesOf(
        "projectList.<key>.recompute",
        keys.filter((k) => places.get(k)?.derived),
      ),
    },
    {
      ...rule(
        "projectList.<key>.unreadable",
        8,
        "error",
        false,
        "別紙1 の入力の列のセルが数値として読めない。",
        "An input cell of 別紙1 cannot be read as a number.",
      ),
      instances: instancesOf(
        "projectList.<key>.unreadable",
        keys.filter((k) => !places.get(k)?.derived),
      ),
    },
  ];
  return projectListRules;
}

const { finding } = reporter(projectListMetas);

/** A cell's content for a message: shortened, so that a 100,000-character cell is never echoed whole. */
function shown(field: NumberField): string {
  return field.reading.kind === "number" ? field.reading.decimal.toString() : shortened(field.raw);
}

/** What a fix replaces: the value, and the formula and number format, so that 元に戻す restores the cell exactly. */
export function fixOf(
  field: NumberField,
  value: Decimal,
): {
  value: number;
  previous: CellValue;
  previousFormula: string | null;
  previousNumberFormat: string | null;
} {
  return {
    value: value.toNumber(),
    previous: field.raw,
    previousFormula: field.formula,
    previousNumberFormat: field.numberFormat,
  };
}

/** The derivation steps of `key` on a row (empty where it has none). */
function stepsOf(row: ProjectRow, declaration: MethodologyDeclaration, key: string): DerivationStep[] {
  const d = rowDerivation(row, declaration, key);
  return isGecError(d) ? [] : d.steps;
}

/** Family 8: a row's input cells that cannot be read (a derived cell that cannot be read is simply wrong: its
 *  recompute finding says so). */
function unreadableInputs(row: ProjectRow, derivedSet: Set<string>): Finding[] {
  const findings: Finding[] = [];
  for (const key in row.numbers) {
    const field = row.numbers[key];
    if (field.reading.kind === "invalid" && !derivedSet.has(key)) {
      findings.push(
        finding(`projectList.${key}.unreadable`, field.ref, {
          ja: `${at(field.ref)} の値を数値として読めません（${shown(field)}）。`,
          en: `${at(field.ref)} cannot be read as a number (${shown(field)}).`,
        }),
      );
    }
  }
  return findings;
}

/** projectList.row.inputs: a row whose derivation failed, reported once at the input the error names; where a range
 *  rule already reports that cell, the blocked derived cells are added to its message (in `ranges`) instead. */
function rowInputsFault(
  row: ProjectRow,
  declaration: MethodologyDeclaration,
  derivedKeys: QuantityDeclaration[],
  ranges: Finding[],
  error: GecError,
): Finding[] {
  const faulty = declaration.quantities.find((q) => q.symbol === error.argument && row.numbers[q.key]);
  const anchor = faulty
    ? row.numbers[faulty.key]
    : (row.numbers[declaration.form.anchorKey] ?? Object.values(row.numbers)[0]);
  const blocked = derivedKeys
    .filter((q) => row.numbers[q.key])
    .map((q) => at(row.numbers[q.key].ref))
    .join("、");
  const already = anchor
    ? ranges.find((f) => f.ref.row === anchor.ref.row && f.ref.col === anchor.ref.col)
    : undefined;
  if (already) {
    already.message = {
      ja: `${already.message.ja}このため ${blocked} を計算できません。`,
      en: `${already.message.en} So ${blocked.replace(/、/g, ", ")} cannot be computed.`,
    };
  } else if (anchor) {
    return [
      finding("projectList.row.inputs", anchor.ref, {
        ja: `${row.row + 1} 行目の入力から派生値（${blocked}）を計算できません: ${error.text.ja}`,
        en: `Row ${row.row + 1}: derived values (${blocked.replace(/、/g, ", ")}) cannot be computed from the inputs: ${error.text.en}`,
      }),
    ];
  }
  return [];
}

/** projectList.<key>.recompute: each derived cell of a row (3.3 Q_WB, 3.8 S_B …) against its value from the inputs. */
function derivedRecomputes(
  row: ProjectRow,
  declaration: MethodologyDeclaration,
  derivedKeys: QuantityDeclaration[],
  result: Record<string, Decimal>,
): Finding[] {
  const findings: Finding[] = [];
  for (const q of derivedKeys) {
    const field = row.numbers[q.key];
    const expected = result[q.key];
    if (!field || expected === undefined) continue;
    const actual = decimalOf(field);
    if (actual !== null && actual.eq(expected)) continue;
    const holds =
      field.reading.kind === "invalid"
        ? { ja: `数値として読めない ${shown(field)}`, en: `${shown(field)}, which is not a number` }
        : actual === null
          ? { ja: "空欄", en: "nothing" }
          : { ja: grouped(actual), en: grouped(actual) };
    findings.push(
      finding(
        `projectList.${q.key}.recompute`,
        field.ref,
        {
          ja: `${at(field.ref)}（${q.column} ${q.symbol}）は入力から ${grouped(expected)} になるはずですが、${holds.ja} です。`,
          en: `${at(field.ref)} (${q.column} ${q.symbol}) should be ${grouped(expected)} from the row's inputs, but holds ${holds.en}.`,
        },
        {
          expected: expected.toString(),
          actual: actual === null && field.reading.kind !== "invalid" ? "" : shown(field),
          fix: fixOf(field, expected),
          derivation: stepsOf(row, declaration, q.key),
        },
      ),
    );
  }
  return findings;
}

/** R6: 合計 = Σ rows' truncated t, checked only when every row derived its tonnes. */
function totalRecompute(
  list: ProjectList,
  declaration: MethodologyDeclaration,
  rowTonnes: Decimal[],
): Finding[] {
  if (!list.totalTonnes || rowTonnes.length !== list.rows.length || rowTonnes.length === 0) return [];
  const expected = totalDerivation(list, declaration, rowTonnes, false).value;
  const actual = decimalOf(list.totalTonnes);
  if (actual !== null && actual.eq(expected)) return [];
  const steps = totalDerivation(list, declaration, rowTonnes).steps;
  return [
    finding(
      "projectList.total.recompute",
      list.totalTonnes.ref,
      {
        ja: `${at(list.totalTonnes.ref)} の合計は各行の tCO2 の和 ${grouped(expected)} になるはずですが、${actual ? grouped(actual) : "空欄"} です。`,
        en: `${at(list.totalTonnes.ref)}: the total should be the sum of the rows' tCO2, ${grouped(expected)}, but is ${actual ? grouped(actual) : "empty"}.`,
      },
      {
        expected: expected.toString(),
        actual: actual?.toString() ?? "",
        fix: fixOf(list.totalTonnes, expected),
        derivation: steps,
      },
    ),
  ];
}

/** Families 3, 5 and 6 on one 別紙1; `period` (the submission's) chooses the vintage of the fuel defaults. */
export function checkProjectList(
  list: ProjectList,
  declaration: MethodologyDeclaration,
  period: SubmissionPeriod | null = null,
): Finding[] {
  const findings: Finding[] = [];
  const derivedKeys = declaration.quantities.filter((q) => q.role === "derived");
  const derivedSet = new Set(derivedKeys.map((q) => q.key));
  const rowTonnes: Decimal[] = [];

  for (const row of list.rows) {
    findings.push(...unreadableInputs(row, derivedSet));
    const ranges = [
      ...checkRanges(row, declaration),
      ...(declaration.form.fuelDefaults ? checkDefaults(row, period) : []),
    ];
    const inputs = rowInputs(row, declaration);
    if (!inputs) {
      findings.push(...ranges);
      continue;
    }
    const result = deriveRow(row, inputs, declaration);
    if (isGecError(result)) {
      findings.push(...rowInputsFault(row, declaration, derivedKeys, ranges, result));
      findings.push(...ranges);
      continue;
    }
    findings.push(...ranges);
    rowTonnes.push(result[declaration.form.tonnesKey]);
    findings.push(...derivedRecomputes(row, declaration, derivedKeys, result));
  }

  findings.push(...totalRecompute(list, declaration, rowTonnes));
  return findings;
}

/** Inputs that are amounts of heat, power or fuel (docs/domain.md §7.5: no negative heat, E_PS ≥ 0). */

/** Every visible 別紙1 (a second one, 別紙1 (2), by the same rules, each finding at its own cell). */
export const projectListModule: RuleModule = {
  metas: () => [...projectListMetas(), ...rangeMetas(), ...DEFAULTS_RULES],
  check: ({ submission }) =>
    [submission.projectList, ...submission.otherProjectLists].flatMap((list) =>
      list ? checkProjectList(list, methodologyOf(submission), submissionPeriod(submission)) : [],
    ),
};
