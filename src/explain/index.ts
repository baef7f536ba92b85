// Why a cell should hold what it should: the derivation of every derived value of a 様式3-2, from its inputs' cells.
import { methodologyOf } from "../forms/submission";
import { Decimal } from "../numbers";
import { GecError, isGecError } from "../errors";
import { evaluateQuantities, grouped, stepLine } from "../formula";
import {
  ROUNDING_CONVENTIONS,
  fuelTotalMonth,
  monitoringMonthQuantities,
  monthColumnOf,
  referenceValuesOf,
  referenceValuesOfRow,
} from "../methodology";
import type { MethodologyDeclaration, QuantityDeclaration, ReferenceValueUsed } from "../methodology";
import {
  countedMonths,
  countedTable,
  matchTables,
  monitoringTargetsOf,
  procedureFor,
  targetAlternatives,
} from "../domain/monitoring";
import { matchBlocks } from "../domain/blocks";
import { rowDerivation, rowInputs, totalDerivation } from "../domain/rows";
import { submissionPeriod } from "../domain/referenceValues";
import { cellAddress, columnLetters, formatRef, parseA1 } from "../forms/a1";
import { readSubmission } from "../forms/read";
import type { NumberField, ProjectList, ProjectRow, Submission } from "../forms/submission";
import type { CellRef, CellValue, DerivationStep, Grid, Message } from "../types";
import { decimalOf } from "../forms/fields";

/** The derivation as lines a person reads, one step a line, with the cells it read. */
export function derivationText(steps: DerivationStep[], lang: "ja" | "en"): string[] {
  return steps.map((s) => {
    const label = s.label ? ` — ${s.label[lang]}${s.unit ? ` (${s.unit})` : ""}` : "";
    const cells = s.cells.length ? `  [${s.cells.join(", ")}]` : "";
    return `${stepLine(s)}${label}${cells}`;
  });
}

export interface CellExplanation {
  ref: CellRef;
  /** The quantity the cell holds (3.3 Q_WB), and the facility row's name where there is one. */
  symbol: string;
  column: string | null;
  label: Message;
  facility: string | null;
  /** The value the cell should hold, as a decimal string. */
  expected: string | null;
  /** What it holds now. */
  actual: CellValue;
  agrees: boolean;
  steps: DerivationStep[];
  /** Why there is no value (a required input is blank …), where there is none. */
  failure: Message | null;
  /** For 3.1 / 3.2 / 3.6 / 3.7 from a monitoring table: the rounding convention the derivation follows. */
  convention?: Message;
  /** The reference values the derivation used (9.484, 灯油 0.0678 of 算定省令 H22改正 …), each with source and vintage. */
  references: ReferenceValueUsed[];
}

export type ExplainResult =
  | { kind: "explained"; explanation: CellExplanation }
  | { kind: "notDerived"; message: Message; derivedColumns: string[] };

function declarationFor(s: Submission, list: ProjectList): MethodologyDeclaration | null {
  // the reader's one answer; a list read under it always has its columns
  return list ? methodologyOf(s) : null;
}

function sameCell(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

function explanationOf(
  field: NumberField,
  q: Pick<QuantityDeclaration, "symbol" | "label" | "column">,
  facility: string | null,
  result: { value: Decimal; steps: DerivationStep[] } | GecError,
  references: ReferenceValueUsed[] = [],
): CellExplanation {
  const actual = decimalOf(field);
  const value = isGecError(result) ? null : result.value;
  return {
    ref: field.ref,
    symbol: q.symbol,
    column: q.column ?? null,
    label: q.label,
    facility,
    expected: value?.toString() ?? null,
    actual: field.raw,
    agrees: value !== null && actual !== null && actual.eq(value),
    steps: isGecError(result) ? [] : result.steps,
    failure: isGecError(result) ? result.text : null,
    references,
  };
}

/** The reference values behind `key` on a row of 別紙1, against the vintage of the submission's period. */
function rowReferences(
  submission: Submission,
  declaration: MethodologyDeclaration,
  rows: ProjectRow[],
  key: string,
): ReferenceValueUsed[] {
  const fiscalYear = submissionPeriod(submission)?.fiscalYear ?? null;
  const seen = new Set<string>();
  const out: ReferenceValueUsed[] = [];
  for (const row of rows) {
    const inputs = rowInputs(row, declaration);
    if (!inputs) continue;
    for (const v of referenceValuesOfRow(declaration, inputs, key, fiscalYear)) {
      const id = `${v.symbol}|${v.value}|${v.vintage ?? ""}`;
      if (!seen.has(id)) out.push(v);
      seen.add(id);
    }
  }
  return out;
}

/**
 * 別紙1's 3.1 / 3.2 / 3.6 / 3.7 where a monitoring table (熱実績管理表) gives them: Σ of the months under the rounding
 * convention the cell follows (the first that gives its value; else the first listed), down to each month's cell.
 */
function monitoringExplanation(submission: Submission, ref: CellRef): ExplainResult | null {
  const list = submission.projectList;
  if (!list || submission.monitoring.length === 0) return null;
  const targets = monitoringTargetsOf(methodologyOf(submission));
  for (const [table, { row }] of matchTables(submission.monitoring, list.rows)) {
    for (const { target } of targets) {
      const field = row.numbers[target];
      if (!field || !sameCell(field.ref, ref)) continue;
      const declared = decimalOf(field);
      // the months that count, as the check and the fill read them
      const alternatives = targetAlternatives(
        countedTable(table, countedMonths(table, row)),
        target,
        procedureFor(submission, table, row),
      );
      let chosen: { value: Decimal; steps: DerivationStep[] } | null = null;
      let convention: Message | null = null;
      for (const alt of alternatives) {
        for (const c of ROUNDING_CONVENTIONS) {
          if (declared !== null && alt.evaluate(c.id, false).value.eq(declared)) {
            chosen = alt.evaluate(c.id, true);
            convention = c.label;
            break;
          }
        }
        if (chosen) break;
      }
      if (!chosen && alternatives[0]) {
        chosen = alternatives[0].evaluate(ROUNDING_CONVENTIONS[0].id, true);
        convention = ROUNDING_CONVENTIONS[0].label;
      }
      const q = declarationFor(submission, list)?.quantities.find((x) => x.key === target);
      const proc = procedureFor(submission, table, row);
      const explanation = explanationOf(
        field,
        { symbol: q?.symbol ?? target, label: q?.label ?? { ja: target, en: target }, column: q?.column },
        row.text.facilityName?.value ?? null,
        chosen ??
          new GecError("#VALUE!", {
            ja: "熱実績管理表の月の値に読めないものがあり、合計を計算できません。",
            en: "A month of the monitoring table cannot be read, so its total cannot be computed.",
          }),
        referenceValuesOf([...proc.month, fuelTotalMonth], monthColumnOf(target), proc.params),
      );
      if (convention) explanation.convention = convention;
      return { kind: "explained", explanation };
    }
  }
  return null;
}

const list = (s: Submission) => s.projectList?.rows ?? [];

/** A derived cell of a month of a monitoring table (p_abs, t, h, t_fw, h', 生成熱量), from that month's own cells. */
function monthExplanation(submission: Submission, ref: CellRef): ExplainResult | null {
  for (const table of submission.monitoring) {
    if (table.sheet !== ref.sheet) continue;
    for (const month of table.months) {
      if (month.row !== ref.row) continue;
      const entry = Object.entries(month.cells).find(([, f]) => sameCell(f.ref, ref));
      if (!entry) continue;
      const [key, field] = entry;
      // the roundings of the facility's 別紙1添付 block (the seed's without one)
      const row = matchTables([table], list(submission)).get(table)?.row ?? null;
      const proc = procedureFor(submission, table, row);
      const q = proc.month.find((x) => x.key === key);
      if (!q?.expr) return null;
      // 生成熱量 is checked from the cells' own h and h' (docs/domain.md §5.1); the others from the raw means
      const ownCells = key === "qMonth" ? ["hSteam", "hFeed"] : [];
      const given: Record<string, Decimal | null> = {};
      const cells: Record<string, string> = {};
      for (const [k, f] of Object.entries(month.cells)) {
        cells[k] = formatRef(f.ref);
        const spec = monitoringMonthQuantities.find((x) => x.key === k);
        if (spec && (!spec.expr || ownCells.includes(k))) given[k] = decimalOf(f);
      }
      let result: { value: Decimal; steps: DerivationStep[] } | GecError;
      try {
        const e = evaluateQuantities(proc.month, given, [key], { trace: true, cells, params: proc.params });
        result = { value: e.values[key], steps: e.steps };
      } catch (e) {
        if (!isGecError(e)) throw e;
        result = e;
      }
      return {
        kind: "explained",
        explanation: explanationOf(
          field,
          q,
          table.facilityName?.value ?? null,
          result,
          referenceValuesOf(proc.month, key, proc.params),
        ),
      };
    }
  }
  return null;
}

/** The derivation of the value the cell at `ref` should hold, or the derived columns of its sheet when it has none. */
export function explainCell(
  grid: Grid,
  ref: CellRef,
  submission: Submission = readSubmission(grid),
): ExplainResult {
  const fromMonitoring = monitoringExplanation(submission, ref) ?? monthExplanation(submission, ref);
  if (fromMonitoring) return fromMonitoring;
  // a cell of a second 別紙1 (別紙1 (2)) is explained from its own list, as its findings are
  const list =
    submission.otherProjectLists.find(
      (l) => l.sheet === ref.sheet && submission.projectList?.sheet !== ref.sheet,
    ) ?? submission.projectList;
  const declaration = list ? declarationFor(submission, list) : null;
  if (list && declaration) {
    const derived = declaration.quantities.filter(
      (q) => q.role === "derived" && list.columns[q.key] !== undefined,
    );
    for (const row of list.rows) {
      for (const q of derived) {
        const field = row.numbers[q.key];
        if (!field || !sameCell(field.ref, ref)) continue;
        const name = row.text.facilityName?.value ?? null;
        return {
          kind: "explained",
          explanation: explanationOf(
            field,
            q,
            name,
            rowDerivation(row, declaration, q.key),
            rowReferences(submission, declaration, [row], q.key),
          ),
        };
      }
    }
    const tonnes = list.rows.map((row) => rowDerivation(row, declaration, declaration.form.tonnesKey));
    // the 合計 needs every row's t: the first row without one says why there is none
    const failure = tonnes.find(isGecError);
    const values = tonnes.flatMap((t) => (isGecError(t) ? [] : [t.value]));
    if (list.totalTonnes && sameCell(list.totalTonnes.ref, ref)) {
      const result = failure ?? totalDerivation(list, declaration, values);
      return {
        kind: "explained",
        explanation: explanationOf(
          list.totalTonnes,
          { ...declaration.total, column: "合計" },
          null,
          result,
          rowReferences(submission, declaration, list.rows, declaration.form.tonnesKey),
        ),
      };
    }
    const blocks = submission.allocationPlan;
    const matches = matchBlocks(blocks, list.rows);
    for (let i = 0; i < blocks.length; i++) {
      if (!sameCell(blocks[i].tonnes.ref, ref)) continue;
      // the facility the checks compare the block with: by the name it gives, else by position
      const match = matches.every((m) => m !== null) ? matches[i] : null;
      const q = {
        symbol: "tCO2",
        label: { ja: "グリーンエネルギーCO2削減相当量", en: "CO2 reduction allocated" },
      };
      if (match) {
        const row = list.rows[match.row];
        return {
          kind: "explained",
          explanation: explanationOf(
            blocks[i].tonnes,
            q,
            row.text.facilityName?.value ?? null,
            tonnes[match.row],
            rowReferences(submission, declaration, [row], declaration.form.tonnesKey),
          ),
        };
      }
      const result = failure ?? totalDerivation(list, declaration, values);
      return {
        kind: "explained",
        explanation: explanationOf(
          blocks[i].tonnes,
          q,
          null,
          result,
          rowReferences(submission, declaration, list.rows, declaration.form.tonnesKey),
        ),
      };
    }
  }
  const derivedColumns =
    list && declaration && list.sheet === ref.sheet
      ? declaration.quantities
          .filter((q) => q.role === "derived" && list.columns[q.key] !== undefined)
          .map((q) => `${columnLetters(list.columns[q.key])} (${q.column} ${q.symbol})`)
          .concat(list.totalTonnes ? [`${cellAddress(list.totalTonnes.ref)} (合計)`] : [])
      : [];
  const where = formatRef(ref);
  return {
    kind: "notDerived",
    derivedColumns,
    message: derivedColumns.length
      ? {
          ja: `${where} は派生値のセルではありません。このシートの派生値の列: ${derivedColumns.join("、")}`,
          en: `${where} is not a derived cell. Derived columns of this sheet: ${derivedColumns.join(", ")}`,
        }
      : {
          ja: `${where} は派生値のセルではありません（派生値は 別紙1 の 3.3・3.8〜3.11 と合計、別紙2 の削減相当量です）。`,
          en: `${where} is not a derived cell (derived cells are 別紙1's 3.3, 3.8–3.11 and 合計, and 別紙2's allocations).`,
        },
  };
}

/** "別紙1!U6", "'別紙 1'!U6" → a CellRef; null for anything else. */
export function parseCellReference(text: string): CellRef | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Za-z]{1,3}\$?\d+)$/.exec(text.trim());
  if (!m) return null;
  const at = parseA1(m[3]);
  if (!at) return null;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'").trim(), ...at };
}

/** "186,081,657" for people. */
export function shownValue(text: string | null): string {
  return text === null ? "—" : grouped(Decimal.from(text));
}
