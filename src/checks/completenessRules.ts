// Rule family 10: a submission complete in its parts (form.*): each declared part present and filled, at the place it should be.
import type { RuleMeta } from "./registry";

export const COMPLETENESS_RULES: RuleMeta[] = [];
