// Rules on each 別紙1 facility row (families 10 and 2): its required cells filled, its grid connection stated, 運転開始
// within the period, the name's (yyyy年度) given, 5.1 ≤ 5.2.
import { fiscalYearOfDate, normalizeText, parseDateCell } from "../../../numbers";
import { METHODOLOGIES } from "../../../methodology";
import type { MethodologyDeclaration } from "../../../methodology";
import type { CellRef, Finding } from "../../../types";
import { projectColumns } from "../../../forms/layout";
import type { ProjectColumn } from "../../../forms/layout";
import type { ProjectRow, Submission } from "../../../forms/submission";
import { at, reporter } from "../../finding";
import { fiscalYearInName } from "../../../forms/names";
import { shortened } from "../../../text";
import type { RuleMeta } from "../../rule";

/** The required 別紙1 columns as the forms number them, for the rule's description: read from the declaration. */
function requiredColumnNumbers(): string {
  const numbers: string[] = [];
  for (const m of METHODOLOGIES)
    for (const c of projectColumns(m))
      if (c.required && c.number !== null && !numbers.includes(c.number)) numbers.push(c.number);
  return numbers.join("、");
}

export const completenessRule = (
  id: string,
  family: 2 | 10,
  severity: RuleMeta["severity"],
  ja: string,
  en: string,
): RuleMeta => ({ id, family, severity, fixable: false, description: { ja, en } });

export const ROW_COMPLETENESS_RULES: RuleMeta[] = [
  completenessRule(
    "form.projectList.blank",
    10,
    "error",
    `別紙1 の施設の行で必須の列（${requiredColumnNumbers()}）が空欄。`,
    `A required cell of a 別紙1 facility row (${requiredColumnNumbers().replace(/、/g, ", ")}) is blank.`,
  ),
  completenessRule(
    "form.projectList.gridConnection",
    10,
    "warning",
    "系統に接続しない方法論（熱）の行で 1.6 が「系統」、または 1.7 に受電地点特定番号がある。",
    "On a row of a methodology without grid connection (heat), 1.6 says 系統 or 1.7 holds a metering point number.",
  ),
  completenessRule(
    "period.operationStart.afterPeriod",
    2,
    "error",
    "別紙1 の 1.5 運転開始（予定）年月日が認証申請期間の終了日より後。",
    "A 別紙1 1.5 operation start lies after the end of the certification period.",
  ),
  completenessRule(
    "period.fiscalYearInName.missing",
    2,
    "warning",
    "別紙1 の設備名称に (yyyy年度) がない。",
    "A 別紙1 facility name carries no (yyyy年度).",
  ),
  completenessRule(
    "period.row.order",
    2,
    "error",
    "別紙1 の行の 5.1 開始日が 5.2 終了予定日より後。",
    "A 別紙1 row's 5.1 start date is after its 5.2 end date.",
  ),
];

const { finding } = reporter(ROW_COMPLETENESS_RULES);

/** Texts that leave a cell as good as blank: nothing, or only a dash. */
function isBlankText(value: string | null): boolean {
  if (value === null) return true;
  const folded = normalizeText(value);
  return folded === "" || /^[-—―‐－ー–]+$/.test(folded);
}

/** Not blank, and not one of the forms' words for "none" (1.7's "—", なし, 該当なし). */
function holdsSomething(value: string | null): boolean {
  return (
    !isBlankText(value) && !["なし", "無し", "該当なし", "n/a", "na"].includes(normalizeText(value ?? ""))
  );
}

/** The row's field of a column, and whether it is blank. */
function blankOf(row: ProjectRow, column: ProjectColumn): { ref: CellRef; blank: boolean } | null {
  const text = row.text[column.key];
  if (text) return { ref: text.ref, blank: isBlankText(text.value) };
  const number = row.numbers[column.key];
  if (number) return { ref: number.ref, blank: number.reading.kind === "empty" };
  const date = row.dates[column.key];
  if (date) return { ref: date.ref, blank: date.reading.kind === "empty" };
  return null;
}

function rowName(row: ProjectRow, i: number): string {
  const name = row.text.facilityName?.value;
  return name ? shortened(name) : `${i + 1}`;
}

/** form.projectList.blank: the row's required cells (by the methodology's columns) that are blank. */
function blankRequired(row: ProjectRow, facility: string, columns: ProjectColumn[]): Finding[] {
  const out: Finding[] = [];
  for (const column of columns) {
    if (!column.required) continue;
    const cell = blankOf(row, column);
    if (!cell || !cell.blank) continue;
    out.push(
      finding("form.projectList.blank", cell.ref, {
        ja: `${at(cell.ref)}（${column.label}）が空欄です。施設「${facility}」の${column.label}を入力してください。`,
        en: `${at(cell.ref)} (${column.label}) is blank: enter it for facility "${facility}".`,
      }),
    );
  }
  return out;
}

/** form.projectList.gridConnection: a facility with no grid connection (self-consumed) names the grid in 1.6 or a
 *  metering point in 1.7. */
function gridConnection(row: ProjectRow, m: MethodologyDeclaration): Finding[] {
  if (!m.form.noGridConnection) return [];
  const out: Finding[] = [];
  const grid = row.text.gridOrSelf;
  if (grid?.value && normalizeText(grid.value).includes("系統")) {
    out.push(
      finding(
        "form.projectList.gridConnection",
        grid.ref,
        {
          ja: `${at(grid.ref)} の 1.6 が「${shortened(grid.value)}」です。${m.code} の設備は系統に接続しないため（${m.form.facility.ja}の自家消費）、1.6 は「自家消費」です。`,
          en: `${at(grid.ref)}: 1.6 reads "${shortened(grid.value)}", but ${m.code}'s facilities have no grid connection (${m.form.facility.en}, used on site): 1.6 is 自家消費.`,
        },
        { expected: "自家消費", actual: shortened(grid.value) },
      ),
    );
  }
  const point = row.text.meteringPoint;
  if (point && holdsSomething(point.value)) {
    out.push(
      finding(
        "form.projectList.gridConnection",
        point.ref,
        {
          ja: `${at(point.ref)} の 1.7 に受電地点特定番号「${shortened(point.value)}」があります。${m.code} の設備は系統に接続しないため、1.7 は「—」です。`,
          en: `${at(point.ref)}: 1.7 holds a metering point number "${shortened(point.value)}", but ${m.code}'s facilities have no grid connection: 1.7 is "—".`,
        },
        { expected: "—", actual: shortened(point.value) },
      ),
    );
  }
  return out;
}

/** period.operationStart.afterPeriod: 1.5 運転開始 after the certification period ends. */
function operationStartAfterPeriod(row: ProjectRow, s: Submission): Finding[] {
  const end = s.period.end?.reading;
  const started = row.text.operationStart;
  if (!started?.value || end?.kind !== "date") return [];
  const reading = parseDateCell(started.raw);
  if (reading.kind !== "date" || reading.serial <= end.serial) return [];
  const endText = `${end.year}-${String(end.month).padStart(2, "0")}-${String(end.day ?? 1).padStart(2, "0")}`;
  return [
    finding(
      "period.operationStart.afterPeriod",
      started.ref,
      {
        ja: `${at(started.ref)} の 1.5 運転開始（予定）年月日「${shortened(started.value)}」が認証申請期間の終了日 ${endText} より後です。期間中に運転していない施設の実績は申請できません。`,
        en: `${at(started.ref)}: the 1.5 operation start "${shortened(started.value)}" is after the end of the certification period, ${endText}: a facility not running in the period has no results to claim.`,
      },
      { expected: `≤ ${endText}`, actual: shortened(started.value) },
    ),
  ];
}

/** period.fiscalYearInName.missing: 1.1 設備名称 without its (yyyy年度). */
function fiscalYearMissing(row: ProjectRow, s: Submission): Finding[] {
  const name = row.text.facilityName;
  if (!name?.value || fiscalYearInName(name.value)) return [];
  const start = s.period.start?.reading;
  const fiscal = start?.kind === "date" ? `${fiscalYearOfDate(start.year, start.month)}` : "yyyy";
  return [
    finding(
      "period.fiscalYearInName.missing",
      name.ref,
      {
        ja: `${at(name.ref)} の設備名称「${shortened(name.value)}」に (${fiscal}年度) がありません。別紙1 の 1.1 は「設備名称 (${fiscal}年度)」と記載します。`,
        en: `${at(name.ref)}: the facility name "${shortened(name.value)}" carries no (${fiscal}年度); 別紙1's 1.1 is written "name (${fiscal}年度)".`,
      },
      { expected: `(${fiscal}年度)`, actual: shortened(name.value) },
    ),
  ];
}

/** period.row.order: 5.1 開始日 after 5.2 終了予定日. */
function rowDateOrder(row: ProjectRow): Finding[] {
  const start = row.dates.startDate;
  const from = start?.reading;
  const to = row.dates.endDate;
  if (!start || from?.kind !== "date" || to?.reading.kind !== "date" || from.serial <= to.reading.serial)
    return [];
  return [
    finding("period.row.order", to.ref, {
      ja: `${at(to.ref)} の 5.2 終了予定日が ${at(start.ref)} の 5.1 開始日より前です。`,
      en: `${at(to.ref)}: the 5.2 end date is before the 5.1 start date at ${at(start.ref)}.`,
    }),
  ];
}

/** The checks of one 別紙1 row: required cells, grid connection, 運転開始, (yyyy年度), 5.1 ≤ 5.2. */
export function checkRow(
  row: ProjectRow,
  i: number,
  columns: ProjectColumn[],
  m: MethodologyDeclaration,
  s: Submission,
): Finding[] {
  return [
    ...blankRequired(row, rowName(row, i), columns),
    ...gridConnection(row, m),
    ...operationStartAfterPeriod(row, s),
    ...fiscalYearMissing(row, s),
    ...rowDateOrder(row),
  ];
}
