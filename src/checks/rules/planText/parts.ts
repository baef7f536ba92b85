// Rules of the plan's parts (families 10 and 11): each part present and filled, 1.1's name and 1.3's table of the
// ticked methodology.
import { namesMethodology } from "../methodology";
import { planTextRule, word, filled, partOf } from "./text";
import { normalizeText } from "../../../numbers";
import { METHODOLOGIES, findMethodology } from "../../../methodology";
import type { MethodologyDeclaration } from "../../../methodology";
import type { CellRef, Finding } from "../../../types";
import type { PlanText } from "../../../forms/submission";
import { PLAN_PARTS, formPart } from "../../../forms/parts";
import { at, reporter } from "../../finding";
import { shortened } from "../../../text";
import type { RuleMeta } from "../../rule";

export const PARTS_RULES: RuleMeta[] = [
  planTextRule(
    "form.planPart.missing",
    "error",
    "様式3-2 の項目（1.1, 1.2, 1.4 の算定式・記号表, 1.6, 2.1, 2.2, 3.1, 3.2）がない、または空欄（計画書のシートがあるとき）。",
    "A part of the plan sheet (1.1, 1.2, 1.4's formulas and symbol table, 1.6, 2.1, 2.2, 3.1, 3.2) is missing or blank (when the plan sheet is there).",
    10,
  ),
  planTextRule(
    "plan.name.methodology",
    "error",
    "1.1 計画の名称が、1.3 でチェックされた方法論とは別の方法論（名称または番号）を名乗っている。",
    "1.1's plan name names another methodology (by name or code) than the one checked in 1.3.",
  ),
  {
    ...planTextRule(
      "plan.methodologyTable.name",
      "warning",
      "1.3 の表の行で、種別方法論名称が別の種別方法論番号のもの（チェックされた行ならエラー）。",
      "A row of the 1.3 table carries another code's name (an error on the checked row).",
    ),
    // on the checked row, which methodology applies is itself in doubt
    alsoReportsAs: ["error"],
  },
  planTextRule(
    "plan.methodologyTable.missing",
    "warning",
    "1.3 の表に公式の種別方法論（番号と名称の 14 組）の行がない（番号でも名称でも見つからない）。",
    "The 1.3 table lacks an official methodology's row (of the 14 code–name pairs; found neither by code nor by name).",
  ),
];

const { finding } = reporter(PARTS_RULES);

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

/** form.planPart.missing: each required part there, with text in it (1.4: its formula lines and its table). */
export function checkParts(plan: PlanText): Finding[] {
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
export function checkName(plan: PlanText, m: MethodologyDeclaration): Finding[] {
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
export function checkMethodologyTable(plan: PlanText): Finding[] {
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
