// A submission complete in its parts (form.*): each declared part present and filled, at the place it should be; and
// the period facts that only a complete row shows (period.missing, 運転開始, the name's (yyyy年度), 5.1 ≤ 5.2).
// Each row's cells: ./completeness/rows.ts.
import { findMethodology, getMethodology } from "../../methodology";
import type { MethodologyDeclaration } from "../../methodology";
import type { CellRef, Finding, Grid } from "../../types";
import { SHEET_NAMES, projectColumns } from "../../forms/layout";
import { SHEET_PARTS, formPart } from "../../forms/parts";
import type { FormPart } from "../../forms/parts";
import type { AttachmentBlock, ProjectList, ProjectRow, Submission } from "../../forms/submission";
import { at, reporter } from "../finding";
import { editDistance, facilityKey } from "../../forms/names";
import { shortened } from "../../text";
import type { RuleMeta, RuleModule } from "../rule";
import { ROW_COMPLETENESS_RULES, checkRow, completenessRule } from "./completeness/rows";

export const COMPLETENESS_RULES: RuleMeta[] = [
  completenessRule(
    "form.sheet.missing",
    10,
    "error",
    "提出書類のシート（様式3-2 本体、別紙1添付、別紙2）が見つからない。",
    "A sheet of the submission (the 様式3-2 plan sheet, 別紙1添付, 別紙2) is not found.",
  ),
  completenessRule(
    "form.attachment.missing",
    10,
    "error",
    "別紙1 の施設に対応する別紙1添付のブロックがない（別紙1 のその施設の 1.1 のセルに示す）。",
    "A facility of 別紙1 has no 別紙1添付 block (shown at that facility's 1.1 cell in 別紙1).",
  ),
  completenessRule(
    "period.missing",
    2,
    "error",
    "1.5 認証申請期間の開始日・終了日が空欄。",
    "A 1.5 start or end date is blank.",
  ),
];

const { finding } = reporter(COMPLETENESS_RULES);

/** The methodology the rows are read under (the 1.3 tick; without one, the heat default the other checks use). */
function declarationOf(s: Submission): MethodologyDeclaration {
  return (s.methodology.code ? findMethodology(s.methodology.code) : undefined) ?? getMethodology("H002-2");
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

export const completenessModule: RuleModule = {
  metas: [...COMPLETENESS_RULES, ...ROW_COMPLETENESS_RULES],
  check: ({ submission, grid }) => checkCompleteness(submission, grid),
};
