// `gec report FILE.xlsx -o REPORT.xlsx`: the verifier's table of declared against recomputed values, with derivations.
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { reportWorkbook, verificationReport } from "../../src/report";
import { checkOutput, langOf, loadXlsx, readInput, writeBytes } from "./workbook";

export const usage = "gec report FILE.xlsx -o REPORT.xlsx [--force] [--lang ja|en]";

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
  const { grid } = await readInput(io, file);
  const report = verificationReport(grid);
  // a new workbook: ExcelJS writes it (loaded only here); never over the input, written atomically
  const xlsx = await loadXlsx();
  const out = xlsx.newWorkbook();
  xlsx.addTemplate(out, reportWorkbook(report, lang));
  await writeBytes(io, output, await xlsx.saveWorkbook(out), file, force);
  const differs = [...report.lines, ...report.allocation].filter((l) => l.verdict !== "agrees").length;
  const total = report.lines.length + report.allocation.length;
  io.stdout(
    lang === "ja"
      ? `${output}: 検証結果一覧表を書きました（${total} 項目、うち一致しないもの ${differs}）。\n`
      : `${output}: verification table written (${total} items, ${differs} not agreeing).\n`,
  );
  return 0;
}
