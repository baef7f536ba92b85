// The 様式3-2 forms' layout as data (DOMAIN.md §6): sheet names, 別紙1 columns and the labels the reader accepts.
import { normalizeText } from "../numbers";
import { powerQuantities } from "../methodology/power";

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
}

/** 別紙1 (heat) columns in form order. */
export const HEAT_PROJECT_COLUMNS: ProjectColumn[] = [
  { key: "no", number: null, label: "No.", aliases: ["no.", "no", "番号"], kind: "text" },
  { key: "approvalNumber", number: null, label: "承認番号", aliases: ["承認番号"], kind: "text" },
  {
    key: "facilityName",
    number: "1.1",
    label: "1.1 熱設備名称",
    aliases: ["熱設備名称", "設備名称"],
    kind: "text",
  },
  {
    key: "address",
    number: "1.2",
    label: "1.2 熱設備所在地",
    aliases: ["熱設備所在地", "所在地"],
    kind: "text",
  },
  { key: "model", number: "1.3", label: "1.3 型式", aliases: ["型式"], kind: "text" },
  { key: "capacity", number: "1.4", label: "1.4 設備容量", aliases: ["設備容量"], kind: "text" },
  {
    key: "operationStart",
    number: "1.5",
    label: "1.5 運転開始（予定）年月日",
    aliases: ["運転開始"],
    kind: "text",
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
  },
  {
    key: "totalHeat",
    number: "※1",
    label: "※1 申請期間における全生成熱量 (MJ_HHV)",
    aliases: ["申請期間における全生成熱量", "全生成熱量"],
    kind: "number",
  },
  { key: "qBl", number: "3.1", label: "3.1 生成熱量 Q_BL (MJ_HHV)", aliases: ["qbl"], kind: "number" },
  {
    key: "ePs",
    number: "3.2",
    label: "3.2 補機消費電力量 E_PS (kWh)",
    aliases: ["eps(kwh)", "補機消費電力量"],
    kind: "number",
  },
  {
    key: "qWb",
    number: "3.3",
    label: "3.3 生成熱量から補機消費電力量を一次エネルギー換算した値を除いた熱量 Q_WB (MJ_HHV)",
    aliases: ["qwb"],
    kind: "number",
  },
  {
    key: "cefFuel",
    number: "3.4",
    label: "3.4 代替される燃料の単位発熱量当たりの二酸化炭素排出係数 CEF_fuel,BL (kgCO2/MJ_HHV)",
    aliases: ["ceffuel,bl", "ceffuel"],
    kind: "number",
  },
  {
    key: "epsBl",
    number: "3.5",
    label: "3.5 代替される熱源設備のエネルギー消費効率 ε_BL (%)",
    aliases: ["εbl", "ϵbl"],
    kind: "ratio",
  },
  {
    key: "fB",
    number: "3.6",
    label: "3.6 バイオマス燃料 F_B (MJ)",
    aliases: ["fb(mj)", "バイオマス燃料"],
    kind: "number",
  },
  {
    key: "fT",
    number: "3.7",
    label: "3.7 燃料合計 F_T (MJ)",
    aliases: ["ft(mj)", "燃料合計"],
    kind: "number",
  },
  {
    key: "sB",
    number: "3.8",
    label: "3.8 バイオマス比率 S_B (%)",
    aliases: ["sb(%)", "バイオマス比率"],
    kind: "ratio",
  },
  {
    key: "emissionFactor",
    number: "3.9",
    label: "3.9 二酸化炭素排出係数 CEF_electricity,t (kgCO2/kWh)",
    aliases: ["cefelectricity"],
    kind: "number",
  },
  { key: "emKg", number: "3.10", label: "3.10 排出削減量 EM_WB (kgCO2)", aliases: ["emwb"], kind: "number" },
  {
    key: "emT",
    number: "3.11",
    label: "3.11 排出削減量 (tCO2)",
    aliases: ["排出削減量(tco2)"],
    kind: "number",
  },
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
 * 別紙1 (power) columns: 1.x, 2., 4.x and 5.x as the heat form (設備 named 発電設備), and the power quantities as 3.x.
 * [open] Beyond 3.1 販売電力量 and 3.6 排出削減量 (tCO2), which the 別紙2 note names, the 3.x block is this project's
 * reading of DOMAIN.md §2 (EPG, EPA, CEF_electricity,t, EMP), the same declarations the power formulas use.
 */
export const POWER_PROJECT_COLUMNS: ProjectColumn[] = (() => {
  const common = HEAT_PROJECT_COLUMNS.filter((c) => !/^(3\.|※)/.test(c.number ?? "")).map((c) =>
    c.key === "facilityName"
      ? { ...c, label: "1.1 発電設備名称", aliases: ["発電設備名称", "設備名称"] }
      : c.key === "address"
        ? { ...c, label: "1.2 発電設備所在地", aliases: ["発電設備所在地", "所在地"] }
        : c,
  );
  const quantities: ProjectColumn[] = powerQuantities.map((q) => ({
    key: q.key,
    number: q.column ?? null,
    label: `${q.column ?? ""} ${q.label.ja} ${q.symbol} (${q.unit})`.trim(),
    // "EM" alone would match too much; the tonnes column is named by its unit
    aliases: q.key === "emT" ? ["排出削減量(tco2)"] : [normalizeText(q.symbol)],
    kind: "number",
  }));
  const at = common.findIndex((c) => c.key === "monitoringResponsible");
  return [...common.slice(0, at), ...quantities, ...common.slice(at)];
})();

/** The 別紙1 columns of a methodology kind. */
export function projectColumns(kind: "heat" | "power"): ProjectColumn[] {
  return kind === "heat" ? HEAT_PROJECT_COLUMNS : POWER_PROJECT_COLUMNS;
}

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

/** "3.1" names "3.1 生成熱量" but not "3.10 排出削減量": a column number must not run on into another digit. */
function numberMatches(label: string, number: string | null): boolean {
  return number !== null && label.startsWith(number) && !/[0-9]/.test(label.charAt(number.length));
}

function aliasMatches(label: string, f: FoldedColumn): boolean {
  return f.column.key === "no" ? f.aliases.includes(label) : f.aliases.some((a) => label.includes(a));
}

/** The column a folded header text names: by its printed number first, then by its label or symbol. */
export function columnOfLabel(
  label: string,
  columns: ProjectColumn[] = HEAT_PROJECT_COLUMNS,
): ProjectColumn | undefined {
  if (label === "") return undefined;
  const set = folded(columns);
  return (set.find((f) => numberMatches(label, f.number)) ?? set.find((f) => aliasMatches(label, f)))?.column;
}
