// Rule families 3, 5 and 6 of docs/domain.md §7 on 別紙1: derived columns reproduce, 合計, ranges, defaults.
import { Decimal } from "../numbers";
import {
  FUEL_FACTORS,
  FUEL_REVISIONS,
  defaultEfficiencyOf,
  findFuel,
  fuelFactor,
  fuelFactorText,
  matchFuelFactor,
} from "../methodology";
import { isGecError } from "../errors";
import type { MethodologyDeclaration, QuantityDeclaration } from "../methodology";
import type { SubmissionPeriod } from "../domain/referenceValues";
import type { CellValue, Finding } from "../types";
import { grouped } from "../formula";
import type { DerivationStep } from "../formula";
import { deriveRow, rowDerivation, rowInputs, totalDerivation } from "../domain/rows";
import type { NumberField, ProjectList, ProjectRow } from "../forms/submission";
import { at, finding } from "./finding";
import { shortened } from "../text";
import { rangeRuleId } from "./registry";

function decimalOf(field: NumberField | undefined): Decimal | null {
  return field && field.reading.kind === "number" ? field.reading.decimal : null;
}

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
    // unreadable input cells (a derived cell that cannot be read is simply wrong: its recompute finding says so)
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
      // one fault, one finding: at the input the error names; where a range rule already reports that cell, the
      // derived cells that cannot be computed are added to its message instead of a second finding
      const faulty = declaration.quantities.find((q) => q.symbol === result.argument && row.numbers[q.key]);
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
        findings.push(
          finding("projectList.row.inputs", anchor.ref, {
            ja: `${row.row + 1} 行目の入力から派生値（${blocked}）を計算できません: ${result.text.ja}`,
            en: `Row ${row.row + 1}: derived values (${blocked.replace(/、/g, ", ")}) cannot be computed from the inputs: ${result.text.en}`,
          }),
        );
      }
      findings.push(...ranges);
      continue;
    }
    findings.push(...ranges);
    rowTonnes.push(result[declaration.form.tonnesKey]);
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
  }

  // R6: 合計 = Σ rows' truncated t
  if (list.totalTonnes && rowTonnes.length === list.rows.length && rowTonnes.length > 0) {
    const expected = totalDerivation(list, declaration, rowTonnes, false).value;
    const actual = decimalOf(list.totalTonnes);
    if (actual === null || !actual.eq(expected)) {
      const steps = totalDerivation(list, declaration, rowTonnes).steps;
      findings.push(
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
      );
    }
  }
  return findings;
}

/** Inputs that are amounts of heat, power or fuel (docs/domain.md §7.5: no negative heat, E_PS ≥ 0). */

const ONE = Decimal.from(1);

/** "3.6 バイオマス燃料 F_B" for messages. */
function named(q: QuantityDeclaration, lang: "ja" | "en"): string {
  return `${q.column ?? ""} ${q.label[lang]} ${q.symbol}`.trim();
}

/**
 * docs/domain.md §7.5 from the declarations: no negative amount, a quantity within its declared bound of another
 * (※1 ≥ Q_BL, F_B ≤ F_T), and a derived share in (0, 100 %] (S_B).
 */
function checkRanges(row: ProjectRow, declaration: MethodologyDeclaration): Finding[] {
  const out: Finding[] = [];
  const n = (k: string) => decimalOf(row.numbers[k]);
  const byKey = new Map(declaration.quantities.map((q) => [q.key, q]));
  for (const q of declaration.quantities) {
    const field = row.numbers[q.key];
    const v = n(q.key);
    if (!field || v === null) continue;
    if (q.role === "input" && q.domain === "amount" && v.isNegative()) {
      out.push(
        finding(`range.${q.key}.negative`, field.ref, {
          ja: `${at(field.ref)} が負の値です（${v}）。`,
          en: `${at(field.ref)} is negative (${v}).`,
        }),
      );
      continue;
    }
    const low = q.atLeast ? byKey.get(q.atLeast) : undefined;
    const lowValue = low ? n(low.key) : null;
    if (low && lowValue !== null && v.cmp(lowValue) < 0) {
      out.push(
        finding(
          rangeRuleId(q.key, "below", low.key),
          field.ref,
          {
            ja: `${named(q, "ja")} (${v}) が ${named(low, "ja")} (${lowValue}) より小さくなっています。`,
            en: `${named(q, "en")} (${v}) is less than ${named(low, "en")} (${lowValue}).`,
          },
          { expected: `≥ ${lowValue}`, actual: v.toString() },
        ),
      );
    }
    const high = q.atMost ? byKey.get(q.atMost) : undefined;
    const highValue = high ? n(high.key) : null;
    if (high && highValue !== null && v.cmp(highValue) > 0) {
      out.push(
        finding(
          rangeRuleId(q.key, "above", high.key),
          field.ref,
          {
            ja: `${named(q, "ja")} (${v}) が ${named(high, "ja")} (${highValue}) を超えています。`,
            en: `${named(q, "en")} (${v}) exceeds ${named(high, "en")} (${highValue}).`,
          },
          { expected: `≤ ${highValue}`, actual: v.toString() },
        ),
      );
    }
    if (q.role === "derived" && q.domain === "ratio" && (v.cmp(Decimal.zero) <= 0 || v.cmp(ONE) > 0)) {
      out.push(
        finding(`range.${q.key}`, field.ref, {
          ja: `${named(q, "ja")} は 0% を超え 100% 以下です（${v}）。`,
          en: `${named(q, "en")} must be > 0 % and ≤ 100 % (${v}).`,
        }),
      );
    }
  }
  return out;
}

/** The fuel table, by revision, as a finding lists it: 「算定省令 H22改正: 灯油 0.0678、…」. */
function fuelTable(lang: "ja" | "en"): string {
  return FUEL_REVISIONS.map((r) => {
    const values = FUEL_FACTORS.filter((f) => f.revision === r.id).map(
      (f) => `${lang === "ja" ? f.fuel : (findFuel(f.fuel)?.label.en ?? f.fuel)} ${f.cef}`,
    );
    return `${r.name[lang]}: ${values.join(lang === "ja" ? "、" : ", ")}`;
  }).join(lang === "ja" ? "／" : "; ");
}

/** 「1.5 開始日 2020-04-01 → 2020年度」: where the period's fiscal year was read. */
function periodText(p: SubmissionPeriod, lang: "ja" | "en"): string {
  return lang === "ja"
    ? `${p.source} ${p.date}（${at(p.ref)}）→ ${p.fiscalYear}年度`
    : `${p.source} ${p.date} (${at(p.ref)}) → fiscal ${p.fiscalYear}`;
}

const ADOPTION_UNCONFIRMED = {
  ja: "本制度（方法2 のデフォルト値）がこの改正値を採用したかは確認できていません（誤りとはしません）",
  en: "whether the scheme's own 方法2 defaults adopted these values is unconfirmed (not an error by itself)",
};

/**
 * Family 6 on one row: 3.4 is a fuel factor of a 算定省令 revision, the revision of the period's fiscal year (another
 * revision's value is a warning naming both; the new revision's, whose adoption by the scheme is unconfirmed, an info),
 * and 3.5 is 0.98 × LHV/HHV of that fuel.
 */
function checkDefaults(row: ProjectRow, period: SubmissionPeriod | null): Finding[] {
  const out: Finding[] = [];
  const cef = decimalOf(row.numbers.cefFuel);
  const eps = decimalOf(row.numbers.epsBl);
  if (cef === null) return out;
  const ref = row.numbers.cefFuel.ref;
  const match = matchFuelFactor(cef, period?.fiscalYear ?? null);
  if (!match) {
    out.push(
      finding("defaults.cefFuel.unknown", ref, {
        ja: `3.4 CEF_fuel,BL ${cef} はデフォルト値の表（${fuelTable("ja")}）にありません（方法1 なら根拠資料を確認）。`,
        en: `3.4 CEF_fuel,BL ${cef} is not a default value (${fuelTable("en")}); check its evidence if measured.`,
      }),
    );
    return out;
  }
  const { factor } = match;
  const used = fuelFactorText(factor);
  if (!match.ofPeriod && period && match.periodRevision) {
    const own = fuelFactor(factor.fuel, match.periodRevision.id);
    const owned = own
      ? fuelFactorText(own)
      : {
          ja: `${match.periodRevision.name.ja}（${factor.fuel} の値なし）`,
          en: `${match.periodRevision.name.en} (no value for ${findFuel(factor.fuel)?.label.en ?? factor.fuel})`,
        };
    const note =
      match.periodRevision.schemeAdoption === "unconfirmed"
        ? {
            ja: `なお、${ADOPTION_UNCONFIRMED.ja}。制度の方法2 の値を確認してください。`,
            en: ` Note: ${ADOPTION_UNCONFIRMED.en}; check the scheme's 方法2 value.`,
          }
        : { ja: "", en: "" };
    out.push(
      finding(
        "defaults.cefFuel.otherVintage",
        ref,
        {
          ja: `3.4 CEF_fuel,BL ${cef} は ${used.ja} の値ですが、認証申請期間（${periodText(period, "ja")}）に当たるのは ${owned.ja} です。${note.ja}`,
          en: `3.4 CEF_fuel,BL ${cef} is the value of ${used.en}, but the period (${periodText(period, "en")}) falls under ${owned.en}.${note.en}`,
        },
        { expected: own?.cef ?? "", actual: cef.toString() },
      ),
    );
  } else if (match.unconfirmed) {
    const when = period
      ? {
          ja: `認証申請期間（${periodText(period, "ja")}）の改正の値として受け入れます`,
          en: `accepted as the revision of the period (${periodText(period, "en")})`,
        }
      : {
          ja: "期間の日付が読めないため年度とは照合していません",
          en: "the period's dates cannot be read, so it is not compared with a fiscal year",
        };
    out.push(
      finding("defaults.cefFuel.newRevision", ref, {
        ja: `3.4 CEF_fuel,BL ${cef} は ${used.ja} の値で、${when.ja}。${ADOPTION_UNCONFIRMED.ja}。`,
        en: `3.4 CEF_fuel,BL ${cef} is the value of ${used.en}: ${when.en}; ${ADOPTION_UNCONFIRMED.en}.`,
      }),
    );
  }
  const expected = defaultEfficiencyOf(factor);
  if (eps !== null && expected !== null && !expected.eq(eps)) {
    out.push(
      finding(
        "defaults.epsBl.mismatch",
        row.numbers.epsBl.ref,
        {
          ja: `3.5 ε_BL ${eps} は ${factor.fuel}（${used.ja}）のデフォルト 0.98 × ${factor.lhvPerHhv} = ${expected} と一致しません。`,
          en: `3.5 ε_BL ${eps} differs from the ${findFuel(factor.fuel)?.label.en ?? factor.fuel} default (${used.en}): 0.98 × ${factor.lhvPerHhv} = ${expected}.`,
        },
        { expected: expected.toString(), actual: eps.toString() },
      ),
    );
  }
  return out;
}
