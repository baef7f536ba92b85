// Rule family 11 on 1.4: its formulas and symbol table those of the ticked methodology (a provisional one's: warnings).
import { planTextRule, provisionalWarning } from "./text";
import { Decimal } from "../../../numbers";
import { REFERENCE_PARAMETERS, formulaLines, formulaSymbols } from "../../../methodology";
import type { FormulaLine, MethodologyDeclaration, QuantityDeclaration } from "../../../methodology";
import type { CellRef, Finding } from "../../../types";
import type { PlanText } from "../../../forms/submission";
import type { TextField } from "../../../forms/fields";
import { normalizeSymbol } from "../../../forms/readTables";
import { at, reporter } from "../../finding";
import { PRIMARY_ENERGY_FACTOR_PARAMETER } from "../../../methodology/parameters";
import { shortened } from "../../../text";
import type { RuleMeta } from "../../rule";

export const FORMULA_RULES: RuleMeta[] = [
  provisionalWarning(
    planTextRule(
      "plan.formula.changed",
      "error",
      "1.4 の算定式の行が方法論の式と異なる（全角・半角、×/*、÷//、空白、下付き文字を揃えて比較）（暫定の方法論では警告）。",
      "A 1.4 formula line differs from the methodology's formula (compared with widths, ×/*, ÷//, spaces and subscripts folded) (a warning for a provisional methodology).",
    ),
  ),
  provisionalWarning(
    planTextRule(
      "plan.formula.constant",
      "error",
      `1.4 の算定式の定数（一次エネルギー換算係数 ${PRIMARY_ENERGY_FACTOR_PARAMETER.value} など）が方法論のパラメータと異なる（暫定の方法論では警告）。`,
      `A constant of a 1.4 formula line (the primary energy factor ${PRIMARY_ENERGY_FACTOR_PARAMETER.value}, …) differs from the methodology's parameter (a warning for a provisional methodology).`,
    ),
  ),
  provisionalWarning(
    planTextRule(
      "plan.formula.missing",
      "error",
      "1.4 に方法論の算定式の行がない（削除されている）（暫定の方法論では警告）。",
      "A formula line of the methodology is missing from 1.4 (deleted) (a warning for a provisional methodology).",
    ),
  ),
  planTextRule(
    "plan.formula.extra",
    "warning",
    "1.4 に方法論にない算定式の行がある。",
    "1.4 holds a formula line the methodology does not have.",
  ),
  provisionalWarning(
    planTextRule(
      "plan.symbolTable.missing",
      "error",
      "1.4 の記号表に、算定式が使う記号の行がない（暫定の方法論では警告）。",
      "1.4's symbol table lacks a row for a symbol its formulas use (a warning for a provisional methodology).",
    ),
  ),
  provisionalWarning(
    planTextRule(
      "plan.symbolTable.unit",
      "error",
      "1.4 の記号表の単位が方法論の単位と異なる（E_PS は kWh。MJ _{HHV} = MJ_HHV, kgCO ₂ = kgCO2 として比較）（暫定の方法論では警告）。",
      "A unit in 1.4's symbol table differs from the methodology's (E_PS is kWh; MJ _{HHV} = MJ_HHV, kgCO ₂ = kgCO2) (a warning for a provisional methodology).",
    ),
  ),
];

const { finding, reportedAs } = reporter(FORMULA_RULES);

/** A formula line folded: widths, ×/*, ÷//, −/-, spaces, subscripts, and the unit bracket "[MJ_HHV/kWh]*". */
export function foldFormula(text: string): string {
  return (
    text
      .normalize("NFKC")
      // LaTeX as an OCR or a pasted equation gives it: \times, \div, \text{MJ}, ^*
      .replace(/\\times/g, "×")
      .replace(/\\div/g, "÷")
      .replace(/\\(?:var)?epsilon/g, "ε")
      .replace(/\\(?:text|mathrm|bar)\{([^{}]*)\}/g, "$1")
      .replace(/\[[^\]]*\]\s*\^?\*?/g, "")
      .replace(/[×✕∗*·]/g, "*")
      .replace(/[÷∕/]/g, "/")
      .replace(/[\u2212\u2010-\u2015\uFF0D-]/g, "-")
      .replace(/[\s_{}$\\^]/g, "")
      .replace(/[ϵє]/g, "ε")
      .toLowerCase()
  );
}

const NUMBER = /[0-9]+(?:\.[0-9]+)?/g;

const lhsOf = (folded: string) => folded.split("=")[0];

/** One of the methodology's formula lines, folded for comparison. */
interface ExpectedLine {
  line: FormulaLine;
  folded: string;
}

/** One 1.4 formula line as written, folded for comparison. */
interface GivenLine {
  field: TextField;
  folded: string;
}

/**
 * Which 1.4 line stands for which of the methodology's: first by the same left side, then a remaining line in order
 * (a line whose left side changed too is the changed line in its place, not one missing and one extra). Returns
 * expected index → given index, and the given indices taken.
 */
function pairFormulaLines(
  expected: ExpectedLine[],
  given: GivenLine[],
): { pairs: Map<number, number>; used: Set<number> } {
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  expected.forEach((e, i) => {
    const j = given.findIndex((g, k) => !used.has(k) && lhsOf(g.folded) === lhsOf(e.folded));
    if (j >= 0) {
      pairs.set(i, j);
      used.add(j);
    }
  });
  expected.forEach((_, i) => {
    if (pairs.has(i)) return;
    const j = given.findIndex((__, k) => !used.has(k));
    if (j >= 0 && ![...pairs.keys()].some((p) => p > i && (pairs.get(p) as number) < j)) {
      pairs.set(i, j);
      used.add(j);
    }
  });
  return { pairs, used };
}

/** plan.formula.missing: expected line `i` has no 1.4 line; reported below the line paired before it, else at the top. */
function missingFormulaLine(
  e: ExpectedLine,
  i: number,
  pairs: Map<number, number>,
  given: GivenLine[],
  m: MethodologyDeclaration,
): Finding {
  const before = [...Array(i).keys()]
    .reverse()
    .map((p) => pairs.get(p))
    .find((p) => p !== undefined);
  const ref: CellRef =
    before !== undefined
      ? { ...given[before].field.ref, row: given[before].field.ref.row + 1 }
      : given[0].field.ref;
  return finding(
    "plan.formula.missing",
    ref,
    {
      ja: `1.4 に ${m.code} の算定式「${e.line.text}」の行がありません（${at(ref)} ${before !== undefined ? "にあるはずです" : "の前にあるはずです"}）。`,
      en: `1.4 lacks ${m.code}'s formula line "${e.line.text}" (it belongs ${before !== undefined ? "at" : "before"} ${at(ref)}).`,
    },
    { expected: e.line.text, actual: "" },
  );
}

/** plan.formula.constant or .changed: a paired 1.4 line that differs (in a constant only, or otherwise); null if same. */
function differingFormulaLine(e: ExpectedLine, g: GivenLine, m: MethodologyDeclaration): Finding | null {
  if (g.folded === e.folded) return null;
  const shown = shortened(g.field.value);
  if (g.folded.replace(NUMBER, "#") === e.folded.replace(NUMBER, "#")) {
    const want = e.folded.match(NUMBER) ?? [];
    const got = g.folded.match(NUMBER) ?? [];
    const k = want.findIndex((w, n) => !Decimal.from(w).eq(Decimal.from(got[n])));
    const constant = e.line.constants.find((c) => Decimal.from(c.value).eq(Decimal.from(want[k])));
    const param = REFERENCE_PARAMETERS.find((p) => p.key === constant?.key);
    return finding(
      "plan.formula.constant",
      g.field.ref,
      {
        ja: `1.4 ${at(g.field.ref)} の算定式の定数 ${got[k]} は ${m.code} の${param ? `パラメータ ${param.label.ja}` : "式"} ${want[k]} と異なります（式: ${e.line.text}）。`,
        en: `1.4 ${at(g.field.ref)}: the constant ${got[k]} differs from ${m.code}'s ${param ? `parameter ${param.label.en.toLowerCase()}` : "formula"}, ${want[k]} (formula: ${e.line.text}).`,
      },
      { expected: want[k], actual: got[k] },
    );
  }
  return finding(
    "plan.formula.changed",
    g.field.ref,
    {
      ja: `1.4 ${at(g.field.ref)} の算定式「${shown}」が ${m.code} の式「${e.line.text}」と異なります。`,
      en: `1.4 ${at(g.field.ref)}: the formula "${shown}" differs from ${m.code}'s "${e.line.text}".`,
    },
    { expected: e.line.text, actual: shown },
  );
}

/** plan.formula.*: each 1.4 line is the methodology's, its constants the parameters', none missing, none extra. */
export function checkFormulaLines(plan: PlanText, m: MethodologyDeclaration): Finding[] {
  const found = plan.formulaLines;
  if (found.length === 0) return []; // the part is blank: form.planPart.missing says so
  const expected = formulaLines(m).map((l) => ({ line: l, folded: foldFormula(l.text) }));
  const given = found.map((f) => ({ field: f, folded: foldFormula(f.value ?? "") }));
  const { pairs, used } = pairFormulaLines(expected, given);
  const out: Finding[] = [];
  expected.forEach((e, i) => {
    const j = pairs.get(i);
    const f =
      j === undefined ? missingFormulaLine(e, i, pairs, given, m) : differingFormulaLine(e, given[j], m);
    if (f) out.push(f);
  });
  given.forEach((g, k) => {
    if (used.has(k)) return;
    out.push(
      finding(
        "plan.formula.extra",
        g.field.ref,
        {
          ja: `1.4 ${at(g.field.ref)} の算定式「${shortened(g.field.value)}」は ${m.code} の式にありません（${m.code} の式: ${expected.map((e) => e.line.text).join("、")}）。`,
          en: `1.4 ${at(g.field.ref)}: "${shortened(g.field.value)}" is no formula of ${m.code} (its formulas: ${expected.map((e) => e.line.text).join("; ")}).`,
        },
        { actual: shortened(g.field.value) },
      ),
    );
  });
  return out;
}

/** A unit folded: "MJ _{HHV}" = "MJ_HHV", "kgCO ₂" = "kgCO2", "MJ(HHV)" = "MJHHV". */
export function foldUnit(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s_{}$\\()[\]]/g, "")
    .toLowerCase();
}

export function quantityOf(
  m: MethodologyDeclaration,
  symbol: string | null,
): QuantityDeclaration | undefined {
  const folded = normalizeSymbol(symbol ?? "");
  return m.quantities.find((q) => normalizeSymbol(q.symbol) === folded);
}

/** plan.symbolTable.*: 1.4's table defines every symbol of its formulas, each in the methodology's unit. */
export function checkSymbolTable(plan: PlanText, m: MethodologyDeclaration): Finding[] {
  const table = plan.formulaTable;
  if (!table || table.rows.length === 0) return [];
  const out: Finding[] = [];
  const have = new Set(table.rows.map((r) => normalizeSymbol(r.symbol.value ?? "")));
  const missing = formulaSymbols(m).filter((s) => !have.has(normalizeSymbol(s)));
  if (missing.length > 0)
    out.push(
      finding(
        "plan.symbolTable.missing",
        table.headerRef,
        {
          ja: `1.4 の記号表（${at(table.headerRef)}）に、算定式が使う記号 ${missing.join("、")} の行がありません。`,
          en: `1.4's symbol table (${at(table.headerRef)}) has no row for ${missing.join(", ")}, which its formulas use.`,
        },
        { expected: missing.join(", "), actual: "" },
      ),
    );
  for (const row of table.rows) {
    const q = quantityOf(m, row.symbol.value);
    if (!q || !row.unit) continue;
    if (row.unit.value !== null && foldUnit(row.unit.value) === foldUnit(q.unit)) continue;
    const shown = row.unit.value === null ? "（空欄）" : shortened(row.unit.value);
    out.push(
      finding(
        "plan.symbolTable.unit",
        row.unit.ref,
        {
          ja: `1.4 の記号表 ${at(row.unit.ref)}: ${q.symbol} の単位「${shown}」は ${m.code} の単位 ${q.unit} ではありません。`,
          en: `1.4 symbol table ${at(row.unit.ref)}: ${q.symbol}'s unit "${row.unit.value ?? "(blank)"}" is not ${m.code}'s unit, ${q.unit}.`,
        },
        { expected: q.unit, actual: row.unit.value ?? "" },
      ),
    );
  }
  return out;
}

/**
 * A provisional methodology's formulas are the engine's guess (docs/domain.md [open]): a 1.4 that differs from them is a
 * warning to look at, not an error.
 */
export function provisional(m: MethodologyDeclaration, findings: Finding[]): Finding[] {
  if (!m.provisional) return findings;
  return findings.map((f) => ({
    ...(f.severity === "error" ? reportedAs(f, "warning") : f),
    message: {
      ja: `${f.message.ja}（暫定: ${m.code} の算定式は公表例で未確認です）`,
      en: `${f.message.en} (provisional: ${m.code}'s formulas are not confirmed by a published submission)`,
    },
  }));
}
