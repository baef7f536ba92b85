// Where the submission's parts were found, and where a missing one should be: what the completeness rules (form.*,
// period.missing) anchor their findings to. Found by the headings of src/forms/parts.ts, like the rest of the reader.
import { normalizeText } from "../numbers";
import type { CellRef } from "../types";
import { ALLOCATION_PARTS, PLAN_PARTS, SHEET_PARTS, formPart } from "./parts";
import type { FormPart } from "./parts";
import type { SheetView } from "./sheet";
import type { PartPlaces, Submission } from "./submission";

/** 1.5's labels: the date is typed to the right of each. */
export const PERIOD_LABELS = { start: "開始日", end: "終了日" } as const;

/** The first cell of the sheet whose label is 1.5's `word` ("開始日", "開始日:"), as the reader reads 1.5. */
export function periodLabel(sheet: SheetView, word: string): { row: number; col: number } | null {
  return sheet.find((label) => label === word || label.startsWith(word))[0] ?? null;
}

/** A plan heading by its printed number and text ("1.5 …認証申請期間"), not by its text alone (別紙2 repeats some). */
function namesNumberedPart(label: string, p: FormPart): boolean {
  if (p.number === null) return false;
  const number = normalizeText(p.number);
  if (!label.startsWith(number) || /[0-9]/.test(label.charAt(number.length))) return false;
  const rest = label.slice(number.length);
  return p.aliases.some((a) => rest.includes(normalizeText(a)));
}

function firstOn(sheets: SheetView[], test: (label: string) => boolean): CellRef | null {
  for (const sheet of sheets) {
    const hit = sheet.find(test)[0];
    if (hit) return sheet.ref(hit.row, hit.col);
  }
  return null;
}

/** Where the parts are, from what the reader found and the plan sheet (the sheet of the 1.3 table), if any. */
export function readPlaces(
  sheets: SheetView[],
  planSheet: SheetView | null,
  found: Pick<Submission, "methodology" | "projectList" | "attachments" | "allocationPlan">,
): PartPlaces {
  // a sheet is there when the reader read it, or when a heading only that sheet prints is found (a blank form's
  // 別紙2 has no tonnes to read yet)
  const planTitle = formPart("sheet:plan").aliases.map(normalizeText);
  const plan =
    found.methodology.tableRef ??
    firstOn(
      sheets,
      (label) =>
        planTitle.some((a) => label.includes(a)) || PLAN_PARTS.some((p) => namesNumberedPart(label, p)),
    );
  const metering = ["attachment:metering", "attachment:measurement"].flatMap((id) =>
    formPart(id).aliases.map(normalizeText),
  );
  const attachment =
    found.attachments[0]?.methodologyName.ref ??
    firstOn(sheets, (label) => metering.some((a) => label.includes(a)));
  const blockLabel = formPart("allocation:block").aliases.map(normalizeText);
  const allocation =
    found.allocationPlan[0]?.tonnes.ref ??
    firstOn(
      sheets,
      (label) =>
        blockLabel.some((a) => label.includes(a)) ||
        ALLOCATION_PARTS.some((p) => namesNumberedPart(label, p)),
    );
  const list = found.projectList;
  const places: Record<string, CellRef | null> = {
    "sheet:plan": plan,
    "sheet:projectList": list
      ? { sheet: list.sheet, row: list.headerRow, col: Math.min(...Object.values(list.columns)) }
      : null,
    "sheet:attachment": attachment,
    "sheet:allocationPlan": allocation,
  };
  for (const p of SHEET_PARTS) places[p.id] ??= null;
  const periodPart = formPart("plan:period");
  const heading = planSheet ? planSheet.find((label) => namesNumberedPart(label, periodPart))[0] : undefined;
  const cell = (word: string): CellRef | null => {
    const hit = planSheet ? periodLabel(planSheet, word) : null;
    return planSheet && hit ? planSheet.ref(hit.row, hit.col + 1) : null;
  };
  return {
    sheets: places,
    periodHeading: planSheet && heading ? planSheet.ref(heading.row, heading.col) : null,
    periodCells: { start: cell(PERIOD_LABELS.start), end: cell(PERIOD_LABELS.end) },
  };
}
