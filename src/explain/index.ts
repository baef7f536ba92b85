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
import type { MethodologyDeclaration, ReferenceValueUsed } from "../methodology";
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
import type { ProjectList, ProjectRow, Submission } from "../forms/submission";
import type { CellRef, DerivationStep, Grid, Message } from "../types";
import { decimalOf } from "../forms/fields";
import { declarationFor, explanationOf, sameCell } from "./explanation";
import type { Derivation, ExplainResult } from "./explanation";

export type { CellExplanation, ExplainResult } from "./explanation";

/** The derivation as lines a person reads, one step a line, with the cells it read. */
export function derivationText(steps: DerivationStep[], lang: "ja" | "en"): string[] {
  return steps.map((s) => {
    const label = s.label ? ` — ${s.label[lang]}${s.unit ? ` (${s.unit})` : ""}` : "";
    const cells = s.cells.length ? `  [${s.cells.join(", ")}]` : "";
    return `${stepLine(s)}${label}${cells}`;
  });
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

/** Every row's t of a 別紙1, with the first row's failure and the values of the rows that have one. */
interface ListTonnes {
  tonnes: Derivation[];
  /** The 合計 needs every row's t: the first row without one says why there is none. */
  failure: GecError | undefined;
  values: Decimal[];
}

/** The 別紙1 a cell is explained from: a cell of a second 別紙1 (別紙1 (2)) from its own list, as its findings are. */
function projectListAt(submission: Submission, ref: CellRef): ProjectList | null {
  return (
    submission.otherProjectLists.find(
      (l) => l.sheet === ref.sheet && submission.projectList?.sheet !== ref.sheet,
    ) ?? submission.projectList
  );
}

/** A derived cell of a facility row of 別紙1 (3.3, 3.8〜3.11), from that row's inputs. */
function rowCellExplanation(
  submission: Submission,
  list: ProjectList,
  declaration: MethodologyDeclaration,
  ref: CellRef,
): ExplainResult | null {
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
  return null;
}

/** Every row's t of the list, as the 合計 and 別紙2's allocations are derived from them. */
function listTonnes(list: ProjectList, declaration: MethodologyDeclaration): ListTonnes {
  const tonnes = list.rows.map((row) => rowDerivation(row, declaration, declaration.form.tonnesKey));
  const failure = tonnes.find(isGecError);
  const values = tonnes.flatMap((t) => (isGecError(t) ? [] : [t.value]));
  return { tonnes, failure, values };
}

/** The 合計 of 別紙1 (Σ t of every row), or the first row's failure. */
function totalExplanation(
  submission: Submission,
  list: ProjectList,
  declaration: MethodologyDeclaration,
  ref: CellRef,
  { failure, values }: ListTonnes,
): ExplainResult | null {
  if (!list.totalTonnes || !sameCell(list.totalTonnes.ref, ref)) return null;
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

/**
 * A block's グリーンエネルギーCO2削減相当量 of 別紙2: its facility's t where every block matches a row (by the name it
 * gives, else by position, as the checks compare them), else the 合計.
 */
function allocationExplanation(
  submission: Submission,
  list: ProjectList,
  declaration: MethodologyDeclaration,
  ref: CellRef,
  { tonnes, failure, values }: ListTonnes,
): ExplainResult | null {
  const blocks = submission.allocationPlan;
  const matches = matchBlocks(blocks, list.rows);
  for (let i = 0; i < blocks.length; i++) {
    if (!sameCell(blocks[i].tonnes.ref, ref)) continue;
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
  return null;
}

/** The answer for a cell that is not derived: the derived columns of its sheet, where it is a 別紙1's. */
function notDerived(
  list: ProjectList | null,
  declaration: MethodologyDeclaration | null,
  ref: CellRef,
): ExplainResult {
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

/** The derivation of the value the cell at `ref` should hold, or the derived columns of its sheet when it has none. */
export function explainCell(
  grid: Grid,
  ref: CellRef,
  submission: Submission = readSubmission(grid),
): ExplainResult {
  const fromMonitoring = monitoringExplanation(submission, ref) ?? monthExplanation(submission, ref);
  if (fromMonitoring) return fromMonitoring;
  const list = projectListAt(submission, ref);
  const declaration = list ? declarationFor(submission, list) : null;
  if (list && declaration) {
    const fromRow = rowCellExplanation(submission, list, declaration, ref);
    if (fromRow) return fromRow;
    const tonnes = listTonnes(list, declaration);
    const fromTotals =
      totalExplanation(submission, list, declaration, ref, tonnes) ??
      allocationExplanation(submission, list, declaration, ref, tonnes);
    if (fromTotals) return fromTotals;
  }
  return notDerived(list, declaration, ref);
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
