// `gec fill FILE.xlsx -o OUT.xlsx [--formulas]`: writes every derived cell into a copy of the package, never an input
// nor an existing file without --force.
import * as path from "path";
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { COMMAND_USAGE } from "../usage";
import { describeWrite, planFill } from "../../src/engine";
import { previewMessage } from "../../src/domain/materiality";
import { FileError, checkOutput, fileMessage, langOf, readInput, writeBytes } from "./workbook";
import { patchPackage } from "../../io/patch";

/** The synopsis (its options and exit codes: cli/usage.ts, the one text `gec help fill` prints). */
export const usage = COMMAND_USAGE.fill.synopsis;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    flags: ["--formulas", "--json", "--force"],
    valued: { "-o": "output", "--output": "output", "--lang": "lang" },
  });
  const lang = langOf(parsed.options.get("lang"));
  const output = parsed.options.get("output");
  if (parsed.positionals.length !== 1 || !output) throw new UsageError(`使い方 / usage: ${usage}`);
  const file = parsed.positionals[0];
  if (path.resolve(file) === path.resolve(output)) {
    // the original stays as it was, so that every change can be compared and undone
    throw new FileError({
      ja: `出力先 ${output} が入力と同じです。別のファイル名を指定してください。`,
      en: `The output ${output} is the input file; give another file name.`,
    });
  }
  const force = parsed.flags.has("force");
  await checkOutput(io, output, file, force);
  const { bytes, grid } = await readInput(io, file);
  const plan = planFill(grid, { formulas: parsed.flags.has("formulas") });
  let filled: Uint8Array;
  try {
    // the original package with only the planned cells rewritten: charts, images and the rest carried over
    filled = patchPackage(bytes, plan.writes, grid);
  } catch (e) {
    throw new FileError(fileMessage(e, file));
  }
  await writeBytes(io, output, filled, file, force);
  if (parsed.flags.has("json")) {
    io.stdout(
      JSON.stringify(
        { output, writes: plan.writes, skipped: plan.skipped, materiality: plan.materiality },
        null,
        2,
      ) + "\n",
    );
    return 0;
  }
  const lines = plan.writes.map((w) => `  ${describeWrite(w)}`);
  if (plan.writes.length > 0) lines.push(`  ${previewMessage(plan.materiality)[lang]}`);
  for (const s of plan.skipped) lines.push(`  ${s.message[lang]}`);
  const head =
    lang === "ja"
      ? `${output}: ${plan.writes.length} セルを書き換えました（入力セルは変更していません）。`
      : `${output}: ${plan.writes.length} cells written (no input cell changed).`;
  io.stdout([head, ...lines].join("\n") + "\n");
  return 0;
}
