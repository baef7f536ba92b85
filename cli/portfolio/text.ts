// What `gec check` of many workbooks prints: the progress line, the table (one row per workbook), the findings
// across workbooks and the totals. Pure functions of their arguments: tested without a terminal.
import type { Message, Severity } from "../../src/types";
import type { PortfolioFinding } from "../../src/portfolio";
import { placeText } from "../../src/portfolio";
import { headOf } from "../../src/text";
import type { Lang } from "../commands/workbook";
import { SEVERITY } from "../commands/check";

/** One workbook as the table, the summary sheet and --json show it. */
export interface FileRow {
  file: string;
  sha256: string | null;
  /** 0 no error, 1 errors, 2 unreadable (the single-file exit code). */
  code: 0 | 1 | 2;
  methodology: string | null;
  provisional: boolean | null;
  issuer: string | null;
  /** "2020-04-01〜2021-03-31" */
  period: string | null;
  facilities: number | null;
  /** 別紙1's 合計 (tCO2) as declared, exact decimal text. */
  tonnes: string | null;
  errors: number | null;
  warnings: number | null;
  infos: number | null;
  /** The first of the most severe findings; for an unreadable file, why it could not be read. */
  first: { cell: string | null; severity: Severity; rule: string | null; message: Message } | null;
}

/** Columns a character takes in a terminal: 2 for East Asian wide and full-width forms, 0 for combining marks. */
export function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x3099 && cp <= 0x309a) || cp === 0x200b) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0) as number);
  return w;
}

/** The text cut to `width` columns, keeping its end ("…/sub/file.xlsx"): a path's end is what tells files apart. */
export function fitLeft(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? "…" : "";
  const chars = Array.from(text);
  let w = 1;
  let i = chars.length;
  while (i > 0 && w + charWidth(chars[i - 1].codePointAt(0) as number) <= width) {
    i--;
    w += charWidth(chars[i].codePointAt(0) as number);
  }
  return `…${chars.slice(i).join("")}`;
}

/** The text cut to `width` columns, keeping its start. */
export function fitRight(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? "…" : "";
  let w = 0;
  let out = "";
  for (const ch of text) {
    const c = charWidth(ch.codePointAt(0) as number);
    if (w + c > width - 1) break;
    w += c;
    out += ch;
  }
  return `${out}…`;
}

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(text))) + text;

export interface Progress {
  done: number;
  total: number;
  /** The file the run waits on (the oldest still being read), null when none is. */
  current: string | null;
  /** Workbooks with errors so far, and workbooks that could not be read. */
  withErrors: number;
  unreadable: number;
}

/**
 * The one progress line, at most `columns − 1` wide so that it never wraps (a wrapped line cannot be redrawn in place):
 * "[ 37/200] エラー 3・読めない 1  処理中 …/sub/file.xlsx".
 */
export function renderProgress(p: Progress, lang: Lang, columns: number): string {
  const digits = String(p.total).length;
  const count = `[${String(p.done).padStart(digits)}/${p.total}]`;
  const tally =
    lang === "ja"
      ? `エラー ${p.withErrors}・読めない ${p.unreadable}`
      : `errors ${p.withErrors}, unreadable ${p.unreadable}`;
  const head = `${count} ${tally}`;
  const width = Math.max(10, columns - 1);
  if (p.current === null || displayWidth(head) + 4 >= width) return fitRight(head, width);
  const label = lang === "ja" ? "処理中" : "now";
  const room = width - displayWidth(head) - displayWidth(label) - 3;
  if (room < 4) return fitRight(head, width);
  return `${head}  ${label} ${fitLeft(p.current, room)}`;
}

const STATUS: Record<Lang, Record<0 | 1 | 2, string>> = {
  ja: { 0: "OK", 1: "エラー", 2: "読めない" },
  en: { 0: "ok", 1: "errors", 2: "unreadable" },
};

/** Widths of the fixed columns: status, errors, warnings, methodology, facilities, tonnes. */
const W = { status: 10, count: 6, methodology: 14, facilities: 6, tonnes: 14 };

/** "57,778" from "57778"; decimals as they are. */
export function groupedText(n: string): string {
  const [whole, rest] = n.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace(/^-/, "").replace(/\B(?=(\d{3})+$)/g, ",");
  return `${sign}${digits}${rest !== undefined ? `.${rest}` : ""}`;
}

export function tableHeader(lang: Lang): string {
  const h =
    lang === "ja"
      ? ["状態", "エラー", "警告", "方法論", "施設", "合計 t", "ファイル — 最初の指摘"]
      : ["status", "errors", "warn", "methodology", "fac.", "total t", "file — first finding"];
  return [
    padEnd(h[0], W.status),
    padStart(h[1], W.count),
    padStart(h[2], W.count),
    "  " + padEnd(h[3], W.methodology),
    padStart(h[4], W.facilities),
    padStart(h[5], W.tonnes),
    "  " + h[6],
  ].join("");
}

/** "H002-2（暫定）" / "H002-2 (provisional)"; "—" when not determined. */
export function methodologyText(row: FileRow, lang: Lang): string {
  if (!row.methodology) return "—";
  if (!row.provisional) return row.methodology;
  return lang === "ja" ? `${row.methodology}（暫定）` : `${row.methodology} (prov.)`;
}

/** The first finding (or why the file is unreadable) as one short text. */
export function firstText(row: FileRow, lang: Lang, limit = 100): string {
  const f = row.first;
  if (!f) return "";
  const { head, cut } = headOf(f.message[lang], limit);
  // most messages name their cell already
  const where = f.cell && !head.includes(f.cell) ? `${f.cell} ` : "";
  return `${where}${row.code === 2 ? "" : `${SEVERITY[lang][f.severity]} `}${head}${cut ? "…" : ""}`;
}

export function tableRow(row: FileRow, lang: Lang): string {
  const n = (x: number | null) => (x === null ? "—" : String(x));
  const first = firstText(row, lang);
  return [
    padEnd(STATUS[lang][row.code], W.status),
    padStart(n(row.errors), W.count),
    padStart(n(row.warnings), W.count),
    "  " + padEnd(methodologyText(row, lang), W.methodology),
    padStart(n(row.facilities), W.facilities),
    padStart(row.tonnes === null ? "—" : groupedText(row.tonnes), W.tonnes),
    `  ${row.file}${first ? ` — ${first}` : ""}`,
  ].join("");
}

/** A finding across workbooks, one line: severity, where, what (the message names the other file and cell). */
export function crossLine(f: PortfolioFinding, lang: Lang): string {
  return `  ${SEVERITY[lang][f.severity]}  ${placeText(f.at)}  ${f.message[lang]}  [${f.rule}]`;
}

export interface Totals {
  files: number;
  ok: number;
  withErrors: number;
  unreadable: number;
  skipped: number;
  cross: Record<Severity, number>;
  code: number;
}

export function totalsLine(t: Totals, lang: Lang): string {
  return lang === "ja"
    ? `合計: ${t.files} ファイル（OK ${t.ok}、エラー ${t.withErrors}、読めない ${t.unreadable}）、.xlsx 以外 ${t.skipped} 件をスキップ。ブック間: エラー ${t.cross.error} 件、警告 ${t.cross.warning} 件、情報 ${t.cross.info} 件。終了コード ${t.code}`
    : `Total: ${t.files} files (ok ${t.ok}, with errors ${t.withErrors}, unreadable ${t.unreadable}); ${t.skipped} non-.xlsx skipped. Across workbooks: ${t.cross.error} errors, ${t.cross.warning} warnings, ${t.cross.info} notes. Exit code ${t.code}`;
}
