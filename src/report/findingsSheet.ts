// 指摘事項一覧: one row per finding, with the answer, judgement, date and state columns open to the verifier.
import type { CellValue } from "../types";
import type { TemplateCell, TemplateCellKind, TemplateRow, TemplateSheet } from "../template/types";
import { CATEGORY_TEXT, FINDINGS_COLUMNS, SEVERITY_TEXT, STATE_TEXT, VERIFIER_COLUMNS } from "./findingsLog";
import type { FindingsColumn } from "./findingsLog";
import type { VerificationPaper } from "./model";
import { SHEETS, SheetBuilder, sheetOf, t, tableRow } from "./sheetBuilder";
import type { Lang } from "./sheetBuilder";

/** 状態 as the verifier may set it. */
const STATES = ["新規", "継続", "回答済", "確認済", "解消"];

const FINDINGS_WIDTHS = FINDINGS_COLUMNS.map((c) => c.width);

export function findings(paper: VerificationPaper, lang: Lang, footer: string): TemplateSheet {
  const b = new SheetBuilder();
  const ja = lang === "ja";
  b.put(0, 0, "title", ja ? "指摘事項一覧" : "Findings log");
  const counts = (["new", "open", "resolved"] as const).map(
    (s) => `${t(STATE_TEXT[s], lang)} ${paper.findings.filter((f) => f.state === s).length}`,
  );
  b.put(
    1,
    0,
    "note",
    ja
      ? `全 ${paper.findings.length} 件（${counts.join("、")}）。事業者回答・検証機関の判断・日付・状態の列に記入できます。`
      : `${paper.findings.length} findings (${counts.join(", ")}). The answer, judgement, date and state columns are for you.`,
  );
  const header = 3;
  const cols = FINDINGS_COLUMNS.map((c) => c.key);
  FINDINGS_COLUMNS.forEach((c, i) => b.put(header, i, "label", t(c.label, lang), { wrap: true }));
  const at = (key: FindingsColumn) => cols.indexOf(key);
  function* rows(): Generator<TemplateRow> {
    for (let i = 0; i < paper.findings.length; i++) {
      const f = paper.findings[i];
      const r = header + 1 + i;
      const cells: TemplateCell[] = [];
      const put = (key: FindingsColumn, value: CellValue, kind: TemplateCellKind = "derived") =>
        cells.push({ row: r, col: at(key), kind, value, wrap: true });
      put("number", f.number);
      put("category", t(CATEGORY_TEXT[f.category], lang));
      put("severity", t(SEVERITY_TEXT[f.severity], lang));
      put("rule", f.rule);
      put("cell", f.cell);
      put("facility", f.facility);
      put("message", t(f.message, lang));
      put(
        "values",
        f.expected !== null || f.actual !== null ? `${f.expected ?? "—"} / ${f.actual ?? "—"}` : "",
      );
      put("materiality", f.materiality ? t(f.materiality.message, lang) : "");
      put("answer", f.answer, "input");
      put("judgement", f.judgement, "input");
      put("date", f.date, "input");
      put(
        "state",
        f.state === "new" || f.state === "resolved" ? t(STATE_TEXT[f.state], lang) : f.stateText,
        "input",
      );
      cells[cells.length - 1].choices = STATES;
      yield tableRow(r, cells, FINDINGS_WIDTHS);
    }
  }
  for (const key of VERIFIER_COLUMNS) b.right = Math.max(b.right, at(key));
  const bottom = header + Math.max(1, paper.findings.length);
  const sheet = sheetOf(b, t(SHEETS.findings, lang), FINDINGS_WIDTHS, "landscape", footer, {
    rows,
    bottom,
    freeze: { rows: header + 1 },
    autoFilter: { top: header, left: 0, bottom, right: FINDINGS_COLUMNS.length - 1 },
  });
  if (sheet.print) sheet.print.titleRows = { first: header, last: header };
  return sheet;
}
