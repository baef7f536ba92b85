// The plan sheet (様式3-2) read as text: each part of PLAN_PARTS with what it holds, 1.4's formula lines and the
// 1.3 table's rows. The 記号 tables themselves are read by readTables.ts.
import type { CellRef } from "../types";
import { PLAN_PARTS, labelNamesPart } from "./parts";
import type { FormPart } from "./parts";
import type { SheetView } from "./sheet";
import type {
  MethodologyTableRow,
  PlanPartText,
  PlanText,
  Submission,
  SymbolTable,
  TextField,
} from "./submission";

/** Longer texts are content, not headings. */
const MAX_HEADING = 120;
/** How far below its heading a part may run. */
const MAX_PART_ROWS = 80;
/** How many columns right of its heading a part's text may sit (the form is five columns wide). */
const PART_COLUMNS = 10;

/** A part's number at the start of a label ("1.", "3.1"), to tell 別紙2's "1. …保有予定者" from the plan's 3.1. */
const LEADING_NUMBER = /^([0-9]+\.[0-9]*)(?![0-9])/;

/** Does a folded label head this part (and not another sheet's part of the same name with another number)? */
export function headsPart(label: string, p: FormPart): boolean {
  if (label === "" || label.length > MAX_HEADING || !labelNamesPart(label, p)) return false;
  const lead = LEADING_NUMBER.exec(label);
  return lead === null || p.number === null || lead[1] === p.number || lead[1] === `${p.number}.`;
}

/** A form's own note under a heading ("注1) …", "※ …"): printed by the form, not written by the applicant. */
export function isFormNote(text: string): boolean {
  return /^(注[0-9０-９]*[)）]|※)/.test(text.trim());
}

/** "2 グリーンエネルギー運営・管理計画（実績）", "以上": the rows where a part ends though no part begins. */
function endsParts(label: string): boolean {
  return label === "以上" || /^[0-9]グリーンエネルギー/.test(label);
}

function text(sheet: SheetView, row: number, col: number): TextField | null {
  const raw = sheet.value(row, col);
  if (raw === null || raw === "" || typeof raw === "boolean") return null;
  const value = String(raw).trim();
  return value === "" ? null : { value, raw, ref: sheet.ref(row, col) };
}

/** The first heading cell of each part on the sheet. */
function findHeadings(sheet: SheetView): { part: FormPart; row: number; col: number }[] {
  const found: { part: FormPart; row: number; col: number }[] = [];
  for (const part of PLAN_PARTS) {
    const hit = sheet.find((label) => headsPart(label, part))[0];
    if (hit) found.push({ part, ...hit });
  }
  return found.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The sheet that is the plan: the one holding the 1.3 table, else the one with most part headings (two at least). */
function planSheet(
  sheets: SheetView[],
  methodology: Omit<Submission["methodology"], "resolved">,
): SheetView | null {
  const named = methodology.tableRef?.sheet;
  const bySheet = sheets.find((s) => s.name === named);
  if (bySheet) return bySheet;
  let best: { sheet: SheetView; count: number } | null = null;
  for (const sheet of sheets) {
    const count = findHeadings(sheet).length;
    if (count >= 2 && (best === null || count > best.count)) best = { sheet, count };
  }
  return best?.sheet ?? null;
}

/** The rows of the 1.3 table: each row of the code column below its header, up to the next part. */
function readMethodologyRows(
  sheet: SheetView,
  methodology: Omit<Submission["methodology"], "resolved">,
  end: number,
): MethodologyTableRow[] {
  const first = methodology.tableRef;
  if (!first || first.sheet !== sheet.name) return [];
  const rows: MethodologyTableRow[] = [];
  const checked = new Set(methodology.checked.map((c) => c.ref.row));
  for (let r = first.row; r < end; r++) {
    if (!/^[a-z]{1,2}[0-9]/.test(sheet.label(r, first.col))) continue;
    const code = text(sheet, r, first.col) as TextField;
    const right = sheet.valueRightOf(r, first.col, 4);
    const name = right ? text(sheet, r, right.col) : null;
    rows.push({ code, name, checked: checked.has(r) });
  }
  return rows;
}

/** Reads the plan sheet, or null where the workbook has none. */
export function readPlan(
  sheets: SheetView[],
  methodology: Omit<Submission["methodology"], "resolved">,
  symbolTables: SymbolTable[],
): PlanText | null {
  const sheet = planSheet(sheets, methodology);
  if (!sheet) return null;
  const headings = findHeadings(sheet);
  const stops = new Set(headings.map((h) => h.row));
  for (let r = sheet.top; r <= sheet.bottom; r++)
    for (let c = sheet.left; c <= Math.min(sheet.right, sheet.left + 3); c++)
      if (endsParts(sheet.label(r, c))) stops.add(r);
  const nextStop = (row: number): number => {
    let next = Math.min(sheet.bottom + 1, row + MAX_PART_ROWS);
    for (const s of stops) if (s > row && s < next) next = s;
    return next;
  };
  const parts: PlanPartText[] = headings.map(({ part, row, col }) => {
    const texts: TextField[] = [];
    const right = Math.min(sheet.right, col + PART_COLUMNS);
    for (let c = col + 1; c <= right; c++) {
      const t = text(sheet, row, c);
      if (t) texts.push(t);
    }
    for (let r = row + 1; r < nextStop(row); r++)
      for (let c = sheet.left; c <= right; c++) {
        const t = text(sheet, r, c);
        if (t) texts.push(t);
      }
    const heading: CellRef = sheet.ref(row, col);
    return { part: part.id, heading, texts };
  });
  const ownTable = (section: SymbolTable["section"]) =>
    symbolTables.find((t) => t.section === section && t.headerRef.sheet === sheet.name) ?? null;
  const formulaTable = ownTable("1.4");
  const formulaPart = parts.find((p) => p.part === "plan:formula");
  // the lines sit between the heading (and its notes) and the 記号 header, or up to the next part without one
  const formulaEnd = formulaTable?.headerRef.row ?? (formulaPart ? nextStop(formulaPart.heading.row) : 0);
  const formulaLines = (formulaPart?.texts ?? []).filter(
    (t) => t.ref.row < formulaEnd && /[=＝]/.test(t.value ?? "") && !isFormNote(t.value ?? ""),
  );
  const methodologyPart = parts.find((p) => p.part === "plan:methodology");
  const methodologyEnd = nextStop(methodologyPart?.heading.row ?? methodology.tableRef?.row ?? sheet.top);
  return {
    sheet: sheet.name,
    parts,
    formulaLines,
    formulaTable,
    monitoringTable: ownTable("2.2"),
    methodologyRows: readMethodologyRows(sheet, methodology, methodologyEnd),
  };
}
