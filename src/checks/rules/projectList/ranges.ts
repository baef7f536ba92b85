// Rule family 5 on a 別紙1 row: amounts not negative, declared bounds between quantities, ratios in (0, 100 %].
import { Decimal } from "../../../numbers";
import type { MethodologyDeclaration, QuantityDeclaration } from "../../../methodology";
import type { Finding } from "../../../types";
import type { ProjectRow } from "../../../forms/submission";
import { at, reporter } from "../../finding";
import { rule } from "../../rule";
import type { RuleMeta } from "../../rule";
import { columnQuantities, instancesOf } from "./columns";
import { decimalOf } from "../../../forms/fields";

/** "range.fB.aboveFT", "range.totalHeat.belowQBl": the rule of a declared bound between two quantities. */
export function rangeRuleId(key: string, side: "above" | "below", other: string): string {
  return `range.${key}.${side}${other.charAt(0).toUpperCase()}${other.slice(1)}`;
}

let rangeRules: RuleMeta[] | null = null;

/**
 * The range rules, made from the methodologies' declarations on first use: one per declared bound, one per derived
 * ratio, and the amounts that may not be negative (no negative heat, E_PS ≥ 0).
 */
export function rangeMetas(): RuleMeta[] {
  if (rangeRules) return rangeRules;
  const all = columnQuantities();
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
  rangeRules = [
    ...bounds.values(),
    {
      ...rule(
        "range.<key>.negative",
        5,
        "error",
        false,
        "別紙1 の熱量・電力量・燃料の入力が負の値。",
        "A heat, power or fuel input of 別紙1 is negative.",
      ),
      instances: instancesOf("range.<key>.negative", amounts),
    },
  ];
  return rangeRules;
}

const { finding } = reporter(rangeMetas);

const ONE = Decimal.from(1);

/** "3.6 バイオマス燃料 F_B" for messages. */
function named(q: QuantityDeclaration, lang: "ja" | "en"): string {
  return `${q.column ?? ""} ${q.label[lang]} ${q.symbol}`.trim();
}

/**
 * docs/domain.md §7.5 from the declarations: no negative amount, a quantity within its declared bound of another
 * (※1 ≥ Q_BL, F_B ≤ F_T), and a derived share in (0, 100 %] (S_B).
 */
export function checkRanges(row: ProjectRow, declaration: MethodologyDeclaration): Finding[] {
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
