// Every rule-case file of this folder, gathered for test/checks/rules.test.ts (one file per rule family).
import type { Case } from "../ruleCase";
import { ATTACHMENT_CASES } from "./attachment";

export const RULE_CASE_FILES: Case[] = [...ATTACHMENT_CASES];
