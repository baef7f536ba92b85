// 指摘事項一覧: every finding as a row the issuer answers and the verifier disposes of, carried from one version of
// the paper to the next by the finding's identity (rule + cell + facility): the 再検証 loop.
import { formatRef } from "../forms/a1";
import { facilityKey } from "../forms/names";
import { ruleMeta } from "../checks/registry";
import type { RuleFamily } from "../checks/registry";
import type { Finding, Message, Severity } from "../types";
import type { Grid } from "../types";
import { parseDateCell } from "../numbers";
import type { FindingCategory, FindingState, LoggedFinding } from "./model";

/** The log's columns, declared once for the sheet the paper writes and the reader of a previous version. */
export const FINDINGS_COLUMNS = [
  { key: "number", label: { ja: "番号", en: "No." }, width: 7 },
  { key: "category", label: { ja: "区分", en: "Category" }, width: 10 },
  { key: "severity", label: { ja: "重大度", en: "Severity" }, width: 7 },
  { key: "rule", label: { ja: "ルール", en: "Rule" }, width: 22 },
  { key: "cell", label: { ja: "セル", en: "Cell" }, width: 13 },
  { key: "facility", label: { ja: "設備", en: "Facility" }, width: 18 },
  { key: "message", label: { ja: "指摘内容", en: "Finding" }, width: 46 },
  { key: "values", label: { ja: "期待値／実際", en: "Expected / actual" }, width: 16 },
  { key: "materiality", label: { ja: "重要性（t への影響）", en: "Materiality (effect on t)" }, width: 16 },
  { key: "answer", label: { ja: "事業者回答", en: "Issuer's answer" }, width: 24 },
  { key: "judgement", label: { ja: "検証機関の判断", en: "Verifier's judgement" }, width: 24 },
  { key: "date", label: { ja: "日付", en: "Date" }, width: 11 },
  { key: "state", label: { ja: "状態", en: "State" }, width: 9 },
] as const satisfies readonly { key: string; label: Message; width: number }[];

export type FindingsColumn = (typeof FINDINGS_COLUMNS)[number]["key"];

/** The columns the issuer and the verifier write in: unlocked on the protected sheet, carried over by --previous. */
export const VERIFIER_COLUMNS: readonly FindingsColumn[] = ["answer", "judgement", "date", "state"];

export const CATEGORY_TEXT: Record<FindingCategory, Message> = {
  corrective: { ja: "是正要求", en: "Corrective action" },
  clarification: { ja: "明確化要求", en: "Clarification" },
  forward: { ja: "次回確認", en: "Forward action" },
};

export const STATE_TEXT: Record<FindingState, Message> = {
  new: { ja: "新規", en: "New" },
  open: { ja: "継続", en: "Open" },
  resolved: { ja: "解消", en: "Resolved" },
};

export const SEVERITY_TEXT: Record<Severity, Message> = {
  error: { ja: "エラー", en: "Error" },
  warning: { ja: "警告", en: "Warning" },
  info: { ja: "情報", en: "Info" },
};

/**
 * 是正要求 where correcting it changes a certified t (or the change cannot be known) or where an error is no number
 * (a missing sheet); 明確化要求 for a warning, or an error that changes no t (the seed's 3.10 misprint: the form is to
 * be explained or corrected, the certified t stands); 次回確認 for a note.
 */
export function categoryOf(f: Pick<Finding, "severity" | "materiality">): FindingCategory {
  if (f.severity === "info") return "forward";
  if (f.materiality) return f.materiality.tonnes === 0 ? "clarification" : "corrective";
  return f.severity === "error" ? "corrective" : "clarification";
}

/** What identifies a finding across versions of the paper: rule, cell and facility (folded as names are compared). */
export function findingIdentity(rule: string, cell: string, facility: string): string {
  return `${rule}|${cell}|${facility ? facilityKey(facility) : ""}`;
}

/** A finding of the previous version as its 指摘事項一覧 row holds it. */
export interface PreviousFinding {
  number: string;
  rule: string;
  cell: string;
  facility: string;
  category: string;
  severity: string;
  message: string;
  answer: string;
  judgement: string;
  date: string;
  state: string;
}

const familyOf = (rule: string): RuleFamily | null => {
  try {
    return ruleMeta(rule).family;
  } catch {
    return null;
  }
};

const text = (v: number | string | undefined): string | null => (v === undefined ? null : String(v));

const NUMBER = /^F-(\d+)$/;

/**
 * The log: every finding, numbered F-001 …; with the previous version's rows, a finding that still fires keeps its
 * number and the answers typed beside it (状態 継続 unless the verifier wrote one), a new one is 新規, and a previous
 * one that no longer fires is kept as 解消.
 */
export function findingsLog(findings: Finding[], previous: PreviousFinding[] = []): LoggedFinding[] {
  const waiting = new Map<string, PreviousFinding[]>();
  for (const p of previous) {
    const id = findingIdentity(p.rule, p.cell, p.facility);
    waiting.set(id, [...(waiting.get(id) ?? []), p]);
  }
  let next = Math.max(0, ...previous.map((p) => Number(NUMBER.exec(p.number)?.[1] ?? 0))) + 1;
  const numbered = (): string => `F-${String(next++).padStart(3, "0")}`;
  const log: LoggedFinding[] = findings.map((f) => {
    const cell = formatRef(f.ref);
    const facility = f.facility ?? "";
    const identity = findingIdentity(f.rule, cell, facility);
    const before = waiting.get(identity)?.shift();
    const stateText =
      before && before.state.trim() !== "" && !isStateWord(before.state, "new") ? before.state : null;
    return {
      number: before?.number && NUMBER.test(before.number) ? before.number : "",
      identity,
      rule: f.rule,
      family: familyOf(f.rule),
      severity: f.severity,
      cell,
      facility,
      message: f.message,
      expected: text(f.expected),
      actual: text(f.actual),
      category: categoryOf(f),
      materiality: f.materiality ?? null,
      state: before ? "open" : "new",
      answer: before?.answer ?? "",
      judgement: before?.judgement ?? "",
      date: before?.date ?? "",
      stateText: stateText ?? (before ? STATE_TEXT.open.ja : STATE_TEXT.new.ja),
    };
  });
  for (const f of log) if (f.number === "") f.number = numbered();
  for (const rest of waiting.values())
    for (const p of rest)
      log.push({
        number: p.number || numbered(),
        identity: findingIdentity(p.rule, p.cell, p.facility),
        rule: p.rule,
        family: familyOf(p.rule),
        severity:
          (["error", "warning", "info"] as const).find((x) => isSeverityWord(p.severity, x)) ?? "warning",
        cell: p.cell,
        facility: p.facility,
        message: { ja: p.message, en: p.message },
        expected: null,
        actual: null,
        category:
          (Object.keys(CATEGORY_TEXT) as FindingCategory[]).find((c) =>
            [CATEGORY_TEXT[c].ja, CATEGORY_TEXT[c].en].includes(p.category),
          ) ?? "clarification",
        materiality: null,
        state: "resolved",
        answer: p.answer,
        judgement: p.judgement,
        date: p.date,
        stateText: STATE_TEXT.resolved.ja,
      });
  return log;
}

function isStateWord(text: string, state: FindingState): boolean {
  const t = text.trim().toLowerCase();
  return t === STATE_TEXT[state].ja || t === STATE_TEXT[state].en.toLowerCase();
}

function isSeverityWord(text: string, severity: Severity): boolean {
  const t = text.trim().toLowerCase();
  return t === SEVERITY_TEXT[severity].ja || t === SEVERITY_TEXT[severity].en.toLowerCase() || t === severity;
}

const cellText = (v: unknown): string =>
  v === null || v === undefined
    ? ""
    : typeof v === "number" && Number.isFinite(v)
      ? String(v)
      : String(v).trim();

/** A date the verifier typed (an Excel serial, or a text such as 2023年1月27日) as YYYY-MM-DD. */
function dateOf(v: unknown): string | null {
  if (typeof v !== "number" && typeof v !== "string") return null;
  const d = parseDateCell(v);
  if (d.kind !== "date" || d.day === null) return null;
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/**
 * The rows of a previous paper's 指摘事項一覧 (Japanese or English headings), found by its header labels on any
 * sheet; null where the workbook has none (a paper of an older version, or another workbook altogether).
 */
export function readPreviousFindings(grid: Grid): PreviousFinding[] | null {
  const wanted: FindingsColumn[] = ["number", "rule", "cell"];
  for (const sheet of grid.sheets) {
    for (let r = 0; r < Math.min(sheet.values.length, 60); r++) {
      const row = sheet.values[r] ?? [];
      const columns = new Map<FindingsColumn, number>();
      row.forEach((v, c) => {
        const label = cellText(v);
        const column = FINDINGS_COLUMNS.find((k) => k.label.ja === label || k.label.en === label);
        if (column && !columns.has(column.key)) columns.set(column.key, c);
      });
      if (!wanted.every((k) => columns.has(k))) continue;
      const get = (values: unknown[], key: FindingsColumn): string => {
        const c = columns.get(key);
        return c === undefined ? "" : cellText(values[c]);
      };
      const out: PreviousFinding[] = [];
      for (let rr = r + 1; rr < sheet.values.length; rr++) {
        const values = sheet.values[rr] ?? [];
        const rule = get(values, "rule");
        if (rule === "") continue;
        out.push({
          number: get(values, "number"),
          rule,
          cell: get(values, "cell"),
          facility: get(values, "facility"),
          category: get(values, "category"),
          severity: get(values, "severity"),
          message: get(values, "message"),
          answer: get(values, "answer"),
          judgement: get(values, "judgement"),
          date: dateOf(values[columns.get("date") ?? -1]) ?? get(values, "date"),
          state: get(values, "state"),
        });
      }
      return out;
    }
  }
  return null;
}
