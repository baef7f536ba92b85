// Rule family 11: the plan's text (1.1–2.2) against its methodology and its own rows.
import type { RuleMeta } from "./registry";

export const PLAN_TEXT_RULES: RuleMeta[] = [];
