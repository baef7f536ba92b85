// The monitoring tables (熱実績管理表, docs/domain.md §5.1) a template adds: one per facility, a row per month of the
// fiscal year and a 合計 row, derived cells as native formulas, and 別紙1 3.1 / 3.2 linked to the 合計.
import { GecError } from "../errors";
import { excelFormula } from "../formula";
import { columnTotal, getMethodology, monitoringMonthQuantities } from "../methodology";
import { HEAT_PROJECT_COLUMNS, SHEET_NAMES } from "../forms/layout";
import { cellAddress } from "../forms/a1";
import { monitoringLinkFormula } from "../domain/monitoring";
import type { TemplateCell, TemplateSheet, TemplateWorkbook } from "./types";

/** The sheet the tables go on. */
export const MONITORING_SHEET = "熱実績管理表";

/** Columns of a table: the label the reader knows (src/forms/monitoring.ts) and whether the cell is typed or derived. */
export const MONITORING_COLUMNS: {
  key: string;
  label: string;
  kind: "input" | "derived";
  format?: string;
}[] = [
  { key: "month", label: "年月", kind: "input" },
  { key: "operatingDays", label: "稼働日数 (日)", kind: "input", format: "0" },
  { key: "pGauge", label: "蒸気圧力 月平均（ゲージ） (MPa)", kind: "input", format: "0.00000" },
  { key: "pAbs", label: "蒸気圧力（絶対） (MPa)", kind: "derived", format: "0.00" },
  { key: "tSteamMean", label: "蒸気温度 月平均 (℃)", kind: "input", format: "0.000" },
  { key: "tSteam", label: "蒸気温度 (℃)", kind: "derived", format: "0.0" },
  { key: "hSteam", label: "蒸気比エンタルピー (kJ/kg)", kind: "derived", format: "0.00000" },
  { key: "fSteam", label: "蒸気流量 (t)", kind: "input", format: "#,##0.0" },
  { key: "tFeedMean", label: "給水温度 月平均 (℃)", kind: "input", format: "0.00" },
  { key: "tFeed", label: "給水温度 (℃)", kind: "derived", format: "0.0" },
  { key: "hFeed", label: "給水比エンタルピー (kJ/kg)", kind: "derived", format: "0.000000" },
  { key: "fFeed", label: "給水流量 (t)", kind: "input", format: "#,##0.0" },
  { key: "deduction", label: "控除熱量 (MJ)", kind: "input", format: "#,##0" },
  { key: "qMonth", label: "生成熱量 (MJ)", kind: "derived", format: "#,##0.00" },
  { key: "ePsMonth", label: "補機消費電力量 (kWh)", kind: "input", format: "#,##0" },
];
const SUMMED = new Set(["operatingDays", "fSteam", "fFeed", "deduction", "qMonth", "ePsMonth"]);

/** Rows one table takes: title, 熱設備名称, blank, header, 12 months, 合計, two blank. */
const TABLE_ROWS = 20;

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** The cells of 別紙1 in a template: facility rows below the header, by column key. */
function projectCells(list: TemplateSheet): { rows: number[]; columnOf: Map<string, number> } {
  const labels = new Map(HEAT_PROJECT_COLUMNS.map((c) => [c.label, c.key]));
  const columnOf = new Map<string, number>();
  let headerRow = -1;
  for (const c of list.cells) {
    const key = c.kind === "label" && typeof c.value === "string" ? labels.get(c.value) : undefined;
    if (key) {
      columnOf.set(key, c.col);
      headerRow = c.row;
    }
  }
  const noCol = columnOf.get("no");
  const rows = list.cells
    .filter((c) => c.row > headerRow && c.col === noCol && typeof c.value === "number")
    .map((c) => c.row);
  return { rows, columnOf };
}

/** The fiscal year (April–March) that ended last before `now`: the one a 実績 form reports. */
export function lastFiscalYear(now: Date): number {
  return now.getMonth() >= 3 ? now.getFullYear() - 1 : now.getFullYear() - 2;
}

type Put = (row: number, col: number, kind: TemplateCell["kind"], extra?: Partial<TemplateCell>) => void;

const specOf = new Map(monitoringMonthQuantities.map((q) => [q.key, q]));

/**
 * Adds the monitoring sheet to a heat template for fiscal year `fiscalYear` (April … March), one table per facility
 * row of 別紙1, whose 熱設備名称 follows 別紙1 1.1 and whose 合計 feeds 3.1 (net of 控除熱量) and 3.2.
 */
export function addMonitoringTables(template: TemplateWorkbook, fiscalYear: number): TemplateWorkbook {
  const declaration = getMethodology(template.methodology);
  if (
    declaration.form.monitoringTable !== true ||
    !Number.isInteger(fiscalYear) ||
    fiscalYear < 2000 ||
    fiscalYear > 2100
  ) {
    throw new GecError(
      "#VALUE!",
      {
        ja: `熱実績管理表は熱の方法論（H00x）に、2000〜2100 の年度で追加できます（${template.methodology}、${String(fiscalYear)}年度）。`,
        en: `Monitoring tables go with a heat methodology (H00x) and a fiscal year 2000–2100 (${template.methodology}, FY${String(fiscalYear)}).`,
      },
      "monitoring",
    );
  }
  const list = template.sheets.find((s) => s.name === SHEET_NAMES.projectList);
  if (!list) return template;
  const { rows, columnOf } = projectCells(list);
  const cells: TemplateCell[] = [];
  const put: Put = (row, col, kind, extra = {}) => {
    cells.push({ row, col, kind, ...extra });
  };
  const nameCol = columnOf.get("facilityName") ?? 2;
  const links = new Map<string, string>();
  rows.forEach((listRow, f) => {
    const name = `${quoted(SHEET_NAMES.projectList)}!${cellAddress({ row: listRow, col: nameCol })}`;
    const total = facilityTable(put, f * TABLE_ROWS, name, fiscalYear);
    const at = (key: string) =>
      `${quoted(MONITORING_SHEET)}!${cellAddress({ row: total, col: MONITORING_COLUMNS.findIndex((c) => c.key === key) })}`;
    const qBl = monitoringLinkFormula("qBl", "sumDown", at("qMonth"), at("deduction"));
    const ePs = monitoringLinkFormula("ePs", "exact", at("ePsMonth"), null);
    if (qBl) links.set(`${listRow},qBl`, qBl);
    if (ePs) links.set(`${listRow},ePs`, ePs);
  });
  // 3.1 and 3.2 become derived: the table is where they are typed
  const linkedList: TemplateSheet = {
    ...list,
    cells: list.cells.map((c) => {
      for (const key of ["qBl", "ePs"]) {
        const formula = c.col === columnOf.get(key) ? links.get(`${c.row},${key}`) : undefined;
        if (formula) return { ...c, kind: "derived", formula };
      }
      return c;
    }),
  };
  const sheet: TemplateSheet = {
    name: MONITORING_SHEET,
    cells,
    merges: [],
    columnWidths: MONITORING_COLUMNS.map((c) => (c.key === "month" ? 12 : 14)),
  };
  return {
    ...template,
    sheets: [...template.sheets.map((s) => (s === list ? linkedList : s)), sheet],
  };
}

/** One facility's table from row `top`, its name following `name` (別紙1 1.1): the row of its 合計. */
function facilityTable(put: Put, top: number, name: string, fiscalYear: number): number {
  put(top, 0, "title", { value: `熱実績管理表（${fiscalYear}年度）` });
  put(top + 1, 0, "label", { value: "熱設備名称" });
  put(top + 1, 2, "derived", { formula: `=IF(${name}="","",${name})` });
  const header = top + 3;
  MONITORING_COLUMNS.forEach((c, col) => put(header, col, "label", { value: c.label }));
  const first = header + 1;
  for (let m = 0; m < 12; m++) monthRow(put, first + m, m, fiscalYear);
  const total = first + 12;
  put(total, 0, "label", { value: "合計" });
  MONITORING_COLUMNS.forEach((c, col) => {
    const month = specOf.get(c.key);
    if (!SUMMED.has(c.key) || !month) return;
    const spec = columnTotal(month);
    const range = `${cellAddress({ row: first, col })}:${cellAddress({ row: total - 1, col })}`;
    const formula = excelFormula(spec, [spec], { addresses: {}, ranges: { [c.key]: range } });
    put(total, col, "derived", { ...(formula ? { formula } : {}), numberFormat: c.format });
  });
  return total;
}

/** Month m (0 = April) of the fiscal year at `row`: its label, input cells and derived formulas. */
function monthRow(put: Put, row: number, m: number, fiscalYear: number): void {
  const year = m < 9 ? fiscalYear : fiscalYear + 1;
  const refs: Record<string, string> = {};
  MONITORING_COLUMNS.forEach((c, col) => (refs[c.key] = cellAddress({ row, col })));
  MONITORING_COLUMNS.forEach((c, col) => {
    if (c.key === "month") put(row, col, "label", { value: `${year}年${((m + 3) % 12) + 1}月` });
    else if (c.kind === "input") put(row, col, "input", c.format ? { numberFormat: c.format } : {});
    else {
      // h and h' have no native formula (steam tables): gec fill / 自動入力 writes their values
      const spec = specOf.get(c.key);
      const formula = spec
        ? excelFormula(spec, monitoringMonthQuantities, { addresses: refs }, { blankGuard: true })
        : null;
      put(row, col, "derived", { ...(formula ? { formula } : {}), numberFormat: c.format });
    }
  });
}
