// Finds the 様式3-2 tables by their labels, wherever they sit, and reads them into a Submission.
import { normalizeText, parseDateCell, parseNumberCell, parseRatioCell } from "../numbers";
import type { DateReading, NumberReading } from "../numbers";
import { METHODOLOGIES, methodologyCodes } from "../methodology";
import type { MethodologyDeclaration } from "../methodology";
import type { CellRef, CellValue, Finding, Grid } from "../types";
import { CHECKED_MARKS, columnOfLabel, labelNamesColumn, projectColumns } from "./layout";
import type { ProjectColumn } from "./layout";
import { SheetView, isHiddenSheet } from "./sheet";
import { readPlanTables } from "./readTables";
import { readAttachments } from "./attachment";
import { readAllocation } from "./allocation";
import { readMonitoringSheet } from "./monitoring";
import { readPlan } from "./plan";
import { PERIOD_LABELS, periodLabel, readPlaces } from "./places";
import type {
  AllocationBlock,
  AttachmentBlock,
  FuelStatement,
  SymbolTable,
  DateField,
  NumberField,
  ProjectList,
  ProjectRow,
  ResolvedMethodology,
  Submission,
  TextField,
} from "./submission";

/** A 別紙1 layout and the registered methodologies that share it (the heat ones, the power ones, …). */
interface LayoutCandidate {
  columns: ProjectColumn[];
  declarations: MethodologyDeclaration[];
  keys: ListKeys;
}

/**
 * The columns a methodology's 別紙1 is found and read by, as its declaration names them: the row's anchor (3.1 in
 * heat), the certified tonnes (R6 sums them) and the quantities the tonnes are computed from (the kg).
 */
interface ListKeys {
  anchorKey: string;
  tonnesKey: string;
  /** A 別紙1 (実績) header names one of these: the anchor, the tonnes or what they come from. */
  anchors: string[];
}

function listKeys(declaration: MethodologyDeclaration): ListKeys {
  const { anchorKey, tonnesKey } = declaration.form;
  const tonnes = declaration.quantities.find((q) => q.key === tonnesKey);
  return { anchorKey, tonnesKey, anchors: [anchorKey, tonnesKey, ...(tonnes?.expr?.keys() ?? [])] };
}

/** The distinct 別紙1 layouts of the registered methodologies, in registry order. */
function layoutCandidates(): LayoutCandidate[] {
  const out: { key: unknown; facility: string; candidate: LayoutCandidate }[] = [];
  for (const m of METHODOLOGIES) {
    const same = out.find((o) => o.key === m.quantities && o.facility === m.form.facility.ja);
    if (same) same.candidate.declarations.push(m);
    else
      out.push({
        key: m.quantities,
        facility: m.form.facility.ja,
        candidate: { columns: projectColumns(m), declarations: [m], keys: listKeys(m) },
      });
  }
  return out.map((o) => o.candidate);
}

/** The methodology that stands for a layout when no tick names one: a confirmed one first. */
function representative(candidate: LayoutCandidate): MethodologyDeclaration {
  return candidate.declarations.find((m) => !m.provisional) ?? candidate.declarations[0];
}
const checkedMarks = new Set(CHECKED_MARKS.map((m) => normalizeText(m)));

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

/**
 * Readings by raw value: a list repeats its factors, shares and dates (0.0693, "100%", "2020年4月1日") in every row,
 * and a reading is never changed once made, so rows share one. Capped, so that a huge sheet cannot grow it forever.
 */
class ReadingMemo<R> {
  private readonly byRaw = new Map<CellValue, R>();
  constructor(private readonly parse: (raw: CellValue) => R) {}

  get(raw: CellValue): R {
    // whole numbers differ from row to row and parse at once: remembering them would only fill the map
    if (typeof raw === "number" && Number.isSafeInteger(raw)) return this.parse(raw);
    let reading = this.byRaw.get(raw);
    if (reading === undefined) {
      reading = this.parse(raw);
      if (this.byRaw.size >= 10_000) this.byRaw.clear();
      this.byRaw.set(raw, reading);
    }
    return reading;
  }
}

const numberReadings = new ReadingMemo(parseNumberCell);
const ratioReadings = new ReadingMemo(parseRatioCell);
const dateReadings = new ReadingMemo(parseDateCell);

/**
 * A field's cell, made into a CellRef only when asked: a 10,000-row list holds 260,000 fields and has few findings,
 * and every object that lives until the checks end is work for the garbage collector.
 */
class FieldAt {
  constructor(
    private readonly sheetName: string,
    private readonly rowIndex: number,
    private readonly colIndex: number,
  ) {}

  get ref(): CellRef {
    return { sheet: this.sheetName, row: this.rowIndex, col: this.colIndex };
  }
}

class NumberCell extends FieldAt implements NumberField {
  constructor(
    sheetName: string,
    rowIndex: number,
    colIndex: number,
    readonly raw: CellValue,
    readonly reading: NumberReading,
    readonly formula: string | null,
    readonly numberFormat: string | null,
  ) {
    super(sheetName, rowIndex, colIndex);
  }
}

class TextCell extends FieldAt implements TextField {
  constructor(
    sheetName: string,
    rowIndex: number,
    colIndex: number,
    readonly raw: CellValue,
    readonly value: string | null,
  ) {
    super(sheetName, rowIndex, colIndex);
  }
}

class DateCell extends FieldAt implements DateField {
  constructor(
    sheetName: string,
    rowIndex: number,
    colIndex: number,
    readonly raw: CellValue,
    readonly reading: DateReading,
  ) {
    super(sheetName, rowIndex, colIndex);
  }
}

function numberField(sheet: SheetView, row: number, col: number, ratio: boolean): NumberField {
  const raw = sheet.value(row, col);
  const reading = (ratio ? ratioReadings : numberReadings).get(raw);
  return new NumberCell(
    sheet.name,
    row,
    col,
    raw,
    reading,
    sheet.formula(row, col),
    sheet.numberFormat(row, col),
  );
}

function textField(sheet: SheetView, row: number, col: number): TextField {
  const raw = sheet.value(row, col);
  const value = raw === null || raw === "" ? null : String(raw).trim();
  return new TextCell(sheet.name, row, col, raw, value);
}

function dateField(sheet: SheetView, row: number, col: number): DateField {
  const raw = sheet.value(row, col);
  return new DateCell(sheet.name, row, col, raw, dateReadings.get(raw));
}

function isTotalLabel(text: string): boolean {
  return text === "合計" || text === "計" || text.startsWith("合計");
}

/** A 合計 cell; the raw text is looked at first so that the many data cells of a long list are never folded. */
function isTotalCell(sheet: SheetView, row: number, col: number): boolean {
  const v = sheet.value(row, col);
  return typeof v === "string" && v.includes("計") && isTotalLabel(sheet.label(row, col));
}

/** A 別紙1 header found on a sheet for one layout; its rows are read only for the layout the reader settles on. */
interface FoundHeader {
  sheet: SheetView;
  headerRow: number;
  columns: Record<string, number>;
}

function findHeaders(
  sheets: SheetView[],
  layout: ProjectColumn[],
  anchors: readonly string[],
): FoundHeader[] {
  return sheets.flatMap((sheet) => {
    const header = findProjectHeader(sheet, layout, anchors);
    return header ? [{ sheet, ...header }] : [];
  });
}

function readProjectList(at: FoundHeader, layout: ProjectColumn[], keys: ListKeys): ProjectList {
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

/** How many of a list's columns its headers name by their own words or symbol (rows around the header row too). */
function layoutEvidence(list: FoundHeader, columns: ProjectColumn[]): number {
  const { sheet } = list;
  let n = 0;
  for (const column of columns) {
    const c = list.columns[column.key];
    if (c === undefined) continue;
    for (let r = Math.max(sheet.top, list.headerRow - 2); r <= list.headerRow; r++) {
      if (labelNamesColumn(sheet.label(r, c), column, columns)) {
        n++;
        break;
      }
    }
  }
  return n;
}

interface LayoutReading {
  candidate: LayoutCandidate;
  visible: FoundHeader[];
  hidden: FoundHeader[];
  evidence: number;
}

/**
 * The one answer to "which methodology is this?": a single 1.3 tick whose 別紙1 layout fits the headers at least as
 * well as any other; otherwise the layout the headers name best (among the ticked ones, when several are ticked),
 * and within it the ticked methodology, or the only one, or none (code null).
 */
function resolveMethodology(
  checked: string[],
  readings: LayoutReading[],
): { resolved: ResolvedMethodology; reading: LayoutReading | null } {
  const ticked = (r: LayoutReading) => r.candidate.declarations.filter((m) => checked.includes(m.code));
  const found = readings.filter((r) => r.visible.length + r.hidden.length > 0);
  const pool =
    checked.length > 0 && found.some((r) => ticked(r).length > 0)
      ? found.filter((r) => ticked(r).length > 0)
      : found;
  const best = pool.reduce<LayoutReading | null>(
    (a, r) => (a === null || r.evidence > a.evidence ? r : a),
    null,
  );
  if (checked.length === 1) {
    const own = readings.find((r) => ticked(r).length > 0);
    const declaration = own ? ticked(own)[0] : null;
    const bestOverall = found.reduce<LayoutReading | null>(
      (a, r) => (a === null || r.evidence > a.evidence ? r : a),
      null,
    );
    if (declaration && own && (bestOverall === null || own.evidence >= bestOverall.evidence)) {
      return {
        resolved: { declaration, code: declaration.code, source: "checked", evidence: own.evidence },
        reading: own.visible.length + own.hidden.length > 0 ? own : null,
      };
    }
    if (bestOverall) return { resolved: fromHeaders(bestOverall, []), reading: bestOverall };
  }
  if (best) return { resolved: fromHeaders(best, ticked(best)), reading: best };
  const first = readings.find((r) => ticked(r).length > 0);
  const declaration = first ? ticked(first)[0] : representative(readings[readings.length - 1].candidate);
  return {
    resolved: {
      declaration,
      code: checked.length === 1 ? declaration.code : null,
      source: "default",
      evidence: 0,
    },
    reading: null,
  };
}

function fromHeaders(reading: LayoutReading, tickedHere: MethodologyDeclaration[]): ResolvedMethodology {
  const all = reading.candidate.declarations;
  const declaration = tickedHere[0] ?? representative(reading.candidate);
  const code = tickedHere.length === 1 ? tickedHere[0].code : all.length === 1 ? all[0].code : null;
  return { declaration, code, source: "headers", evidence: reading.evidence };
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

/**
 * Every registered 別紙1 layout, read from every sheet: the methodology is then decided once, from the tick and the
 * headers together.
 */
function layoutReadings(sheets: SheetView[]): LayoutReading[] {
  // The list is read from the sheets Excel shows, in tab order; a hidden sheet (an old 別紙1 kept out of sight) is
  // used only when no visible sheet holds one, and is named either way.
  const shown = sheets.filter((s) => !isHiddenSheet(s.grid));
  const hidden = sheets.filter((s) => isHiddenSheet(s.grid));
  return layoutCandidates().map((candidate) => {
    const visible = findHeaders(shown, candidate.columns, candidate.keys.anchors);
    const hiddenLists = findHeaders(hidden, candidate.columns, candidate.keys.anchors);
    const first = visible[0] ?? hiddenLists[0];
    const evidence = first ? layoutEvidence(first, candidate.columns) : 0;
    return { candidate, visible, hidden: hiddenLists, evidence };
  });
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
