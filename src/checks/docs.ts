// docs/rules.md from the rule registry: what each rule checks, its family, severity and whether it offers a fix.
import { RULE_FAMILIES, listRules } from "./registry";
import type { RuleFamily } from "./registry";

export function rulesMarkdown(): string {
  const out = [
    "# Validation rules / 検証ルール",
    "",
    "Generated from `src/checks/registry.ts` by `npm run docs`; do not edit by hand. `gec rules` prints the same list.",
    "",
  ];
  let family = 0;
  for (const r of listRules()) {
    if (r.family !== family) {
      family = r.family;
      const name = RULE_FAMILIES[r.family as RuleFamily];
      out.push(
        `## ${family}. ${name.ja} / ${name.en}`,
        "",
        "| rule | severity | fix | 説明 | description |",
        "| --- | --- | --- | --- | --- |",
      );
    }
    out.push(
      `| \`${r.id}\` | ${r.severity} | ${r.fixable ? "yes" : ""} | ${r.description.ja} | ${r.description.en} |`,
    );
    for (const i of r.instances ?? []) out.push(`| &nbsp;&nbsp;\`${i.id}\` | | | ${i.where} | ${i.where} |`);
    if (
      listRules()
        .filter((x) => x.family === family)
        .slice(-1)[0] === r
    )
      out.push("");
  }
  return out.join("\n");
}
