// Rule family 12: 別紙1添付 read as each facility's monitoring plan (roles, documents, the rules it states).
import type { RuleMeta } from "./registry";

export const ATTACHMENT_RULES: RuleMeta[] = [];
