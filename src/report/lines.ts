// The verifier's table (CO2削減相当量検証結果一覧表): each derived value declared vs recomputed, with its derivation.
import { matchBlocks } from "../checks/allocation";
import { methodologyOf } from "../forms/submission";
import { Decimal } from "../numbers";
import { isGecError } from "../errors";

import type { MethodologyDeclaration } from "../methodology";
import { readSubmission } from "../forms/read";
import { formatRef } from "../forms/a1";
import type { NumberField, Submission } from "../forms/submission";
import { derivationText, explainCell, rowDerivation, totalDerivation } from "../explain";
import type { DerivationStep } from "../formula";
import { validateGrid } from "../validate";
import type { CellValue, Grid, Message } from "../types";
import { shortened } from "../text";
import type { TemplateCell, TemplateCellKind, TemplateWorkbook } from "../template/types";

export type Verdict = "agrees" | "differs" | "notComputable";

/** One line of the table: a declared value of one facility (or the 合計, or a 別紙2 block) against the recomputed. */
export interface ReportLine {
  facility: string;
  item: string;
  unit: string;
  cell: string;
  declared: Decimal | null;
  /** What the cell holds when it is no number ("abc"), shortened. */
  declaredText: string | null;
  recomputed: Decimal | null;
  verdict: Verdict;
  derivation: DerivationStep[];
  /** Why there is no recomputed value. */
  reason: Message | null;
  /** What correcting a differing value does to the certified t (the finding's materiality), null where it agrees. */
  materiality: Message | null;
}

export interface VerificationReport {
  summary: Message;
  /** 暫定: the methodology's provisional notice (what is guessed), null for a confirmed one. */
  notice: Message | null;
  lines: ReportLine[];
  allocation: ReportLine[];
}

const VERDICT: Record<Verdict, Message> = {
  agrees: { ja: "一致", en: "agrees" },
  differs: { ja: "不一致", en: "differs" },
  notComputable: { ja: "計算不能", en: "cannot be computed" },
};

function declaredOf(field: NumberField): { declared: Decimal | null; declaredText: string | null } {
  if (field.reading.kind === "number") return { declared: field.reading.decimal, declaredText: null };
  if (field.raw === null || field.raw === "") return { declared: null, declaredText: null };
  return { declared: null, declaredText: shortened(field.raw) };
}

function line(
  facility: string,
  item: string,
  unit: string,
  field: NumberField,
  result: { value: Decimal; steps: DerivationStep[] } | { text: Message },
): ReportLine {
  const { declared, declaredText } = declaredOf(field);
  const recomputed = "value" in result ? result.value : null;
  const verdict: Verdict =
    recomputed === null
      ? "notComputable"
      : declared !== null && declared.eq(recomputed)
        ? "agrees"
        : "differs";
  return {
    facility,
    item,
    unit,
    cell: formatRef(field.ref),
    declared,
    declaredText,
    recomputed,
    verdict,
    derivation: "steps" in result ? result.steps : [],
    reason: "text" in result ? result.text : null,
    materiality: null,
  };
}

function declarationOf(s: Submission): MethodologyDeclaration | null {
  return s.projectList ? methodologyOf(s) : null;
}

/** Recomputes every derived value of the workbook and sets it against what the workbook declares. */
export function verificationReport(grid: Grid): VerificationReport {
  const s = readSubmission(grid);
  const validation = validateGrid(grid);
  const summary = validation.summary.text;
  const notice = validation.summary.notice;
  // each differing line takes the materiality of the finding at its cell
  const materiality = new Map<string, Message>();
  for (const f of validation.findings) {
    const cell = formatRef(f.ref);
    if (f.materiality && !materiality.has(cell)) materiality.set(cell, f.materiality.message);
  }
  const list = s.projectList;
  const declaration = declarationOf(s);
  const lines: ReportLine[] = [];
  const allocation: ReportLine[] = [];
  const done = () => {
    for (const l of [...lines, ...allocation])
      if (l.verdict !== "agrees") l.materiality = materiality.get(l.cell) ?? null;
    return { summary, notice, lines, allocation };
  };
  if (!list || !declaration) return done();
  const derived = declaration.quantities.filter(
    (q) => q.role === "derived" && list.columns[q.key] !== undefined,
  );
  const tonnes: (Decimal | null)[] = [];
  list.rows.forEach((row, i) => {
    const facility = row.text.facilityName?.value ?? `No. ${i + 1}`;
    // 3.1 / 3.2 / 3.6 / 3.7 where a monitoring table (熱実績管理表) gives them, down to the month
    for (const target of declaration.form.monitoringTargets) {
      const field = row.numbers[target];
      if (!field || s.monitoring.length === 0) continue;
      const r = explainCell(grid, field.ref, s);
      if (r.kind !== "explained" || !r.explanation.convention) continue;
      const e = r.explanation;
      const item = `${e.column ?? ""} ${e.symbol}（熱実績管理表: ${e.convention?.ja}）`.trim();
      const q = declaration.quantities.find((x) => x.key === target);
      lines.push(
        line(
          facility,
          item,
          q?.unit ?? "",
          field,
          e.expected === null
            ? { text: e.failure ?? { ja: "", en: "" } }
            : {
                value: Decimal.from(e.expected),
                steps: e.steps,
              },
        ),
      );
    }
    for (const q of derived) {
      const field = row.numbers[q.key];
      if (!field) continue;
      const d = rowDerivation(row, declaration, q.key);
      lines.push(
        line(facility, `${q.column} ${q.symbol}`, q.unit, field, isGecError(d) ? { text: d.text } : d),
      );
    }
    const t = rowDerivation(row, declaration, declaration.form.tonnesKey);
    tonnes.push(isGecError(t) ? null : t.value);
  });
  const complete = tonnes.length > 0 && tonnes.every((t) => t !== null);
  const total = complete ? totalDerivation(list, declaration, tonnes as Decimal[]) : null;
  const notComputable = {
    text: { ja: "計算できない行があります。", en: "Some rows cannot be computed." },
  };
  if (list.totalTonnes) {
    lines.push(
      line(
        "合計",
        declaration.total.symbol,
        declaration.total.unit,
        list.totalTonnes,
        total ?? notComputable,
      ),
    );
  }
  const blocks = s.allocationPlan;
  // each block against the facility the checks pair it with (the name it gives, else its position)
  const matches = matchBlocks(blocks, list.rows);
  const perFacility = blocks.length > 1 && matches.every((m) => m !== null);
  blocks.forEach((b, i) => {
    const row = perFacility ? (matches[i]?.row ?? i) : null;
    const facility = row !== null ? (list.rows[row].text.facilityName?.value ?? `No. ${row + 1}`) : "合計";
    const source =
      row !== null
        ? rowDerivation(list.rows[row], declaration, declaration.form.tonnesKey)
        : (total ?? notComputable);
    allocation.push(
      line(facility, "別紙2 tCO2", "tCO2", b.tonnes, isGecError(source) ? { text: source.text } : source),
    );
  });
  return done();
}

const HEADERS: Message[] = [
  { ja: "設備名称", en: "Facility" },
  { ja: "項目", en: "Item" },
  { ja: "単位", en: "Unit" },
  { ja: "セル", en: "Cell" },
  { ja: "申請値", en: "Declared" },
  { ja: "再計算値", en: "Recomputed" },
  { ja: "差（申請−再計算）", en: "Difference (declared − recomputed)" },
  { ja: "判定", en: "Verdict" },
  { ja: "重要性（t への影響）", en: "Materiality (effect on t)" },
  { ja: "計算根拠", en: "Derivation" },
];

/** The report as a workbook: one sheet, the project-list lines then the 別紙2 reconciliation. */
export function reportWorkbook(report: VerificationReport, lang: "ja" | "en" = "ja"): TemplateWorkbook {
  const cells: TemplateCell[] = [];
  const put = (row: number, col: number, kind: TemplateCellKind, value: CellValue, numberFormat?: string) => {
    const cell: TemplateCell = { row, col, kind, value };
    if (numberFormat) cell.numberFormat = numberFormat;
    cells.push(cell);
  };
  put(0, 0, "title", lang === "ja" ? "CO2削減相当量検証結果一覧表" : "CO2 reduction verification table");
  put(1, 0, "note", report.summary[lang]);
  let r = 3;
  if (report.notice) put(r++, 0, "note", report.notice[lang]);
  const section = (title: string, lines: ReportLine[]) => {
    put(r++, 0, "heading", title);
    HEADERS.forEach((h, c) => put(r, c, "label", lang === "ja" ? h.ja : `${h.en}`));
    r++;
    for (const l of lines) {
      const number = (d: Decimal | null) => (d === null ? null : d.toNumber());
      const format = (d: Decimal | null) => {
        const text = d?.toString() ?? "";
        const dot = text.indexOf(".");
        return dot < 0 ? "#,##0" : `#,##0.${"0".repeat(text.length - dot - 1)}`;
      };
      put(r, 0, "input", l.facility);
      put(r, 1, "input", l.item);
      put(r, 2, "input", l.unit);
      put(r, 3, "input", l.cell);
      if (l.declaredText !== null) put(r, 4, "input", l.declaredText);
      else put(r, 4, "input", number(l.declared), format(l.declared));
      put(r, 5, "derived", number(l.recomputed), format(l.recomputed));
      const diff = l.declared !== null && l.recomputed !== null ? l.declared.sub(l.recomputed) : null;
      put(r, 6, "derived", number(diff), format(diff));
      put(r, 7, "derived", VERDICT[l.verdict][lang]);
      put(r, 8, "derived", l.materiality ? l.materiality[lang] : "");
      const text = l.reason ? l.reason[lang] : derivationText(l.derivation, lang).join("\n");
      put(r, 9, "note", text);
      r++;
    }
    r++;
  };
  section(lang === "ja" ? "別紙1 の派生値" : "Derived values of 別紙1", report.lines);
  section(lang === "ja" ? "別紙2 と別紙1 の照合" : "別紙2 against 別紙1", report.allocation);
  return {
    methodology: "",
    facilities: 0,
    sheets: [
      {
        name: lang === "ja" ? "検証結果一覧" : "Verification",
        cells,
        merges: [],
        columnWidths: [34, 16, 10, 14, 16, 16, 16, 12, 30, 90],
      },
    ],
  };
}
