// Many workbooks at once: digests, the cross-workbook rules, the previous year and the registered plan (pure).
export * from "./digest";
export * from "./finding";
export * from "./cross";
export * from "./priorYear";
export * from "./approvedPlan";
export { PORTFOLIO_RULES } from "../checks/rules/portfolio";
