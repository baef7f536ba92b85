// Rule family 4 (continued): 別紙2 blocks matched by facility name, their holders and 帰属先.
import type { RuleMeta } from "./rule";

const rule = (id: string, ja: string, en: string): RuleMeta => ({
  id,
  family: 4,
  severity: "error",
  fixable: false,
  description: { ja, en },
});

export const ALLOCATION_RULES: RuleMeta[] = [
  rule(
    "allocation.facility.missing",
    "別紙2 のブロックが施設名を記載しているのに、別紙1 のこの施設を名指すブロックがない。",
    "別紙2's blocks name their facilities, but none names this 別紙1 facility.",
  ),
  rule(
    "allocation.holders.exceed",
    "別紙2 の保有予定量の合計がそのブロックの削減相当量（tCO2）を超える。",
    "A 別紙2 block's holders are allotted more than the block's tCO2.",
  ),
  rule(
    "allocation.holders.sum",
    "保有予定量の合計と配分予定なしの和がブロックの削減相当量（tCO2）と一致しない（残りは配分予定なしと記載する）。",
    "A 別紙2 block's holders plus 配分予定なし do not add up to the block's tCO2 (the rest is declared 配分予定なし).",
  ),
  rule(
    "allocation.holders.none",
    "別紙2 のブロックに保有予定者も配分予定なしも記載されていない。",
    "A 別紙2 block names no holder and declares nothing 配分予定なし.",
  ),
  rule(
    "allocation.holder.incomplete",
    "保有予定者の行に名称または保有予定量（読める数値）が欠けている。",
    "A 保有予定者 row lacks its name or a readable 保有予定量.",
  ),
  rule(
    "allocation.holder.amount",
    "保有予定量または配分予定なしの量が負、または整数の t ではない（その量では合計を検証しない）。",
    "A 保有予定量 or 配分予定なし amount is negative or not whole tonnes (the block's sum is not checked with it).",
  ),
  rule(
    "allocation.attribution.blank",
    "別紙2 の 2. 環境価値が除かれた電気価値・熱価値の帰属先が空欄。",
    "A 別紙2 block's 2. 帰属先 (where the value without its environmental value goes) is blank.",
  ),
];
