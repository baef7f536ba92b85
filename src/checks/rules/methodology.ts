// Rule family 1: exactly one methodology ticked in 1.3, and the symbols and 別紙1添付's 種別方法論名称 against it.
import { normalizeText } from "../../numbers";
import type { Finding } from "../../types";
import type { Submission } from "../../forms/submission";
import { at, reporter } from "../finding";
import { shortened } from "../../text";
import { METHODOLOGIES, findMethodology } from "../../methodology";
import type { MethodologyDeclaration } from "../../methodology";
import { normalizeSymbol } from "../../forms/readTables";
import { rule } from "../rule";
import type { RuleMeta, RuleModule } from "../rule";

export const METHODOLOGY_RULES: RuleMeta[] = [
  rule(
    "methodology.checked.count",
    1,
    "error",
    false,
    "1.3 の方法論のチェックがちょうど 1 つではない。",
    "Not exactly one methodology is checked in 1.3.",
  ),
  rule(
    "methodology.symbols",
    1,
    "warning",
    false,
    "1.4・2.2・別紙1添付の記号が、チェックされた方法論の量ではない。",
    "A symbol in 1.4, 2.2 or 別紙1添付 is not a quantity of the checked methodology.",
  ),
  rule(
    "methodology.attachment",
    1,
    "warning",
    false,
    "別紙1添付の種別方法論名称が 1.3 でチェックされた方法論と一致しない。",
    "別紙1添付's 種別方法論名称 does not name the methodology checked in 1.3.",
  ),
];

const { finding } = reporter(METHODOLOGY_RULES);

export function checkMethodology(s: Submission): Finding[] {
  const m = s.methodology;
  if (!m.tableRef) return [];
  if (m.checked.length === 1) return [];
  const message = {
    ja: `1.3 方法論のチェックはちょうど 1 つ必要ですが、${m.checked.length} 個です${m.checked.length ? `（${m.checked.map((c) => c.code).join("、")}）` : ""}。`,
    en: `Exactly one methodology must be checked in 1.3; found ${m.checked.length}${m.checked.length ? ` (${m.checked.map((c) => c.code).join(", ")})` : ""}.`,
  };
  const extra = { expected: 1, actual: m.checked.length };
  // none checked: the table; several: each checked box, so that every one can be looked at and cleared
  if (m.checked.length === 0) return [finding("methodology.checked.count", m.tableRef, message, extra)];
  return m.checked.map((c) => finding("methodology.checked.count", c.ref, message, extra));
}

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

/** 1.3 ticked once; 1.4/2.2/別紙1添付 symbols and 種別方法論名称 of the ticked methodology. */
export const methodologyModule: RuleModule = {
  metas: METHODOLOGY_RULES,
  check: ({ submission }) => [
    ...checkMethodology(submission),
    ...checkSymbols(submission),
    ...checkAttachmentMethodology(submission),
  ],
};
