// `gec template CODE -o OUT.xlsx [-n FACILITIES]`: a blank 様式3-2 workbook with native formulas in derived cells.
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { buildTemplate } from "../../src/engine";
import { isGecError } from "../../src/errors";
import { addMonitoringTables, lastFiscalYear } from "../../src/template/monitoring";
import { FileError, langOf, loadXlsx, writeWorkbook } from "./workbook";

export const usage =
  "gec template CODE -o OUT.xlsx [-n FACILITIES] [--monitoring [--fiscal-year YYYY]] [--lang ja|en]";

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    flags: ["--monitoring"],
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
  const count = parsed.options.get("facilities") ?? "3";
  let template;
  try {
    template = buildTemplate(parsed.positionals[0], /^\d+$/.test(count) ? Number(count) : Number.NaN);
    if (parsed.flags.has("monitoring")) {
      const year = parsed.options.get("fiscalYear");
      template = addMonitoringTables(
        template,
        year === undefined ? lastFiscalYear(new Date()) : /^\d{4}$/.test(year) ? Number(year) : Number.NaN,
      );
    }
  } catch (e) {
    if (isGecError(e)) throw new FileError(e.text);
    throw e;
  }
  const xlsx = await loadXlsx();
  const wb = xlsx.newWorkbook();
  xlsx.addTemplate(wb, template);
  await writeWorkbook(io, xlsx, wb, output);
  io.stdout(
    lang === "ja"
      ? `${output}: 様式3-2 ${template.methodology}（${template.facilities} 施設）のテンプレートを書きました。\n`
      : `${output}: Form 3-2 ${template.methodology} template written (${template.facilities} facilities).\n`,
  );
  return 0;
}
