// The 様式3-2 forms' layout as data (docs/domain.md §6): sheet names, 別紙1 columns and the labels the reader accepts.
import { normalizeText } from "../numbers";
import { heatForm, heatQuantities } from "../methodology/biomassHeat";
import { powerForm, powerQuantities } from "../methodology/power";
import type { MethodologyDeclaration, QuantityDeclaration } from "../methodology/types";
import type { Message } from "../types";
import { escapeRegExp } from "../text";

export const SHEET_NAMES = {
  plan: "様式3-2",
  projectList: "別紙1",
  attachment: "別紙1添付",
  allocationPlan: "別紙2",
} as const;

export interface ProjectColumn {
  /** Key in a project row; quantity columns use the methodology declarations' keys (qBl, ePs, qWb, …). */
  key: string;
  /** Column number as printed ("3.1"), or null for No. and 承認番号. */
  number: string | null;
  /** Canonical header label (what templates print). */
  label: string;
  /** Further folded texts that identify the column when the number is missing. */
  aliases: string[];
  kind: "text" | "number" | "ratio" | "date";
  /**
   * Whether every facility row must fill it: a blank cell is a missing fact of the row (form.projectList.blank).
   * Set here for the 1.x and 2. columns every form has, and from FormDeclaration.requiredColumns for a
   * methodology's own (heat's ※1); inputs the formulas read are reported blank by projectList.row.inputs instead.
   */
  required?: boolean;
}

/** 別紙1 columns before the 3.x block (heat names; a methodology's facility noun replaces 熱設備). */
const LEADING_COLUMNS: ProjectColumn[] = [
  { key: "no", number: null, label: "No.", aliases: ["no.", "no", "番号"], kind: "text" },
  { key: "approvalNumber", number: null, label: "承認番号", aliases: ["承認番号"], kind: "text" },
  {
    key: "facilityName",
    number: "1.1",
    label: "1.1 熱設備名称",
    aliases: ["熱設備名称", "設備名称"],
    kind: "text",
    required: true,
  },
  {
    key: "address",
    number: "1.2",
    label: "1.2 熱設備所在地",
    aliases: ["熱設備所在地", "所在地"],
    kind: "text",
    required: true,
  },
  { key: "model", number: "1.3", label: "1.3 型式", aliases: ["型式"], kind: "text", required: true },
  {
    key: "capacity",
    number: "1.4",
    label: "1.4 設備容量",
    aliases: ["設備容量"],
    kind: "text",
    required: true,
  },
  {
    key: "operationStart",
    number: "1.5",
    label: "1.5 運転開始（予定）年月日",
    aliases: ["運転開始"],
    kind: "text",
    required: true,
  },
  {
    key: "gridOrSelf",
    number: "1.6",
    label: "1.6 系統／自家消費",
    aliases: ["系統/自家消費", "自家消費"],
    kind: "text",
  },
  {
    key: "meteringPoint",
    number: "1.7",
    label: "1.7 受電地点特定番号（22桁）",
    aliases: ["受電地点特定番号"],
    kind: "text",
  },
  {
    key: "additionality",
    number: "2.",
    label: "2. 該当する追加性要件",
    aliases: ["追加性要件"],
    kind: "text",
    required: true,
  },
];

/** 別紙1 columns after the 3.x block. */
const TRAILING_COLUMNS: ProjectColumn[] = [
  {
    key: "monitoringResponsible",
    number: "4.1",
    label: "4.1 モニタリング責任者",
    aliases: ["モニタリング責任者"],
    kind: "text",
  },
  {
    key: "monitoringOperator",
    number: "4.2",
    label: "4.2 モニタリング実施者",
    aliases: ["モニタリング実施者"],
    kind: "text",
  },
  { key: "startDate", number: "5.1", label: "5.1 開始日 (yyyy年m月d日)", aliases: ["開始日"], kind: "date" },
  {
    key: "endDate",
    number: "5.2",
    label: "5.2 終了予定日 (yyyy年m月d日)",
    aliases: ["終了予定日", "終了日"],
    kind: "date",
  },
];

/**
 * 別紙1 columns in form order for a methodology's quantities: No., 承認番号, 1.x and 2. (the facility named as the
 * methodology names it), then each quantity that has a column, then 4.x and 5.x.
 */
export function projectColumnsOf(
  quantities: readonly QuantityDeclaration[],
  facility: Message,
  requiredColumns: readonly string[] = [],
): ProjectColumn[] {
  const leading = LEADING_COLUMNS.map((c) =>
    c.key === "facilityName"
      ? { ...c, label: `1.1 ${facility.ja}名称`, aliases: [`${facility.ja}名称`, "設備名称"] }
      : c.key === "address"
        ? { ...c, label: `1.2 ${facility.ja}所在地`, aliases: [`${facility.ja}所在地`, "所在地"] }
        : c,
  );
  const own: ProjectColumn[] = quantities
    .filter((q) => q.column)
    .map((q) => ({
      key: q.key,
      number: q.column ?? null,
      label: q.header?.label ?? `${q.column} ${q.label.ja} ${q.symbol} (${q.unit})`,
      aliases: q.header?.aliases ?? [normalizeText(q.symbol)],
      kind: q.form === "ratio" ? "ratio" : "number",
      ...(requiredColumns.includes(q.key) ? { required: true } : {}),
    }));
  return [...leading, ...own, ...TRAILING_COLUMNS];
}

const byDeclaration = new WeakMap<MethodologyDeclaration, ProjectColumn[]>();

/** The 別紙1 columns of a methodology, made once per declaration. */
export function projectColumns(declaration: MethodologyDeclaration): ProjectColumn[] {
  let columns = byDeclaration.get(declaration);
  if (!columns)
    byDeclaration.set(
      declaration,
      (columns = projectColumnsOf(
        declaration.quantities,
        declaration.form.facility,
        declaration.form.requiredColumns,
      )),
    );
  return columns;
}

/** 別紙1 (heat) columns in form order (docs/domain.md §6). */
export const HEAT_PROJECT_COLUMNS: ProjectColumn[] = projectColumnsOf(
  heatQuantities,
  heatForm.facility,
  heatForm.requiredColumns,
);

/**
 * 別紙1 (power) columns: 1.x, 2., 4.x and 5.x as the heat form (設備 named 発電設備), and the power quantities as 3.x.
 * [open] Beyond 3.1 販売電力量 and 3.6 排出削減量 (tCO2), which the 別紙2 note names, the 3.x block is this project's
 * reading of docs/domain.md §2 (EPG, EPA, CEF_electricity,t, EMP), the same declarations the power formulas use.
 */
export const POWER_PROJECT_COLUMNS: ProjectColumn[] = projectColumnsOf(
  powerQuantities,
  powerForm.facility,
  powerForm.requiredColumns,
);

/** Marks that tick a 1.3 checkbox (and what a template prints). */
export const CHECKED_MARKS = ["■", "☑", "☒", "✓", "✔", "レ", "○", "●", "◯", "x", "X", "×", "true"];
export const UNCHECKED_MARK = "□";

interface FoldedColumn {
  column: ProjectColumn;
  number: string | null;
  aliases: string[];
}

/** Columns with their number and aliases folded once, not on every cell the reader looks at. */
const foldedSets = new WeakMap<ProjectColumn[], FoldedColumn[]>();

function folded(columns: ProjectColumn[]): FoldedColumn[] {
  let set = foldedSets.get(columns);
  if (!set) {
    set = columns.map((column) => ({
      column,
      number: column.number === null ? null : normalizeText(column.number),
      aliases: column.aliases.map(normalizeText),
    }));
    foldedSets.set(columns, set);
  }
  return set;
}

/**
 * A quick refusal for the many texts of a sheet that name no column (names, notes, values): one native pattern per
 * layout that matches every label some column's number or alias could match (and a few more), so that only those go
 * through the per-column search below.
 */
const prefilters = new WeakMap<ProjectColumn[], RegExp>();

function mayNameColumn(label: string, columns: ProjectColumn[]): boolean {
  let pattern = prefilters.get(columns);
  if (!pattern) {
    const set = folded(columns);
    const numbers = set.flatMap((f) => (f.number === null ? [] : [escapeRegExp(f.number)]));
    const aliases = set.flatMap((f) => f.aliases.map(escapeRegExp));
    const parts = [
      ...(numbers.length ? [`^(?:${numbers.join("|")})(?![0-9])`] : []),
      ...(aliases.length ? [`(?:${aliases.join("|")})`] : []),
    ];
    pattern = new RegExp(parts.length ? parts.join("|") : "(?!)");
    prefilters.set(columns, pattern);
  }
  return pattern.test(label);
}

/** "3.1" names "3.1 生成熱量" but not "3.10 排出削減量": a column number must not run on into another digit. */
function numberMatches(label: string, number: string | null): boolean {
  return number !== null && label.startsWith(number) && !/[0-9]/.test(label.charAt(number.length));
}

function aliasMatches(label: string, f: FoldedColumn): boolean {
  return f.column.key === "no" ? f.aliases.includes(label) : f.aliases.some((a) => label.includes(a));
}

/**
 * Whether a folded header text names the column by its own words or symbol, not only by a number that another
 * methodology's layout shares ("3.1" is 生成熱量 in heat and 販売電力量 in power): the evidence for a layout.
 */
export function labelNamesColumn(label: string, column: ProjectColumn, columns: ProjectColumn[]): boolean {
  const f = folded(columns).find((x) => x.column === column);
  return f !== undefined && f.column.key !== "no" && aliasMatches(label, f);
}

/** The column a folded header text names: by its printed number first, then by its label or symbol. */
export function columnOfLabel(
  label: string,
  columns: ProjectColumn[] = HEAT_PROJECT_COLUMNS,
): ProjectColumn | undefined {
  if (label === "") return undefined;
  let known = columnsByLabel.get(columns);
  if (!known) columnsByLabel.set(columns, (known = new Map()));
  let column = known.get(label);
  if (column === undefined) {
    const set = folded(columns);
    column = !mayNameColumn(label, columns)
      ? null
      : ((set.find((f) => numberMatches(label, f.number)) ?? set.find((f) => aliasMatches(label, f)))
          ?.column ?? null);
    if (known.size >= COLUMNS_BY_LABEL_MAX) known.clear();
    known.set(label, column);
  }
  return column ?? undefined;
}

/** Each layout's answers by folded label: every sheet's header rows are searched once per layout and per run. */
const columnsByLabel = new WeakMap<ProjectColumn[], Map<string, ProjectColumn | null>>();
const COLUMNS_BY_LABEL_MAX = 50_000;
