// `gec rules [--json] [--lang ja|en]`: every rule the checks apply, by family, from the rule registry.
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { COMMAND_USAGE } from "../usage";
import { RULE_FAMILIES, listRules } from "../../src/checks/registry";
import { langOf } from "./workbook";

/** The synopsis (its options and exit codes: cli/usage.ts, the one text `gec help rules` prints). */
export const usage = COMMAND_USAGE.rules.synopsis;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["--json"], valued: { "--lang": "lang" } });
  const lang = langOf(parsed.options.get("lang"));
  if (parsed.positionals.length !== 0) throw new UsageError(`使い方 / usage: ${usage}`);
  const rules = listRules();
  if (parsed.flags.has("json")) {
    io.stdout(JSON.stringify({ families: RULE_FAMILIES, rules }, null, 2) + "\n");
    return 0;
  }
  const lines: string[] = [];
  let family = 0;
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) {
    if (r.family !== family) {
      family = r.family;
      lines.push("", `${family}. ${RULE_FAMILIES[r.family][lang]}`);
    }
    const fix = (r.fixable ? (lang === "ja" ? "修正可" : "fixable") : "").padEnd(lang === "ja" ? 6 : 7);
    lines.push(`  ${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${fix}  ${r.description[lang]}`);
    for (const i of r.instances ?? []) lines.push(`      ${i.id}  (${i.where})`);
  }
  io.stdout(lines.join("\n").trimStart() + "\n");
  return 0;
}
