// `gec finalize FILE.xlsx -o OUT.xlsx`: a copy for submission, every GEC. formula replaced by its value, listed; with
// no GEC. formula at all, nothing is written unless --force.
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { COMMAND_USAGE } from "../usage";
import { planFinalize } from "../../src/engine";
import { formatRef } from "../../src/forms/a1";
import { patchPackage } from "../../io/patch";
import { checkOutput, langOf, readInput, writeBytes } from "./workbook";

/** The synopsis (its options and exit codes: cli/usage.ts, the one text `gec help finalize` prints). */
export const usage = COMMAND_USAGE.finalize.synopsis;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    flags: ["--json", "--force"],
    valued: { "-o": "output", "--output": "output", "--lang": "lang" },
  });
  const lang = langOf(parsed.options.get("lang"));
  const output = parsed.options.get("output");
  if (parsed.positionals.length !== 1 || !output) throw new UsageError(`使い方 / usage: ${usage}`);
  const file = parsed.positionals[0];
  const force = parsed.flags.has("force");
  await checkOutput(io, output, file, force);
  const { bytes, grid } = await readInput(io, file);
  const plan = planFinalize(grid);
  if (plan.writes.length === 0 && plan.skipped.length === 0 && !force) {
    // nothing to replace: the input is already fit to submit, and an identical copy would only add a file
    if (parsed.flags.has("json")) {
      io.stdout(JSON.stringify({ output: null, written: false, replaced: [], skipped: [] }, null, 2) + "\n");
    } else {
      io.stdout(
        lang === "ja"
          ? `${file}: GEC. 関数の数式はありません。置き換えるものがないので ${output} は書きませんでした（複製が要るなら --force）。\n`
          : `${file}: no GEC. formula, so nothing to replace: ${output} was not written (--force writes the copy anyway).\n`,
      );
    }
    return 0;
  }
  // the original package with only these cells rewritten: charts and every other part carried over
  await writeBytes(io, output, plan.writes.length ? patchPackage(bytes, plan.writes) : bytes, file, force);
  if (parsed.flags.has("json")) {
    const replaced = plan.writes.map((w) => ({
      cell: formatRef(w.ref),
      formula: w.previousFormula,
      value: w.value,
    }));
    io.stdout(JSON.stringify({ output, written: true, replaced, skipped: plan.skipped }, null, 2) + "\n");
  } else {
    const lines = plan.writes.map((w) => `  ${formatRef(w.ref)}: ${w.previousFormula} → ${String(w.value)}`);
    for (const s of plan.skipped) lines.push(`  ${s.message[lang]}`);
    const head =
      lang === "ja"
        ? `${output}: GEC. 関数の数式 ${plan.writes.length} 個を値に置き換えました${plan.skipped.length ? `（${plan.skipped.length} 個は値がないため残しました）` : ""}。`
        : `${output}: ${plan.writes.length} GEC. formula${plan.writes.length === 1 ? "" : "s"} replaced by ${plan.writes.length === 1 ? "its value" : "their values"}${plan.skipped.length ? ` (${plan.skipped.length} left: no computed value)` : ""}.`;
    io.stdout([head, ...lines].join("\n") + "\n");
  }
  // a GEC. formula left in the copy would show #NAME? to the recipient
  return plan.skipped.length > 0 ? 1 : 0;
}
