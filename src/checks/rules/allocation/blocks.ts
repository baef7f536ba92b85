// Rule family 4 (continued): 別紙2 blocks matched by facility name, their holders and 帰属先.
import { Decimal } from "../../../numbers";
import type { Finding } from "../../../types";
import { methodologyOf } from "../../../forms/submission";
import type { AllocationBlock, AllocationHolder, NumberField, Submission } from "../../../forms/submission";
import { isRedaction } from "../../../forms/parts";
import { facilityLabel, heldFacility, matchBlocks } from "../../../domain/blocks";
import { at, reporter } from "../../finding";
import { shortened } from "../../../text";
import { grouped } from "../../../formula";
import type { RuleMeta } from "../../rule";

const allocationRule = (id: string, ja: string, en: string): RuleMeta => ({
  id,
  family: 4,
  severity: "error",
  fixable: false,
  description: { ja, en },
});

export const ALLOCATION_BLOCK_RULES: RuleMeta[] = [
  allocationRule(
    "allocation.facility.missing",
    "別紙2 のブロックが施設名を記載しているのに、別紙1 のこの施設を名指すブロックがない。",
    "別紙2's blocks name their facilities, but none names this 別紙1 facility.",
  ),
  allocationRule(
    "allocation.holders.exceed",
    "別紙2 の保有予定量の合計がそのブロックの削減相当量（tCO2）を超える。",
    "A 別紙2 block's holders are allotted more than the block's tCO2.",
  ),
  allocationRule(
    "allocation.holders.sum",
    "保有予定量の合計と配分予定なしの和がブロックの削減相当量（tCO2）と一致しない（残りは配分予定なしと記載する）。",
    "A 別紙2 block's holders plus 配分予定なし do not add up to the block's tCO2 (the rest is declared 配分予定なし).",
  ),
  allocationRule(
    "allocation.holders.none",
    "別紙2 のブロックに保有予定者も配分予定なしも記載されていない。",
    "A 別紙2 block names no holder and declares nothing 配分予定なし.",
  ),
  allocationRule(
    "allocation.holder.incomplete",
    "保有予定者の行に名称または保有予定量（読める数値）が欠けている。",
    "A 保有予定者 row lacks its name or a readable 保有予定量.",
  ),
  allocationRule(
    "allocation.holder.amount",
    "保有予定量または配分予定なしの量が負、または整数の t ではない（その量では合計を検証しない）。",
    "A 保有予定量 or 配分予定なし amount is negative or not whole tonnes (the block's sum is not checked with it).",
  ),
  allocationRule(
    "allocation.attribution.blank",
    "別紙2 の 2. 環境価値が除かれた電気価値・熱価値の帰属先が空欄。",
    "A 別紙2 block's 2. 帰属先 (where the value without its environmental value goes) is blank.",
  ),
];

const { finding } = reporter(ALLOCATION_BLOCK_RULES);

/** An amount for a message, digits grouped as the pane and 期待値 show them ("−100", "32,316"). */
const shownAmount = (f: NumberField): string => {
  const v = valueOf(f);
  return v === null ? "" : grouped(v);
};

const redacted = (f: NumberField): boolean => typeof f.raw === "string" && isRedaction(f.raw);

const blank = (f: NumberField): boolean =>
  f.raw === null || (typeof f.raw === "string" && f.raw.trim() === "");

const valueOf = (f: NumberField): Decimal | null => (f.reading.kind === "number" ? f.reading.decimal : null);

const tons = (d: Decimal): string => d.toNumber().toLocaleString("en-US", { maximumFractionDigits: 6 });

/** allocation.facility.missing: where blocks name their facilities, each 別紙1 facility has one. */
function missingFacilities(s: Submission, rowTonnes: (Decimal | null)[]): Finding[] {
  const rows = s.projectList?.rows ?? [];
  const blocks = s.allocationPlan;
  if (blocks.length === 0) return [];
  const tonnesKey = methodologyOf(s).form.tonnesKey;
  const matches = matchBlocks(blocks, rows);
  // blocks by position alone say nothing of which facility is missing: allocation.total counts them
  if (!matches.some((m) => m !== null && m.by !== "position")) return [];
  if (matches.some((m) => m === null)) return [];
  const covered = new Set<number>();
  matches.forEach((m, i) => {
    if (!m) return;
    covered.add(m.row);
    const held = heldFacility(m, valueOf(blocks[i].tonnes), rowTonnes);
    if (held !== null) covered.add(held);
  });
  const out: Finding[] = [];
  const named = new Map<number, number>();
  for (const m of matches) if (m) named.set(m.row, (named.get(m.row) ?? 0) + 1);
  const twice = [...named]
    .filter(([, n]) => n > 1)
    .slice(0, 3)
    .map(([k]) => facilityLabel(rows[k], k));
  rows.forEach((row, i) => {
    if (covered.has(i)) return;
    const field = row.text.facilityName ?? row.numbers[tonnesKey];
    if (!field) return;
    const name = facilityLabel(row, i);
    out.push(
      finding(
        "allocation.facility.missing",
        field.ref,
        {
          ja: `別紙1 ${at(field.ref)} の「${name}」を名指す別紙2 のブロックがありません${twice.length ? `（「${twice.join("」「")}」は 2 つのブロックが名指しています）` : ""}。施設ごとに 1 つのブロックを作成してください。`,
          en: `No 別紙2 block names 別紙1 ${at(field.ref)} "${name}"${twice.length ? ` ("${twice.join('", "')}" is named by two blocks)` : ""}: make one block per facility.`,
        },
        { expected: name },
      ),
    );
  });
  return out;
}

/** allocation.holder.incomplete: a 保有予定者 row with an amount but no name, or a name but no readable amount. */
function incompleteHolders(holders: AllocationHolder[]): Finding[] {
  const out: Finding[] = [];
  for (const h of holders) {
    const hasAmount = !blank(h.amount);
    if (h.name.value === null && hasAmount) {
      out.push(
        finding("allocation.holder.incomplete", h.name.ref, {
          ja: `${at(h.name.ref)} の保有予定者名称が空欄です（保有予定量 ${at(h.amount.ref)} は記載あり）。`,
          en: `${at(h.name.ref)}: the holder's name is blank, though ${at(h.amount.ref)} gives an amount.`,
        }),
      );
    } else if (h.name.value !== null && (!hasAmount || (valueOf(h.amount) === null && !redacted(h.amount)))) {
      out.push(
        finding(
          "allocation.holder.incomplete",
          h.amount.ref,
          {
            ja: `${at(h.amount.ref)} の保有予定量が${hasAmount ? `数値として読めません（${shortened(h.amount.raw)}）` : "空欄です"}（保有予定者「${shortened(h.name.value)}」）。`,
            en: `${at(h.amount.ref)}: the 保有予定量 of "${shortened(h.name.value)}" is ${hasAmount ? `not a number (${shortened(h.amount.raw)})` : "blank"}.`,
          },
          { actual: hasAmount ? shortened(h.amount.raw) : "" },
        ),
      );
    }
  }
  return out;
}

/**
 * allocation.holder.amount: amounts (保有予定量, a declared 配分予定なし) that are negative or not whole tonnes; an
 * allotment is whole and never negative, since a −100 t holder would let 配分予定なし hide 100 t more.
 */
function badAmounts(amountFields: NumberField[]): Finding[] {
  return amountFields
    .filter((f) => {
      const v = valueOf(f);
      return v !== null && (v.isNegative() || !v.eq(v.round(0, "down")));
    })
    .map((f) =>
      finding(
        "allocation.holder.amount",
        f.ref,
        {
          ja: `${at(f.ref)} の量 ${shownAmount(f)} tCO2 は 0 以上の整数ではありません（配分は整数の t で、負にはなりません）。この量では合計を検証しません。`,
          en: `${at(f.ref)}: ${shownAmount(f)} tCO2 is not a whole number of tonnes ≥ 0 (allotments are whole, never negative); the block's sum is not checked with it.`,
        },
        { actual: valueOf(f)?.toString() ?? "" },
      ),
    );
}

/** allocation.holders.exceed and .sum: Σ 保有予定量 ≤ t, and Σ + 配分予定なし = t (t the block's tonnes, readable). */
function holdersSum(
  b: AllocationBlock,
  holders: AllocationHolder[],
  t: Decimal,
  restDeclared: boolean,
): Finding[] {
  const rest = b.unallocated;
  const amounts = holders.filter((h) => h.name.value !== null || !blank(h.amount));
  const known = amounts.flatMap((h) => {
    const v = valueOf(h.amount);
    return v === null ? [] : [{ h, v }];
  });
  const sum = known.reduce((a, x) => a.add(x.v), Decimal.zero);
  const cells = known.map((x) => at(x.h.amount.ref)).join("+");
  if (sum.cmp(t) > 0) {
    const ref = known[0].h.amount.ref;
    return [
      finding(
        "allocation.holders.exceed",
        ref,
        {
          ja: `保有予定量の合計 ${tons(sum)} tCO2（${cells}）がブロックの削減相当量 ${tons(t)} tCO2（${at(b.tonnes.ref)}）を超えています。`,
          en: `The holders are allotted ${tons(sum)} tCO2 (${cells}), more than the block's ${tons(t)} tCO2 (${at(b.tonnes.ref)}).`,
        },
        { expected: `≤ ${t.toString()}`, actual: sum.toString() },
      ),
    ];
  }
  // a withheld or unreadable amount is not summed (quietly: the published seed withholds them all)
  if (known.length !== amounts.length) return [];
  if (rest !== null && restDeclared && valueOf(rest) === null) return [];
  const restValue = rest !== null ? (valueOf(rest) ?? Decimal.zero) : Decimal.zero;
  if (sum.add(restValue).eq(t)) return [];
  const ref = rest?.ref ?? known[0]?.h.amount.ref ?? b.holdersRef ?? b.tonnes.ref;
  const short = t.sub(sum);
  return [
    finding(
      "allocation.holders.sum",
      ref,
      {
        ja: `保有予定量 ${tons(sum)} tCO2${cells ? `（${cells}）` : ""} と配分予定なし ${restDeclared ? `${tons(restValue)} tCO2` : "（空欄）"} の和がブロックの削減相当量 ${tons(t)} tCO2（${at(b.tonnes.ref)}）と一致しません。残りは配分予定なしに ${tons(short)} tCO2 と記載します（${at(ref)}）。`,
        en: `Holders ${tons(sum)} tCO2${cells ? ` (${cells})` : ""} plus 配分予定なし ${restDeclared ? `${tons(restValue)} tCO2` : "(blank)"} do not make the block's ${tons(t)} tCO2 (${at(b.tonnes.ref)}); the rest, ${tons(short)} tCO2, is declared 配分予定なし (${at(ref)}).`,
      },
      { expected: short.toString(), actual: restDeclared ? restValue.toString() : "" },
    ),
  ];
}

/** The holders of one block: each row complete, Σ 保有予定量 ≤ t, Σ + 配分予定なし = t; something declared at all. */
function checkHolders(b: AllocationBlock): Finding[] {
  const holders = b.holders;
  // a block without its 1. heading is a missing part (form.*), not a wrong one
  if (holders === null) return [];
  const out = incompleteHolders(holders);
  const rest = b.unallocated;
  const restDeclared = rest !== null && !blank(rest);
  // bad amounts are reported alone: the sum is not checked with them
  const bad = badAmounts([...holders.map((h) => h.amount), ...(rest && restDeclared ? [rest] : [])]);
  if (bad.length > 0) return bad;
  if (holders.length === 0 && !restDeclared) {
    const ref = b.holdersRef ?? b.tonnes.ref;
    out.push(
      finding("allocation.holders.none", ref, {
        ja: `${at(ref)} 以下に保有予定者がなく、配分予定なしも記載されていません（${at(b.tonnes.ref)} の削減相当量の保有予定者か、配分しない量を記載してください）。`,
        en: `From ${at(ref)}: no holder and no 配分予定なし amount: state who holds ${at(b.tonnes.ref)}'s tonnes, or the amount not allocated.`,
      }),
    );
    return out;
  }
  const t = valueOf(b.tonnes);
  if (t === null) return out;
  return [...out, ...holdersSum(b, holders, t, restDeclared)];
}

/** allocation.attribution.blank: 2. 帰属先 names where the value without its environmental value goes. */
function checkAttribution(b: AllocationBlock): Finding[] {
  const a = b.attribution;
  if (!a || a.value !== null) return [];
  return [
    finding("allocation.attribution.blank", a.ref, {
      ja: `${at(a.ref)} の 2. 環境価値が除かれた電気価値・熱価値の帰属先が空欄です（${at(b.tonnes.ref)} のブロック）。`,
      en: `${at(a.ref)}: 2. 帰属先 (where the value without its environmental value goes) is blank (block of ${at(b.tonnes.ref)}).`,
    }),
  ];
}

export function checkAllocation(submission: Submission, rowTonnes: (Decimal | null)[]): Finding[] {
  return [
    ...missingFacilities(submission, rowTonnes),
    ...submission.allocationPlan.flatMap((b) => [...checkHolders(b), ...checkAttribution(b)]),
  ];
}
