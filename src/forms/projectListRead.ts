// Finds a 別紙1 事業リスト by its header row on a sheet and reads its rows down to the 合計.
import type { MethodologyDeclaration } from "../methodology";
import { columnOfLabel } from "./layout";
import type { ProjectColumn } from "./layout";
import type { SheetView } from "./sheet";
import { dateField, isTotalCell, numberField, textField } from "./cellFields";
import type { NumberField, ProjectList, ProjectRow } from "./submission";

/**
 * The columns a methodology's 別紙1 is found and read by, as its declaration names them: the row's anchor (3.1 in
 * heat), the certified tonnes (R6 sums them) and the quantities the tonnes are computed from (the kg).
 */
export interface ListKeys {
  anchorKey: string;
  tonnesKey: string;
  /** A 別紙1 (実績) header names one of these: the anchor, the tonnes or what they come from. */
  anchors: string[];
}

export function listKeys(declaration: MethodologyDeclaration): ListKeys {
  const { anchorKey, tonnesKey } = declaration.form;
  const tonnes = declaration.quantities.find((q) => q.key === tonnesKey);
  return { anchorKey, tonnesKey, anchors: [anchorKey, tonnesKey, ...(tonnes?.expr?.keys() ?? [])] };
}

/** How far down a sheet a 別紙1 header may sit: far beyond any form's title block, far short of its data rows. */
const HEADER_SEARCH_ROWS = 300;

/** Fewest column labels in one row that make a 別紙1 header. */
const MIN_HEADER_COLUMNS = 4;

/** The 別紙1 header: the row with most column labels, completed from the rows just above and below (merged headers). */
function findProjectHeader(
  sheet: SheetView,
  layout: ProjectColumn[],
  anchors: readonly string[],
): { headerRow: number; columns: Record<string, number> } | null {
  const byRow = new Map<number, Map<string, number>>();
  sheet.eachText(sheet.top, sheet.top + HEADER_SEARCH_ROWS, (r, c) => {
    const label = sheet.label(r, c);
    if (label === "" || label.length > 200) return;
    const column = columnOfLabel(label, layout);
    if (!column) return;
    let found = byRow.get(r);
    if (!found) byRow.set(r, (found = new Map()));
    if (!found.has(column.key)) found.set(column.key, c);
  });
  let best: number | null = null;
  for (const [r, found] of byRow) if (best === null || found.size > (byRow.get(best)?.size ?? 0)) best = r;
  if (best === null) return null;
  const main = byRow.get(best) as Map<string, number>;
  if (!anchors.some((key) => main.has(key))) return null;
  // a 1.4 or 2.2 row ("Q_BL | 生成熱量 | MJ") names a column or two: a 別紙1 header names many
  if (main.size < MIN_HEADER_COLUMNS) return null;
  const columns: Record<string, number> = {};
  let headerRow = best;
  for (const r of [best, best - 1, best + 1, best - 2, best + 2]) {
    const found = byRow.get(r);
    if (!found) continue;
    for (const [key, c] of found) {
      if (columns[key] === undefined && !Object.values(columns).includes(c)) {
        columns[key] = c;
        headerRow = Math.max(headerRow, r);
      }
    }
  }
  return { headerRow, columns };
}

/** A 別紙1 header found on a sheet for one layout; its rows are read only for the layout the reader settles on. */
export interface FoundHeader {
  sheet: SheetView;
  headerRow: number;
  columns: Record<string, number>;
}

export function findHeaders(
  sheets: SheetView[],
  layout: ProjectColumn[],
  anchors: readonly string[],
): FoundHeader[] {
  return sheets.flatMap((sheet) => {
    const header = findProjectHeader(sheet, layout, anchors);
    return header ? [{ sheet, ...header }] : [];
  });
}

export function readProjectList(at: FoundHeader, layout: ProjectColumn[], keys: ListKeys): ProjectList {
  const { sheet } = at;
  const header = at;
  const { headerRow, columns } = header;
  const rows: ProjectRow[] = [];
  let totalTonnes: NumberField | null = null;
  let totalRef = null;
  let blank = 0;
  const firstCol = Math.min(...Object.values(columns));
  const keyCols = [keys.anchorKey, keys.tonnesKey, "facilityName", "approvalNumber"]
    .map((k) => columns[k])
    .filter((c) => c !== undefined);
  const found = layout
    .filter((column) => columns[column.key] !== undefined)
    .map((column) => [column, columns[column.key]] as const);
  const totalSpan = Math.max(firstCol + 3, sheet.left);
  for (let r = headerRow + 1; r <= sheet.bottom && blank < 20; r++) {
    let totalCol: number | null = null;
    for (let c = sheet.left; c <= totalSpan; c++) if (isTotalCell(sheet, r, c)) totalCol = c;
    const tonnesCol = columns[keys.tonnesKey];
    if (totalCol === null && columns[keys.anchorKey] !== undefined) {
      // a 合計 label may also sit just left of the totals, under the quantity columns
      for (let c = firstCol; c < (tonnesCol ?? firstCol); c++) if (isTotalCell(sheet, r, c)) totalCol = c;
    }
    if (totalCol !== null) {
      totalRef = sheet.ref(r, totalCol);
      if (tonnesCol !== undefined) totalTonnes = numberField(sheet, r, tonnesCol, false);
      break;
    }
    const first = sheet.label(r, firstCol);
    if (first.startsWith("※") || first.startsWith("注")) break;
    const hasData = keyCols.some((c) => {
      const v = sheet.value(r, c);
      return v !== null && v !== "";
    });
    if (!hasData) {
      blank++;
      continue;
    }
    blank = 0;
    const row: ProjectRow = { row: r, text: {}, numbers: {}, dates: {} };
    for (const [column, c] of found) {
      if (column.kind === "number" || column.kind === "ratio")
        row.numbers[column.key] = numberField(sheet, r, c, column.kind === "ratio");
      else if (column.kind === "date") row.dates[column.key] = dateField(sheet, r, c);
      else row.text[column.key] = textField(sheet, r, c);
    }
    rows.push(row);
  }
  return { sheet: sheet.name, headerRow, columns, rows, totalTonnes, totalRef };
}
