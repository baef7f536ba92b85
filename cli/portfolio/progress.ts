// The progress of `gec check` of many workbooks: the line drawn on a terminal's standard error, the run's first
// lines, and the counts each workbook's row adds.
import type { CliIo } from "../io";
import type { Lang } from "../commands/workbook";
import type { Walked } from "./walk";
import { renderProgress, tableHeader } from "./text";
import type { FileRow, Progress, Totals } from "./text";

/** Draws the progress line on a terminal's standard error, and clears it before anything else is printed. */
export class ProgressLine {
  private shown = false;
  readonly state: Progress;

  constructor(
    private readonly io: CliIo,
    private readonly lang: Lang,
    total: number,
  ) {
    this.state = { done: 0, total, current: null, withErrors: 0, unreadable: 0 };
  }

  private get tty() {
    return this.io.stderrTty ?? null;
  }

  draw(): void {
    const tty = this.tty;
    if (!tty) return;
    this.io.stderr(`\r${renderProgress(this.state, this.lang, tty.columns)}\x1b[K`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.io.stderr("\r\x1b[K");
    this.shown = false;
  }

  /** Prints to standard output with the line lifted out of the way. */
  print(text: string): void {
    const was = this.shown;
    this.clear();
    this.io.stdout(text);
    if (was) this.draw();
  }
}

/** The run's first lines: how many files, how many skipped, how many in parallel, and the table's header. */
export function printStart(progress: ProgressLine, lang: Lang, walked: Walked, jobs: number): void {
  const files = walked.files;
  progress.print(
    lang === "ja"
      ? `gec check: ${files.length} ファイル（.xlsx 以外 ${walked.skipped} 件はスキップ）、並列 ${jobs}\n${tableHeader(lang)}\n`
      : `gec check: ${files.length} files (${walked.skipped} non-.xlsx skipped), ${jobs} in parallel\n${tableHeader(lang)}\n`,
  );
}

/** Counts a workbook's row in the progress line and the totals; the exit code is the worst so far. */
export function countRow(progress: Progress, totals: Totals, row: FileRow): void {
  progress.done++;
  if (row.code === 2) progress.unreadable++;
  if (row.code === 1) progress.withErrors++;
  totals[row.code === 0 ? "ok" : row.code === 1 ? "withErrors" : "unreadable"]++;
  totals.code = Math.max(totals.code, row.code);
}
