// Rule family 4 (continued): 別紙2 blocks matched by facility name, their holders and 帰属先.
import type { RuleMeta } from "./registry";

export const ALLOCATION_RULES: RuleMeta[] = [];
