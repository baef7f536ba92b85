// Blank 様式3-2 workbooks (docs/domain.md §6) for any methodology, as data: labels, input cells, native formulas.
import { ATTACHMENT_ROLES, formPart } from "../forms/parts";
import { GecError } from "../errors";
import {
  FUEL_DEFAULTS,
  DEFAULT_BOILER_EFFICIENCY_LHV,
  METHODOLOGIES,
  formulaLines,
  getMethodology,
} from "../methodology";
import type { MethodologyDeclaration, QuantityDeclaration } from "../methodology";
import { renderRowFormula } from "../methodology/formula";
import { excelFormula } from "../formula";
import { SHEET_NAMES, UNCHECKED_MARK, projectColumns } from "../forms/layout";
import { cellAddress } from "../forms/a1";
import type { CellValue, Grid, SheetGrid } from "../types";
import type {
  TemplateCell,
  TemplateCellKind,
  TemplateMerge,
  TemplateRows,
  TemplateSheet,
  TemplateWorkbook,
} from "./types";

export * from "./types";

/** The mark a template prints in the checked 1.3 box. */
export const CHECKED_MARK = "■";
/** Most facilities one template holds: beyond this a workbook is better generated than typed. */
export const MAX_TEMPLATE_FACILITIES = 1000;

const INTEGER_FORMAT = "#,##0";
/** Points of a row of the default height (Calibri 11), and of A4's height less the default 0.75" margins. */
const ROW_POINTS = 15;
const A4_PRINTABLE_POINTS = { portrait: 842 - 108, landscape: 595 - 108 };
/** The smallest scale a sheet is shrunk to before it takes another page (11 pt text prints at 6.6 pt). */
const MIN_PRINT_SCALE = 0.6;

/**
 * Pages tall for a portrait sheet: as few as keep the scale at or above MIN_PRINT_SCALE, so a short form prints on
 * one page and a long one (many facilities) on more pages instead of in ever smaller type.
 */
function pagesTall(area: TemplateMerge, rowHeights: Record<number, number> = {}): number {
  let points = 0;
  for (let row = area.top; row <= area.bottom; row++) points += rowHeights[row] ?? ROW_POINTS;
  return Math.max(1, Math.ceil((points * MIN_PRINT_SCALE) / A4_PRINTABLE_POINTS.portrait));
}
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** A 別紙1 column of a template: the form's label and, for quantities, the methodology's declaration. */
export interface TemplateColumn {
  key: string;
  label: string;
  group: 1 | 2 | 3 | 4 | 5 | 0;
  kind: "input" | "derived";
  quantity?: QuantityDeclaration;
  numberFormat?: string;
  width: number;
}

function groupOf(number: string | null): TemplateColumn["group"] {
  if (number === null) return 0;
  if (number.startsWith("※")) return 3;
  return Number(number.charAt(0)) as TemplateColumn["group"];
}

/**
 * 別紙1 columns for a methodology. Heat forms follow docs/domain.md §6; power forms keep 1.x, 2., 4.x, 5.x and put the
 * methodology's own 3.x quantities in between ([open] beyond 3.1 販売電力量 and 3.6 排出削減量 (tCO2)).
 */
export function templateColumns(declaration: MethodologyDeclaration): TemplateColumn[] {
  const byKey = new Map(declaration.quantities.map((q) => [q.key, q]));
  return projectColumns(declaration).map((column) => {
    const quantity = byKey.get(column.key);
    return {
      key: column.key,
      label: column.label,
      group: groupOf(column.number),
      kind: quantity?.role ?? "input",
      quantity,
      numberFormat:
        column.kind === "date"
          ? DATE_FORMAT
          : column.kind === "number" || column.kind === "ratio"
            ? (quantity?.numberFormat ?? INTEGER_FORMAT)
            : undefined,
      width: column.key === "no" ? 5 : column.kind === "text" ? 22 : 16,
    };
  });
}

/** 'シート名'!A1 — always quoted, which every spreadsheet accepts whatever the name holds. */
function sheetRef(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${cellAddress({ row, col })}`;
}

class SheetWriter {
  readonly cells: TemplateCell[] = [];
  readonly merges: TemplateMerge[] = [];
  constructor(readonly name: string) {}

  put(
    row: number,
    col: number,
    kind: TemplateCellKind,
    value?: CellValue,
    extra: Partial<TemplateCell> = {},
  ) {
    const cell: TemplateCell = { row, col, kind, ...extra };
    if (value !== undefined) cell.value = value;
    this.cells.push(cell);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  build(
    columnWidths?: number[],
    rowHeights?: Record<number, number>,
    {
      orientation = "portrait",
      titleRows,
    }: { orientation?: "portrait" | "landscape"; titleRows?: TemplateRows } = {},
  ): TemplateSheet {
    const sheet: TemplateSheet = { name: this.name, cells: this.cells, merges: this.merges, columnWidths };
    if (rowHeights) sheet.rowHeights = rowHeights;
    const area = this.usedArea();
    sheet.print = { paperSize: "A4", orientation, fitToPagesWide: 1, area };
    if (orientation === "portrait") sheet.print.fitToPagesTall = pagesTall(area, rowHeights);
    if (titleRows) sheet.print.titleRows = titleRows;
    return sheet;
  }

  /** The smallest range holding every cell and merge: what the sheet prints. */
  private usedArea(): TemplateMerge {
    const area = { top: 0, left: 0, bottom: 0, right: 0 };
    for (const c of this.cells) {
      area.bottom = Math.max(area.bottom, c.row);
      area.right = Math.max(area.right, c.col);
    }
    for (const m of this.merges) {
      area.bottom = Math.max(area.bottom, m.bottom);
      area.right = Math.max(area.right, m.right);
    }
    return area;
  }
}

/** The titles over 別紙1's column groups (1. to 5.), the facility as the methodology names it. */
function groupTitles(declaration: MethodologyDeclaration): Record<number, string> {
  return {
    1: `1. ${declaration.form.facility.ja}に関する情報`,
    2: "2. 追加性",
    3: "3. グリーンエネルギーCO2削減相当量の算定に関する情報",
    4: "4. モニタリング責任者及び実施者に関する情報",
    5: "5. 実施期間",
  };
}

/** Where the 別紙1 template puts things, so that 別紙2 can refer to its cells. */
interface ProjectListLayout {
  headerRow: number;
  firstRow: number;
  totalRow: number;
  columnOf: Map<string, number>;
}

const PROJECT_HEADER_ROW = 2;

function projectListSheet(
  declaration: MethodologyDeclaration,
  facilities: number,
): { sheet: TemplateSheet; layout: ProjectListLayout } {
  const w = new SheetWriter(SHEET_NAMES.projectList);
  const columns = templateColumns(declaration);
  const columnOf = new Map(columns.map((c, i) => [c.key, i]));
  const headerRow = PROJECT_HEADER_ROW;
  const firstRow = headerRow + 1;
  const totalRow = firstRow + facilities;
  w.put(0, 0, "title", "様式3-2別紙1 本計画におけるグリーンエネルギーCO2削減事業リスト（実績）");
  const titles = groupTitles(declaration);
  let start = 0;
  columns.forEach((c, i) => {
    const next = columns[i + 1];
    if (next && next.group === c.group) return;
    if (c.group !== 0) {
      w.put(1, start, "label", titles[c.group]);
      w.merge(1, start, 1, i);
    }
    start = i + 1;
  });
  columns.forEach((c, i) => w.put(headerRow, i, "label", c.label));

  for (let f = 0; f < facilities; f++) {
    const row = firstRow + f;
    const refs: Record<string, string> = {};
    columns.forEach((c, i) => (refs[c.key] = cellAddress({ row, col: i })));
    columns.forEach((c, i) => {
      if (c.key === "no") {
        w.put(row, i, "input", f + 1);
      } else if (c.kind === "derived" && c.quantity?.expr) {
        w.put(row, i, "derived", undefined, {
          formula: renderRowFormula(c.quantity, declaration.quantities, refs) ?? undefined,
          numberFormat: c.numberFormat,
        });
      } else {
        w.put(row, i, "input", undefined, c.numberFormat ? { numberFormat: c.numberFormat } : {});
      }
    });
  }
  const tonnesCol = columnOf.get(declaration.form.tonnesKey);
  w.put(totalRow, 0, "label", "合計");
  if (tonnesCol !== undefined) {
    w.merge(totalRow, 0, totalRow, Math.max(0, tonnesCol - 1));
    w.put(totalRow, tonnesCol, "derived", undefined, {
      formula:
        (facilities > 0
          ? excelFormula(declaration.total, declaration.quantities, {
              addresses: {},
              ranges: {
                [declaration.form.tonnesKey]:
                  `${cellAddress({ row: firstRow, col: tonnesCol })}:${cellAddress({ row: totalRow - 1, col: tonnesCol })}`,
              },
            })
          : null) ?? "=0",
      numberFormat: INTEGER_FORMAT,
    });
  }
  const notes = declaration.form.templateNotes;
  notes.forEach((text, i) => w.put(totalRow + 2 + i, 0, "note", text));
  return {
    // the longest header label (3.3's) wraps to about six lines of a 16-character column
    // a wide table: landscape, one page wide; its title, group titles and column labels repeat on every page
    sheet: w.build(
      columns.map((c) => c.width),
      { [headerRow]: 110 },
      { orientation: "landscape", titleRows: { first: 0, last: headerRow } },
    ),
    layout: { headerRow, firstRow, totalRow, columnOf },
  };
}

/** The formula lines of 1.4, printed from the quantities' expressions. */
function printedFormulaLines(declaration: MethodologyDeclaration): string[] {
  return formulaLines(declaration).map((l) => l.text);
}

/** The 本文 sheet written top to bottom: the row cursor and the kinds of row its sections use. */
class FormCursor {
  r = 0;

  constructor(readonly w: SheetWriter) {}

  title(text: string): void {
    this.w.put(this.r++, 0, "title", text);
  }

  heading(text: string): void {
    this.w.put(this.r++, 0, "heading", text);
  }

  note(text: string): void {
    this.w.put(this.r++, 0, "note", text);
  }

  /** An input cell across the form's width. */
  input(value?: CellValue): void {
    this.w.put(this.r, 0, "input", value);
    this.w.merge(this.r, 0, this.r, 4);
    this.r++;
  }

  blank(): void {
    this.r++;
  }
}

function planSheet(declaration: MethodologyDeclaration): TemplateSheet {
  const c = new FormCursor(new SheetWriter(SHEET_NAMES.plan));
  c.title("様式3-2");
  c.title("グリーンエネルギーCO2削減等計画書（実績）");
  c.blank();
  c.heading("1 グリーンエネルギーCO2削減計画（実績）");
  c.heading(formPart("plan:name").heading);
  c.input();
  c.blank();
  c.heading(formPart("plan:facilities").heading);
  c.note("別紙1「本計画におけるグリーンエネルギーCO2削減事業リスト（実績）」1. 参照。");
  c.blank();
  methodologyPart(c, declaration);
  formulaPart(c, declaration);
  periodPart(c);
  c.heading(formPart("plan:changes").heading);
  c.input("無し");
  c.blank();
  c.heading("2 グリーンエネルギー運営・管理計画（実績）");
  c.heading(formPart("plan:monitoringStructure").heading);
  c.input();
  c.blank();
  monitoringTargetsPart(c, declaration);
  c.heading("3 グリーンエネルギーCO2削減相当量配分計画（実績）");
  c.heading(formPart("plan:holders").heading);
  c.note("別紙2「グリーンエネルギーCO2削減相当量配分計画（実績）」1. 参照。");
  c.heading(formPart("plan:attribution").heading);
  c.note("別紙2「グリーンエネルギーCO2削減相当量配分計画（実績）」2. 参照。");
  return c.w.build([12, 18, 30, 16, 40]);
}

/** 1.3: every methodology of the scheme, the declaration's checked. */
function methodologyPart(c: FormCursor, declaration: MethodologyDeclaration): void {
  const { w } = c;
  c.heading(formPart("plan:methodology").heading);
  c.note("注1) 本計画に適用される方法論にチェックすること。");
  w.put(c.r, 0, "label", "チェック");
  w.put(c.r, 1, "label", "種別方法論番号");
  w.put(c.r, 2, "label", "種別方法論名称");
  w.merge(c.r, 2, c.r, 4);
  c.blank();
  for (const m of METHODOLOGIES) {
    w.put(c.r, 0, "input", m.code === declaration.code ? CHECKED_MARK : UNCHECKED_MARK);
    w.put(c.r, 1, "label", m.code);
    w.put(c.r, 2, "label", m.name.ja);
    w.merge(c.r, 2, c.r, 4);
    c.blank();
  }
  c.blank();
}

/** 1.4: the formula lines, then a table of their symbols. */
function formulaPart(c: FormCursor, declaration: MethodologyDeclaration): void {
  const { w } = c;
  c.heading(formPart("plan:formula").heading);
  c.note(
    "注2) 各グリーンエネルギーCO2削減事業の個別の値（実績）については別紙1「本計画におけるグリーンエネルギーCO2削減事業リスト（実績）」3. 参照。",
  );
  for (const line of printedFormulaLines(declaration)) c.note(line);
  w.put(c.r, 0, "label", "記号");
  w.put(c.r, 1, "label", "定義");
  w.merge(c.r, 1, c.r, 3);
  w.put(c.r, 4, "label", "単位");
  c.blank();
  // 1.4's symbols: every quantity it prints, not a column the plan lists no symbol for, nor the tonnes (kg ÷ 1000)
  for (const q of declaration.quantities.filter(
    (x) => x.inPlanTables !== false && x.formulaLine !== "omit",
  )) {
    w.put(c.r, 0, "label", q.symbol);
    w.put(c.r, 1, "label", q.label.ja);
    w.merge(c.r, 1, c.r, 3);
    w.put(c.r, 4, "label", q.unit);
    c.blank();
  }
  c.blank();
}

/** 1.5: the period's first and last day. */
function periodPart(c: FormCursor): void {
  const { w } = c;
  c.heading(formPart("plan:period").heading);
  w.put(c.r, 0, "label", "開始日");
  w.put(c.r++, 1, "input", undefined, { numberFormat: DATE_FORMAT });
  w.put(c.r, 0, "label", "終了日");
  w.put(c.r++, 1, "input", undefined, { numberFormat: DATE_FORMAT });
  c.note(
    "注) 各グリーンエネルギーCO2削減事業の実施期間については、別紙1「本計画におけるグリーンエネルギーCO2削減事業リスト（実績）」5. に記載すること。",
  );
  c.blank();
}

/** 2.2: each monitored input with its symbol, definition, unit and a cell for how it is monitored. */
function monitoringTargetsPart(c: FormCursor, declaration: MethodologyDeclaration): void {
  const { w } = c;
  c.heading(formPart("plan:monitoringTargets").heading);
  w.put(c.r, 0, "label", "記号");
  w.put(c.r, 1, "label", "定義");
  w.merge(c.r, 1, c.r, 2);
  w.put(c.r, 3, "label", "単位");
  w.put(c.r, 4, "label", "モニタリング方法");
  c.blank();
  for (const q of declaration.quantities.filter((x) => x.role === "input" && x.inPlanTables !== false)) {
    w.put(c.r, 0, "label", q.symbol);
    w.put(c.r, 1, "label", q.label.ja);
    w.merge(c.r, 1, c.r, 2);
    w.put(c.r, 3, "label", q.unit);
    w.put(c.r, 4, "input");
    c.blank();
  }
  if (declaration.form.fuelDefaults) {
    const fuels = FUEL_DEFAULTS.filter((f) => !f.provisional)
      .map((f) => `${f.name} ${f.cef}tCO2/GJ`)
      .join("、");
    c.note(
      `デフォルト値（方法2）: ${fuels}; ボイラの設備効率${DEFAULT_BOILER_EFFICIENCY_LHV * 100}%（低位発熱量ベース）`,
    );
  }
  c.blank();
}

function attachmentSheet(declaration: MethodologyDeclaration, facilities: number): TemplateSheet {
  const w = new SheetWriter(SHEET_NAMES.attachment);
  const monitored = declaration.quantities.filter(
    // measured inputs: a published reference value (CEF, the default ε) is no one's monitoring
    (q) => q.role === "input" && q.inPlanTables !== false && !q.reference,
  );
  let r = 0;
  for (let f = 0; f < facilities; f++) {
    w.put(r, 0, "label", "種別方法論名称");
    w.put(r, 1, "label", declaration.name.ja);
    w.merge(r, 1, r, 3);
    r++;
    w.put(r, 0, "label", `${declaration.form.facility.ja}名称`);
    w.put(r, 1, "input");
    w.merge(r, 1, r, 3);
    r += 2;
    w.put(r++, 0, "heading", "1. 計量体制");
    for (const part of [
      formPart("attachment:metering").heading,
      formPart("attachment:measurement").heading,
    ]) {
      w.put(r++, 0, "heading", part);
      w.put(r, 0, "label", ATTACHMENT_ROLES["attachment:metering"][0]);
      w.put(r, 1, "input");
      w.put(r, 2, "label", ATTACHMENT_ROLES["attachment:metering"][1]);
      w.put(r++, 3, "input");
    }
    w.put(r++, 0, "heading", formPart("attachment:report").heading);
    for (const role of ATTACHMENT_ROLES["attachment:report"]) {
      w.put(r, 0, "label", role);
      w.put(r, 1, "input");
      w.merge(r, 1, r, 3);
      r++;
    }
    r++;
    w.put(r++, 0, "heading", formPart("attachment:methods").heading);
    ["記号", "定義", "モニタリング方法", "提出書類"].forEach((h, i) => w.put(r, i, "label", h));
    r++;
    for (const q of monitored) {
      w.put(r, 0, "label", q.symbol);
      w.put(r, 1, "label", q.label.ja);
      w.put(r, 2, "input");
      w.put(r, 3, "input");
      r++;
    }
    w.put(r++, 0, "note", "以上");
    r++;
  }
  return w.build([22, 30, 40, 24]);
}

function allocationSheet(
  declaration: MethodologyDeclaration,
  facilities: number,
  list: ProjectListLayout,
): TemplateSheet {
  const w = new SheetWriter(SHEET_NAMES.allocationPlan);
  const tonnesCol = list.columnOf.get(declaration.form.tonnesKey);
  const powerSold = declaration.form.powerSoldKey;
  const eps = powerSold ? list.columnOf.get(powerSold) : undefined;
  let r = 0;
  for (let f = 0; f < facilities; f++) {
    const row = list.firstRow + f;
    w.put(r++, 0, "title", "グリーンエネルギーCO2削減相当量配分計画");
    w.put(r, 0, "label", "グリーンエネルギーCO2削減相当量（単位:tCO2）");
    w.merge(r, 0, r, 1);
    w.put(r, 2, "derived", undefined, {
      formula: tonnesCol !== undefined ? `=${sheetRef(SHEET_NAMES.projectList, row, tonnesCol)}` : undefined,
      numberFormat: INTEGER_FORMAT,
    });
    r++;
    w.put(r, 0, "label", "販売電力量（kWh）");
    w.merge(r, 0, r, 1);
    if (eps !== undefined) {
      w.put(r, 2, "derived", undefined, {
        formula: `=${sheetRef(SHEET_NAMES.projectList, row, eps)}`,
        numberFormat: INTEGER_FORMAT,
      });
    } else {
      w.put(r, 2, "derived", 0, { numberFormat: INTEGER_FORMAT });
    }
    r += 2;
    w.put(r++, 0, "heading", formPart("allocation:holders").heading);
    w.put(r, 0, "label", "保有予定者名称");
    w.put(r, 1, "label", "所在地");
    w.put(r, 2, "label", "保有予定量（tCO2）");
    r++;
    for (let k = 0; k < 3; k++) {
      w.put(r, 0, "input");
      w.put(r, 1, "input");
      w.put(r, 2, "input", undefined, { numberFormat: INTEGER_FORMAT });
      r++;
    }
    w.put(r, 0, "label", "配分予定なし");
    w.put(r, 2, "input", undefined, { numberFormat: INTEGER_FORMAT });
    r += 2;
    w.put(r++, 0, "heading", formPart("allocation:attribution").heading);
    w.put(r, 0, "input");
    w.merge(r, 0, r, 2);
    r += 2;
    w.put(
      r++,
      0,
      "note",
      "注1) 様式3-2別紙1「本計画におけるグリーンエネルギーCO2削減事業リスト(実績)」3.1販売電力量、及び3.6排出削減量(tCO2)の合計と一致させること。",
    );
    w.put(r++, 0, "note", "注2) 販売電力量 (kWh) は、グリーン電力種別方法論の場合に記載すること。");
    r++;
  }
  return w.build([36, 24, 18]);
}

/** A blank 様式3-2 (様式3-2, 別紙1, 別紙1添付, 別紙2) for `code`, with rows for `facilities` facilities. */
export function buildTemplate(code: string, facilities = 3): TemplateWorkbook {
  const declaration = getMethodology(code);
  if (!Number.isInteger(facilities) || facilities < 1 || facilities > MAX_TEMPLATE_FACILITIES) {
    throw new GecError(
      "#VALUE!",
      {
        ja: `施設数は 1 以上 ${MAX_TEMPLATE_FACILITIES} 以下の整数です（${String(facilities)}）。`,
        en: `The number of facilities must be an integer from 1 to ${MAX_TEMPLATE_FACILITIES} (${String(facilities)}).`,
      },
      "facilities",
    );
  }
  const list = projectListSheet(declaration, facilities);
  return {
    methodology: declaration.code,
    facilities,
    sheets: [
      planSheet(declaration),
      list.sheet,
      attachmentSheet(declaration, facilities),
      allocationSheet(declaration, facilities, list.layout),
    ],
  };
}

/** A template as the Grid a reader sees before any recalculation: formulas present, their values empty. */
export function templateToGrid(template: TemplateWorkbook): Grid {
  return { sheets: template.sheets.map(templateSheetToGrid) };
}

function templateSheetToGrid(sheet: TemplateSheet): SheetGrid {
  let rows = 0;
  let cols = 0;
  for (const c of sheet.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () =>
    new Array<string | null>(cols).fill(null),
  );
  const numberFormats: (string | null)[][] = Array.from({ length: rows }, () =>
    new Array<string | null>(cols).fill(null),
  );
  for (const c of sheet.cells) {
    if (c.value !== undefined) values[c.row][c.col] = c.value;
    if (c.formula !== undefined) formulas[c.row][c.col] = c.formula;
    if (c.numberFormat !== undefined) numberFormats[c.row][c.col] = c.numberFormat;
  }
  return { name: sheet.name, values, formulas, numberFormats, origin: { row: 0, col: 0 } };
}
