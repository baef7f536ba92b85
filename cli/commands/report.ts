// `gec report FILE.xlsx -o REPORT.xlsx`: the verifier's table of declared against recomputed values, with derivations.
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { COMMAND_USAGE } from "../usage";
import { reportWorkbook, verificationReport } from "../../src/report";
import { checkOutput, langOf, readInput, writeBytes } from "./workbook";

/** The synopsis (its options and exit codes: cli/usage.ts, the one text `gec help report` prints). */
export const usage = COMMAND_USAGE.report.synopsis;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    flags: ["--force"],
    valued: { "-o": "output", "--output": "output", "--lang": "lang" },
  });
  const lang = langOf(parsed.options.get("lang"));
  const output = parsed.options.get("output");
  if (parsed.positionals.length !== 1 || !output) throw new UsageError(`使い方 / usage: ${usage}`);
  const file = parsed.positionals[0];
  const force = parsed.flags.has("force");
  await checkOutput(io, output, file, force);
  const { template, total, differs } = await planReport(io, file, lang);
  // a new workbook, written row by row by ExcelJS's streaming writer (loaded only here); never over the input,
  // written atomically
  const { templateToXlsxStreamed } = await import("../../io/xlsxStream");
  await writeBytes(io, output, await templateToXlsxStreamed(template), file, force);
  io.stdout(
    lang === "ja"
      ? `${output}: 検証結果一覧表を書きました（${total} 項目、うち一致しないもの ${differs}）。\n`
      : `${output}: verification table written (${total} items, ${differs} not agreeing).\n`,
  );
  return 0;
}

/**
 * The report's sheet and counts. The Grid and the derivations (100 MiB for 5,000 facilities) are unreachable once
 * this returns, so that ExcelJS, which needs as much again, does not hold them too.
 */
async function planReport(
  io: CliIo,
  file: string,
  lang: "ja" | "en",
): Promise<{ template: ReturnType<typeof reportWorkbook>; total: number; differs: number }> {
  const report = verificationReport((await readInput(io, file)).grid);
  const lines = [...report.lines, ...report.allocation];
  return {
    template: reportWorkbook(report, lang),
    total: lines.length,
    differs: lines.filter((l) => l.verdict !== "agrees").length,
  };
}
