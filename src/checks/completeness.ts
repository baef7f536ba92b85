// A submission complete in its parts (form.*): each declared part present and filled, at the place it should be; and
// the period facts that only a complete row shows (period.missing, 運転開始, the name's (yyyy年度), 5.1 ≤ 5.2).
import { fiscalYearOfDate, normalizeText, parseDateCell } from "../numbers";
import { findMethodology, getMethodology } from "../methodology";
import type { MethodologyDeclaration } from "../methodology";
import type { CellRef, Finding, Grid } from "../types";
import { SHEET_NAMES, projectColumns } from "../forms/layout";
import type { ProjectColumn } from "../forms/layout";
import { SHEET_PARTS, formPart } from "../forms/parts";
import type { FormPart } from "../forms/parts";
import type { AttachmentBlock, ProjectList, ProjectRow, Submission } from "../forms/submission";
import { at, finding } from "./finding";
import { editDistance, facilityKey, fiscalYearInName } from "../forms/names";
import { shortened } from "../text";

/** The methodology the rows are read under (the 1.3 tick; without one, the heat default the other checks use). */
function declarationOf(s: Submission): MethodologyDeclaration {
  return (s.methodology.code ? findMethodology(s.methodology.code) : undefined) ?? getMethodology("H002-2");
}

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

function headerRef(list: ProjectList): CellRef {
  return { sheet: list.sheet, row: list.headerRow, col: Math.min(...Object.values(list.columns)) };
}

/** Where a missing sheet should be: a sheet of its name (empty of the part), else 別紙1's header, else the plan. */
function missingSheetRef(part: FormPart, s: Submission, grid: Grid): CellRef {
  const named = grid.sheets.find((g) => g.name === SHEET_NAMES[part.sheet]);
  if (named) return { sheet: named.name, row: named.origin.row, col: named.origin.col };
  if (s.projectList) return headerRef(s.projectList);
  const plan = s.places.sheets["sheet:plan"];
  return plan ?? { sheet: grid.sheets[0]?.name ?? "", row: 0, col: 0 };
}

/** What a missing sheet takes with it, said with the finding. */
const CONSEQUENCES: Record<string, { ja: string; en: string }> = {
  "sheet:plan": {
    ja: "1.3 の方法論のチェック、1.5 の認証申請期間、1.4・2.2 の記載が読めないため、方法論は確定できません",
    en: "without it the 1.3 methodology tick, the 1.5 period and the 1.4/2.2 text cannot be read, and the methodology is not determined",
  },
  "sheet:attachment": {
    ja: "施設ごとのモニタリング方法・計量体制がありません",
    en: "no facility's monitoring method or metering structure is given",
  },
  "sheet:allocationPlan": {
    ja: "削減相当量の配分と保有予定者・帰属先がありません",
    en: "the allocation of the tonnes, the planned holders and the attribution are not given",
  },
};

/** form.sheet.missing: each sheet the methodology requires is found (別紙1 itself: form.noFacilities). */
function checkSheets(s: Submission, grid: Grid, m: MethodologyDeclaration): Finding[] {
  return SHEET_PARTS.filter(
    (p) => p.id !== "sheet:projectList" && p.required(m) && s.places.sheets[p.id] === null,
  ).map((p) => {
    const ref = missingSheetRef(p, s, grid);
    const then = CONSEQUENCES[p.id];
    return finding(
      "form.sheet.missing",
      ref,
      {
        ja: `${p.what.ja} が見つかりません（${then.ja}）。提出書類に含めてください（${at(ref)} に示します）。`,
        en: `${p.what.en} is not found: ${then.en}. Include it in the submission (shown at ${at(ref)}).`,
      },
      { expected: p.heading },
    );
  });
}

/** Above this many name comparisons, unmatched blocks are paired with unmatched rows by position only. */
const MAX_NAME_PAIRS = 10_000;

/**
 * form.attachment.missing: each facility of 別紙1 has its 別紙1添付 block. Blocks are paired with rows by name
 * (folded; a misspelling is the closest name, and identity.facilityName.attachment says it differs), then by
 * position; the rows left over have none.
 */
function checkAttachmentBlocks(s: Submission, list: ProjectList): Finding[] {
  if (s.places.sheets["sheet:attachment"] === null) return []; // the whole sheet: form.sheet.missing
  const blocks = s.attachments;
  if (blocks.length >= list.rows.length) return [];
  const nameOf = (r: ProjectRow) => facilityKey(r.text.facilityName?.value ?? "");
  const blockName = (b: AttachmentBlock) => facilityKey(b.facilityName?.value ?? "");
  const freeRows = new Set(list.rows.map((_, i) => i));
  const freeBlocks = new Set(blocks.map((_, j) => j));
  const byName = new Map<string, number[]>();
  blocks.forEach((b, j) => {
    const name = blockName(b);
    if (name !== "") byName.set(name, [...(byName.get(name) ?? []), j]);
  });
  list.rows.forEach((r, i) => {
    const j = byName.get(nameOf(r))?.shift();
    if (j === undefined) return;
    freeRows.delete(i);
    freeBlocks.delete(j);
  });
  const rows = [...freeRows];
  const rest = [...freeBlocks];
  const pairs: { i: number; j: number; cost: number }[] = [];
  if (rows.length * rest.length <= MAX_NAME_PAIRS) {
    for (const i of rows)
      for (const j of rest) {
        const a = nameOf(list.rows[i]);
        const b = blockName(blocks[j]);
        // named both: by how far the names are; otherwise by how far the positions are, after every named pair
        const cost = a !== "" && b !== "" ? editDistance(a, b) : 1e6 + Math.abs(i - j);
        pairs.push({ i, j, cost });
      }
    pairs.sort((x, y) => x.cost - y.cost || x.i - y.i);
    for (const { i, j } of pairs) {
      if (!freeRows.has(i) || !freeBlocks.has(j)) continue;
      freeRows.delete(i);
      freeBlocks.delete(j);
    }
  } else {
    rows.slice(0, rest.length).forEach((i) => freeRows.delete(i));
  }
  const what = formPart("attachment:block").what;
  return [...freeRows].map((i) => {
    const row = list.rows[i];
    const field = row.text.facilityName;
    const ref = field?.ref ?? Object.values(row.text)[0]?.ref ?? headerRef(list);
    const name = field?.value ? shortened(field.value) : `${i + 1}`;
    return finding(
      "form.attachment.missing",
      ref,
      {
        ja: `別紙1 ${at(ref)} の施設「${name}」に対応する${what.ja}がありません（別紙1添付 に施設ごとに 1 つ、熱設備名称・計量体制・モニタリング方法を記載してください）。`,
        en: `Facility "${name}" of 別紙1 (${at(ref)}) has no 別紙1添付 block (${what.en}): give one per facility, with its name, metering structure and monitoring methods.`,
      },
      { expected: formPart("attachment:block").heading, actual: "" },
    );
  });
}

/** period.missing: 1.5's start and end dates are given (an unreadable one is period.unreadable). */
function checkPeriodGiven(s: Submission): Finding[] {
  // the reader reads 1.5 beside the 1.3 table: without one (no plan sheet, or a plan without 1.3) it did not look
  if (s.methodology.tableRef === null) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const [key, label] of [
    ["start", "開始日"],
    ["end", "終了日"],
  ] as const) {
    const field = s.period[key];
    if (field && field.reading.kind !== "empty") continue;
    const ref =
      field?.ref ?? s.places.periodCells[key] ?? s.places.periodHeading ?? s.places.sheets["sheet:plan"];
    if (!ref) continue;
    const id = at(ref);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(
      finding("period.missing", ref, {
        ja: `1.5 認証申請期間の${label}が空欄です（${id}）。${label}を入力してください（別紙1 の 5.1・5.2 はこの期間と照合します）。`,
        en: `The ${key} date of the 1.5 certification period is blank (${id}): enter it (別紙1's 5.1 and 5.2 are checked against this period).`,
      }),
    );
  }
  return out;
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

/** The checks of one 別紙1 row: required cells, grid connection, 運転開始, (yyyy年度), 5.1 ≤ 5.2. */
function checkRow(
  row: ProjectRow,
  i: number,
  columns: ProjectColumn[],
  m: MethodologyDeclaration,
  s: Submission,
): Finding[] {
  const out: Finding[] = [];
  const facility = rowName(row, i);
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
  if (m.form.noGridConnection) {
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
  }
  const end = s.period.end?.reading;
  const started = row.text.operationStart;
  if (started?.value && end?.kind === "date") {
    const reading = parseDateCell(started.raw);
    if (reading.kind === "date" && reading.serial > end.serial) {
      const endText = `${end.year}-${String(end.month).padStart(2, "0")}-${String(end.day ?? 1).padStart(2, "0")}`;
      out.push(
        finding(
          "period.operationStart.afterPeriod",
          started.ref,
          {
            ja: `${at(started.ref)} の 1.5 運転開始（予定）年月日「${shortened(started.value)}」が認証申請期間の終了日 ${endText} より後です。期間中に運転していない施設の実績は申請できません。`,
            en: `${at(started.ref)}: the 1.5 operation start "${shortened(started.value)}" is after the end of the certification period, ${endText}: a facility not running in the period has no results to claim.`,
          },
          { expected: `≤ ${endText}`, actual: shortened(started.value) },
        ),
      );
    }
  }
  const name = row.text.facilityName;
  if (name?.value && !fiscalYearInName(name.value)) {
    const start = s.period.start?.reading;
    const fiscal = start?.kind === "date" ? `${fiscalYearOfDate(start.year, start.month)}` : "yyyy";
    out.push(
      finding(
        "period.fiscalYearInName.missing",
        name.ref,
        {
          ja: `${at(name.ref)} の設備名称「${shortened(name.value)}」に (${fiscal}年度) がありません。別紙1 の 1.1 は「設備名称 (${fiscal}年度)」と記載します。`,
          en: `${at(name.ref)}: the facility name "${shortened(name.value)}" carries no (${fiscal}年度); 別紙1's 1.1 is written "name (${fiscal}年度)".`,
        },
        { expected: `(${fiscal}年度)`, actual: shortened(name.value) },
      ),
    );
  }
  const from = row.dates.startDate?.reading;
  const to = row.dates.endDate;
  if (from?.kind === "date" && to?.reading.kind === "date" && from.serial > to.reading.serial) {
    const startRef = (row.dates.startDate as NonNullable<typeof row.dates.startDate>).ref;
    out.push(
      finding("period.row.order", to.ref, {
        ja: `${at(to.ref)} の 5.2 終了予定日が ${at(startRef)} の 5.1 開始日より前です。`,
        en: `${at(to.ref)}: the 5.2 end date is before the 5.1 start date at ${at(startRef)}.`,
      }),
    );
  }
  return out;
}

export function checkCompleteness(submission: Submission, grid: Grid): Finding[] {
  const m = declarationOf(submission);
  const out = checkSheets(submission, grid, m);
  const list = submission.projectList;
  // a form with no facility row is reported once (form.noFacilities); its blank cells are reported once it has one
  if (!list || list.rows.length === 0) return out;
  out.push(...checkAttachmentBlocks(submission, list), ...checkPeriodGiven(submission));
  const columns = projectColumns(m);
  for (const l of [list, ...submission.otherProjectLists])
    l.rows.forEach((row, i) => out.push(...checkRow(row, i, columns, m, submission)));
  return out;
}
