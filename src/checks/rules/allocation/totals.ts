// Rule family 4 (R7): 別紙2's totals against 別紙1's, one block per facility against that row's tCO2, no power sold for heat.
import { methodologyOf } from "../../../forms/submission";
import { Decimal } from "../../../numbers";
import type { Finding } from "../../../types";
import type { AllocationBlock, ProjectList, Submission } from "../../../forms/submission";
import { at, reporter } from "../../finding";
import { facilityLabel, heldFacility, matchBlocks } from "../../../domain/blocks";
import type { BlockMatch } from "../../../domain/blocks";
import { everyKnown, totalDerivation } from "../../../domain/rows";
import type { DerivationStep } from "../../../formula";
import { fixOf } from "../projectList";
import { rule } from "../../rule";
import type { RuleMeta } from "../../rule";

export const ALLOCATION_TOTAL_RULES: RuleMeta[] = [
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
];

const { finding } = reporter(ALLOCATION_TOTAL_RULES);

const declarationOf = methodologyOf;

/** The derivations a finding shows: a 別紙1 row's tCO2, and 別紙1's total (none where the caller traces nothing). */
interface AllocationExplain {
  row(i: number): DerivationStep[];
  total(): DerivationStep[];
}

/**
 * allocation.facility.tonnes: block `i`, matched to its facility `m`, holds that 別紙1 row's tCO2. Where the figure is
 * another facility's (`held`), the message says so and offers no one-cell fix.
 */
function facilityTonnes(
  list: ProjectList,
  b: AllocationBlock,
  m: BlockMatch,
  actual: Decimal | null,
  rowTonnes: (Decimal | null)[],
  explain: AllocationExplain,
): Finding | null {
  const expected = rowTonnes[m.row];
  if (expected === null || expected === undefined || (actual !== null && actual.eq(expected))) return null;
  const row = list.rows[m.row];
  const named = m.by !== "position";
  const held = heldFacility(m, actual, rowTonnes);
  const name = facilityLabel(row, m.row);
  const nameRef = row.text.facilityName?.ref ?? b.tonnes.ref;
  const message =
    held !== null
      ? {
          ja: `${at(b.tonnes.ref)} のブロックは「${name}」（別紙1 ${at(nameRef)}、${expected} tCO2）を名指していますが、${actual} tCO2 は「${facilityLabel(list.rows[held], held)}」（別紙1 ${at(list.rows[held].text.facilityName?.ref ?? nameRef)}）の値です。設備名称か削減相当量のどちらかが誤っています。`,
          en: `${at(b.tonnes.ref)}: the block names "${name}" (別紙1 ${at(nameRef)}, ${expected} tCO2) but holds ${actual} tCO2, the figure of "${facilityLabel(list.rows[held], held)}" (別紙1 ${at(list.rows[held].text.facilityName?.ref ?? nameRef)}): its facility name or its tonnes are wrong.`,
        }
      : named
        ? {
            ja: `${at(b.tonnes.ref)} の削減相当量は、ブロックが名指す「${name}」（別紙1 ${at(nameRef)}）の tCO2 ${expected} と一致するはずですが、${actual ?? "空欄"} です。`,
            en: `${at(b.tonnes.ref)} should equal the tCO2 ${expected} of "${name}" (別紙1 ${at(nameRef)}), the facility the block names, but is ${actual ?? "empty"}.`,
          }
        : {
            ja: `${at(b.tonnes.ref)} の削減相当量は別紙1 の ${m.row + 1} 件目の tCO2 ${expected} と一致するはずですが、${actual ?? "空欄"} です。`,
            en: `${at(b.tonnes.ref)} should equal 別紙1 facility ${m.row + 1}'s tCO2 ${expected}, but is ${actual ?? "empty"}.`,
          };
  return finding("allocation.facility.tonnes", b.tonnes.ref, message, {
    expected: expected.toString(),
    actual: actual?.toString() ?? "",
    // a block holding another facility's figure may be mislabelled: no one-cell fix
    fix: held === null ? fixOf(b.tonnes, expected) : undefined,
    derivation: explain.row(m.row),
  });
}

/** allocation.total (R6/R7): Σ 別紙2 blocks = 別紙1's total, as its declared 合計 quantity gives it. */
function allocationTotal(
  s: Submission,
  list: ProjectList,
  values: (Decimal | null)[],
  rowTonnes: (Decimal | null)[],
  explain: AllocationExplain,
): Finding | null {
  const rows = list.rows.length > 0 ? everyKnown(rowTonnes) : null;
  const total = rows ? totalDerivation(list, declarationOf(s), rows, false).value : null;
  const allocated = everyKnown(values)?.reduce((a, v) => a.add(v), Decimal.zero) ?? null;
  if (total === null || allocated === null || allocated.eq(total)) return null;
  return finding(
    "allocation.total",
    s.allocationPlan[0].tonnes.ref,
    {
      ja: `別紙2 の削減相当量の合計 ${allocated} が別紙1 の合計 ${total} tCO2 と一致しません。`,
      en: `別紙2 allocates ${allocated} tCO2 in all, but 別紙1 totals ${total} tCO2.`,
    },
    { expected: total.toString(), actual: allocated.toString(), derivation: explain.total() },
  );
}

/** allocation.powerSold.heat: a methodology with no power-sold quantity (heat) sells no power, so 販売電力量 is 0. */
function powerSoldForHeat(s: Submission): Finding[] {
  const heat = !methodologyOf(s).form.powerSoldKey;
  const out: Finding[] = [];
  for (const b of s.allocationPlan) {
    const p = b.powerSold;
    if (heat && p && p.reading.kind === "number" && !p.reading.decimal.isZero()) {
      out.push(
        finding(
          "allocation.powerSold.heat",
          p.ref,
          {
            ja: `熱の方法論では 別紙2 の販売電力量は 0 です（${p.reading.decimal}）。`,
            en: `For a heat methodology the 別紙2 power sold is 0 (${p.reading.decimal}).`,
          },
          { expected: 0, actual: p.reading.decimal.toString(), fix: fixOf(p, Decimal.zero) },
        ),
      );
    }
  }
  return out;
}

/** R7: 別紙2 totals equal 別紙1's; one block per facility equals that row's t. */
export function checkAllocation(
  s: Submission,
  rowTonnes: (Decimal | null)[],
  explain: AllocationExplain = {
    row: () => [],
    total: () => [],
  },
): Finding[] {
  const out: Finding[] = [];
  const blocks = s.allocationPlan;
  const list = s.projectList;
  if (!list || blocks.length === 0) return out;
  const values = blocks.map((b) => (b.tonnes.reading.kind === "number" ? b.tonnes.reading.decimal : null));
  // each block's facility: by the name it gives, else by position (one block per facility)
  const matches = matchBlocks(blocks, list.rows);
  if (matches.every((m) => m !== null)) {
    blocks.forEach((b, i) => {
      const m = matches[i];
      const f = m ? facilityTonnes(list, b, m, values[i], rowTonnes, explain) : null;
      if (f) out.push(f);
    });
  } else {
    const f = allocationTotal(s, list, values, rowTonnes, explain);
    if (f) out.push(f);
  }
  out.push(...powerSoldForHeat(s));
  return out;
}
