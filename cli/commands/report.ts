// `gec report FILE.xlsx -o REPORT.xlsx`: the verifier's table of declared against recomputed values, with derivations.
import * as path from "path";
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { reportWorkbook, verificationReport } from "../../src/report";
import { FileError, langOf, loadXlsx, readWorkbook, writeWorkbook } from "./workbook";

export const usage = "gec report FILE.xlsx -o REPORT.xlsx [--lang ja|en]";

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    flags: [],
    valued: { "-o": "output", "--output": "output", "--lang": "lang" },
  });
  const lang = langOf(parsed.options.get("lang"));
  const output = parsed.options.get("output");
  if (parsed.positionals.length !== 1 || !output) throw new UsageError(`使い方 / usage: ${usage}`);
  const file = parsed.positionals[0];
  if (path.resolve(file) === path.resolve(output)) {
    throw new FileError({
      ja: `出力先 ${output} が入力と同じです。別のファイル名を指定してください。`,
      en: `The output ${output} is the input file; give another file name.`,
    });
  }
  const { xlsx, wb } = await readWorkbook(io, file);
  const report = verificationReport(xlsx.workbookToGrid(wb));
  const out = (await loadXlsx()).newWorkbook();
  xlsx.addTemplate(out, reportWorkbook(report, lang));
  await writeWorkbook(io, xlsx, out, output);
  const differs = [...report.lines, ...report.allocation].filter((l) => l.verdict !== "agrees").length;
  const total = report.lines.length + report.allocation.length;
  io.stdout(
    lang === "ja"
      ? `${output}: 検証結果一覧表を書きました（${total} 項目、うち一致しないもの ${differs}）。\n`
      : `${output}: verification table written (${total} items, ${differs} not agreeing).\n`,
  );
  return 0;
}
