// `gec template CODE -o OUT.xlsx [-n FACILITIES]`: a blank 様式3-2 workbook with native formulas in derived cells.
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { COMMAND_USAGE } from "../usage";
import { buildTemplate } from "../../src/engine";
import { isGecError } from "../../src/errors";
import { MAX_TEMPLATE_FACILITIES } from "../../src/template";
import { addMonitoringTables, lastFiscalYear } from "../../src/template/monitoring";
import { shortened } from "../../src/text";
import { checkOutput, FileError, langOf, writeBytes } from "./workbook";
import { stampTime } from "../version";

/** The synopsis (its options and exit codes: cli/usage.ts, the one text `gec help template` prints). */
export const usage = COMMAND_USAGE.template.synopsis;

/**
 * A whole number typed for an option, from `low` to `high`: digits only (full-width ones too, as a Japanese IME
 * types them); anything else is refused with what was typed and why, never passed on as NaN.
 */
export function wholeNumberOption(
  typed: string,
  option: string,
  what: { ja: string; en: string },
  low: number,
  high: number,
): number {
  const text = typed.normalize("NFKC").trim();
  const range = { ja: `${low} 以上 ${high} 以下の整数`, en: `a whole number from ${low} to ${high}` };
  const refuse = (why: { ja: string; en: string }) =>
    new FileError({
      ja: `${option} の${what.ja}は${range.ja}で指定してください。「${shortened(typed)}」は${why.ja}。`,
      en: `${option}: the ${what.en} must be ${range.en}; "${shortened(typed)}" ${why.en}.`,
    });
  if (/^[-−]\s*\d+(\.\d+)?$/.test(text)) throw refuse({ ja: "負の数です", en: "is negative" });
  if (/^\d+\.\d+$/.test(text)) throw refuse({ ja: "整数ではありません", en: "is not a whole number" });
  if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(text))
    throw refuse({ ja: "数字だけで書かれていません", en: "is not written in digits" });
  if (!/^\d+$/.test(text)) throw refuse({ ja: "数ではありません", en: "is not a number" });
  // more digits than the bound has cannot be within it (and would not be read exactly)
  const value = text.replace(/^0+(?=\d)/, "").length > String(high).length ? Infinity : Number(text);
  if (value < low)
    throw refuse(
      low === 1 && value === 0 ? { ja: "0 です", en: "is zero" } : { ja: "小さすぎます", en: "is too small" },
    );
  if (value > high) throw refuse({ ja: "大きすぎます", en: "is too large" });
  return value;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    flags: ["--monitoring", "--force"],
    valued: {
      "-o": "output",
      "--output": "output",
      "-n": "facilities",
      "--facilities": "facilities",
      "--lang": "lang",
      "--fiscal-year": "fiscalYear",
    },
  });
  const lang = langOf(parsed.options.get("lang"));
  const output = parsed.options.get("output");
  if (parsed.positionals.length !== 1 || !output) throw new UsageError(`使い方 / usage: ${usage}`);
  const typed = parsed.options.get("facilities");
  const facilities =
    typed === undefined
      ? 3
      : wholeNumberOption(
          typed,
          "-n",
          { ja: "施設数", en: "number of facilities" },
          1,
          MAX_TEMPLATE_FACILITIES,
        );
  const year = parsed.options.get("fiscalYear");
  const fiscalYear =
    year === undefined
      ? lastFiscalYear(new Date())
      : wholeNumberOption(year, "--fiscal-year", { ja: "年度", en: "fiscal year" }, 2000, 2100);
  const force = parsed.flags.has("force");
  await checkOutput(io, output, undefined, force);
  let template;
  try {
    template = buildTemplate(parsed.positionals[0], facilities);
    if (parsed.flags.has("monitoring")) template = addMonitoringTables(template, fiscalYear);
  } catch (e) {
    if (isGecError(e)) throw new FileError(e.text);
    throw e;
  }
  // a new workbook written as it is made (io/xlsxWrite); ExcelJS is not loaded
  const { templateToXlsxBytes } = await import("../../io/xlsxWrite");
  await writeBytes(io, output, templateToXlsxBytes(template, stampTime()), undefined, force);
  io.stdout(
    lang === "ja"
      ? `${output}: 様式3-2 ${template.methodology}（${template.facilities} 施設）のテンプレートを書きました。\n`
      : `${output}: Form 3-2 ${template.methodology} template written (${template.facilities} facilities).\n`,
  );
  return 0;
}
