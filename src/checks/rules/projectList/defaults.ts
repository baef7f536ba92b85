// Rule family 6 on a 別紙1 row: 3.4 CEF_fuel,BL and 3.5 ε_BL against the 算定省令's fuel defaults of the period's revision.
import {
  FUEL_FACTORS,
  FUEL_REVISIONS,
  defaultEfficiencyOf,
  findFuel,
  fuelFactor,
  fuelFactorText,
  matchFuelFactor,
} from "../../../methodology";
import type { SubmissionPeriod } from "../../../domain/referenceValues";
import type { Finding } from "../../../types";
import type { ProjectRow } from "../../../forms/submission";
import { at, reporter } from "../../finding";
import { decimalOf } from "../../../forms/fields";
import { rule } from "../../rule";
import type { RuleMeta } from "../../rule";

export const DEFAULTS_RULES: RuleMeta[] = [
  rule(
    "defaults.cefFuel.unknown",
    6,
    "warning",
    false,
    "3.4 CEF_fuel,BL が燃料のデフォルト値の表（算定省令 別表第1 のどの改正の値）にもない。",
    "3.4 CEF_fuel,BL is in the table of fuel defaults of no 算定省令 revision.",
  ),
  rule(
    "defaults.cefFuel.otherVintage",
    6,
    "warning",
    false,
    "3.4 CEF_fuel,BL が認証申請期間の年度に当たる算定省令の改正の値でなく、別の改正の値（両方の改正名を示す）。",
    "3.4 CEF_fuel,BL is the value of another 算定省令 revision than the one the period's fiscal year falls under (both are named).",
  ),
  rule(
    "defaults.cefFuel.newRevision",
    6,
    "info",
    false,
    "3.4 CEF_fuel,BL が 2024年4月施行改正の値（期間の改正に当たるので受け入れる。本制度がこの改正値を採用したかは未確認）。",
    "3.4 CEF_fuel,BL is the value of the revision in force from 2024-04-01: accepted for its period; whether the scheme adopted it is unconfirmed.",
  ),
  rule(
    "defaults.epsBl.mismatch",
    6,
    "warning",
    false,
    "3.5 ε_BL が同じ燃料（3.4 の改正の値）のデフォルト 0.98 × LHV/HHV と一致しない。",
    "3.5 ε_BL differs from 0.98 × LHV/HHV of the same fuel (of 3.4's revision).",
  ),
];

const { finding } = reporter(DEFAULTS_RULES);

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
export function checkDefaults(row: ProjectRow, period: SubmissionPeriod | null): Finding[] {
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
