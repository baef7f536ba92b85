// `gec check FILE.xlsx [--json] [--lang ja|en]`: the verifier's report on a workbook; exit 1 when it has errors.
import { stat as fsStat } from "fs";
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { COMMAND_USAGE } from "../usage";
import { validateGrid } from "../../src/validate";
import type { ValidationReport } from "../../src/validate";
import { cellAddress } from "../../src/forms/a1";
import { headOf } from "../../src/text";
import type { Finding, Severity } from "../../src/types";
import { langOf, readInput } from "./workbook";
import type { Lang } from "./workbook";

/** The synopsis (its options and exit codes: cli/usage.ts, the one text `gec help check` prints). */
export const usage = COMMAND_USAGE.check.synopsis;

/** A cell's text as printed: at most 40 characters and an ellipsis (a cell can hold 32,767). */
export function short(v: number | string | undefined): number | string | undefined {
  if (typeof v !== "string") return v;
  const { head, cut } = headOf(v);
  return cut ? `${head}…` : v;
}

/** A message as printed: one that echoes a huge cell keeps its start and end (a safety net under the rules' own). */
export function shortMessage(text: string): string {
  if (text.length <= 400) return text;
  return `${text.slice(0, 200)}…（${text.length} 文字 / chars）…${text.slice(-120)}`;
}

export const SEVERITY: Record<Lang, Record<Severity, string>> = {
  ja: { error: "エラー", warning: "警告", info: "情報" },
  en: { error: "error", warning: "warning", info: "info" },
};

/** One finding as --json prints it, with its cell in A1 form. */
export function findingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.ref.sheet,
    cell: cellAddress(f.ref),
    message: { ja: shortMessage(f.message.ja), en: shortMessage(f.message.en) },
    expected: short(f.expected) ?? null,
    actual: short(f.actual) ?? null,
    fix: f.fix ? { value: f.fix.value ?? null, formula: f.fix.formula ?? null } : null,
    derivation: f.derivation ?? null,
    materiality: f.materiality ?? null,
  };
}
export type FindingJson = ReturnType<typeof findingJson>;

/** The --json shape: one object per finding with its cell in A1 form, and the summary. */
export function reportJson(report: ValidationReport): string {
  const findings = report.findings.map(findingJson);
  return JSON.stringify({ findings, summary: report.summary }, null, 2) + "\n";
}

/** The human report: the summary line, then the findings grouped by sheet, each with its cell. */
export function reportText(report: ValidationReport, lang: Lang, file: string): string {
  const lines = [`${file}: ${report.summary.text[lang]}`];
  if (report.summary.notice) lines.push(report.summary.notice[lang]);
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
      const expected = short(f.expected);
      const actual = short(f.actual);
      const values =
        expected !== undefined || actual !== undefined
          ? lang === "ja"
            ? `  (期待値 ${expected ?? "—"} / 実際 ${actual === "" ? "空欄" : (actual ?? "—")})`
            : `  (expected ${expected ?? "—"}, actual ${actual === "" ? "empty" : (actual ?? "—")})`
          : "";
      const tonnes = f.materiality ? `  〔${f.materiality.message[lang]}〕` : "";
      lines.push(
        `  ${cellAddress(f.ref).padEnd(width)}  ${SEVERITY[lang][f.severity]}  ${shortMessage(f.message[lang])}${values}${tonnes}  [${f.rule}]`,
      );
    }
  }
  if (report.findings.length === 0) lines.push(lang === "ja" ? "指摘はありません。" : "No findings.");
  return lines.join("\n") + "\n";
}

/** Many workbooks: more than one path, a folder, or an option only a set of workbooks has. */
async function isPortfolio(paths: string[], options: Map<string, string>): Promise<boolean> {
  if (paths.length !== 1) return true;
  if (["summary", "jobs", "previous", "plan"].some((o) => options.has(o))) return true;
  return new Promise((resolve) => fsStat(paths[0], (e, st) => resolve(e === null && st.isDirectory())));
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    flags: ["--json", "--force"],
    valued: {
      "--lang": "lang",
      "--summary": "summary",
      "--jobs": "jobs",
      "-j": "jobs",
      "--previous": "previous",
      "--plan": "plan",
    },
  });
  const lang = langOf(parsed.options.get("lang"));
  if (parsed.positionals.length === 0) throw new UsageError(`使い方 / usage: ${usage}`);
  if (await isPortfolio(parsed.positionals, parsed.options)) {
    const { runPortfolio, defaultJobs } = await import("../portfolio/run");
    const typed = parsed.options.get("jobs");
    const jobs =
      typed === undefined
        ? defaultJobs()
        : (await import("./template")).wholeNumberOption(
            typed,
            "--jobs",
            { ja: "並列数", en: "number of parallel jobs" },
            1,
            256,
          );
    return runPortfolio(io, {
      paths: parsed.positionals,
      summary: parsed.options.get("summary") ?? null,
      json: parsed.flags.has("json"),
      jobs,
      previous: parsed.options.get("previous") ?? null,
      plan: parsed.options.get("plan") ?? null,
      lang,
      force: parsed.flags.has("force"),
    });
  }
  const file = parsed.positionals[0];
  const { grid } = await readInput(io, file);
  const report = validateGrid(grid);
  io.stdout(parsed.flags.has("json") ? reportJson(report) : reportText(report, lang, file));
  return report.summary.errors > 0 ? 1 : 0;
}
