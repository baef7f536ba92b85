// The plan's text (1.1–2.2) against its methodology and its own rows; and the plan's parts present and filled.
import { Decimal, fiscalYearOfDate, normalizeText } from "../numbers";
import {
  DEFAULT_BOILER_EFFICIENCY_LHV,
  METHODOLOGIES,
  findFuel,
  fuelFactorsOfValue,
  REFERENCE_PARAMETERS,
  findMethodology,
  formulaLines,
  formulaSymbols,
} from "../methodology";
import type { MethodologyDeclaration, QuantityDeclaration } from "../methodology";
import type { CellRef, Finding, Grid } from "../types";
import type { PlanText, ProjectRow, Submission, TextField } from "../forms/submission";
import { PLAN_PARTS, formPart } from "../forms/parts";
import { normalizeSymbol } from "../forms/readTables";
import { isFormNote } from "../forms/plan";
import { at, finding, reportedAs } from "./finding";
import { namesMethodology } from "./plan";
import { shortened } from "../text";

/** The parts a filled plan must carry text in (1.3 and 1.5 have rules of their own). */
const REQUIRED_PARTS = [
  "plan:name",
  "plan:facilities",
  "plan:formula",
  "plan:changes",
  "plan:monitoringStructure",
  "plan:monitoringTargets",
  "plan:holders",
  "plan:attribution",
];

/** Texts that fill nothing: a dash left in a blank cell. */
const BLANK_TEXTS = new Set(["-", "—", "―", "ー", "－"]);
/** 1.6 and 2.2 texts that say "none". */
const NONE_TEXTS = new Set([
  "なし",
  "無し",
  "無",
  "変更なし",
  "変更無し",
  "該当なし",
  "特になし",
  "-",
  "—",
  "―",
]);
/** 1.6 texts that say "there are changes" and nothing more. */
const YES_TEXTS = new Set(["有り", "あり", "有", "有る", "ある", "変更有り", "変更あり"]);

/** A short text folded for the word lists above: width, spaces, a closing 。 or colon. */
const word = (text: string | null): string => normalizeText(text ?? "").replace(/[。.:：]+$/, "");

const filled = (t: TextField): boolean =>
  t.value !== null && !BLANK_TEXTS.has(word(t.value)) && !isFormNote(t.value);

function partOf(plan: PlanText, id: string) {
  return plan.parts.find((p) => p.part === id) ?? null;
}

/** form.planPart.missing: each required part there, with text in it (1.4: its formula lines and its table). */
function checkParts(plan: PlanText): Finding[] {
  const out: Finding[] = [];
  const order = PLAN_PARTS.map((p) => p.id);
  for (const id of REQUIRED_PARTS) {
    const part = formPart(id);
    const found = partOf(plan, id);
    if (!found) {
      // where it should be: just above the next part found, else below the one before
      const i = order.indexOf(id);
      const next = order
        .slice(i + 1)
        .map((o) => partOf(plan, o))
        .find((p) => p !== null);
      const prev = order
        .slice(0, i)
        .reverse()
        .map((o) => partOf(plan, o))
        .find((p) => p !== null);
      const ref: CellRef = next?.heading ?? prev?.heading ?? { sheet: plan.sheet, row: 0, col: 0 };
      out.push(
        finding(
          "form.planPart.missing",
          ref,
          {
            ja: `様式3-2 に ${part.what.ja} がありません（見出し「${part.heading}」が見つかりません。${at(ref)} の${next ? "前" : "後"}にあるはずの項目です）。`,
            en: `The plan sheet has no ${part.what.en} (the heading "${part.heading}" is not found; it belongs ${next ? "before" : "after"} ${at(ref)}).`,
          },
          { expected: part.heading, actual: "" },
        ),
      );
      continue;
    }
    let lacking: { ja: string; en: string } | null = null;
    if (id === "plan:formula") {
      const lines = plan.formulaLines.length > 0;
      const table = (plan.formulaTable?.rows.length ?? 0) > 0;
      if (!lines || !table)
        lacking = {
          ja: [!lines ? "算定式の行" : "", !table ? "記号表" : ""].filter(Boolean).join("と"),
          en: [!lines ? "formula lines" : "", !table ? "symbol table" : ""].filter(Boolean).join(" and "),
        };
    } else if (id === "plan:monitoringTargets") {
      const headers = new Set(["記号", "定義", "単位", "モニタリング方法"]);
      if (
        (plan.monitoringTable?.rows.length ?? 0) === 0 &&
        !found.texts.some((t) => filled(t) && !headers.has(word(t.value)))
      )
        lacking = { ja: "記号表", en: "symbol table" };
    } else if (!found.texts.some(filled)) {
      lacking = { ja: "記入", en: "entry" };
    }
    if (lacking)
      out.push(
        finding(
          "form.planPart.missing",
          found.heading,
          {
            ja: `${at(found.heading)} の ${part.what.ja} が空欄です（${lacking.ja}がありません）。`,
            en: `${part.what.en} at ${at(found.heading)} is blank (no ${lacking.en}).`,
          },
          { expected: part.what.ja, actual: "" },
        ),
      );
  }
  return out;
}

/** plan.name.methodology: 1.1 names the checked methodology, or none, never another one. */
function checkName(plan: PlanText, m: MethodologyDeclaration): Finding[] {
  const texts = (partOf(plan, "plan:name")?.texts ?? []).filter(filled);
  if (texts.length === 0) return [];
  const all = texts.map((t) => t.value).join(" ");
  if (namesMethodology(all, m)) return [];
  const others = METHODOLOGIES.filter((o) => o !== m && namesMethodology(all, o));
  if (others.length === 0) return [];
  const field = texts.find((t) => others.some((o) => namesMethodology(t.value ?? "", o))) ?? texts[0];
  const named = others.map((o) => `${o.code} ${o.name.ja}`).join("、");
  return [
    finding(
      "plan.name.methodology",
      field.ref,
      {
        ja: `1.1 計画の名称 ${at(field.ref)} が ${named} を名乗っていますが、1.3 でチェックされた方法論は ${m.code} ${m.name.ja} です。`,
        en: `1.1's plan name at ${at(field.ref)} names ${others.map((o) => `${o.code} ${o.name.en}`).join(", ")}, but 1.3 checks ${m.code} ${m.name.en} (${m.name.ja}).`,
      },
      { expected: `${m.code} ${m.name.ja}`, actual: shortened(field.value) },
    ),
  ];
}

/** plan.methodologyTable.*: the 1.3 rows are the official code↔name pairs (rows matched by code and by name). */
function checkMethodologyTable(plan: PlanText): Finding[] {
  const rows = plan.methodologyRows;
  if (rows.length === 0) return [];
  const out: Finding[] = [];
  const byName = (text: string | null) => {
    const folded = normalizeText(text ?? "");
    return METHODOLOGIES.find((o) => normalizeText(o.name.ja) === folded);
  };
  for (const row of rows) {
    const own = findMethodology(row.code.value ?? "");
    if (!own || !row.name || row.name.value === null) continue;
    const owner = byName(row.name.value);
    if (owner === own) continue;
    // on the checked row the methodology itself is in doubt: an error (declared in the rule's alsoReportsAs)
    const severity = row.checked ? "error" : undefined;
    // the code printed twice (様式1-2 prints H001-2 for H001-3): the code is the slip, its name the right one's
    const twin = owner
      ? rows.find(
          (r) =>
            r !== row && findMethodology(r.code.value ?? "") === own && byName(r.name?.value ?? null) === own,
        )
      : undefined;
    if (owner && twin) {
      out.push(
        finding(
          "plan.methodologyTable.name",
          row.code.ref,
          {
            ja: `1.3 の表 ${at(row.code.ref)}: 名称「${owner.name.ja}」の行の番号が ${own.code} です（${own.code} の行は ${at(twin.code.ref)} にもあります）。この行の番号は ${owner.code} です。`,
            en: `1.3 table ${at(row.code.ref)}: the row named "${owner.name.ja}" (${owner.name.en}) carries the code ${own.code}, which ${at(twin.code.ref)} also carries; its code is ${owner.code}.`,
          },
          { severity, expected: owner.code, actual: own.code },
        ),
      );
      continue;
    }
    out.push(
      finding(
        "plan.methodologyTable.name",
        row.name.ref,
        owner
          ? {
              ja: `1.3 の表 ${at(row.name.ref)}: ${own.code} の行の名称「${shortened(row.name.value)}」は ${owner.code} の名称です。${own.code} は「${own.name.ja}」です${row.checked ? "（チェックされた行: どちらの方法論か決まりません）" : ""}。`,
              en: `1.3 table ${at(row.name.ref)}: the ${own.code} row carries "${shortened(row.name.value)}", the name of ${owner.code}; ${own.code} is "${own.name.ja}" (${own.name.en})${row.checked ? " — on the checked row, so which methodology applies is unclear" : ""}.`,
            }
          : {
              ja: `1.3 の表 ${at(row.name.ref)}: ${own.code} の名称「${shortened(row.name.value)}」が公式の名称「${own.name.ja}」と異なります。`,
              en: `1.3 table ${at(row.name.ref)}: ${own.code}'s name "${shortened(row.name.value)}" differs from the official "${own.name.ja}" (${own.name.en}).`,
            },
        { severity, expected: own.name.ja, actual: shortened(row.name.value) },
      ),
    );
  }
  const found = (o: MethodologyDeclaration) =>
    rows.find((r) => findMethodology(r.code.value ?? "") === o) ??
    rows.find((r) => byName(r.name?.value ?? null) === o);
  METHODOLOGIES.forEach((o, i) => {
    if (found(o)) return;
    // where it should be: the row after the official pair before it
    const before = METHODOLOGIES.slice(0, i)
      .reverse()
      .map(found)
      .find((r) => r !== undefined);
    const ref: CellRef = before ? { ...before.code.ref, row: before.code.ref.row + 1 } : rows[0].code.ref;
    out.push(
      finding(
        "plan.methodologyTable.missing",
        ref,
        {
          ja: `1.3 の表に ${o.code}「${o.name.ja}」の行がありません（${at(ref)} にあるはずです）。`,
          en: `The 1.3 table has no row for ${o.code} "${o.name.ja}" (${o.name.en}); it belongs at ${at(ref)}.`,
        },
        { expected: `${o.code} ${o.name.ja}`, actual: "" },
      ),
    );
  });
  return out;
}

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

/** plan.formula.*: each 1.4 line is the methodology's, its constants the parameters', none missing, none extra. */
function checkFormulaLines(plan: PlanText, m: MethodologyDeclaration): Finding[] {
  const found = plan.formulaLines;
  if (found.length === 0) return []; // the part is blank: form.planPart.missing says so
  const expected = formulaLines(m).map((l) => ({ line: l, folded: foldFormula(l.text) }));
  const given = found.map((f) => ({ field: f, folded: foldFormula(f.value ?? "") }));
  const pairs = new Map<number, number>(); // expected index → given index
  const used = new Set<number>();
  expected.forEach((e, i) => {
    const j = given.findIndex((g, k) => !used.has(k) && lhsOf(g.folded) === lhsOf(e.folded));
    if (j >= 0) {
      pairs.set(i, j);
      used.add(j);
    }
  });
  // a line whose left side changed too is the changed line in its place, not one missing and one extra
  expected.forEach((_, i) => {
    if (pairs.has(i)) return;
    const j = given.findIndex((__, k) => !used.has(k));
    if (j >= 0 && ![...pairs.keys()].some((p) => p > i && (pairs.get(p) as number) < j)) {
      pairs.set(i, j);
      used.add(j);
    }
  });
  const out: Finding[] = [];
  expected.forEach((e, i) => {
    const j = pairs.get(i);
    if (j === undefined) {
      const before = [...Array(i).keys()]
        .reverse()
        .map((p) => pairs.get(p))
        .find((p) => p !== undefined);
      const ref: CellRef =
        before !== undefined
          ? { ...given[before].field.ref, row: given[before].field.ref.row + 1 }
          : given[0].field.ref;
      out.push(
        finding(
          "plan.formula.missing",
          ref,
          {
            ja: `1.4 に ${m.code} の算定式「${e.line.text}」の行がありません（${at(ref)} ${before !== undefined ? "にあるはずです" : "の前にあるはずです"}）。`,
            en: `1.4 lacks ${m.code}'s formula line "${e.line.text}" (it belongs ${before !== undefined ? "at" : "before"} ${at(ref)}).`,
          },
          { expected: e.line.text, actual: "" },
        ),
      );
      return;
    }
    const g = given[j];
    if (g.folded === e.folded) return;
    const shown = shortened(g.field.value);
    if (g.folded.replace(NUMBER, "#") === e.folded.replace(NUMBER, "#")) {
      const want = e.folded.match(NUMBER) ?? [];
      const got = g.folded.match(NUMBER) ?? [];
      const k = want.findIndex((w, n) => !Decimal.from(w).eq(Decimal.from(got[n])));
      const constant = e.line.constants.find((c) => Decimal.from(c.value).eq(Decimal.from(want[k])));
      const param = REFERENCE_PARAMETERS.find((p) => p.key === constant?.key);
      out.push(
        finding(
          "plan.formula.constant",
          g.field.ref,
          {
            ja: `1.4 ${at(g.field.ref)} の算定式の定数 ${got[k]} は ${m.code} の${param ? `パラメータ ${param.label.ja}` : "式"} ${want[k]} と異なります（式: ${e.line.text}）。`,
            en: `1.4 ${at(g.field.ref)}: the constant ${got[k]} differs from ${m.code}'s ${param ? `parameter ${param.label.en.toLowerCase()}` : "formula"}, ${want[k]} (formula: ${e.line.text}).`,
          },
          { expected: want[k], actual: got[k] },
        ),
      );
      return;
    }
    out.push(
      finding(
        "plan.formula.changed",
        g.field.ref,
        {
          ja: `1.4 ${at(g.field.ref)} の算定式「${shown}」が ${m.code} の式「${e.line.text}」と異なります。`,
          en: `1.4 ${at(g.field.ref)}: the formula "${shown}" differs from ${m.code}'s "${e.line.text}".`,
        },
        { expected: e.line.text, actual: shown },
      ),
    );
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

function quantityOf(m: MethodologyDeclaration, symbol: string | null): QuantityDeclaration | undefined {
  const folded = normalizeSymbol(symbol ?? "");
  return m.quantities.find((q) => normalizeSymbol(q.symbol) === folded);
}

/** plan.symbolTable.*: 1.4's table defines every symbol of its formulas, each in the methodology's unit. */
function checkSymbolTable(plan: PlanText, m: MethodologyDeclaration): Finding[] {
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

/** plan.period.fiscalYears: 1.5 lies within one fiscal year. */
function checkFiscalYears(s: Submission): Finding[] {
  const { start, end } = s.period;
  if (!start || !end || start.reading.kind !== "date" || end.reading.kind !== "date") return [];
  if (start.reading.serial > end.reading.serial) return []; // period.order
  const a = fiscalYearOfDate(start.reading.year, start.reading.month);
  const b = fiscalYearOfDate(end.reading.year, end.reading.month);
  if (a === b) return [];
  return [
    finding(
      "plan.period.fiscalYears",
      end.ref,
      {
        ja: `1.5 認証申請期間が ${a}年度と ${b}年度にまたがっています（終了日 ${at(end.ref)}）。申請期間は 1 つの年度（4 月 1 日〜翌年 3 月 31 日）に収めてください。`,
        en: `The 1.5 period spans fiscal ${a} and fiscal ${b} (end date ${at(end.ref)}); a period lies within one fiscal year (1 April to 31 March).`,
      },
      { expected: `${a}年度`, actual: `${a}〜${b}年度` },
    ),
  ];
}

/** What 1.6 says of changes from the approved plan, as the plan.changes rules and the comparison with it read it. */
export interface PlanChanges {
  /** "none": 無し (or the part left blank); "yes": 有り and nothing more; "stated": the changes are written. */
  state: "none" | "yes" | "stated";
  /** The texts that say 有り or state a change, in sheet order. */
  texts: TextField[];
  /** The part's heading, or null where the plan has no 1.6. */
  heading: CellRef | null;
}

/** 1.6 read once: 無し, 有り with nothing said, or the changes stated. */
export function planChanges(plan: PlanText | null): PlanChanges {
  const part = plan ? partOf(plan, "plan:changes") : null;
  const texts = (part?.texts ?? []).filter(filled).filter((t) => !NONE_TEXTS.has(word(t.value)));
  const heading = part?.heading ?? null;
  if (texts.length === 0) return { state: "none", texts, heading };
  const said = texts.filter((t) => !YES_TEXTS.has(word(t.value)));
  return said.length === 0 ? { state: "yes", texts, heading } : { state: "stated", texts: said, heading };
}

/** plan.changes.*: 1.6 says 無し, or says what changed; what it says must be compared with the approved plan. */
function checkChanges(plan: PlanText): Finding[] {
  const changes = planChanges(plan);
  if (changes.state === "none") return [];
  const texts = changes.texts;
  const said = changes.state === "stated" ? changes.texts : [];
  if (said.length === 0)
    return [
      finding(
        "plan.changes.unstated",
        texts[0].ref,
        {
          ja: `1.6 ${at(texts[0].ref)} は認定計画からの変更を「${shortened(texts[0].value)}」としていますが、変更の内容が書かれていません。変更項目と内容を記載してください。`,
          en: `1.6 ${at(texts[0].ref)} declares changes from the approved plan ("${shortened(texts[0].value)}") but says nothing of what changed: state each change.`,
        },
        { expected: "変更項目と内容", actual: shortened(texts[0].value) },
      ),
    ];
  return [
    finding(
      "plan.changes.declared",
      said[0].ref,
      {
        ja: `1.6 ${at(said[0].ref)} に認定計画からの変更「${shortened(said[0].value)}」が記載されています。検証機関は認定計画（様式1-2）と照合してください。`,
        en: `1.6 ${at(said[0].ref)} declares a change from the approved plan ("${shortened(said[0].value)}"): the verifier must compare it with the approved plan (様式1-2).`,
      },
      { expected: "無し", actual: shortened(said[0].value) },
    ),
  ];
}

/** A row's number by quantity (null where it is not a number). */
function numberOf(row: ProjectRow, q: QuantityDeclaration | undefined): Decimal | null {
  const f = q ? row.numbers[q.key] : undefined;
  return f && f.reading.kind === "number" ? f.reading.decimal : null;
}

function percent(d: Decimal): string {
  return `${d.mul(100).toString()}%`;
}

/** plan.monitoring.*: what 2.2 states, against the rows of 別紙1. */
function checkMonitoringStatements(s: Submission, plan: PlanText, m: MethodologyDeclaration): Finding[] {
  const table = plan.monitoringTable;
  const rows = s.projectList?.rows ?? [];
  const texts = (partOf(plan, "plan:monitoringTargets")?.texts ?? []).filter(filled);
  const out: Finding[] = [];
  // a quantity whose method is なし while a row gives it
  for (const row of table?.rows ?? []) {
    if (!row.method || !NONE_TEXTS.has(word(row.method.value))) continue;
    const q = quantityOf(m, row.symbol.value);
    if (!q) continue;
    const given = rows.filter((r) => (numberOf(r, q)?.cmp(0) ?? 0) > 0);
    if (given.length === 0) continue;
    const cells = given.map((r) => `${at(r.numbers[q.key].ref)} = ${numberOf(r, q)?.toString()}`);
    out.push(
      finding(
        "plan.monitoring.noneButMeasured",
        row.method.ref,
        {
          ja: `2.2 ${at(row.method.ref)} は ${q.symbol} のモニタリング方法を「なし」としていますが、別紙1 の ${q.column ?? q.symbol} は 0 より大きい値です（${cells.join("、")}）。`,
          en: `2.2 ${at(row.method.ref)} gives ${q.symbol}'s monitoring method as none, but 別紙1's ${q.column ?? q.symbol} is above 0 (${cells.join(", ")}).`,
        },
        { expected: "0", actual: numberOf(given[0], q)?.toString() ?? "" },
      ),
    );
  }
  const sB = quantityOf(m, "S_B");
  const fB = quantityOf(m, "F_B");
  const fT = quantityOf(m, "F_T");
  // 「助燃剤は使用されていない…100%」
  const noAux = texts.find((t) => {
    const f = normalizeText(t.value ?? "");
    return f.includes("助燃剤") && /(ない|なし|無し|不使用)/.test(f);
  });
  if (noAux && sB) {
    for (const row of rows) {
      const share = numberOf(row, sB);
      const b = numberOf(row, fB);
      const t = numberOf(row, fT);
      let ref: CellRef | null = null;
      let actual = "";
      if (share !== null && share.cmp(1) < 0) {
        ref = row.numbers[sB.key].ref;
        actual = percent(share);
      } else if (fB && fT && b !== null && t !== null && !b.eq(t)) {
        ref = row.numbers[fB.key].ref;
        actual = `F_B ${b.toString()} ≠ F_T ${t.toString()}`;
      }
      if (!ref) continue;
      out.push(
        finding(
          "plan.monitoring.auxiliaryFuel",
          ref,
          {
            ja: `2.2 (${at(noAux.ref)}) は助燃剤を使用しない（バイオマス比率 100%）としていますが、${at(ref)} は ${actual} です。`,
            en: `2.2 (${at(noAux.ref)}) states that no auxiliary fuel is used (biomass share 100 %), but ${at(ref)} gives ${actual}.`,
          },
          { expected: "100%", actual },
        ),
      );
    }
  }
  if (m.form.fuelDefaults)
    out.push(...checkBoilerEfficiency(texts, rows, m), ...checkCityGas(s, plan, texts));
  return out;
}

/** The stated 「ボイラの設備効率98%（低位発熱量ベース）」 × LHV/HHV of each row's fuel is its 3.5 ε_BL. */
function checkBoilerEfficiency(texts: TextField[], rows: ProjectRow[], m: MethodologyDeclaration): Finding[] {
  let stated: { field: TextField; efficiency: Decimal; shown: string } | null = null;
  for (const t of texts) {
    const hit = /設備効率[^0-9]{0,6}([0-9]+(?:\.[0-9]+)?)%/.exec(normalizeText(t.value ?? ""));
    if (hit) {
      stated = { field: t, efficiency: Decimal.from(hit[1]).div(100, 10, "halfUp"), shown: `${hit[1]}%` };
      break;
    }
  }
  const cef = quantityOf(m, "CEF_fuel,BL");
  const eps = quantityOf(m, "ε_BL");
  // the default 98 % itself: a row that departs from it is defaults.epsBl.mismatch's
  if (!stated || !cef || !eps || stated.efficiency.eq(Decimal.from(DEFAULT_BOILER_EFFICIENCY_LHV))) return [];
  const checked: { row: ProjectRow; want: Decimal; got: Decimal; lhv: Decimal; fuel: string }[] = [];
  for (const row of rows) {
    const c = numberOf(row, cef);
    const got = numberOf(row, eps);
    // the fuel of 3.4 in whichever 算定省令 revision it is (LHV/HHV is the fuel's, not the revision's)
    const fuel = c ? fuelFactorsOfValue(c).find((f) => f.lhvPerHhv !== null) : undefined;
    if (!fuel || got === null) continue;
    const lhv = Decimal.from(fuel.lhvPerHhv as string);
    checked.push({ row, want: stated.efficiency.mul(lhv), got, lhv, fuel: fuel.fuel });
  }
  const wrong = checked.filter((x) => !x.want.eq(x.got));
  if (wrong.length === 0) return [];
  if (wrong.length === checked.length) {
    // every row disagrees: the statement is what to look at; the efficiency the rows imply, where they agree
    const implied = [...new Set(checked.map((x) => percent(x.got.div(x.lhv, 6, "halfUp"))))];
    const rowsText = checked.map((x) => `${at(x.row.numbers[eps.key].ref)} ${x.got.toString()}（${x.fuel}）`);
    return [
      finding(
        "plan.monitoring.boilerEfficiency",
        stated.field.ref,
        {
          ja: `2.2 ${at(stated.field.ref)} のボイラの設備効率 ${stated.shown}（低位発熱量ベース）は、別紙1 の 3.5 ε_BL（${rowsText.join("、")}）が使う ${implied.join("、")} と異なります（ε_BL = 効率 × LHV/HHV）。`,
          en: `2.2 ${at(stated.field.ref)}: the stated boiler efficiency ${stated.shown} (LHV basis) differs from the ${implied.join(", ")} that 別紙1's 3.5 ε_BL use (${rowsText.join(", ")}; ε_BL = efficiency × LHV/HHV).`,
        },
        { expected: implied.join(", "), actual: stated.shown },
      ),
    ];
  }
  return wrong.map((x) => {
    const ref = x.row.numbers[eps.key].ref;
    return finding(
      "plan.monitoring.boilerEfficiency",
      ref,
      {
        ja: `${at(ref)} の 3.5 ε_BL ${x.got.toString()} は、2.2 (${at(stated.field.ref)}) のボイラの設備効率 ${stated.shown} × ${x.fuel} の LHV/HHV ${x.lhv.toString()} = ${x.want.toString()} と異なります。`,
        en: `${at(ref)}: 3.5 ε_BL ${x.got.toString()} differs from 2.2's (${at(stated.field.ref)}) boiler efficiency ${stated.shown} × the LHV/HHV ${x.lhv.toString()} of ${x.fuel} = ${x.want.toString()}.`,
      },
      { expected: x.want.toString(), actual: x.got.toString() },
    );
  });
}

/** An oil baseline (灯油, 重油) is stated with the note that the site lies outside the city-gas supply area. */
function checkCityGas(s: Submission, plan: PlanText, texts: TextField[]): Finding[] {
  // the applicant's statement sits in a row's モニタリング方法 (a template's note listing every default is none)
  const methods = (plan.monitoringTable?.rows ?? []).flatMap((r) => (r.method ? [r.method.ref] : []));
  const inMethod = (ref: CellRef) =>
    methods.some((m) => m.sheet === ref.sheet && m.row === ref.row && m.col === ref.col);
  const oil = s.fuelStatements.find((st) => {
    if (!inMethod(st.ref)) return false;
    const name = findFuel(st.fuel)?.name;
    return name === "灯油" || name === "A重油";
  });
  if (!oil) return [];
  const noted = texts.some((t) => {
    const f = normalizeText(t.value ?? "");
    return (
      f.includes("都市ガス") && /(含まれていない|含まれない|区域外|エリア外|供給されていない|対象外)/.test(f)
    );
  });
  if (noted) return [];
  return [
    finding(
      "plan.monitoring.cityGasNote",
      oil.ref,
      {
        ja: `2.2 ${at(oil.ref)} は ${oil.fuel} をベースラインの燃料としていますが、事業所が都市ガスの供給区域外であることの記載がありません（例:「都市ガス供給エリアに含まれていないことを確認」）。`,
        en: `2.2 ${at(oil.ref)} takes ${findFuel(oil.fuel)?.label.en ?? oil.fuel} (${oil.fuel}) as the baseline fuel without stating that the site lies outside the city-gas supply area (e.g. 「都市ガス供給エリアに含まれていないことを確認」).`,
      },
      { expected: "都市ガス供給区域外の記載", actual: "" },
    ),
  ];
}

/**
 * A provisional methodology's formulas are the engine's guess (docs/domain.md [open]): a 1.4 that differs from them is a
 * warning to look at, not an error.
 */
function provisional(m: MethodologyDeclaration, findings: Finding[]): Finding[] {
  if (!m.provisional) return findings;
  return findings.map((f) => ({
    ...(f.severity === "error" ? reportedAs(f, "warning") : f),
    message: {
      ja: `${f.message.ja}（暫定: ${m.code} の算定式は公表例で未確認です）`,
      en: `${f.message.en} (provisional: ${m.code}'s formulas are not confirmed by a published submission)`,
    },
  }));
}

export function checkPlanText(submission: Submission, grid: Grid): Finding[] {
  void grid;
  const plan = submission.plan;
  if (!plan) return []; // no plan sheet at all: form.plan.missing (the completeness rules)
  const code = submission.methodology.resolved.code;
  const m = code ? findMethodology(code) : undefined;
  const out = [
    // a blank template's one error is that no facility is typed yet (form.noFacilities); its blank parts follow
    ...(submission.projectList && submission.projectList.rows.length > 0 ? checkParts(plan) : []),
    ...checkMethodologyTable(plan),
    ...checkFiscalYears(submission),
    ...checkChanges(plan),
  ];
  if (m)
    out.push(
      ...checkName(plan, m),
      ...provisional(m, [...checkFormulaLines(plan, m), ...checkSymbolTable(plan, m)]),
      ...checkMonitoringStatements(submission, plan, m),
    );
  return out;
}
