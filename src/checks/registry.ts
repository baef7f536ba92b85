// The rules a verifier applies (docs/domain.md §7), declared once: runChecks, `gec rules`, the docs and the tests read this.
import type { Severity } from "../types";
import type { RuleFamily, RuleMeta } from "./rule";
import { methodologies } from "../methodology";
import { MONITORING_RULES } from "./monitoringRules";
import { COMPLETENESS_RULES } from "./completenessRules";
import { PLAN_TEXT_RULES } from "./planTextRules";
import { ATTACHMENT_RULES } from "./attachmentRules";
import { ALLOCATION_RULES } from "./allocationRules";
import { PORTFOLIO_RULES } from "./portfolioRules";

export { RULE_FAMILIES } from "./rule";
export type { RuleFamily, RuleMeta } from "./rule";

const rule = (
  id: string,
  family: RuleFamily,
  severity: Severity,
  fixable: boolean,
  ja: string,
  en: string,
): RuleMeta => ({ id, family, severity, fixable, description: { ja, en } });

/** Rules with a fixed id. */
const FIXED: RuleMeta[] = [
  rule(
    "form.notRecognized",
    8,
    "error",
    false,
    "ブックが様式3-2 として認識できない（別紙1 の事業リストも 1.3 の方法論表も見つからない）。",
    "The workbook is not recognised as a Form 3-2 (neither a 別紙1 project list nor a 1.3 methodology table).",
  ),
  rule(
    "form.noFacilities",
    8,
    "error",
    false,
    "別紙1 に施設の行が 1 つもない（提出できる状態ではない）。",
    "別紙1 has no facility row: the form is not ready to submit.",
  ),
  rule(
    "form.projectList.hidden",
    8,
    "warning",
    false,
    "別紙1 の事業リストが非表示のシートにある（表示されているシートの別紙1 を検証し、非表示の方は検証しない）。",
    "A 別紙1 project list is on a hidden sheet (the visible sheet's list is the one checked; the hidden one is not).",
  ),
  rule(
    "form.projectList.second",
    8,
    "warning",
    false,
    "表示されているシートに別紙1 の事業リストが 2 つ以上ある（別紙1 (2) など）。どれも同じ規則で検証する。",
    "More than one visible sheet holds a 別紙1 project list (別紙1 (2) …); each is checked by the same rules.",
  ),
  rule(
    "methodology.checked.count",
    1,
    "error",
    false,
    "1.3 の方法論のチェックがちょうど 1 つではない。",
    "Not exactly one methodology is checked in 1.3.",
  ),
  rule(
    "methodology.layout.mismatch",
    1,
    "warning",
    false,
    "1.3 でチェックされた方法論と別紙1 の列の様式が合わない（別紙1 は列に合う様式で読む）。",
    "The methodology ticked in 1.3 does not fit 別紙1's columns (別紙1 is read with the layout its columns fit).",
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
  rule(
    "period.unreadable",
    2,
    "error",
    false,
    "1.5 の開始日・終了日が日付として読めない。",
    "A 1.5 start or end date cannot be read as a date.",
  ),
  rule(
    "period.order",
    2,
    "error",
    false,
    "1.5 の終了日が開始日より前。",
    "The 1.5 end date is before the start date.",
  ),
  rule(
    "period.row.unreadable",
    2,
    "error",
    false,
    "別紙1 の 5.1・5.2 が日付として読めない。",
    "A 別紙1 5.1 or 5.2 date cannot be read as a date.",
  ),
  rule(
    "period.row.outside",
    2,
    "error",
    false,
    "別紙1 の 5.1・5.2 が 1.5 の認証申請期間の外。",
    "A 別紙1 5.1 or 5.2 date lies outside the 1.5 period.",
  ),
  rule(
    "period.fiscalYearInName",
    2,
    "warning",
    false,
    "設備名称の (yyyy年度) が認証申請期間の年度と一致しない。",
    "The facility name's (yyyy年度) is not the fiscal year of the period.",
  ),
  rule(
    "projectList.row.inputs",
    3,
    "error",
    false,
    "行の入力から派生値を計算できない（必須の入力が空、F_B > F_T など）。",
    "A row's derived values cannot be computed from its inputs (a required input is blank, F_B > F_T, …).",
  ),
  rule(
    "projectList.total.recompute",
    3,
    "error",
    true,
    "別紙1 の合計 (tCO2) が各行の tCO2 の和 (R6) と一致しない。",
    "The 別紙1 total (tCO2) is not the sum of the rows' tCO2 (R6).",
  ),

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
  rule(
    "defaults.fuel.statement",
    6,
    "warning",
    false,
    "3.4 の CEF が 2.2 に記載した燃料のデフォルト値ではない。",
    "3.4's CEF is not the default of the fuel stated in 2.2.",
  ),
  rule(
    "allocation.facility.tonnes",
    4,
    "error",
    true,
    "別紙2 の施設ごとの削減相当量が別紙1 のその行の tCO2 と一致しない (R7)。",
    "A 別紙2 allocation per facility differs from that row's tCO2 in 別紙1 (R7).",
  ),
  rule(
    "allocation.total",
    4,
    "error",
    false,
    "別紙2 の削減相当量の合計が別紙1 の合計と一致しない (R7)。",
    "別紙2's allocations do not add up to 別紙1's total (R7).",
  ),
  rule(
    "allocation.powerSold.heat",
    4,
    "error",
    true,
    "熱の方法論なのに別紙2 の販売電力量が 0 でない。",
    "別紙2's power sold is not 0 for a heat methodology.",
  ),
  rule(
    "identity.approvalNumber.format",
    7,
    "error",
    false,
    "承認番号が NN-XX-NNN の形式でない。",
    "An approval number is not of the form NN-XX-NNN.",
  ),
  rule(
    "identity.approvalNumber.duplicate",
    7,
    "error",
    false,
    "承認番号が重複している。",
    "An approval number appears twice.",
  ),
  rule(
    "identity.facilityName.attachment",
    7,
    "warning",
    false,
    "別紙1添付の設備名称が別紙1 の設備名称と一致しない。",
    "A 別紙1添付 facility name differs from 別紙1's.",
  ),
  rule(
    "identity.facilityName.allocation",
    7,
    "warning",
    false,
    "別紙2 の設備名称が別紙1 の設備名称と一致しない。",
    "A 別紙2 facility name differs from 別紙1's.",
  ),
  rule(
    "hygiene.gecFormula",
    8,
    "warning",
    false,
    "様式のシートに GEC. 関数の数式が残っている（提出先では #NAME?）。",
    "A GEC. formula is left in a form sheet (recipients see #NAME?).",
  ),
  rule(
    "hygiene.errorValue",
    8,
    "error",
    false,
    "セルがエラー値（#VALUE!、#REF! など）。",
    "A cell holds an error value (#VALUE!, #REF!, …).",
  ),
  rule(
    "hygiene.numberAsText",
    8,
    "info",
    false,
    "数値が文字列として入力されている（読み取りはできる）。",
    "A number is stored as text (it is read all the same).",
  ),
  ...MONITORING_RULES,
  ...COMPLETENESS_RULES,
  ...PLAN_TEXT_RULES,
  ...ATTACHMENT_RULES,
  ...ALLOCATION_RULES,
  ...PORTFOLIO_RULES,
];

/** "range.fB.aboveFT", "range.totalHeat.belowQBl": the rule of a declared bound between two quantities. */
export function rangeRuleId(key: string, side: "above" | "below", other: string): string {
  return `range.${key}.${side}${other.charAt(0).toUpperCase()}${other.slice(1)}`;
}

/** Rules made per quantity of the methodologies: one recompute per derived column, one unreadable per input. */
function perQuantity(): RuleMeta[] {
  // a key that is a column of several methodologies (emKg: 3.10 EM_WB, 3.5 EMP) names each place
  const places = new Map<string, { derived: boolean; where: string[] }>();
  for (const m of methodologies()) {
    for (const q of m.quantities) {
      if (!q.column) continue;
      const entry = places.get(q.key) ?? { derived: q.role === "derived", where: [] };
      const where = `${q.column} ${q.symbol}`;
      if (!entry.where.includes(where)) entry.where.push(where);
      places.set(q.key, entry);
    }
  }
  const instances = (pattern: string, keys: string[]) =>
    keys.map((key) => ({
      id: pattern.replace("<key>", key),
      where: places.get(key)?.where.join(" / ") ?? key,
    }));
  const keys = [...places.keys()];
  const all = methodologies().flatMap((m) => m.quantities.filter((q) => q.column));
  // amounts that may not be negative (docs/domain.md §7.5: no negative heat, E_PS ≥ 0)
  const amounts = [
    ...new Set(all.filter((q) => q.role === "input" && q.domain === "amount").map((q) => q.key)),
  ];
  const bounds = new Map<string, RuleMeta>();
  for (const q of all) {
    const where = `${q.column} ${q.symbol}`;
    const other = (k: string) => all.find((x) => x.key === k);
    const low = q.atLeast ? other(q.atLeast) : undefined;
    const high = q.atMost ? other(q.atMost) : undefined;
    const bound = (side: "below" | "above", to: typeof q | undefined, ja: string, en: string) => {
      if (!to) return;
      const id = rangeRuleId(q.key, side, to.key);
      const them = `${to.column} ${to.symbol}`;
      bounds.set(id, rule(id, 5, "error", false, `${where} が ${them} ${ja}。`, `${where} ${en} ${them}.`));
    };
    bound("below", low, "より小さい", "is less than");
    bound("above", high, "を超える", "exceeds");
    if (q.role === "derived" && q.domain === "ratio") {
      const id = `range.${q.key}`;
      bounds.set(
        id,
        rule(
          id,
          5,
          "error",
          false,
          `${where} が 0% を超え 100% 以下ではない。`,
          `${where} is not > 0 % and ≤ 100 %.`,
        ),
      );
    }
  }
  return [
    ...bounds.values(),
    {
      ...rule(
        "projectList.<key>.recompute",
        3,
        "error",
        true,
        "別紙1 の派生値の列（3.3 Q_WB、3.8 S_B、3.9、3.10、3.11 など）が行の入力から再計算した値と一致しない。",
        "A derived column of 別紙1 (3.3 Q_WB, 3.8 S_B, 3.9, 3.10, 3.11 …) does not reproduce from the row's inputs.",
      ),
      instances: instances(
        "projectList.<key>.recompute",
        keys.filter((k) => places.get(k)?.derived),
      ),
    },
    {
      ...rule(
        "projectList.<key>.unreadable",
        8,
        "error",
        false,
        "別紙1 の入力の列のセルが数値として読めない。",
        "An input cell of 別紙1 cannot be read as a number.",
      ),
      instances: instances(
        "projectList.<key>.unreadable",
        keys.filter((k) => !places.get(k)?.derived),
      ),
    },
    {
      ...rule(
        "range.<key>.negative",
        5,
        "error",
        false,
        "別紙1 の熱量・電力量・燃料の入力が負の値。",
        "A heat, power or fuel input of 別紙1 is negative.",
      ),
      instances: instances("range.<key>.negative", amounts),
    },
  ];
}

let registry: Map<string, RuleMeta> | null = null;

/** Every reportable id (a per-quantity rule under each of its instances) → its rule. */
let byId: Map<string, RuleMeta> | null = null;

/**
 * The rules, made once on first use and frozen: the fixed ones and one per quantity of the methodologies (which that
 * first use fixes too). Nothing registers a rule at run time.
 */
function rules(): Map<string, RuleMeta> {
  registry ??= new Map([...FIXED, ...perQuantity()].map((r) => [r.id, Object.freeze(r)]));
  return registry;
}

function ids(): Map<string, RuleMeta> {
  if (!byId) {
    byId = new Map();
    for (const r of rules().values()) {
      byId.set(r.id, r);
      for (const i of r.instances ?? []) byId.set(i.id, r);
    }
  }
  return byId;
}

/** Every rule, by family then id (a per-quantity rule once, with its instances). */
export function listRules(): RuleMeta[] {
  return [...rules().values()].sort((a, b) => a.family - b.family || a.id.localeCompare(b.id));
}

/** The meta of a rule id; throws for an id no one declared, so that a rule cannot report without a declaration. */
export function ruleMeta(id: string): RuleMeta {
  const meta = ids().get(id);
  if (!meta) throw new Error(`rule "${id}" is not declared in src/checks/registry.ts`);
  return meta;
}
