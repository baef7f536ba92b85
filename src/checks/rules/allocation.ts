// Rule family 4: 別紙2 against 別紙1. The totals and each facility's tonnes (R7, ./allocation/totals.ts) and the blocks'
// holders and 帰属先 (./allocation/blocks.ts) share one recomputation of the rows' tonnes, so they are one module.
import { isGecError } from "../../errors";
import type { Finding } from "../../types";
import { methodologyOf } from "../../forms/submission";
import { everyKnown, recomputedTonnes, rowDerivation, totalDerivation } from "../../domain/rows";
import type { CheckContext, RuleModule } from "../rule";
import { ALLOCATION_TOTAL_RULES, checkAllocation } from "./allocation/totals";
import { ALLOCATION_BLOCK_RULES, checkAllocation as checkAllocationBlocks } from "./allocation/blocks";

/** The 別紙2 reconciliation (R7), with each expected figure's derivation, and each block's holders and 帰属先. */
function checkAllocationOf({ submission }: CheckContext): Finding[] {
  const list = submission.projectList;
  if (!list) return [];
  const declaration = methodologyOf(submission);
  const tonnes = recomputedTonnes(list.rows, declaration);
  const blocks = checkAllocationBlocks(submission, tonnes);
  return [
    ...checkAllocation(submission, tonnes, {
      row: (i) => {
        const d = rowDerivation(list.rows[i], declaration, declaration.form.tonnesKey);
        return isGecError(d) ? [] : d.steps;
      },
      total: () => {
        const all = everyKnown(tonnes);
        return all ? totalDerivation(list, declaration, all).steps : [];
      },
    }),
    ...blocks,
  ];
}

export const allocationModule: RuleModule = {
  metas: [...ALLOCATION_TOTAL_RULES, ...ALLOCATION_BLOCK_RULES],
  check: checkAllocationOf,
};
