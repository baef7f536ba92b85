// The summary workbook of `gec check --summary`: 一覧 (one row per workbook, its file a link to its findings), ブック間
// (the findings across workbooks) and 指摘 (each workbook's findings under its heading). Rows are spooled to
// temporary files as results come, and written at the end through io/xlsxWrite, read back one row at a time.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as readline from "readline";
import type { CellValue, Message } from "../../src/types";
import type { TemplateCell, TemplateRow, TemplateSheet, TemplateWorkbook } from "../../src/template/types";
import { formatRef } from "../../src/forms/a1";
import type { PortfolioFinding } from "../../src/portfolio";
import type { FindingJson } from "../commands/check";
import type { Lang } from "../commands/workbook";
import { SEVERITY } from "../commands/check";
import { fitLeft, firstText } from "./text";
import type { FileRow } from "./text";
import { stampTime } from "../version";

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
  /** The spooled values in order, read in pieces (the file is never held whole). */
  *linesSync<T>(): Generator<T> {
    const fd = fs.openSync(this.file, "r");
    try {
      const chunk = Buffer.alloc(1 << 16);
      let rest = "";
      const decoder = new TextDecoder("utf-8");
      for (;;) {
        const n = fs.readSync(fd, chunk, 0, chunk.length, null);
        rest += decoder.decode(chunk.subarray(0, n), { stream: n > 0 });
        let nl: number;
        while ((nl = rest.indexOf("\n")) >= 0) {
          const line = rest.slice(0, nl);
          rest = rest.slice(nl + 1);
          if (line !== "") yield JSON.parse(line) as T;
        }
        if (n === 0) break;
      }
      if (rest !== "") yield JSON.parse(rest) as T;
    } finally {
      fs.closeSync(fd);
    }
  }

  async *lines<T>(): AsyncGenerator<T> {
    const stream = fs.createReadStream(this.file, { encoding: "utf8" });
    const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
    for await (const line of lines) if (line !== "") yield JSON.parse(line) as T;
  }
}

/** A workbook's findings as spooled for 指摘: the sheet they go to, under the file's heading. */
interface SpooledFindings {
  sheet: number;
  file: string;
  heading: Message;
  findings: FindingJson[];
}

/** A sheet of the summary: a header row of labels, frozen and filtered, then the rows read lazily. */
function headedSheet(
  name: string,
  labels: string[],
  widths: number[],
  rows: () => Iterable<TemplateRow>,
): TemplateSheet {
  return {
    name,
    cells: labels.map((value, col) => ({ row: 0, col, kind: "label" as const, value })),
    merges: [],
    columnWidths: labels.map((_, i) => widths[i] ?? 12),
    rows,
    freeze: { rows: 1 },
    autoFilter: { top: 0, left: 0, bottom: 0, right: labels.length - 1 },
  };
}

/** A row of values, one per column from A; an empty value (null, undefined) leaves its cell out. */
function rowOf(row: number, values: CellValue[], kind: TemplateCell["kind"] = "note"): TemplateRow {
  return {
    row,
    cells: values.flatMap((value, col) =>
      value === null || value === undefined ? [] : [{ row, col, kind, value }],
    ),
  };
}

/** The methodology's status in 一覧: 暫定 (provisional) or 確定 (confirmed); null when no methodology was read. */
function methodologyStatus(provisional: boolean | null, lang: Lang): string | null {
  return provisional === null
    ? null
    : provisional
      ? lang === "ja"
        ? "暫定"
        : "provisional"
      : lang === "ja"
        ? "確定"
        : "confirmed";
}

/** 一覧's rows, one per workbook in file order, read back from the spool. */
function* summaryRows(rows: Spool, lang: Lang): Generator<TemplateRow> {
  let r = 1;
  for (const { row, sheet: n, anchor } of rows.linesSync<SpooledRow>()) {
    const line = rowOf(r, [
      null,
      row.sha256,
      row.methodology,
      methodologyStatus(row.provisional, lang),
      row.issuer,
      row.period,
      row.facilities,
      row.tonnes === null ? null : Number(row.tonnes),
      row.errors,
      row.warnings,
      row.infos,
      firstText(row, lang, 200) || null,
      RESULT[lang][row.code],
    ]);
    // the file's name links to its findings (HYPERLINK: a jump inside the workbook)
    line.cells.unshift({
      row: r,
      col: 0,
      kind: "note",
      value: fitLeft(row.file, 250),
      link: `'${findingsSheetName(lang, n)}'!A${anchor}`,
    });
    yield line;
    r++;
  }
}

/** ブック間's rows: the findings across workbooks in the order found. */
function* crossRows(cross: Spool, lang: Lang): Generator<TemplateRow> {
  let r = 1;
  for (const f of cross.linesSync<PortfolioFinding>())
    yield rowOf(r++, [
      SEVERITY[lang][f.severity],
      f.at.file,
      f.at.ref ? formatRef(f.at.ref) : null,
      f.other?.file ?? null,
      f.other?.ref ? formatRef(f.other.ref) : null,
      f.message[lang],
      f.expected ?? null,
      f.actual ?? null,
      f.rule,
    ]);
}

/** The rows of the n-th findings sheet: each of its workbooks' heading, then that workbook's findings. */
function* findingsRows(findings: Spool, lang: Lang, n: number): Generator<TemplateRow> {
  let r = 1;
  for (const entry of findings.linesSync<SpooledFindings>()) {
    if (entry.sheet !== n) continue;
    yield rowOf(r++, [`■ ${entry.file}`, null, null, null, entry.heading[lang]], "heading");
    for (const f of entry.findings)
      yield rowOf(r++, [
        entry.file,
        f.sheet,
        f.cell,
        SEVERITY[lang][f.severity],
        f.message[lang],
        f.expected,
        f.actual,
        f.materiality?.message[lang] ?? null,
        f.rule,
      ]);
  }
}

/** 指摘, 指摘 (2), …: one after another (a new one past Excel's last row), each read through the spool once. */
function findingsSheets(findings: Spool, lang: Lang, count: number): TemplateSheet[] {
  const sheets: TemplateSheet[] = [];
  for (let n = 0; n < count; n++) {
    sheets.push(
      headedSheet(
        findingsSheetName(lang, n),
        HEADERS[lang].findings,
        [40, 12, 8, 8, 100, 20, 20, 24, 34],
        () => findingsRows(findings, lang, n),
      ),
    );
  }
  return sheets;
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

  /** Writes the workbook to `temp` (the caller puts it in place), its rows read back from the spools one at a time. */
  async write(temp: string): Promise<void> {
    this.rows.close();
    this.findings.close();
    this.cross.close();
    const lang = this.lang;
    const { templateToXlsxBytes } = await import("../../io/xlsxWrite");
    const rows = this.rows;
    const cross = this.cross;
    const template: TemplateWorkbook = {
      methodology: "",
      facilities: 0,
      sheets: [
        headedSheet(
          SHEETS[lang].summary,
          HEADERS[lang].summary,
          [48, 20, 10, 10, 24, 24, 8, 12, 8, 8, 8, 80, 10],
          () => summaryRows(rows, lang),
        ),
        headedSheet(SHEETS[lang].cross, HEADERS[lang].cross, [8, 40, 14, 40, 14, 100, 20, 20, 34], () =>
          crossRows(cross, lang),
        ),
        ...findingsSheets(this.findings, lang, this.sheet + 1),
      ],
      properties: {
        title: lang === "ja" ? "検証の一覧" : "Checks of many workbooks",
        creator: "GEC 様式3-2 ツール",
      },
    };
    await fs.promises.writeFile(temp, templateToXlsxBytes(template, stampTime()), { mode: 0o600 });
  }

  /** Removes the temporary files. */
  dispose(): void {
    for (const s of [this.rows, this.findings, this.cross]) s.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
