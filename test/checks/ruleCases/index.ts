// Every rule-case file of this folder, gathered for test/checks/rules.test.ts (one file per rule family).
import type { Case } from "../ruleCase";
import { ALLOCATION_CASES } from "./allocation";

export const RULE_CASE_FILES: Case[] = [...ALLOCATION_CASES];
