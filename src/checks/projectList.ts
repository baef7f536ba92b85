// Rule families 3, 5 and 6 of DOMAIN.md §7 on 別紙1: derived columns reproduce, 合計, ranges, defaults.
import { Decimal } from "../numbers";
import { getMethodology, FUEL_DEFAULTS, DEFAULT_BOILER_EFFICIENCY_LHV } from "../methodology";
import { isGecError } from "../errors";
import type { GecError } from "../errors";
import type { MethodologyDeclaration, RowInputs } from "../methodology";
import type { Finding } from "../types";
import type { NumberField, ProjectList, ProjectRow } from "../forms/submission";
import { at, finding } from "./finding";

function decimalOf(field: NumberField | undefined): Decimal | null {
  return field && field.reading.kind === "number" ? field.reading.decimal : null;
}

const inputsOf = new WeakMap<MethodologyDeclaration, MethodologyDeclaration["quantities"]>();
function inputQuantities(declaration: MethodologyDeclaration): MethodologyDeclaration["quantities"] {
  let list = inputsOf.get(declaration);
  if (!list) inputsOf.set(declaration, (list = declaration.quantities.filter((q) => q.role === "input")));
  return list;
}

/** Inputs of a row for derive(); invalid cells are reported by the input rule and leave the row underived. */
export function rowInputs(row: ProjectRow, declaration: MethodologyDeclaration): RowInputs | null {
  const inputs: RowInputs = {};
  for (const q of inputQuantities(declaration)) {
    const field = row.numbers[q.key];
    if (field && field.reading.kind === "invalid") return null;
    inputs[q.key] = decimalOf(field);
  }
  return inputs;
}

/** Derived values by row, computed once per row and declaration: the column rules and 別紙2's R7 both need them. */
const derivedByRow = new WeakMap<
  ProjectRow,
  { declaration: MethodologyDeclaration; result: Record<string, Decimal> | GecError }
>();

/** A row's derived values, or the GecError that says why its inputs give none. */
export function deriveRow(
  row: ProjectRow,
  inputs: RowInputs,
  declaration: MethodologyDeclaration,
): Record<string, Decimal> | GecError {
  const known = derivedByRow.get(row);
  if (known && known.declaration === declaration) return known.result;
  let result: Record<string, Decimal> | GecError;
  try {
    result = declaration.derive(inputs);
  } catch (e) {
    if (!isGecError(e)) throw e;
    result = e;
  }
  derivedByRow.set(row, { declaration, result });
  return result;
}

function shown(field: NumberField): string {
  return field.reading.kind === "number" ? field.reading.decimal.toString() : String(field.raw ?? "");
}

export function checkProjectList(list: ProjectList, methodologyCode: string | null): Finding[] {
  const findings: Finding[] = [];
  const declaration = getMethodology(methodologyCode ?? "H002-2");
  const derivedKeys = declaration.quantities.filter((q) => q.role === "derived");
  const rowTonnes: Decimal[] = [];

  for (const row of list.rows) {
    // unreadable input cells
    for (const key in row.numbers) {
      const field = row.numbers[key];
      if (field.reading.kind === "invalid") {
        findings.push(
          finding(`projectList.${key}.unreadable`, "error", field.ref, {
            ja: `${at(field.ref)} の値を数値として読めません（${String(field.raw)}）。`,
            en: `${at(field.ref)} cannot be read as a number (${String(field.raw)}).`,
          }),
        );
      }
    }
    const inputs = rowInputs(row, declaration);
    if (!inputs) continue;
    let derived: Record<string, Decimal> | null = null;
    const result = deriveRow(row, inputs, declaration);
    if (isGecError(result)) {
      const e = result;
      const anchor = row.numbers.qBl ?? Object.values(row.numbers)[0];
      if (anchor) {
        findings.push(
          finding("projectList.row.inputs", "error", anchor.ref, {
            ja: `${row.row + 1} 行目の入力から派生値を計算できません: ${e.text.ja}`,
            en: `Row ${row.row + 1}: derived values cannot be computed from the inputs: ${e.text.en}`,
          }),
        );
      }
    } else {
      derived = result;
    }
    if (derived) {
      rowTonnes.push(derived.emT);
      for (const q of derivedKeys) {
        const field = row.numbers[q.key];
        const expected = derived[q.key];
        if (!field || expected === undefined) continue;
        const actual = decimalOf(field);
        if (actual !== null && actual.eq(expected)) continue;
        findings.push(
          finding(
            `projectList.${q.key}.recompute`,
            "error",
            field.ref,
            {
              ja: `${at(field.ref)}（${q.column} ${q.symbol}）は入力から ${expected.toString()} になるはずですが、${actual === null ? "空欄" : actual.toString()} です。`,
              en: `${at(field.ref)} (${q.column} ${q.symbol}) should be ${expected.toString()} from the row's inputs, but holds ${actual === null ? "nothing" : actual.toString()}.`,
            },
            {
              expected: expected.toString(),
              actual: actual === null ? "" : shown(field),
              fix: { value: expected.toNumber(), previous: field.raw },
            },
          ),
        );
      }
    }
    // ranges and fuel defaults of DOMAIN.md §3 and §7.5–6 are the heat form's; power rows have their own inputs
    if (declaration.kind === "heat") findings.push(...checkRanges(row), ...checkDefaults(row));
  }

  // R6: 合計 = Σ rows' truncated t
  if (list.totalTonnes && rowTonnes.length === list.rows.length && rowTonnes.length > 0) {
    const expected = rowTonnes.reduce((a, b) => a.add(b), Decimal.zero);
    const actual = decimalOf(list.totalTonnes);
    if (actual === null || !actual.eq(expected)) {
      findings.push(
        finding(
          "projectList.total.recompute",
          "error",
          list.totalTonnes.ref,
          {
            ja: `${at(list.totalTonnes.ref)} の合計は各行の tCO2 の和 ${expected.toString()} になるはずですが、${actual?.toString() ?? "空欄"} です。`,
            en: `${at(list.totalTonnes.ref)}: the total should be the sum of the rows' tCO2, ${expected.toString()}, but is ${actual?.toString() ?? "empty"}.`,
          },
          {
            expected: expected.toString(),
            actual: actual?.toString() ?? "",
            fix: { value: expected.toNumber(), previous: list.totalTonnes.raw },
          },
        ),
      );
    }
  }
  return findings;
}

/** Inputs that are amounts of heat, power or fuel (DOMAIN.md §7.5: no negative heat, E_PS ≥ 0). */
const NON_NEGATIVE = ["totalHeat", "qBl", "ePs", "fB", "fT"];
const ONE = Decimal.from(1);

function checkRanges(row: ProjectRow): Finding[] {
  const out: Finding[] = [];
  const n = (k: string) => decimalOf(row.numbers[k]);
  for (const key of NON_NEGATIVE) {
    const v = n(key);
    const field = row.numbers[key];
    if (v !== null && field && v.isNegative()) {
      out.push(
        finding(`range.${key}.negative`, "error", field.ref, {
          ja: `${at(field.ref)} が負の値です（${v}）。`,
          en: `${at(field.ref)} is negative (${v}).`,
        }),
      );
    }
  }
  const total = n("totalHeat");
  const qBl = n("qBl");
  if (total !== null && qBl !== null && total.cmp(qBl) < 0) {
    out.push(
      finding(
        "range.totalHeat.belowQBl",
        "error",
        row.numbers.totalHeat.ref,
        {
          ja: `※1 全生成熱量 (${total}) が 3.1 生成熱量 Q_BL (${qBl}) より小さくなっています。`,
          en: `※1 total heat (${total}) is less than 3.1 Q_BL (${qBl}).`,
        },
        { expected: `≥ ${qBl}`, actual: total.toString() },
      ),
    );
  }
  const fB = n("fB");
  const fT = n("fT");
  if (fB !== null && fT !== null && fB.cmp(fT) > 0) {
    out.push(
      finding(
        "range.fB.aboveFT",
        "error",
        row.numbers.fB.ref,
        {
          ja: `3.6 バイオマス燃料 F_B (${fB}) が 3.7 燃料合計 F_T (${fT}) を超えています。`,
          en: `3.6 biomass fuel F_B (${fB}) exceeds 3.7 total fuel F_T (${fT}).`,
        },
        { expected: `≤ ${fT}`, actual: fB.toString() },
      ),
    );
  }
  const sB = n("sB");
  if (sB !== null && (sB.cmp(Decimal.zero) <= 0 || sB.cmp(ONE) > 0)) {
    out.push(
      finding("range.sB", "error", row.numbers.sB.ref, {
        ja: `3.8 バイオマス比率 S_B は 0% を超え 100% 以下です（${sB}）。`,
        en: `3.8 biomass share S_B must be > 0 % and ≤ 100 % (${sB}).`,
      }),
    );
  }
  return out;
}

const fuelCefs = new Map<string, Decimal>();
function fuelCef(text: string): Decimal {
  let d = fuelCefs.get(text);
  if (!d) fuelCefs.set(text, (d = Decimal.from(text)));
  return d;
}

/** ε_BL = 0.98 × LHV/HHV of a fuel, made once per fuel rather than once per row. */
const defaultEfficiencies = new Map<string, Decimal>();
function defaultEfficiency(lhvPerHhv: string): Decimal {
  let d = defaultEfficiencies.get(lhvPerHhv);
  if (!d)
    defaultEfficiencies.set(lhvPerHhv, (d = Decimal.from(DEFAULT_BOILER_EFFICIENCY_LHV).mul(lhvPerHhv)));
  return d;
}

function checkDefaults(row: ProjectRow): Finding[] {
  const out: Finding[] = [];
  const cef = decimalOf(row.numbers.cefFuel);
  const eps = decimalOf(row.numbers.epsBl);
  if (cef === null) return out;
  const fuel = FUEL_DEFAULTS.find((f) => fuelCef(f.cef).eq(cef));
  if (!fuel) {
    out.push(
      finding("defaults.cefFuel.unknown", "warning", row.numbers.cefFuel.ref, {
        ja: `3.4 CEF_fuel,BL ${cef} はデフォルト値の表（${FUEL_DEFAULTS.map((f) => `${f.name} ${f.cef}`).join("、")}）にありません（方法1 なら根拠資料を確認）。`,
        en: `3.4 CEF_fuel,BL ${cef} is not a default value (${FUEL_DEFAULTS.map((f) => `${f.label.en} ${f.cef}`).join(", ")}); check its evidence if measured.`,
      }),
    );
    return out;
  }
  if (eps !== null && fuel.lhvPerHhv !== null) {
    const expected = defaultEfficiency(fuel.lhvPerHhv);
    if (!expected.eq(eps)) {
      out.push(
        finding(
          "defaults.epsBl.mismatch",
          "warning",
          row.numbers.epsBl.ref,
          {
            ja: `3.5 ε_BL ${eps} は ${fuel.name}（CEF ${fuel.cef}）のデフォルト 0.98 × ${fuel.lhvPerHhv} = ${expected} と一致しません。`,
            en: `3.5 ε_BL ${eps} differs from the ${fuel.label.en} default (CEF ${fuel.cef}): 0.98 × ${fuel.lhvPerHhv} = ${expected}.`,
          },
          { expected: expected.toString(), actual: eps.toString() },
        ),
      );
    }
  }
  return out;
}
