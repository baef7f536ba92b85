// Rule families 1, 6 and 7 of docs/domain.md §7 on the plan's text: 1.4/2.2/別紙1添付 symbols and 種別方法論名称
// against the checked methodology, 2.2's stated fuel against 3.4, facility names across 別紙1/別紙1添付/別紙2.
import { Decimal, normalizeText } from "../numbers";
import {
  FUEL_FACTORS,
  METHODOLOGIES,
  SEED_FUEL_REVISION,
  findFuel,
  findMethodology,
  fuelFactor,
  fuelFactorText,
  fuelRevision,
  fuelRevisionOfFiscalYear,
} from "../methodology";
import { submissionPeriod } from "../domain/referenceValues";
import type { MethodologyDeclaration } from "../methodology";
import type { Finding } from "../types";
import type { ProjectRow, Submission, TextField } from "../forms/submission";
import { normalizeSymbol } from "../forms/readTables";
import { at, finding } from "./finding";
import { NameIndex, facilityKey, withoutFiscalYear } from "../forms/names";
import { LISTED, listed as listedText, shortened } from "../text";

/** A methodology's symbols, folded → as declared (heat: Q_BL, E_PS, Q_WB, CEF_fuel,BL, ε_BL, F_B, F_T, S_B, …). */
function symbolsOf(m: MethodologyDeclaration): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of m.quantities) if (q.inPlanTables !== false) out.set(normalizeSymbol(q.symbol), q.symbol);
  return out;
}

/** The methodologies other than `m` (with other formulas) that have a symbol, and its declared form. */
function elsewhere(m: MethodologyDeclaration, symbol: string): { codes: string[]; symbol: string } | null {
  const codes: string[] = [];
  let declared = "";
  for (const other of METHODOLOGIES) {
    if (other.quantities === m.quantities) continue;
    const found = symbolsOf(other).get(symbol);
    if (found) {
      codes.push(other.code);
      declared = found;
    }
  }
  return codes.length ? { codes, symbol: declared } : null;
}

const SECTION_NAMES: Record<string, { ja: string; en: string }> = {
  "1.4": { ja: "1.4 算定式の記号", en: "the 1.4 formula symbols" },
  "2.2": { ja: "2.2 モニタリングの対象の記号", en: "the 2.2 monitoring symbols" },
  attachment: { ja: "別紙1添付の記号", en: "the 別紙1添付 symbols" },
};

/** methodology.symbols: every symbol of 1.4, 2.2 and 別紙1添付 is a quantity of the checked methodology. */
export function checkSymbols(s: Submission): Finding[] {
  const code = s.methodology.resolved.code;
  const m = code ? findMethodology(code) : undefined;
  if (!m) return [];
  const own = symbolsOf(m);
  const tables = [...s.symbolTables, ...s.attachments.flatMap((a) => (a.symbols ? [a.symbols] : []))];
  const out: Finding[] = [];
  for (const table of tables) {
    for (const field of table.symbols) {
      const symbol = normalizeSymbol(field.value ?? "");
      if (own.has(symbol)) continue;
      const foreign = elsewhere(m, symbol);
      const where = SECTION_NAMES[table.section];
      const expected = [...new Set(own.values())].join(", ");
      out.push(
        finding(
          "methodology.symbols",
          field.ref,
          foreign
            ? {
                ja: `${where.ja} ${at(field.ref)} の「${shortened(field.value)}」は他の方法論（${foreign.codes.slice(0, 3).join("、")}${foreign.codes.length > 3 ? " など" : ""}）の量 ${foreign.symbol} です。チェックされた ${m.code} の量（${expected}）ではありません。`,
                en: `${at(field.ref)} in ${where.en}: "${shortened(field.value)}" is the quantity ${foreign.symbol} of other methodologies (${foreign.codes.slice(0, 3).join(", ")}${foreign.codes.length > 3 ? " …" : ""}), not one of ${m.code}'s (${expected}).`,
              }
            : {
                ja: `${where.ja} ${at(field.ref)} の「${shortened(field.value)}」はチェックされた ${m.code} の量（${expected}）にありません。`,
                en: `${at(field.ref)} in ${where.en}: "${shortened(field.value)}" is not a quantity of the checked ${m.code} (${expected}).`,
              },
          { expected, actual: shortened(field.value) },
        ),
      );
    }
  }
  return out;
}

/** Does a 種別方法論名称 name this methodology, by code or by its Japanese name? */
export function namesMethodology(text: string, m: MethodologyDeclaration): boolean {
  const t = normalizeText(text);
  const code = normalizeText(m.code);
  const name = normalizeText(m.name.ja);
  if (t.includes(name)) return true;
  // "H002-2" but not "H002-21"; a code alone or before its name
  const at = t.indexOf(code);
  return at >= 0 && !/[0-9-]/.test(t.charAt(at + code.length));
}

/** methodology.attachment: each 別紙1添付 block's 種別方法論名称 names the checked methodology. */
export function checkAttachmentMethodology(s: Submission): Finding[] {
  const code = s.methodology.resolved.code;
  const m = code ? findMethodology(code) : undefined;
  if (!m) return [];
  const expected = `${m.code} ${m.name.ja}`;
  return s.attachments
    .filter((a) => a.methodologyName.value !== null && !namesMethodology(a.methodologyName.value, m))
    .map((a) =>
      finding(
        "methodology.attachment",
        a.methodologyName.ref,
        {
          ja: `別紙1添付 ${at(a.methodologyName.ref)} の種別方法論名称「${shortened(a.methodologyName.value)}」が 1.3 でチェックされた ${expected} と一致しません。`,
          en: `別紙1添付 ${at(a.methodologyName.ref)}: 種別方法論名称 "${shortened(a.methodologyName.value)}" does not name the methodology checked in 1.3, ${m.code} ${m.name.en} (${m.name.ja}).`,
        },
        { expected, actual: shortened(a.methodologyName.value) },
      ),
    );
}

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

interface Listed {
  row: ProjectRow;
  name: string;
  folded: string;
}

function compareName(
  rule: string,
  place: { ja: string; en: string },
  field: TextField,
  listed: Listed[],
  index: NameIndex<Listed>,
): Finding | null {
  if (field.value === null) return null;
  if (facilityKey(field.value) === "") return null;
  const match = index.match(field.value);
  if (match && !match.nearMiss) return null;
  const shown = shortened(field.value);
  if (match) {
    const ref = match.item.row.text.facilityName.ref;
    const expected = withoutFiscalYear(match.item.name);
    return finding(
      rule,
      field.ref,
      {
        ja: `${at(field.ref)} の設備名称が別紙1 (${at(ref)}) と 1 文字異なります: 「${shown}」と「${expected}」。`,
        en: `${at(field.ref)}: names differ by one character: "${shown}" vs 別紙1 (${at(ref)}) "${expected}".`,
      },
      { expected, actual: shown },
    );
  }
  const names = listedText(
    listed.slice(0, LISTED).map((l) => shortened(l.name)),
    listed.length,
  );
  return finding(
    rule,
    field.ref,
    {
      ja: `${place.ja} ${at(field.ref)} の設備名称「${shown}」が別紙1 のどの設備名称とも一致しません（${names.ja}）。`,
      en: `${place.en} ${at(field.ref)}: facility "${shown}" matches no facility of 別紙1 (${names.en}).`,
    },
    { expected: names.en, actual: shown },
  );
}

/** identity.facilityName.*: 別紙1添付 and 別紙2 name the facilities of 別紙1 exactly (after folding width and spaces). */
export function checkFacilityNames(s: Submission): Finding[] {
  const listed: Listed[] = [];
  for (const row of s.projectList?.rows ?? []) {
    const name = row.text.facilityName?.value;
    if (name) listed.push({ row, name, folded: facilityKey(name) });
  }
  if (listed.length === 0) return [];
  // one index for every name compared: a name per block against 10,000 rows is a lookup, not a scan
  const index = new NameIndex(listed, (l) => l.folded);
  const out: Finding[] = [];
  for (const a of s.attachments) {
    if (!a.facilityName) continue;
    const f = compareName(
      "identity.facilityName.attachment",
      { ja: "別紙1添付", en: "別紙1添付" },
      a.facilityName,
      listed,
      index,
    );
    if (f) out.push(f);
  }
  for (const b of s.allocationPlan) {
    if (!b.facilityName) continue;
    const f = compareName(
      "identity.facilityName.allocation",
      { ja: "別紙2", en: "別紙2" },
      b.facilityName,
      listed,
      index,
    );
    if (f) out.push(f);
  }
  return out;
}
