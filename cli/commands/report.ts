// `gec report FILE.xlsx -o REPORT.xlsx`: the verifier's working paper (表紙, 概要書, 一覧表, 計算根拠, 指摘事項一覧).
import * as path from "path";
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { paperJson, paperWorkbook, verificationPaper } from "../../src/report";
import type { VerificationPaper } from "../../src/report";
import { sha256 } from "../../src/sha256";
import { COMMAND_USAGE } from "../usage";
import { checkOutput, langOf, readInput, writeBytes } from "./workbook";
import { packageVersion, stampTime, today } from "../version";

/** The synopsis (its options and exit codes: cli/usage.ts, the one text `gec help report` prints). */
export const usage = COMMAND_USAGE.report.synopsis;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    flags: ["--force", "--json"],
    valued: { "-o": "output", "--output": "output", "--lang": "lang", "--previous": "previous" },
  });
  const lang = langOf(parsed.options.get("lang"));
  const output = parsed.options.get("output");
  const json = parsed.flags.has("json");
  if (parsed.positionals.length !== 1 || (!output && !json)) throw new UsageError(`使い方 / usage: ${usage}`);
  const file = parsed.positionals[0];
  const force = parsed.flags.has("force");
  if (output) await checkOutput(io, output, file, force);
  const previousFile = parsed.options.get("previous");
  const { template, counts, text } = await planReport(io, file, previousFile, lang, json);
  if (output) {
    // a new workbook written as it is made (io/xlsxWrite); never over the input, written atomically
    const { templateToXlsxBytes } = await import("../../io/xlsxWrite");
    await writeBytes(io, output, templateToXlsxBytes(template, stampTime()), file, force);
  }
  if (text !== null) io.stdout(text);
  else if (output)
    io.stdout(
      lang === "ja"
        ? `${output}: 検証の作業用紙を書きました（一覧表 ${counts.lines} 項目、うち一致しないもの ${counts.differs}。指摘 ${counts.findings} 件${previousFile ? `、うち新規 ${counts.new}・解消 ${counts.resolved}` : ""}）。\n`
        : `${output}: working paper written (${counts.lines} items, ${counts.differs} not agreeing; ${counts.findings} findings${previousFile ? `, ${counts.new} new, ${counts.resolved} resolved` : ""}).\n`,
    );
  return 0;
}

/**
 * The paper's sheets and counts. The Grid and the derivations (100 MiB for 5,000 facilities) are unreachable once
 * this returns, so that ExcelJS, which needs as much again, does not hold them too.
 */
async function planReport(
  io: CliIo,
  file: string,
  previousFile: string | undefined,
  lang: "ja" | "en",
  json: boolean,
): Promise<{
  template: ReturnType<typeof paperWorkbook>;
  counts: Record<"lines" | "differs" | "findings" | "new" | "resolved", number>;
  text: string | null;
}> {
  const { bytes, grid } = await readInput(io, file);
  const previous = previousFile ? (await readInput(io, previousFile)).grid : null;
  const paper: VerificationPaper = verificationPaper(grid, {
    source: { fileName: path.basename(file), digestOf: "file", sha256: sha256(bytes), size: bytes.length },
    options: { toolVersion: packageVersion(), date: today() },
    previous,
  });
  const lines = [...paper.lines, ...paper.allocation];
  return {
    template: paperWorkbook(paper, lang),
    counts: {
      lines: lines.length,
      differs: lines.filter((l) => l.verdict === "differs" || l.verdict === "notComputable").length,
      findings: paper.findings.filter((f) => f.state !== "resolved").length,
      new: paper.findings.filter((f) => f.state === "new").length,
      resolved: paper.findings.filter((f) => f.state === "resolved").length,
    },
    text: json ? paperJson(paper) : null,
  };
}
