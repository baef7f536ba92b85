// `gec check FILE.xlsx [--json] [--lang ja|en]`: the verifier's report on a workbook; exit 1 when it has errors.
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { validateGrid, cellAddress } from "../../src/engine";
import type { ValidationReport } from "../../src/engine";
import type { Finding, Severity } from "../../src/types";
import { langOf, readInput } from "./workbook";
import type { Lang } from "./workbook";

export const usage = "gec check FILE.xlsx [--json] [--lang ja|en]";

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  ja: { error: "エラー", warning: "警告", info: "情報" },
  en: { error: "error", warning: "warning", info: "info" },
};

/** The --json shape: one object per finding with its cell in A1 form, and the summary. */
export function reportJson(report: ValidationReport): string {
  const findings = report.findings.map((f: Finding) => ({
    rule: f.rule,
    severity: f.severity,
    sheet: f.ref.sheet,
    cell: cellAddress(f.ref),
    message: f.message,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    fix: f.fix ? { value: f.fix.value ?? null, formula: f.fix.formula ?? null } : null,
  }));
  return JSON.stringify({ findings, summary: report.summary }, null, 2) + "\n";
}

/** The human report: the summary line, then the findings grouped by sheet, each with its cell. */
export function reportText(report: ValidationReport, lang: Lang, file: string): string {
  const lines = [`${file}: ${report.summary.text[lang]}`];
  const bySheet = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = bySheet.get(f.ref.sheet) ?? [];
    list.push(f);
    bySheet.set(f.ref.sheet, list);
  }
  const width = Math.max(0, ...report.findings.map((f) => cellAddress(f.ref).length));
  for (const [sheet, findings] of bySheet) {
    lines.push("", `[${sheet}]`);
    for (const f of findings) {
      const values =
        f.expected !== undefined || f.actual !== undefined
          ? lang === "ja"
            ? `  (期待値 ${f.expected ?? "—"} / 実際 ${f.actual === "" ? "空欄" : (f.actual ?? "—")})`
            : `  (expected ${f.expected ?? "—"}, actual ${f.actual === "" ? "empty" : (f.actual ?? "—")})`
          : "";
      lines.push(
        `  ${cellAddress(f.ref).padEnd(width)}  ${SEVERITY[lang][f.severity]}  ${f.message[lang]}${values}  [${f.rule}]`,
      );
    }
  }
  if (report.findings.length === 0) lines.push(lang === "ja" ? "指摘はありません。" : "No findings.");
  return lines.join("\n") + "\n";
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["--json"], valued: { "--lang": "lang" } });
  const lang = langOf(parsed.options.get("lang"));
  if (parsed.positionals.length !== 1) throw new UsageError(`使い方 / usage: ${usage}`);
  const file = parsed.positionals[0];
  const { grid } = await readInput(io, file);
  const report = validateGrid(grid);
  io.stdout(parsed.flags.has("json") ? reportJson(report) : reportText(report, lang, file));
  return report.summary.errors > 0 ? 1 : 0;
}
