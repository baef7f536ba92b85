// The 検証結果一覧表's lines: each 3.x value of each facility, the 合計 and each 別紙2 block, declared against recomputed.
import { matchBlocks } from "../domain/blocks";
import { methodologyOf } from "../forms/submission";
import { Decimal } from "../numbers";
import { isGecError } from "../errors";
import { formatRef } from "../forms/a1";
import type { NumberField, ProjectRow, Submission } from "../forms/submission";
import type { MethodologyDeclaration, QuantityDeclaration } from "../methodology";
import { explainCell } from "../explain";
import { everyKnown, rowDerivation, rowDerivations, totalDerivation } from "../domain/rows";
import type { DerivationStep } from "../formula";
import type { Finding, Grid, Message } from "../types";
import { shortened } from "../text";
import { blockOf, evidenceFor, facilityTitle } from "./evidence";
import type { ReportLine, Verdict } from "./model";

export type { ReportLine, Verdict } from "./model";

function declaredOf(field: NumberField): { declared: Decimal | null; declaredText: string | null } {
  if (field.reading.kind === "number") return { declared: field.reading.decimal, declaredText: null };
  if (field.raw === null || field.raw === "") return { declared: null, declaredText: null };
  return { declared: null, declaredText: shortened(field.raw) };
}

type Recomputed = { value: Decimal; steps: DerivationStep[] } | { text: Message } | "input";

interface LineOf {
  facility: string;
  facilityIndex: number | null;
  column: string;
  item: string;
  unit: string;
  field: NumberField;
  evidence?: string[];
  ratio?: boolean;
}

function line(of: LineOf, result: Recomputed): ReportLine {
  const { declared, declaredText } = declaredOf(of.field);
  const recomputed = typeof result === "object" && "value" in result ? result.value : null;
  const verdict: Verdict =
    result === "input"
      ? "input"
      : recomputed === null
        ? "notComputable"
        : declared !== null && declared.eq(recomputed)
          ? "agrees"
          : "differs";
  return {
    facility: of.facility,
    facilityIndex: of.facilityIndex,
    column: of.column,
    item: of.item,
    unit: of.unit,
    ratio: of.ratio ?? false,
    cell: formatRef(of.field.ref),
    declared,
    declaredText,
    recomputed,
    verdict,
    derivation: typeof result === "object" && "steps" in result ? result.steps : [],
    reason: typeof result === "object" && "text" in result ? result.text : null,
    materiality: null,
    evidence: of.evidence ?? [],
    means: recomputed !== null ? "再計算" : "",
    findings: [],
  };
}

/** The 3.x quantities of 別紙1 the submission's list has, in column order. */
function listedQuantities(s: Submission, declaration: MethodologyDeclaration): QuantityDeclaration[] {
  const columns = s.projectList?.columns ?? {};
  return declaration.quantities.filter((q) => q.column?.startsWith("3.") && columns[q.key] !== undefined);
}

const notComputable = {
  text: { ja: "計算できない行があります。", en: "Some rows cannot be computed." },
};

/** What every facility's lines are made with: the submission, its methodology and the 3.x columns its list has. */
interface LinesContext {
  grid: Grid;
  s: Submission;
  declaration: MethodologyDeclaration;
  quantities: QuantityDeclaration[];
  /** 3.1 … that a monitoring table (熱実績管理表) gives. */
  targets: Set<string>;
  derivedKeys: string[];
}

type Derivations = ReturnType<typeof rowDerivations>;

/**
 * Every line of the table: for each facility its 3.x values (a derived one recomputed by the methodology's formula;
 * 3.1 … re-derived from the facility's monitoring table where there is one; any other input as declared, to be
 * matched against the documents), then the 合計 and each 別紙2 block against the facility its name pairs it with.
 * Each line takes the materiality of the finding at its cell.
 */
export function reportLines(
  grid: Grid,
  s: Submission,
  findings: Finding[],
): { lines: ReportLine[]; allocation: ReportLine[] } {
  const lines: ReportLine[] = [];
  const list = s.projectList;
  if (!list) return { lines, allocation: [] };
  const declaration = methodologyOf(s);
  const quantities = listedQuantities(s, declaration);
  const context: LinesContext = {
    grid,
    s,
    declaration,
    quantities,
    targets: new Set<string>(declaration.form.monitoringTargets),
    derivedKeys: quantities.filter((q) => q.role === "derived").map((q) => q.key),
  };
  const tonnes = list.rows.map((row, i) => facilityLines(context, row, i, lines));
  const allTonnes = tonnes.length > 0 ? everyKnown(tonnes) : null;
  const total = allTonnes ? totalDerivation(list, declaration, allTonnes) : null;
  if (list.totalTonnes) {
    lines.push(
      line(
        {
          facility: "合計",
          facilityIndex: null,
          column: "合計",
          item: `${declaration.total.label.ja} ${declaration.total.symbol}`,
          unit: declaration.total.unit,
          field: list.totalTonnes,
        },
        total ?? notComputable,
      ),
    );
  }
  const allocation = allocationLines(s, list, declaration, total);
  withMateriality([...lines, ...allocation], findings);
  return { lines, allocation };
}

/** Facility i's lines, one per 3.x value it has, pushed to `lines`; its tonnes, or null when not computable. */
function facilityLines(
  context: LinesContext,
  row: ProjectRow,
  i: number,
  lines: ReportLine[],
): Decimal | null {
  const { s, declaration } = context;
  const name = row.text.facilityName?.value;
  const facility = facilityTitle(name, i);
  const block = blockOf(s, name);
  const tonnesKey = declaration.form.tonnesKey;
  const derivations = rowDerivations(row, declaration, [...context.derivedKeys, tonnesKey]);
  for (const q of context.quantities) {
    const field = row.numbers[q.key];
    if (!field) continue;
    const of: LineOf = {
      facility,
      facilityIndex: i,
      column: q.column ?? "",
      item: `${q.label.ja} ${q.symbol}`,
      unit: q.unit,
      field,
      evidence: evidenceFor(s, declaration, q, block),
      ratio: q.form === "ratio",
    };
    lines.push(quantityLine(context, row, q, of, derivations));
  }
  const t = derivations.get(tonnesKey) ?? rowDerivation(row, declaration, tonnesKey);
  return isGecError(t) ? null : t.value;
}

/** One value's line: derived ones recomputed, 3.1 … from the monitoring table down to the month, inputs as declared. */
function quantityLine(
  context: LinesContext,
  row: ProjectRow,
  q: QuantityDeclaration,
  of: LineOf,
  derivations: Derivations,
): ReportLine {
  const { s, declaration } = context;
  if (q.role === "derived") {
    const d = derivations.get(q.key) ?? rowDerivation(row, declaration, q.key);
    return line(of, isGecError(d) ? { text: d.text } : d);
  }
  if (context.targets.has(q.key) && s.monitoring.length > 0) {
    // 3.1 / 3.2 / 3.6 / 3.7 where a monitoring table (熱実績管理表) gives them, down to the month
    const r = explainCell(context.grid, of.field.ref, s);
    if (r.kind === "explained" && r.explanation.convention) {
      const e = r.explanation;
      of.item = `${of.item}（熱実績管理表: ${e.convention?.ja}）`;
      return line(
        of,
        e.expected === null
          ? { text: e.failure ?? { ja: "", en: "" } }
          : { value: Decimal.from(e.expected), steps: e.steps },
      );
    }
  }
  return line(of, "input");
}

/** Each 別紙2 block against the facility the checks pair it with (the name it gives, else its position), or the 合計. */
function allocationLines(
  s: Submission,
  list: NonNullable<Submission["projectList"]>,
  declaration: MethodologyDeclaration,
  total: Recomputed | null,
): ReportLine[] {
  const blocks = s.allocationPlan;
  const matches = matchBlocks(blocks, list.rows);
  const perFacility = blocks.length > 1 && matches.every((m) => m !== null);
  return blocks.map((b, i) => {
    const row = perFacility ? (matches[i]?.row ?? i) : null;
    const source =
      row !== null
        ? rowDerivation(list.rows[row], declaration, declaration.form.tonnesKey)
        : (total ?? notComputable);
    return line(
      {
        facility: row !== null ? facilityTitle(list.rows[row].text.facilityName?.value, row) : "合計",
        facilityIndex: row,
        column: "別紙2",
        item: "グリーンエネルギーCO2削減相当量",
        unit: "tCO2",
        field: b.tonnes,
      },
      isGecError(source) ? { text: source.text } : source,
    );
  });
}

/** Each line takes the materiality of the first finding at its cell that has one. */
function withMateriality(lines: ReportLine[], findings: Finding[]): void {
  const materiality = new Map<string, Finding["materiality"]>();
  for (const f of findings) {
    const cell = formatRef(f.ref);
    if (f.materiality && !materiality.has(cell)) materiality.set(cell, f.materiality);
  }
  for (const l of lines) l.materiality = materiality.get(l.cell) ?? null;
}
