// The rules a verifier applies, declared once: the rule modules of ./rules, each its rules' metas next to the check
// that reports them. runChecks, `gec rules`, the docs, the report and the tests read this.
import { metasById } from "./finding";
import { metasOf } from "./rule";
import type { RuleMeta, RuleModule } from "./rule";
import { readerModule } from "./rules/reader";
import { methodologyModule } from "./rules/methodology";
import { periodsModule } from "./rules/periods";
import { projectListModule } from "./rules/projectList";
import { allocationModule } from "./rules/allocation";
import { fuelStatementModule } from "./rules/fuelStatement";
import { identityModule } from "./rules/identity";
import { noFacilitiesModule } from "./rules/noFacilities";
import { hygieneModule } from "./rules/hygiene";
import { monitoringModule } from "./rules/monitoring";
import { completenessModule } from "./rules/completeness";
import { planTextModule } from "./rules/planText";
import { attachmentModule } from "./rules/attachment";
import { portfolioModule } from "./rules/portfolio";

export { RULE_FAMILIES } from "./rule";
export type { CheckContext, RuleFamily, RuleMeta, RuleModule } from "./rule";

/**
 * The rule modules in the order runChecks runs them: the reader's notes first, then by family (1–13), within a family
 * in the order its findings are listed. Family 5 reports from the 別紙1 row pass (projectList); 13 from src/portfolio.
 */
export const RULE_MODULES: readonly RuleModule[] = Object.freeze(
  [
    readerModule,
    methodologyModule,
    periodsModule,
    projectListModule,
    allocationModule,
    fuelStatementModule,
    identityModule,
    noFacilitiesModule,
    hygieneModule,
    monitoringModule,
    completenessModule,
    planTextModule,
    attachmentModule,
    portfolioModule,
  ].map((m) => Object.freeze(m)),
);

let registry: Map<string, RuleMeta> | null = null;

/** Every reportable id (a per-quantity rule under each of its instances) → its rule. */
let byId: Map<string, RuleMeta> | null = null;

/**
 * The rules of every module, made once on first use and frozen (the per-quantity ones from the methodologies, which
 * that first use fixes too). Nothing registers a rule at run time; an id declared by two modules is a programming error.
 */
function rules(): Map<string, RuleMeta> {
  if (registry) return registry;
  const made = new Map<string, RuleMeta>();
  for (const m of RULE_MODULES) {
    for (const r of metasOf(m)) {
      if (made.has(r.id)) throw new Error(`rule "${r.id}" is declared by two rule modules`);
      made.set(r.id, Object.freeze(r));
    }
  }
  registry = made;
  return registry;
}

function ids(): Map<string, RuleMeta> {
  byId ??= metasById([...rules().values()]);
  return byId;
}

/** Every rule, by family then id (a per-quantity rule once, with its instances). */
export function listRules(): RuleMeta[] {
  return [...rules().values()].sort((a, b) => a.family - b.family || a.id.localeCompare(b.id));
}

/** The meta of a rule id; throws for an id no one declared, so that a rule cannot report without a declaration. */
export function ruleMeta(id: string): RuleMeta {
  const meta = ids().get(id);
  if (!meta) throw new Error(`rule "${id}" is not declared by any rule module (src/checks/rules/)`);
  return meta;
}
