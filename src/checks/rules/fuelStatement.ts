// Rule family 6: 2.2's stated fuel defaults against each row's 3.4 CEF_fuel,BL.
import { Decimal } from "../../numbers";
import {
  FUEL_FACTORS,
  SEED_FUEL_REVISION,
  findFuel,
  fuelFactor,
  fuelFactorText,
  fuelRevision,
  fuelRevisionOfFiscalYear,
} from "../../methodology";
import { submissionPeriod } from "../../domain/referenceValues";
import type { Finding } from "../../types";
import type { Submission } from "../../forms/submission";
import { at, reporter } from "../finding";
import { rule } from "../rule";
import type { RuleMeta, RuleModule } from "../rule";

export const FUEL_STATEMENT_RULES: RuleMeta[] = [
  rule(
    "defaults.fuel.statement",
    6,
    "warning",
    false,
    "3.4 の CEF が 2.2 に記載した燃料のデフォルト値ではない。",
    "3.4's CEF is not the default of the fuel stated in 2.2.",
  ),
];

const { finding } = reporter(FUEL_STATEMENT_RULES);

/**
 * defaults.fuel.statement: where 2.2 states fuel defaults, each row's 3.4 CEF_fuel,BL is one of those fuels' CEF (of
 * any 算定省令 revision: a revision other than the period's is defaults.cefFuel.otherVintage's to say).
 */
export function checkFuelStatement(s: Submission): Finding[] {
  const stated = s.fuelStatements.flatMap((st) => {
    const fuel = findFuel(st.fuel);
    return fuel ? [{ st, fuel }] : [];
  });
  if (stated.length === 0 || !s.projectList) return [];
  const fiscalYear = submissionPeriod(s)?.fiscalYear ?? null;
  const revision =
    fiscalYear === null ? fuelRevision(SEED_FUEL_REVISION) : fuelRevisionOfFiscalYear(fiscalYear);
  // each stated fuel's value in the period's revision (the seed's where the revision has none), named with its vintage
  const periodFactor = (fuel: string) =>
    fuelFactor(fuel, revision.id) ?? fuelFactor(fuel, SEED_FUEL_REVISION);
  const anyRevision = (fuel: string) => FUEL_FACTORS.filter((f) => f.fuel === fuel);
  const fuels = [...new Set(stated.map((x) => x.fuel.name))];
  const expected = fuels.flatMap((f) => {
    const factor = periodFactor(f);
    return factor ? [factor] : [];
  });
  const named = (lang: "ja" | "en") => expected.map((f) => fuelFactorText(f)[lang]);
  const where = at(stated[0].st.ref);
  const out: Finding[] = [];
  // a figure printed in 2.2 that is no revision's default of its fuel nor any row's 3.4: the statement itself is wrong
  const used = s.projectList.rows.flatMap((row) => {
    const r = row.numbers.cefFuel?.reading;
    return r && r.kind === "number" ? [r.decimal] : [];
  });
  for (const { st, fuel } of stated) {
    // the reader's figure is digits with one decimal point ("0.0678"): always a decimal
    const figure = Decimal.parse(st.figure);
    if (anyRevision(fuel.name).some((f) => figure.eq(f.cef)) || used.some((u) => u.eq(figure))) continue;
    const own = periodFactor(fuel.name);
    const text = own ? fuelFactorText(own) : { ja: fuel.cef, en: fuel.cef };
    out.push(
      finding(
        "defaults.fuel.statement",
        st.ref,
        {
          ja: `2.2 (${at(st.ref)}) は ${fuel.name} の排出係数を ${st.figure} tCO2/GJ と記載していますが、${fuel.name} のデフォルト値は ${text.ja} で、別紙1 の 3.4 にも ${st.figure} の行はありません。`,
          en: `2.2 (${at(st.ref)}) states ${st.figure} tCO2/GJ for ${fuel.label.en}; its default is ${text.en}, and no 別紙1 row uses ${st.figure} in 3.4.`,
        },
        { expected: own?.cef ?? fuel.cef, actual: st.figure },
      ),
    );
  }
  for (const row of s.projectList.rows) {
    const field = row.numbers.cefFuel;
    if (!field || field.reading.kind !== "number") continue;
    const actual = field.reading.decimal;
    if (fuels.some((f) => anyRevision(f).some((x) => actual.eq(x.cef)))) continue;
    out.push(
      finding(
        "defaults.fuel.statement",
        field.ref,
        {
          ja: `${at(field.ref)} の 3.4 CEF_fuel,BL ${actual} は、2.2 (${where}) で使用すると記載した燃料のデフォルト値（${named("ja").join("、")} tCO2/GJ）ではありません。`,
          en: `${at(field.ref)}: 3.4 CEF_fuel,BL ${actual} is not the default of the fuel stated in 2.2 (${where}): ${named("en").join(", ")} tCO2/GJ.`,
        },
        { expected: expected.map((f) => f.cef).join(" / "), actual: actual.toString() },
      ),
    );
  }
  return out;
}

export const fuelStatementModule: RuleModule = {
  metas: FUEL_STATEMENT_RULES,
  check: ({ submission }) => checkFuelStatement(submission),
};
