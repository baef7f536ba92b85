// Derived cells of a 様式3-2 (3.3, 3.8–3.11, 合計, 別紙2) as a WritePlan that never touches an input cell.
import { methodologyOf } from "../forms/submission";
import { Decimal, spreadsheetDecimal } from "../numbers";
import { isGecError } from "../errors";
import { renderRowFormula } from "../methodology";
import { anyFragileRounding, excelFormula, formulaInputs, fragileRounding } from "../formula";
import type { MethodologyDeclaration, MethodologyParams, QuantityDeclaration } from "../methodology";
import { readSubmission } from "../forms/read";
import { cellAddress, formatRef } from "../forms/a1";
import { SheetView } from "../forms/sheet";
import type { AllocationBlock, NumberField, ProjectList, ProjectRow, Submission } from "../forms/submission";
import { everyKnown, rowInputs, totalDerivation } from "../domain/rows";
import type { CellRef, CellValue, CellWrite, Finding, Grid, Message, WritePlan } from "../types";
import { sameFormula } from "./invert";
import { planMonitoringFill } from "./monitoring";
import type { MonitoringFaults } from "./monitoring";
import { shortened } from "../text";
import { writesMateriality } from "../domain/materiality";
import { facilityLabel, heldFacility, matchBlocks } from "../domain/blocks";
import type { BlockMatch } from "../domain/blocks";
import type { Materiality } from "../types";

export { invertPlan, sameFormula } from "./invert";
export { applyToGrid } from "./apply";
export type { MonitoringFaults } from "./monitoring";

export interface FillOptions {
  /** Write native Excel formulas (ROUNDDOWN, SUM; never GEC.) instead of values. */
  formulas?: boolean;
  params?: MethodologyParams;
}

export interface FillPlan {
  /** The writes, in sheet and reading order; each keeps what it replaces. */
  writes: WritePlan;
  /** Rows or cells left alone, and why. */
  skipped: Finding[];
  /** What the writes do to the certified tonnes (3.11, 合計, 別紙2): a preview says when they change none. */
  materiality: Materiality;
}

function quotedRef(ref: CellRef): string {
  return `'${ref.sheet.replace(/'/g, "''")}'!${cellAddress(ref)}`;
}

function skip(rule: string, ref: CellRef, ja: string, en: string): Finding {
  return { rule, severity: "info", ref, message: { ja, en } };
}

class PlanBuilder {
  readonly writes: CellWrite[] = [];
  readonly skipped: Finding[] = [];
  private readonly views: Map<string, SheetView>;

  constructor(
    grid: Grid,
    readonly formulas: boolean,
  ) {
    this.views = new Map(grid.sheets.map((s) => [s.name, new SheetView(s)]));
  }

  /**
   * Plans one cell: a formula when asked for and given, else the value. Leaves the cell alone when it already
   * holds that formula, or shows that value (a typed text number that reads as the value counts).
   */
  cell(field: NumberField, value: Decimal, formula: string | null, numberFormat?: string): void {
    const current = field.reading.kind === "number" ? field.reading.decimal : null;
    const view = this.views.get(field.ref.sheet);
    const previousNumberFormat = view?.numberFormat(field.ref.row, field.ref.col) ?? null;
    const write: CellWrite = { ref: field.ref, previous: field.raw, previousFormula: field.formula };
    if (this.formulas && formula !== null) {
      if (sameFormula(field.formula, formula)) return;
      write.formula = formula;
      // the result rides along, so that a file reader which never recalculates still sees the number
      write.value = value.toNumber();
    } else {
      if (current !== null && current.eq(value)) return;
      write.value = value.toNumber();
    }
    if (numberFormat && !(previousNumberFormat ?? "").includes("%")) {
      write.numberFormat = numberFormat;
      write.previousNumberFormat = previousNumberFormat;
    }
    this.writes.push(write);
  }
}

function declarationFor(s: Submission, list: ProjectList): MethodologyDeclaration | null {
  // the reader's one answer; a list read under it always has its columns
  return list ? methodologyOf(s) : null;
}

/**
 * Plans every derived cell of the workbook from its inputs; the monitoring tables first, 別紙1 then from their 3.1.
 * `monitoringFaults` says what the checks still fault in a monitoring table once its months are written (the engine
 * passes the checks' own): a faulted month gives no 3.1.
 */
export function planFill(grid: Grid, options: FillOptions, monitoringFaults: MonitoringFaults): FillPlan {
  const monitoring = planMonitoringFill(grid, options, monitoringFaults);
  const form = planFormFill(monitoring.grid, options, monitoring.refusedRows);
  const writes = [...monitoring.writes, ...form.writes];
  return {
    writes,
    skipped: [...monitoring.skipped, ...form.skipped],
    // the form's own reading (after the monitoring writes, which never touch a 3.11, 合計 or 別紙2 cell)
    materiality: writesMateriality(form.submission, writes),
  };
}

/** The form being filled: the plan so far, its project list and the methodology that derives its columns. */
interface FormFill {
  plan: PlanBuilder;
  list: NonNullable<ProjectList>;
  declaration: MethodologyDeclaration;
  options: FillOptions;
}

function planFormFill(
  grid: Grid,
  options: FillOptions,
  refusedRows: Set<number> = new Set(),
): Omit<FillPlan, "materiality"> & { submission: Submission } {
  const submission = readSubmission(grid);
  const plan = new PlanBuilder(grid, options.formulas === true);
  const list = submission.projectList;
  const origin: CellRef = { sheet: grid.sheets[0]?.name ?? "", row: 0, col: 0 };
  if (!list) {
    plan.skipped.push(
      skip(
        "fill.noProjectList",
        origin,
        "別紙1 の事業リストが見つからないため、自動入力するセルがありません。",
        "No 別紙1 project list was found, so there is nothing to fill.",
      ),
    );
    return { writes: plan.writes, skipped: plan.skipped, submission };
  }
  const declaration = declarationFor(submission, list);
  if (!declaration) {
    plan.skipped.push(
      skip(
        "fill.methodology",
        { sheet: list.sheet, row: list.headerRow, col: 0 },
        "1.3 の方法論が決まらず、別紙1 の列からも判断できないため、自動入力しません。",
        "The 1.3 methodology is not determined and the 別紙1 columns do not tell it, so nothing is filled.",
      ),
    );
    return { writes: plan.writes, skipped: plan.skipped, submission };
  }
  const form: FormFill = { plan, list, declaration, options };
  const rowTonnes: (Decimal | null)[] = [];
  const tonnesRefs: CellRef[] = [];
  for (const row of list.rows) {
    const derived = planRow(form, row, refusedRows.has(row.row));
    const tonnesField = row.numbers[declaration.form.tonnesKey];
    rowTonnes.push(derived?.[declaration.form.tonnesKey] ?? null);
    if (tonnesField) tonnesRefs.push(tonnesField.ref);
  }
  const total = planTotal(form, rowTonnes, tonnesRefs);
  planAllocation(form, submission, rowTonnes, total);
  const writes = withoutInputs(plan.writes, list, declaration);
  return { writes, skipped: plan.skipped, submission };
}

/** One 別紙1 row: its derived cells planned; what it derives (null when it is not filled, with the reason noted). */
function planRow(form: FormFill, row: ProjectRow, refused: boolean): Record<string, Decimal> | null {
  const { plan, list, declaration, options } = form;
  const anchor: CellRef = { sheet: list.sheet, row: row.row, col: Math.min(...Object.values(list.columns)) };
  if (refused) {
    // its 3.1 … would come from a monitoring table the fill refused (the refusal says why): no tonne is guessed
    plan.skipped.push(
      skip(
        "fill.refused.monitoring",
        anchor,
        `${row.row + 1} 行目は熱実績管理表から 3.1 などを得られないため、削減相当量まで何も書きません。`,
        `Row ${row.row + 1} is not filled: its 3.1 etc. cannot be had from its monitoring table, so nothing up to the tonnes is written.`,
      ),
    );
    return null;
  }
  const inputs = rowInputs(row, declaration);
  if (!inputs) {
    plan.skipped.push(
      skip(
        "fill.row.unreadable",
        anchor,
        `${row.row + 1} 行目は数値として読めない入力があるため、自動入力しません。`,
        `Row ${row.row + 1} has an input that cannot be read as a number, so it is not filled.`,
      ),
    );
    return null;
  }
  let derived: Record<string, Decimal>;
  try {
    derived = declaration.derive(inputs, options.params);
  } catch (e) {
    if (!isGecError(e)) throw e;
    plan.skipped.push(
      skip(
        "fill.row.incomplete",
        anchor,
        `${row.row + 1} 行目は自動入力できません: ${e.text.ja}`,
        `Row ${row.row + 1} is not filled: ${e.text.en}`,
      ),
    );
    return null;
  }
  planRowCells(form, row, inputs, derived);
  return derived;
}

/** A derived row's cells: each a native formula when asked for and Excel would compute it alike, else its value. */
function planRowCells(
  form: FormFill,
  row: ProjectRow,
  inputs: Record<string, Decimal | null>,
  derived: Record<string, Decimal>,
): void {
  const { plan, list, declaration, options } = form;
  const derivedKeys = declaration.quantities.filter((q) => q.role === "derived");
  const refs: Record<string, string> = {};
  for (const [key, col] of Object.entries(list.columns)) refs[key] = cellAddress({ row: row.row, col });
  // one pass over the row finds whether any rounding is within a spreadsheet's noise of its boundary (rare)
  const noisy =
    plan.formulas &&
    anyFragileRounding(
      declaration.quantities,
      inputs,
      derivedKeys.map((q) => q.key),
      { ...options.params },
    );
  for (const q of derivedKeys) {
    const field = row.numbers[q.key];
    const value = derived[q.key];
    if (!field || value === undefined) continue;
    const formula = plan.formulas ? rowFormula(form, row, q, refs, noisy, inputs, derived) : null;
    plan.cell(field, value, formula, q.form === "ratio" ? "0.00%" : undefined);
  }
}

/**
 * The native formula of a row's derived cell, or null (noted) where its value is written instead: an input Excel
 * would read otherwise than the engine did, or a rounding within a spreadsheet's noise of its boundary.
 */
function rowFormula(
  form: FormFill,
  row: ProjectRow,
  q: QuantityDeclaration,
  refs: Record<string, string>,
  noisy: boolean,
  inputs: Record<string, Decimal | null>,
  derived: Record<string, Decimal>,
): string | null {
  const { plan, declaration, options } = form;
  const field = row.numbers[q.key];
  const formula = renderRowFormula(q, declaration.quantities, refs, options.params);
  if (!formula || !field) return null;
  const misread = misreadInput(q, declaration, row, refs);
  if (misread) {
    // Excel would compute from the cell as typed, not as the reader took it: the value is what is meant
    plan.skipped.push(
      skip(
        "fill.formula.asValue",
        field.ref,
        `${formatRef(field.ref)}（${q.column ?? ""} ${q.symbol}）は数式でなく値で書きます。入力 ${formatRef(misread.ref)} の ${shortText(misread.raw)} は ${misread.reading} と読みましたが、Excel の数式はそのように読まないためです（入力は書き換えません）。`,
        `${formatRef(field.ref)} (${q.column ?? ""} ${q.symbol}) is written as a value, not a formula: input ${formatRef(misread.ref)} holds ${shortText(misread.raw)}, read as ${misread.reading}, which an Excel formula would not read the same way (inputs are never rewritten).`,
      ),
    );
    return null;
  }
  const fragile = noisy
    ? fragileRounding(declaration.quantities, cellValues(inputs, derived, refs), q.key, { ...options.params })
    : null;
  if (!fragile) return formula;
  // a spreadsheet's double may land on the other side of the boundary the exact decimal is near: the value
  const value = derived[q.key];
  plan.skipped.push(
    skip(
      "fill.formula.noise",
      field.ref,
      `${formatRef(field.ref)}（${q.column ?? ""} ${q.symbol}）は数式でなく値 ${value.toString()} で書きます。${fragile.text} の引数が端数処理の境目に 10^-11 以内まで近く、表計算ソフトの 2 進浮動小数点の計算では反対側に丸められることがあるためです（LibreOffice は境目から約 10^-12 以内の値を境目に寄せます）。`,
      `${formatRef(field.ref)} (${q.column ?? ""} ${q.symbol}) is written as the value ${value.toString()}, not a formula: the argument of ${fragile.text} lies within 10^-11 of a rounding boundary, and a spreadsheet's binary floating point may round it to the other side (LibreOffice moves a value within about 10^-12 of a boundary onto it).`,
    ),
  );
  return null;
}

/** R6 from the declared 合計 quantity, the same one the check and explain use: the total, or null when unknown. */
function planTotal(form: FormFill, rowTonnes: (Decimal | null)[], tonnesRefs: CellRef[]): Decimal | null {
  const { plan, list, declaration } = form;
  const allTonnes = rowTonnes.length > 0 ? everyKnown(rowTonnes) : null;
  const total = allTonnes ? totalDerivation(list, declaration, allTonnes, false).value : null;
  if (!list.totalTonnes) return total;
  if (total === null) {
    plan.skipped.push(
      skip(
        "fill.total.incomplete",
        list.totalTonnes.ref,
        "自動入力できない行があるため、合計は書きません。",
        "Some rows cannot be filled, so the total is not written.",
      ),
    );
    return total;
  }
  const first = tonnesRefs[0];
  const last = tonnesRefs[tonnesRefs.length - 1];
  const sum =
    first && last
      ? excelFormula(declaration.total, declaration.quantities, {
          addresses: {},
          ranges: { [declaration.form.tonnesKey]: `${cellAddress(first)}:${cellAddress(last)}` },
        })
      : null;
  plan.cell(list.totalTonnes, total, sum);
  return total;
}

/**
 * 別紙2: one block per facility takes that row's t, paired as R7's check pairs them (by the facility a block
 * names, else by position); a single block takes the total (R7). Power sold is 0 where the methodology has none.
 */
function planAllocation(
  form: FormFill,
  submission: Submission,
  rowTonnes: (Decimal | null)[],
  total: Decimal | null,
): void {
  const { plan, list, declaration } = form;
  const blocks = submission.allocationPlan;
  const matches = list === submission.projectList ? matchBlocks(blocks, list.rows) : [];
  if (blocks.length > 1 && matches.some((m) => m !== null)) {
    const claims = new Map<number, number>();
    for (const m of matches) if (m) claims.set(m.row, (claims.get(m.row) ?? 0) + 1);
    blocks.forEach((b, i) => planBlock(form, b, matches[i], claims, rowTonnes));
  } else if (blocks.length === 1 && total !== null) {
    const source = list.totalTonnes?.ref;
    plan.cell(blocks[0].tonnes, total, source ? `=${quotedRef(source)}` : null);
  } else if (blocks.length > 0) {
    plan.skipped.push(
      skip(
        "fill.allocation.layout",
        blocks[0].tonnes.ref,
        `別紙2 の配分ブロック（${blocks.length} 件）が別紙1 の施設数（${list.rows.length} 件）と対応しないため、別紙2 は書きません。`,
        `別紙2 has ${blocks.length} allocation blocks for ${list.rows.length} facilities, so it is not filled.`,
      ),
    );
  }
  if (!declaration.form.powerSoldKey) {
    for (const b of blocks) if (b.powerSold) plan.cell(b.powerSold, Decimal.zero, null);
  }
}

/** One 別紙2 block of several: its facility's t linked, unless the pairing is a guess (then refused, with why). */
function planBlock(
  form: FormFill,
  b: AllocationBlock,
  m: BlockMatch | null,
  claims: Map<number, number>,
  rowTonnes: (Decimal | null)[],
): void {
  const { plan, list, declaration } = form;
  const at = formatRef;
  const refuse = (why: Message): void => {
    plan.skipped.push(skip("fill.refused.allocation", b.tonnes.ref, why.ja, why.en));
  };
  if (!m)
    return refuse({
      ja: `${at(b.tonnes.ref)} の別紙2 ブロックは別紙1 のどの施設とも対応しません（名前が別紙1 にありません）。自動入力しません。`,
      en: `The 別紙2 block at ${at(b.tonnes.ref)} stands for no facility of 別紙1 (its name is not in 別紙1): not filled.`,
    });
  const name = facilityLabel(list.rows[m.row], m.row);
  // a guess is no fill: a name one character off, a facility two blocks name, a figure that is another's t
  if (m.by === "nearMiss")
    return refuse({
      ja: `${at(b.tonnes.ref)} の別紙2 ブロックは「${name}」と 1 文字違う名前です。どの施設のブロックか確かめてから入力してください（自動入力しません）。`,
      en: `The 別紙2 block at ${at(b.tonnes.ref)} names a facility one character off "${name}": confirm which facility it is (not filled).`,
    });
  if ((claims.get(m.row) ?? 0) > 1)
    return refuse({
      ja: `「${name}」の別紙2 ブロックが 2 つ以上あります。${at(b.tonnes.ref)} は自動入力しません。`,
      en: `More than one 別紙2 block stands for "${name}": ${at(b.tonnes.ref)} is not filled.`,
    });
  const actual = b.tonnes.reading.kind === "number" ? b.tonnes.reading.decimal : null;
  const other = heldFacility(m, actual, rowTonnes);
  if (other !== null)
    return refuse({
      ja: `${at(b.tonnes.ref)} は「${name}」のブロックですが、「${facilityLabel(list.rows[other], other)}」の t を保有しています。名前と数値のどちらが正しいか確かめてください（自動入力しません）。`,
      en: `${at(b.tonnes.ref)} is labelled "${name}" but holds the t of "${facilityLabel(list.rows[other], other)}": confirm whether the label or the figure is right (not filled).`,
    });
  const t = rowTonnes[m.row];
  const source = list.rows[m.row].numbers[declaration.form.tonnesKey]?.ref;
  if (t !== null && t !== undefined) plan.cell(b.tonnes, t, source ? `=${quotedRef(source)}` : null);
}

/** A cell for messages: text shortened, so that a 100,000-character cell is never echoed whole. */
function shortText(raw: CellValue): string {
  return typeof raw === "string" ? `"${shortened(raw)}"` : shortened(raw);
}

/**
 * The first input cell of a formula that Excel would not read as the engine did: text ("1,234", full-width digits,
 * "99.94%") or a share typed as a percentage number (92.512 under a "%" heading). Null when every input is a plain
 * number that Excel reads as it is, so that the formula recalculates to exactly the value cached with it.
 */
function misreadInput(
  q: QuantityDeclaration,
  declaration: MethodologyDeclaration,
  row: ProjectRow,
  refs: Record<string, string>,
): { ref: CellRef; raw: CellValue; reading: string } | null {
  for (const key of formulaInputs(q, declaration.quantities, { addresses: refs })) {
    const input = declaration.quantities.find((x) => x.key === key);
    const field = row.numbers[key];
    if (!input || input.role !== "input" || !field) continue;
    const reading = field.reading;
    if (reading.kind !== "number") continue; // blank or "—": the formula's own blank test reads it as the engine does
    // a number cell is read at the 15 digits a spreadsheet computes with (docs/numbers.md), so Excel reads it so too
    if (typeof field.raw !== "number" || !spreadsheetDecimal(field.raw).eq(reading.decimal)) {
      return { ref: field.ref, raw: field.raw, reading: reading.decimal.toString() };
    }
  }
  return null;
}

/**
 * What a row's formula reads from its cells: the inputs, and the derived values of the quantities that have a column
 * here (their own formulas are tested on their own); a quantity without one is inlined, so it is recomputed.
 */
function cellValues(
  inputs: Record<string, Decimal | null>,
  derived: Record<string, Decimal>,
  refs: Record<string, string>,
): Record<string, Decimal | null> {
  const out: Record<string, Decimal | null> = { ...inputs };
  for (const [key, value] of Object.entries(derived)) if (refs[key] !== undefined) out[key] = value;
  return out;
}

/** Belt and braces: whatever the planning above does, a cell of an input column of 別紙1 is never written. */
function withoutInputs(
  writes: CellWrite[],
  list: ProjectList,
  declaration: MethodologyDeclaration,
): CellWrite[] {
  const derived = new Set(declaration.quantities.filter((q) => q.role === "derived").map((q) => q.key));
  const inputCols = new Set(
    Object.entries(list.columns)
      .filter(([key]) => !derived.has(key))
      .map(([, col]) => col),
  );
  const rows = new Set(list.rows.map((r) => r.row));
  return writes.filter(
    (w) => !(w.ref.sheet === list.sheet && rows.has(w.ref.row) && inputCols.has(w.ref.col)),
  );
}

/** One line per write for a person: "別紙1!N5: 186081857 → 186081657". */
export function describeWrite(w: CellWrite): string {
  const shown = (v: CellValue | undefined, f: string | null | undefined) =>
    f ? f : v === null || v === undefined || v === "" ? "（空欄）" : String(v);
  return `${formatRef(w.ref)}: ${shown(w.previous, w.previousFormula)} → ${shown(w.value, w.formula)}`;
}
