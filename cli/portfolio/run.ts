// `gec check` of many workbooks: the files under the paths through worker threads, one table row (or JSON line) per
// workbook in file order, the findings across workbooks (duplicates, the previous year, the registered plan), the
// summary workbook; exit code the worst over the files.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createHash } from "crypto";
import type { Message, Severity } from "../../src/types";
import { cellAddress } from "../../src/forms/a1";
import {
  CrossWorkbookIndex,
  PreviousYear,
  compareWithPlan,
  periodText,
  readApprovedPlan,
} from "../../src/portfolio";
import type { PortfolioFinding, WorkbookDigest } from "../../src/portfolio";
import type { CliIo } from "../io";
import { FileError, placeTempFile, tempPathBeside } from "../io";
import { checkOutput, readInput } from "../commands/workbook";
import type { Lang } from "../commands/workbook";
import { WorkerPool } from "./pool";
import type { Job, JobResult } from "./job";
import { walk } from "./walk";
import type { Walked } from "./walk";
import { Spool, SummaryWriter } from "./summary";
import { crossLine, tableRow, totalsLine } from "./text";
import type { FileRow, Totals } from "./text";
import { ProgressLine, countRow, printStart } from "./progress";

export interface PortfolioOptions {
  paths: string[];
  summary: string | null;
  json: boolean;
  jobs: number;
  previous: string | null;
  plan: string | null;
  lang: Lang;
  force: boolean;
}

/** A file's check is stopped after this long; the reader's own budget stops a read after 8 s. */
const FILE_TIMEOUT_MS = 120_000;
/** Each worker's V8 heap: a workbook that needs more is that file's exit-2 line, not the run's end. */
const WORKER_HEAP_MB = 512;
/**
 * Files a worker checks before a fresh one takes over, so that what a thread caches between files (names, readings:
 * each cache is capped) is let go; a start costs 0.2–1 s, so not often.
 */
const RECYCLE_AFTER = 250;
/**
 * Each worker's young generation, MiB. Measured with `--summary` on the generated portfolio of bench/portfolio.js:
 * peak RSS 108 → 126 MiB from 100 to 500 files with 4 MiB, 154 → 184 MiB with V8's default, in no more time.
 */
const WORKER_YOUNG_MB = 4;

export function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/** A workbook's row of the table, the summary and --json. */
export function fileRow(result: JobResult): FileRow {
  if (result.kind === "unreadable") {
    return {
      file: result.path,
      sha256: result.sha256,
      code: 2,
      methodology: null,
      provisional: null,
      issuer: null,
      period: null,
      facilities: null,
      tonnes: null,
      errors: null,
      warnings: null,
      infos: null,
      first: { cell: null, severity: "error", rule: null, message: result.message },
    };
  }
  const d = result.digest;
  const first = d.firstFinding;
  return {
    file: d.file,
    sha256: d.sha256,
    code: result.kind === "checked" ? result.code : 0,
    methodology: d.methodology.code,
    provisional: d.methodology.code ? d.methodology.provisional : null,
    issuer: d.issuer?.value ?? null,
    period: d.period.start || d.period.end ? periodText(d.period) : null,
    facilities: d.facilities.length,
    tonnes: d.totalTonnes?.value ?? null,
    errors: d.counts.errors,
    warnings: d.counts.warnings,
    infos: d.counts.infos,
    first: first
      ? {
          cell: `${first.ref.sheet}!${cellAddress(first.ref)}`,
          severity: first.severity,
          rule: first.rule,
          message: first.message,
        }
      : null,
  };
}

/** A cross-workbook finding as a JSON line. */
function crossJson(f: PortfolioFinding) {
  return {
    type: "portfolio",
    rule: f.rule,
    severity: f.severity,
    file: f.at.file,
    sheet: f.at.ref?.sheet ?? null,
    cell: f.at.ref ? cellAddress(f.at.ref) : null,
    otherFile: f.other?.file ?? null,
    otherSheet: f.other?.ref?.sheet ?? null,
    otherCell: f.other?.ref ? cellAddress(f.other.ref) : null,
    message: f.message,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
  };
}

/** The previous year's workbooks, read (not checked) through the same workers. */
async function readPrevious(
  io: CliIo,
  options: PortfolioOptions,
  pool: WorkerPool,
  at: string,
): Promise<PreviousYear> {
  const walked = await walk([at]);
  const years = new PreviousYear([]);
  const results = pool.run(walked.files.length, (id): Job => ({
    id,
    path: walked.files[id],
    mode: "digest",
    findings: false,
  }));
  for await (const r of results) {
    if (r.kind === "unreadable") {
      io.stderr(
        options.lang === "ja"
          ? `gec check: 前年度のファイルを読めません（比較に使いません）: ${r.message.ja}\n`
          : `gec check: a previous year's file cannot be read (not compared): ${r.message.en}\n`,
      );
    } else years.addPrevious(r.digest);
  }
  return years;
}

/** The registered plan (様式1-2), read in this thread: one file. */
async function readPlan(io: CliIo, file: string): Promise<WorkbookDigest> {
  const { bytes, grid } = await readInput(io, file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return readApprovedPlan(grid, { path: file, sha256 });
}

export async function runPortfolio(io: CliIo, options: PortfolioOptions): Promise<number> {
  if (options.summary !== null) await checkOutput(io, options.summary, undefined, options.force);
  const walked = await walk(options.paths, options.summary ? [options.summary] : []);
  const files = walked.files;
  for (const m of walked.unlisted) io.stderr(`gec check: ${m.ja}\ngec check: ${m.en}\n`);
  if (files.length === 0 && walked.unlisted.length > 0) return 2;
  if (files.length === 0) {
    // only folders can give no file: a path given is kept whatever its name
    throw new FileError({
      ja: `フォルダ ${options.paths.join("、")} に .xlsx ファイルがありません（.xlsx 以外 ${walked.skipped} 件）。`,
      en: `No .xlsx file in the folder ${options.paths.join(", ")} (${walked.skipped} other entries).`,
    });
  }
  if (options.summary !== null) {
    const out = path.resolve(options.summary);
    if (files.some((f) => path.resolve(f) === out))
      throw new FileError({
        ja: `出力先 ${options.summary} は検証するファイルの 1 つです。別のファイル名を指定してください。`,
        en: `The output ${options.summary} is one of the files to check; give another file name.`,
      });
  }
  const plan = options.plan !== null ? await readPlan(io, options.plan) : null;
  const jobs = Math.max(1, Math.min(options.jobs, files.length));
  const pool = new WorkerPool({
    jobs,
    timeoutMs: FILE_TIMEOUT_MS,
    heapMb: WORKER_HEAP_MB,
    youngMb: WORKER_YOUNG_MB,
    recycleAfter: RECYCLE_AFTER,
  });
  try {
    return await checkAll(io, options, pool, walked, plan, jobs);
  } finally {
    await pool.close();
  }
}

/** The heading of a workbook's sheet in the summary: the check's verdict (and notice), or why it cannot be read. */
function summaryHeading(result: JobResult): Message {
  return result.kind === "checked"
    ? result.notice
      ? { ja: `${result.text.ja} ${result.notice.ja}`, en: `${result.text.en} ${result.notice.en}` }
      : result.text
    : result.kind === "unreadable"
      ? result.message
      : { ja: "", en: "" };
}

/** What one checked workbook is compared with: the others so far, the previous year, the registered plan. */
interface Comparisons {
  cross: CrossWorkbookIndex;
  previous: PreviousYear | null;
  plan: WorkbookDigest | null;
}

/** Compares a checked workbook's digest across workbooks and hands each finding to emit, in the order found. */
function compareDigest(
  digest: WorkbookDigest,
  against: Comparisons,
  emit: (f: PortfolioFinding) => void,
): void {
  const found = against.cross.add(digest);
  for (const f of found) emit(f);
  // a copy of a file already compared says nothing new against the previous year or the plan
  if (!found.some((f) => f.rule === "portfolio.file.duplicate")) {
    if (against.previous) for (const f of against.previous.compare(digest)) emit(f);
    if (against.plan) for (const f of compareWithPlan(against.plan, digest)) emit(f);
  }
}

/** How many findings across workbooks, all severities. */
function crossTotal(crossCount: Record<Severity, number>): number {
  return crossCount.error + crossCount.warning + crossCount.info;
}

/** The findings across workbooks, spooled while the table was printed, under their own heading after it. */
async function printCross(io: CliIo, crossSpool: Spool, crossCount: Record<Severity, number>, lang: Lang) {
  crossSpool.close();
  if (crossTotal(crossCount) > 0) {
    io.stdout(lang === "ja" ? "\n[ブック間の指摘]\n" : "\n[Across workbooks]\n");
    for await (const f of crossSpool.lines<PortfolioFinding>()) io.stdout(`${crossLine(f, lang)}\n`);
  }
}

/** Writes the summary workbook to a temporary file beside the output, then puts it in place. */
async function saveSummary(summary: SummaryWriter, output: string, force: boolean): Promise<void> {
  const temp = await tempPathBeside(output);
  try {
    await summary.write(temp);
  } catch (e) {
    await fs.promises.rm(temp, { force: true });
    const why = (e as { code?: unknown } | null)?.code;
    throw new FileError({
      ja: `${output} を書き出せません（${typeof why === "string" ? why : "I/O"}）。別の場所を指定してください。`,
      en: `Cannot write ${output} (${typeof why === "string" ? why : "I/O error"}). Choose another place.`,
    });
  }
  await placeTempFile(temp, output, force);
}

/** The run's last lines: the totals, and where the summary went; with --json one "total" line. */
function printTotals(
  io: CliIo,
  options: PortfolioOptions,
  totals: Totals,
  fileCount: number,
  crossCount: Record<Severity, number>,
): void {
  const { lang } = options;
  if (options.json) {
    io.stdout(`${JSON.stringify({ type: "total", ...totals, summary: options.summary })}\n`);
  } else {
    io.stdout(`\n${totalsLine(totals, lang)}\n`);
    if (options.summary !== null)
      io.stdout(
        lang === "ja"
          ? `${options.summary}: 一覧を書きました（${fileCount} ファイル、ブック間の指摘 ${crossTotal(crossCount)} 件）。\n`
          : `${options.summary}: summary written (${fileCount} files, ${crossTotal(crossCount)} findings across workbooks).\n`,
      );
  }
}

async function checkAll(
  io: CliIo,
  options: PortfolioOptions,
  pool: WorkerPool,
  walked: Walked,
  plan: WorkbookDigest | null,
  jobs: number,
): Promise<number> {
  const { lang } = options;
  const files = walked.files;
  const previous = options.previous !== null ? await readPrevious(io, options, pool, options.previous) : null;
  const progress = new ProgressLine(io, lang, files.length);
  const summary = options.summary !== null ? new SummaryWriter(lang) : null;
  const tempDir = options.json ? null : fs.mkdtempSync(path.join(os.tmpdir(), "gec-cross-"));
  const crossSpool = tempDir ? new Spool(path.join(tempDir, "cross.jsonl")) : null;
  const against: Comparisons = { cross: new CrossWorkbookIndex(), previous, plan };
  const crossCount: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const totals: Totals = {
    files: files.length,
    ok: 0,
    withErrors: 0,
    unreadable: 0,
    skipped: walked.skipped,
    cross: crossCount,
    code: 0,
  };
  const emit = (f: PortfolioFinding) => {
    crossCount[f.severity]++;
    summary?.addCross(f);
    if (options.json) io.stdout(`${JSON.stringify(crossJson(f))}\n`);
    else crossSpool?.write(f);
  };
  const inFlight = new Set<number>();
  try {
    if (!options.json) printStart(progress, lang, walked, jobs);
    const results = pool.run(
      files.length,
      (id): Job => ({ id, path: files[id], mode: "check", findings: options.json || summary !== null }),
      (id) => {
        inFlight.add(id);
        progress.state.current = files[Math.min(...inFlight)];
        progress.draw();
      },
    );
    for await (const result of results) {
      inFlight.delete(result.id);
      const row = fileRow(result);
      progress.state.current = inFlight.size > 0 ? files[Math.min(...inFlight)] : null;
      countRow(progress.state, totals, row);
      const findings = result.kind === "checked" ? result.findings : null;
      if (options.json) {
        progress.print(`${JSON.stringify({ type: "file", ...row, findings: findings ?? [] })}\n`);
      } else progress.print(`${tableRow(row, lang)}\n`);
      summary?.addFile(row, findings, summaryHeading(result));
      if (result.kind === "checked") compareDigest(result.digest, against, emit);
      progress.draw();
    }
    if (previous) for (const f of previous.disappeared()) emit(f);
    // the workers' memory is given back before ExcelJS loads to write the summary
    await pool.close();
    progress.clear();
    if (crossCount.error > 0) totals.code = Math.max(totals.code, 1);
    // a folder that could not be listed left its workbooks unchecked
    if (walked.unlisted.length > 0) totals.code = 2;
    if (crossSpool) await printCross(io, crossSpool, crossCount, lang);
    if (summary && options.summary !== null) await saveSummary(summary, options.summary, options.force);
    printTotals(io, options, totals, files.length, crossCount);
    return totals.code;
  } finally {
    progress.clear();
    crossSpool?.close();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    summary?.dispose();
  }
}
