// The summary workbook of `gec check --summary`: 一覧 (one row per workbook, its file a link to its findings), ブック間
// (the findings across workbooks) and 指摘 (each workbook's findings under its heading). Rows are spooled to
// temporary files as results come, and written at the end through ExcelJS's streaming writer: nothing is held.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as readline from "readline";
import type { Message } from "../../src/types";
import { formatRef, cellAddress } from "../../src/forms/a1";
import type { PortfolioFinding } from "../../src/portfolio";
import type { FindingJson } from "../commands/check";
import type { Lang } from "../commands/workbook";
import { SEVERITY } from "../commands/check";
import { fitLeft, firstText } from "./text";
import type { FileRow } from "./text";

/** Excel's last row; 指摘 continues on 指摘 (2) beyond it. */
const MAX_ROWS = 1_048_576;

const SHEETS: Record<Lang, { summary: string; cross: string; findings: string }> = {
  ja: { summary: "一覧", cross: "ブック間", findings: "指摘" },
  en: { summary: "Summary", cross: "Across workbooks", findings: "Findings" },
};

const HEADERS: Record<Lang, { summary: string[]; cross: string[]; findings: string[] }> = {
  ja: {
    summary: [
      "ファイル（指摘へのリンク）",
      "SHA-256",
      "方法論",
      "方法論の状態",
      "申請者",
      "期間",
      "施設数",
      "合計 t",
      "エラー",
      "警告",
      "情報",
      "最初の指摘",
      "結果",
    ],
    cross: ["重大度", "ファイル", "セル", "相手のファイル", "相手のセル", "内容", "期待値", "実際", "ルール"],
    findings: ["ファイル", "シート", "セル", "重大度", "内容", "期待値", "実際", "t への影響", "ルール"],
  },
  en: {
    summary: [
      "File (link to its findings)",
      "SHA-256",
      "Methodology",
      "Methodology status",
      "Issuer",
      "Period",
      "Facilities",
      "Total t",
      "Errors",
      "Warnings",
      "Notes",
      "First finding",
      "Result",
    ],
    cross: ["Severity", "File", "Cell", "Other file", "Other cell", "Finding", "Expected", "Actual", "Rule"],
    findings: ["File", "Sheet", "Cell", "Severity", "Finding", "Expected", "Actual", "Effect on t", "Rule"],
  },
};

const RESULT: Record<Lang, Record<0 | 1 | 2, string>> = {
  ja: { 0: "OK", 1: "エラーあり", 2: "読めない" },
  en: { 0: "ok", 1: "errors", 2: "unreadable" },
};

/** The name of the n-th findings sheet (0-based): 指摘, 指摘 (2), … */
export function findingsSheetName(lang: Lang, n: number): string {
  return n === 0 ? SHEETS[lang].findings : `${SHEETS[lang].findings} (${n + 1})`;
}

/** Excel's HYPERLINK to a cell of this workbook; its shown text at most 255 characters (Excel's limit). */
function link(sheet: string, row: number, text: string): { formula: string; result: string } {
  const shown = fitLeft(text, 250);
  const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;
  return {
    formula: `HYPERLINK(${quoted(`#'${sheet.replace(/'/g, "''")}'!A${row}`)},${quoted(shown)})`,
    result: shown,
  };
}

interface SpooledRow {
  row: FileRow;
  sheet: number;
  anchor: number;
}

/** Appends lines of JSON to a file, synchronously (each line is small; nothing waits in memory). */
export class Spool {
  private fd: number | null;
  constructor(readonly file: string) {
    this.fd = fs.openSync(file, "wx", 0o600);
  }
  write(value: unknown): void {
    if (this.fd === null) throw new Error("spool closed");
    fs.writeSync(this.fd, `${JSON.stringify(value)}\n`);
  }
  /** Closes it once (a closed descriptor's number may already belong to another file). */
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
  async *lines<T>(): AsyncGenerator<T> {
    const stream = fs.createReadStream(this.file, { encoding: "utf8" });
    const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
    for await (const line of lines) if (line !== "") yield JSON.parse(line) as T;
  }
}

export class SummaryWriter {
  private readonly dir: string;
  private readonly rows: Spool;
  private readonly findings: Spool;
  private readonly cross: Spool;
  /** The findings sheet and row the next workbook's heading goes to (row 1 is the header). */
  private sheet = 0;
  private nextRow = 2;

  constructor(private readonly lang: Lang) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-summary-"));
    this.rows = new Spool(path.join(this.dir, "rows.jsonl"));
    this.findings = new Spool(path.join(this.dir, "findings.jsonl"));
    this.cross = new Spool(path.join(this.dir, "cross.jsonl"));
  }

  /** A workbook's row and its findings (null: the file could not be read; `reason` says why). */
  addFile(row: FileRow, findings: FindingJson[] | null, heading: Message): void {
    const height = 1 + (findings?.length ?? 0);
    if (this.nextRow + height - 1 > MAX_ROWS) {
      this.sheet++;
      this.nextRow = 2;
    }
    this.rows.write({ row, sheet: this.sheet, anchor: this.nextRow } satisfies SpooledRow);
    this.findings.write({ sheet: this.sheet, file: row.file, heading, findings: findings ?? [] });
    this.nextRow += height;
  }

  addCross(f: PortfolioFinding): void {
    this.cross.write(f);
  }

  /** Writes the workbook to `temp` (the caller puts it in place). */
  async write(temp: string): Promise<void> {
    this.rows.close();
    this.findings.close();
    this.cross.close();
    const ExcelJS = await import("exceljs");
    const lang = this.lang;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useStyles: true,
      useSharedStrings: false,
    });
    const header = (ws: ReturnType<typeof wb.addWorksheet>, labels: string[], widths: number[]) => {
      labels.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i] ?? 12));
      const row = ws.addRow(labels);
      row.font = { bold: true };
      row.commit();
    };
    const frozen = (columns: number) => ({
      views: [{ state: "frozen" as const, ySplit: 1 }],
      autoFilter: `A1:${cellAddress({ row: 0, col: columns - 1 })}`,
    });

    const summary = wb.addWorksheet(SHEETS[lang].summary, frozen(HEADERS[lang].summary.length));
    header(summary, HEADERS[lang].summary, [48, 20, 10, 10, 24, 24, 8, 12, 8, 8, 8, 80, 10]);
    for await (const { row, sheet, anchor } of this.rows.lines<SpooledRow>()) {
      const r = row;
      summary
        .addRow([
          link(findingsSheetName(lang, sheet), anchor, r.file),
          r.sha256,
          r.methodology,
          r.provisional === null
            ? null
            : r.provisional
              ? lang === "ja"
                ? "暫定"
                : "provisional"
              : lang === "ja"
                ? "確定"
                : "confirmed",
          r.issuer,
          r.period,
          r.facilities,
          r.tonnes === null ? null : Number(r.tonnes),
          r.errors,
          r.warnings,
          r.infos,
          firstText(r, lang, 200) || null,
          RESULT[lang][r.code],
        ])
        .commit();
    }
    summary.commit();

    const cross = wb.addWorksheet(SHEETS[lang].cross, frozen(HEADERS[lang].cross.length));
    header(cross, HEADERS[lang].cross, [8, 40, 14, 40, 14, 100, 20, 20, 34]);
    for await (const f of this.cross.lines<PortfolioFinding>()) {
      cross
        .addRow([
          SEVERITY[lang][f.severity],
          f.at.file,
          f.at.ref ? formatRef(f.at.ref) : null,
          f.other?.file ?? null,
          f.other?.ref ? formatRef(f.other.ref) : null,
          f.message[lang],
          f.expected ?? null,
          f.actual ?? null,
          f.rule,
        ])
        .commit();
    }
    cross.commit();

    let ws: ReturnType<typeof wb.addWorksheet> | null = null;
    let open = -1;
    for await (const entry of this.findings.lines<{
      sheet: number;
      file: string;
      heading: Message;
      findings: FindingJson[];
    }>()) {
      if (entry.sheet !== open) {
        ws?.commit();
        open = entry.sheet;
        ws = wb.addWorksheet(findingsSheetName(lang, open), frozen(HEADERS[lang].findings.length));
        header(ws, HEADERS[lang].findings, [40, 12, 8, 8, 100, 20, 20, 24, 34]);
      }
      const sheet = ws as ReturnType<typeof wb.addWorksheet>;
      const heading = sheet.addRow([`■ ${entry.file}`, null, null, null, entry.heading[lang]]);
      heading.font = { bold: true };
      heading.commit();
      for (const f of entry.findings) {
        sheet
          .addRow([
            entry.file,
            f.sheet,
            f.cell,
            SEVERITY[lang][f.severity],
            f.message[lang],
            f.expected,
            f.actual,
            f.materiality?.message[lang] ?? null,
            f.rule,
          ])
          .commit();
      }
    }
    if (!ws) {
      ws = wb.addWorksheet(findingsSheetName(lang, 0), frozen(HEADERS[lang].findings.length));
      header(ws, HEADERS[lang].findings, [40, 12, 8, 8, 100, 20, 20, 24, 34]);
    }
    ws.commit();
    await wb.commit();
  }

  /** Removes the temporary files. */
  dispose(): void {
    for (const s of [this.rows, this.findings, this.cross]) s.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
