// Materiality: what correcting a finding about a number of 別紙1/別紙2 does to the certified tonnes (3.11, 合計, 別紙2).
import { Decimal } from "../numbers";
import type { MethodologyDeclaration } from "../methodology";
import { isGecError } from "../errors";
import type { CellRef, CellValue, CellWrite, Finding, Materiality, Message, TonnesPlace } from "../types";
import type { NumberField, ProjectList, ProjectRow, Submission } from "../forms/submission";
import { methodologyOf } from "../forms/submission";
import { deriveRow, everyKnown, rowInputs } from "./rows";
import { matchBlocks } from "./blocks";
import { decimalOf } from "../forms/fields";

/** A finding's corrected value, where it gives one as a plain number (its fix, else its expected value). */
function correctedValue(f: Finding): Decimal | null {
  const candidates: (CellValue | number | string | undefined)[] = [f.fix?.value, f.expected];
  for (const c of candidates) {
    if (typeof c === "number" && Number.isFinite(c)) return Decimal.from(c);
    if (typeof c === "string" && /^-?\d+(\.\d+)?$/.test(c.trim())) return Decimal.parse(c);
  }
  return null;
}

/** The t of a row from its inputs, one of them replaced; null where the inputs give none. */
function tonnesWith(
  row: ProjectRow,
  declaration: MethodologyDeclaration,
  override?: { key: string; value: Decimal },
): Decimal | null {
  if (!override) {
    const inputs = rowInputs(row, declaration);
    if (!inputs) return null;
    const result = deriveRow(row, inputs, declaration);
    return isGecError(result) ? null : (result[declaration.form.tonnesKey] ?? null);
  }
  const inputs: Record<string, Decimal | null> = {};
  for (const q of declaration.quantities) {
    if (q.role !== "input") continue;
    if (q.key === override.key) {
      inputs[q.key] = override.value;
      continue;
    }
    const field = row.numbers[q.key];
    if (field && field.reading.kind === "invalid") return null;
    inputs[q.key] = decimalOf(field);
  }
  try {
    return declaration.derive(inputs)[declaration.form.tonnesKey] ?? null;
  } catch (e) {
    if (isGecError(e)) return null;
    throw e;
  }
}

function signed(d: Decimal): string {
  const text = d.toString();
  return d.isNegative() ? text.replace("-", "−") : `+${text}`;
}

const NO_CHANGE: Message = { ja: "t への影響なし", en: "no change in tonnes" };

/** The one wording of a materiality, for check, report, fill and the pane. */
function materialityMessage(tonnes: Decimal | null, reaches: TonnesPlace[]): Message {
  if (tonnes === null) {
    return {
      ja: "t への影響は計算できません（訂正後の値が示されていないか、行の入力から t が得られません）",
      en: "the effect on tonnes cannot be computed (no corrected value is given, or the row's inputs give no t)",
    };
  }
  if (reaches.length === 0) return NO_CHANGE;
  const [first, ...rest] = reaches;
  const amount = tonnes.isZero() ? "" : ` ${signed(tonnes)} t`;
  return rest.length === 0
    ? { ja: `${first} が${amount}`, en: `${first} changes by${amount}` }
    : {
        ja: `${first} が${amount}（${rest.join("、")} も変わります）`,
        en: `${first} changes by${amount} (so does ${rest.join(" and ")})`,
      };
}

function of(tonnes: Decimal | null, reaches: TonnesPlace[]): Materiality {
  return { tonnes: tonnes?.toNumber() ?? null, reaches, message: materialityMessage(tonnes, reaches) };
}

type Place = { field: NumberField } & (
  | { kind: "row"; list: ProjectList; index: number; key: string }
  | { kind: "total"; list: ProjectList }
  | { kind: "block"; index: number }
  | { kind: "powerSold" }
);

const keyOf = (ref: CellRef) => `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;

/** Every number cell of 別紙1 and 別紙2, the declared and recomputed t of each list, read once per submission. */
class Tonnes {
  private readonly places = new Map<string, Place>();
  private readonly rowsAt = new Map<string, { list: ProjectList; index: number }>();
  readonly declaration: MethodologyDeclaration;
  private readonly rowOfBlock = new Map<number, number>();
  private readonly blockOfRow = new Map<number, number>();
  private readonly recomputed = new Map<ProjectList, (Decimal | null)[]>();

  constructor(readonly submission: Submission) {
    this.declaration = methodologyOf(submission);
    // 別紙2 blocks are paired with rows as R7 pairs them: by the facility a block names, else by position
    if (submission.projectList)
      matchBlocks(submission.allocationPlan, submission.projectList.rows).forEach((m, block) => {
        if (m) {
          this.rowOfBlock.set(block, m.row);
          this.blockOfRow.set(m.row, block);
        }
      });
    const lists = [submission.projectList, ...submission.otherProjectLists].filter(
      (l): l is ProjectList => l !== null,
    );
    for (const list of lists) {
      // rows by their sheet row; a cell's quantity is found when asked (a finding's or a write's cell), so that a
      // 10,000-row list costs one entry per row, not one per number cell
      list.rows.forEach((row, index) => this.rowsAt.set(`${list.sheet}\u0000${row.row}`, { list, index }));
      const total = list.totalTonnes;
      if (total) this.places.set(keyOf(total.ref), { kind: "total", list, field: total });
    }
    if (submission.projectList) {
      submission.allocationPlan.forEach((b, index) => {
        this.places.set(keyOf(b.tonnes.ref), { kind: "block", index, field: b.tonnes });
        if (b.powerSold) this.places.set(keyOf(b.powerSold.ref), { kind: "powerSold", field: b.powerSold });
      });
    }
  }

  /** The number cell of 別紙1 or 別紙2 at a reference, with what it stands for. */
  placeAt(ref: CellRef): Place | undefined {
    const hit = this.rowsAt.get(`${ref.sheet}\u0000${ref.row}`);
    if (hit) {
      const numbers = hit.list.rows[hit.index].numbers;
      for (const key in numbers) {
        const field = numbers[key];
        if (field.ref.col === ref.col) return { kind: "row", list: hit.list, index: hit.index, key, field };
      }
    }
    return this.places.get(keyOf(ref));
  }

  rowsOf(list: ProjectList): (Decimal | null)[] {
    let t = this.recomputed.get(list);
    if (!t) this.recomputed.set(list, (t = list.rows.map((row) => tonnesWith(row, this.declaration))));
    return t;
  }

  declaredRow(list: ProjectList, i: number): Decimal {
    return decimalOf(list.rows[i].numbers[this.declaration.form.tonnesKey]) ?? Decimal.zero;
  }

  /** 別紙2 as R7 reads it: one block per facility, or blocks whose sum is the 合計. */
  private perFacility(list: ProjectList): boolean {
    return list === this.submission.projectList && this.rowOfBlock.size > 0;
  }

  private blockSum(): Decimal {
    return this.submission.allocationPlan.reduce(
      (a, b) => a.add(decimalOf(b.tonnes) ?? Decimal.zero),
      Decimal.zero,
    );
  }

  /** The places a row's t of `changed` (others as declared) moves, beyond the row's own 3.11. */
  private beyondRow(list: ProjectList, i: number, changed: Decimal): TonnesPlace[] {
    const out: TonnesPlace[] = [];
    const others = list.rows.reduce(
      (a, _, j) => (j === i ? a : a.add(this.declaredRow(list, j))),
      Decimal.zero,
    );
    const total = others.add(changed);
    if (list.totalTonnes && !(decimalOf(list.totalTonnes) ?? Decimal.zero).eq(total)) out.push("合計");
    const blocks = this.submission.allocationPlan;
    if (list === this.submission.projectList && blocks.length > 0) {
      const own = this.blockOfRow.get(i);
      const declared = this.perFacility(list)
        ? own === undefined
          ? Decimal.zero
          : (decimalOf(blocks[own].tonnes) ?? Decimal.zero)
        : this.blockSum();
      const wanted = this.perFacility(list) ? changed : total;
      if (!declared.eq(wanted)) out.push("別紙2");
    }
    return out;
  }

  /** Σ of the recomputed rows' t, null where a row has none. */
  private recomputedTotal(list: ProjectList): Decimal | null {
    return everyKnown(this.rowsOf(list))?.reduce((a, t) => a.add(t), Decimal.zero) ?? null;
  }

  of(f: Finding): Materiality | undefined {
    // a note (a number typed as text, a convention matched) asks for no correction
    if (f.severity === "info") return undefined;
    const place = this.placeAt(f.ref);
    if (!place) return undefined;
    if (place.kind === "powerSold") return of(Decimal.zero, []);
    if (place.kind === "total") {
      const t = this.recomputedTotal(place.list);
      if (t === null) return of(null, []);
      const d = t.sub(decimalOf(place.list.totalTonnes) ?? Decimal.zero);
      const reaches: TonnesPlace[] = d.isZero() ? [] : ["合計"];
      const blocks = this.submission.allocationPlan;
      if (place.list === this.submission.projectList && blocks.length > 0 && !this.perFacility(place.list)) {
        if (!this.blockSum().eq(t)) reaches.push("別紙2");
      }
      return of(d, reaches);
    }
    const list = this.submission.projectList;
    if (place.kind === "block") {
      if (!list) return undefined;
      const block = this.submission.allocationPlan[place.index];
      const row = this.rowOfBlock.get(place.index);
      const wanted = this.perFacility(list)
        ? row === undefined
          ? null
          : this.rowsOf(list)[row]
        : this.recomputedTotal(list);
      if (wanted === null || wanted === undefined) return of(null, []);
      const declared = this.perFacility(list) ? (decimalOf(block.tonnes) ?? Decimal.zero) : this.blockSum();
      const d = wanted.sub(declared);
      return of(d, d.isZero() ? [] : ["別紙2"]);
    }
    // a cell of a 別紙1 row: the row's t once the finding is corrected, set against the 3.11 it declares
    const row = place.list.rows[place.index];
    const q = this.declaration.quantities.find((x) => x.key === place.key);
    let changed: Decimal | null;
    if (q?.role === "input") {
      const value = correctedValue(f);
      // an input's correction is only known where the finding gives it (a monitoring table's sum, a default)
      if (value === null) return of(null, []);
      changed = tonnesWith(row, this.declaration, { key: place.key, value });
    } else {
      changed = this.rowsOf(place.list)[place.index];
    }
    if (changed === null) return of(null, []);
    const d = changed.sub(this.declaredRow(place.list, place.index));
    const reaches: TonnesPlace[] = d.isZero() ? [] : ["3.11"];
    reaches.push(...this.beyondRow(place.list, place.index, changed));
    // the row's own t unchanged and 合計/別紙2 already out of step for another reason: not this finding's doing
    return d.isZero() ? of(d, []) : of(d, reaches);
  }
}

/** Gives each finding about a number of 別紙1/別紙2 its materiality (in place), and returns the findings. */
export function withMateriality(submission: Submission, findings: Finding[]): Finding[] {
  // notes ask for no correction: a clean workbook needs no tonnes read at all
  if (!submission.projectList || findings.every((f) => f.severity === "info")) return findings;
  let tonnes: Tonnes;
  try {
    tonnes = new Tonnes(submission);
  } catch (e) {
    if (isGecError(e)) return findings; // an unknown methodology: its own finding says so
    throw e;
  }
  for (const f of findings) {
    const m = tonnes.of(f);
    if (m) f.materiality = m;
  }
  return findings;
}

/**
 * What a set of writes (a fill, a fix) does to the certified tonnes: the change of the rows' 3.11 (else of the 合計,
 * else of 別紙2), and which of them change. A preview says 「排出削減量（t）は変わりません」 when none does.
 */
export function writesMateriality(submission: Submission, writes: CellWrite[]): Materiality {
  let places: Tonnes;
  try {
    places = new Tonnes(submission);
  } catch (e) {
    if (isGecError(e)) return of(Decimal.zero, []);
    throw e;
  }
  const change: Record<TonnesPlace, Decimal | null> = { "3.11": null, 合計: null, 別紙2: null };
  for (const w of writes) {
    const place = places.placeAt(w.ref);
    if (
      !place ||
      place.kind === "powerSold" ||
      (place.kind === "row" && place.key !== places.declaration.form.tonnesKey)
    )
      continue;
    // what the cell reads as now (a text "11,775" too), against the number written
    const before = decimalOf(place.field) ?? Decimal.zero;
    const after =
      typeof w.value === "number" && Number.isFinite(w.value) ? Decimal.from(w.value) : Decimal.zero;
    if (before.eq(after)) continue;
    const at: TonnesPlace = place.kind === "row" ? "3.11" : place.kind === "total" ? "合計" : "別紙2";
    change[at] = (change[at] ?? Decimal.zero).add(after.sub(before));
  }
  const order: TonnesPlace[] = ["3.11", "合計", "別紙2"];
  const reaches = order.filter((p) => change[p] !== null);
  return of((reaches.length > 0 ? change[reaches[0]] : null) ?? Decimal.zero, reaches);
}

export { previewMessage } from "./materialityText";
