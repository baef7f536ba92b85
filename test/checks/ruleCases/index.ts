// Every rule-case file of this folder, gathered for test/checks/rules.test.ts (one file per rule family).
import type { Case } from "../ruleCase";
import { ALLOCATION_CASES } from "./allocation";
import { ATTACHMENT_CASES } from "./attachment";
import { COMPLETENESS_CASES } from "./completeness";
import { METHODOLOGY_CASES } from "./methodology";
import { PLAN_TEXT_CASES } from "./planText";
import { VINTAGE_CASES } from "./vintage";

export const RULE_CASE_FILES: Case[] = [
  ...METHODOLOGY_CASES,
  ...PLAN_TEXT_CASES,
  ...COMPLETENESS_CASES,
  ...ATTACHMENT_CASES,
  ...ALLOCATION_CASES,
  ...VINTAGE_CASES,
];
