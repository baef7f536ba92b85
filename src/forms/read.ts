// Finds the 様式3-2 tables by their labels, wherever they sit, and reads them into a Submission.
import { normalizeText } from "../numbers";
import { METHODOLOGIES, methodologyCodes } from "../methodology";
import type { MethodologyDeclaration } from "../methodology";
import type { CellRef, Finding, Grid } from "../types";
import { CHECKED_MARKS, projectColumns } from "./layout";
import { SheetView, isHiddenSheet } from "./sheet";
import { readPlanTables } from "./readTables";
import { readAttachments } from "./attachment";
import { readAllocation } from "./allocation";
import { readMonitoringSheet } from "./monitoring";
import { readPlan } from "./plan";
import { PERIOD_LABELS, periodLabel, readPlaces } from "./places";
import { dateField } from "./cellFields";
import { findHeaders, listKeys, readProjectList } from "./projectListRead";
import { layoutReadings, resolveMethodology } from "./layoutResolve";
import type { LayoutReading } from "./layoutResolve";
import type {
  AllocationBlock,
  AttachmentBlock,
  FuelStatement,
  SymbolTable,
  DateField,
  ProjectList,
  ResolvedMethodology,
  Submission,
} from "./submission";

const checkedMarks = new Set(CHECKED_MARKS.map((m) => normalizeText(m)));

function readMethodology(sheet: SheetView): Omit<Submission["methodology"], "resolved"> | null {
  const known = new Set(methodologyCodes());
  const codes = sheet.find((label) => known.has(label));
  if (codes.length < 3) return null;
  const checked: { code: string; ref: ReturnType<SheetView["ref"]> }[] = [];
  for (const hit of codes) {
    const code = METHODOLOGIES.find((m) => normalizeText(m.code) === sheet.label(hit.row, hit.col))?.code;
    if (!code) continue;
    for (let c = Math.max(sheet.left, hit.col - 3); c < hit.col; c++) {
      const v = sheet.value(hit.row, c);
      if (v === true || (typeof v === "string" && checkedMarks.has(normalizeText(v)))) {
        checked.push({ code, ref: sheet.ref(hit.row, c) });
        break;
      }
    }
  }
  return {
    code: checked.length === 1 ? checked[0].code : null,
    checked,
    tableRef: sheet.ref(codes[0].row, codes[0].col),
  };
}

function readPeriod(sheet: SheetView): Submission["period"] {
  const at = (word: string): DateField | null => {
    const hit = periodLabel(sheet, word);
    if (!hit) return null;
    const right = sheet.valueRightOf(hit.row, hit.col);
    return right ? dateField(sheet, hit.row, right.col) : null;
  };
  return { start: at(PERIOD_LABELS.start), end: at(PERIOD_LABELS.end) };
}

/** Where a list's header row starts, for a finding about the whole list. */
function headerRef(list: ProjectList): CellRef {
  return { sheet: list.sheet, row: list.headerRow, col: Math.min(...Object.values(list.columns)) };
}

/**
 * What the reader says about the lists it found beyond the one it reads: a second visible list (checked too) and
 * a list on a hidden sheet (not checked: it is not what the reader of the printed form sees).
 */
function projectListNotes(
  main: ProjectList,
  others: ProjectList[],
  hiddenLists: ProjectList[],
  grid: Grid,
): Finding[] {
  const notes: Finding[] = [];
  const mainHidden = grid.sheets.some((s) => s.name === main.sheet && isHiddenSheet(s));
  const kind = (name: string) => grid.sheets.find((s) => s.name === name)?.visibility === "veryHidden";
  if (mainHidden) {
    const ref = headerRef(main);
    notes.push({
      rule: "form.projectList.hidden",
      severity: "warning",
      ref,
      message: {
        ja: `別紙1 の事業リストは非表示のシート「${main.sheet}」${kind(main.sheet) ? "（VBA でしか再表示できない veryHidden）" : ""}にしかありません。このシートを検証しましたが、提出前に表示するか、表示されているシートに移してください。`,
        en: `The only 別紙1 project list is on the hidden sheet "${main.sheet}"${kind(main.sheet) ? " (veryHidden: only VBA shows it again)" : ""}. It was checked; unhide it or move it to a visible sheet before submitting.`,
      },
    });
  }
  for (const list of hiddenLists) {
    const ref = headerRef(list);
    notes.push({
      rule: "form.projectList.hidden",
      severity: "warning",
      ref,
      message: {
        ja: `非表示のシート「${list.sheet}」${kind(list.sheet) ? "（veryHidden）" : ""}にも別紙1 の事業リストがあります。検証したのは表示されているシート「${main.sheet}」です。古い版なら削除してください。`,
        en: `The hidden sheet "${list.sheet}"${kind(list.sheet) ? " (veryHidden)" : ""} also holds a 別紙1 project list. The visible sheet "${main.sheet}" is the one checked; delete the hidden one if it is an old version.`,
      },
    });
  }
  for (const list of others) {
    const ref = headerRef(list);
    notes.push({
      rule: "form.projectList.second",
      severity: "warning",
      ref,
      message: {
        ja: `シート「${list.sheet}」にも別紙1 の事業リストがあります（「${main.sheet}」に続く 2 つ目）。両方を検証しました。提出する別紙1 は 1 つにまとめてください。`,
        en: `Sheet "${list.sheet}" holds a second 別紙1 project list (after "${main.sheet}"). Both were checked; submit a single 別紙1.`,
      },
    });
  }
  return notes;
}

/** The error for a workbook that is not a 様式3-2: neither the 1.3 methodology table nor a 別紙1 list was found. */
function notRecognizedNote(grid: Grid): Finding {
  return {
    rule: "form.notRecognized",
    severity: "error",
    ref: { sheet: grid.sheets[0]?.name ?? "", row: 0, col: 0 },
    message: {
      ja: "様式3-2 のブックとして認識できません（1.3 方法論の表も別紙1 の事業リストも見つかりません）。",
      en: "This workbook is not recognised as a Form 3-2 (neither the 1.3 methodology table nor the 別紙1 project list was found).",
    },
  };
}

/** The 1.3 methodology table (without its resolution) as the plan sheet gives it. */
type MethodologyTable = Omit<Submission["methodology"], "resolved">;

/** The plan sheet: the first sheet with the 1.3 methodology table, read with the 実施期間 beside it. */
function readPlanSheet(sheets: SheetView[]): {
  methodology: MethodologyTable;
  period: Submission["period"];
  planSheet: SheetView | null;
} {
  for (const sheet of sheets) {
    const m = readMethodology(sheet);
    if (m) return { methodology: m, period: readPeriod(sheet), planSheet: sheet };
  }
  return {
    methodology: { code: null, checked: [], tableRef: null },
    period: { start: null, end: null },
    planSheet: null,
  };
}

/** The warning for a single 1.3 tick whose 別紙1 has another layout's columns (the list is read by its headers). */
function layoutMismatchNote(
  methodology: MethodologyTable,
  resolved: ResolvedMethodology,
  reading: LayoutReading | null,
): Finding | null {
  const tick = methodology.checked.length === 1 ? methodology.checked[0] : null;
  if (!tick || resolved.source !== "headers" || !reading) return null;
  const list = reading.visible[0] ?? reading.hidden[0];
  const listSheet = list.sheet.name;
  return {
    rule: "methodology.layout.mismatch",
    severity: "warning",
    ref: tick.ref,
    message: {
      ja: `1.3 では ${tick.code} にチェックがありますが、別紙1（${listSheet}）の列は ${resolved.declaration.name.ja} などの様式です。別紙1 はその列で読み、検証しました。チェックか別紙1 の様式のどちらかを直してください。`,
      en: `1.3 ticks ${tick.code}, but 別紙1 (${listSheet}) has the columns of ${resolved.declaration.name.en} and similar methodologies. 別紙1 was read and checked with those columns; correct either the tick or the 別紙1 layout.`,
    },
    expected: tick.code,
    actual: resolved.declaration.code,
  };
}

/**
 * The 別紙1 lists of the layout the methodology was decided by: the first visible one (else the first hidden one) is
 * the list, further visible ones are checked too, and the reader's notes name them and the hidden ones.
 */
function readProjectLists(
  reading: LayoutReading | null,
  grid: Grid,
): { projectList: ProjectList | null; otherProjectLists: ProjectList[]; notes: Finding[] } {
  if (!reading) return { projectList: null, otherProjectLists: [], notes: [] };
  const { columns, keys } = reading.candidate;
  const visibleLists = reading.visible.map((h) => readProjectList(h, columns, keys));
  const hiddenLists = reading.hidden.map((h) => readProjectList(h, columns, keys));
  const projectList = visibleLists[0] ?? hiddenLists[0];
  const otherProjectLists = visibleLists.slice(1);
  const notes = projectListNotes(
    projectList,
    otherProjectLists,
    visibleLists.length ? hiddenLists : hiddenLists.slice(1),
    grid,
  );
  return { projectList, otherProjectLists, notes };
}

/** The parts read sheet by sheet: the first 別紙2 and the first plan tables found, and every 別紙1添付 block. */
function readSheetParts(sheets: SheetView[]): {
  allocationPlan: AllocationBlock[];
  symbolTables: SymbolTable[];
  fuelStatements: FuelStatement[];
  attachments: AttachmentBlock[];
} {
  let allocationPlan: AllocationBlock[] = [];
  let symbolTables: SymbolTable[] = [];
  let fuelStatements: FuelStatement[] = [];
  const attachments: AttachmentBlock[] = [];
  for (const sheet of sheets) {
    if (allocationPlan.length === 0) allocationPlan = readAllocation(sheet);
    if (symbolTables.length === 0) ({ tables: symbolTables, fuelStatements } = readPlanTables(sheet));
    attachments.push(...readAttachments(sheet));
  }
  return { allocationPlan, symbolTables, fuelStatements, attachments };
}

/** Reads every sheet of the workbook; a part found on any sheet counts, whatever the sheet is called. */
export function readSubmission(grid: Grid): Submission {
  const sheets = grid.sheets.map((s) => new SheetView(s));
  const notes: Finding[] = [];
  const { methodology, period, planSheet } = readPlanSheet(sheets);
  const { resolved, reading } = resolveMethodology(
    methodology.checked.map((c) => c.code),
    layoutReadings(sheets),
  );
  const mismatch = layoutMismatchNote(methodology, resolved, reading);
  if (mismatch) notes.push(mismatch);
  const lists = readProjectLists(reading, grid);
  const { projectList, otherProjectLists } = lists;
  notes.push(...lists.notes);
  const { allocationPlan, symbolTables, fuelStatements, attachments } = readSheetParts(sheets);
  const recognized = projectList !== null || methodology.tableRef !== null;
  if (!recognized) notes.push(notRecognizedNote(grid));
  return {
    recognized,
    methodology: { ...methodology, resolved },
    period,
    projectList,
    otherProjectLists,
    allocationPlan,
    symbolTables,
    fuelStatements,
    attachments,
    monitoring: sheets.flatMap(readMonitoringSheet),
    plan: readPlan(sheets, methodology, symbolTables),
    places: readPlaces(sheets, planSheet, {
      methodology: { ...methodology, resolved },
      projectList,
      attachments,
      allocationPlan,
    }),
    notes,
  };
}

/**
 * The facility list of a registered plan (様式1-2): its 別紙1 事業リスト (計画) has the 1.x columns and none of the
 * 実績 quantities, so its header is found by the facility names; what it holds (3.4 CEF, 3.5 ε where the plan gives
 * them) is read like a 実績 row. The sheets Excel shows come first, in tab order.
 */
export function readPlannedProjectList(grid: Grid, declaration: MethodologyDeclaration): ProjectList | null {
  const sheets = grid.sheets.map((s) => new SheetView(s));
  const ordered = [
    ...sheets.filter((s) => !isHiddenSheet(s.grid)),
    ...sheets.filter((s) => isHiddenSheet(s.grid)),
  ];
  const columns = projectColumns(declaration);
  const found = findHeaders(ordered, columns, ["facilityName"])[0];
  return found ? readProjectList(found, columns, listKeys(declaration)) : null;
}
