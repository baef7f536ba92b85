// 別紙2 read block by block: its tCO2 and 販売電力量, the facility it names, 1. 保有予定者 rows (名称, 所在地,
// 保有予定量), 配分予定なし and 2. 帰属先, each found by the headings declared in parts.ts.
import { normalizeText, parseNumberCell } from "../numbers";
import { formPart, labelNamesPart } from "./parts";
import type { SheetView } from "./sheet";
import { readAllocationFacility } from "./readTables";
import type { AllocationBlock, AllocationHolder, NumberField, TextField } from "./submission";

const HOLDER_NAME = normalizeText("保有予定者名称");
const HOLDER_ADDRESS = normalizeText("所在地");
const HOLDER_AMOUNT = normalizeText("保有予定量");
const UNALLOCATED = normalizeText("配分予定なし");
/** Rows between a heading and its first entry that the reader looks through (a blank line, a header row). */
const HEADING_REACH = 3;

function numberAt(sheet: SheetView, row: number, col: number): NumberField {
  const raw = sheet.value(row, col);
  return {
    reading: parseNumberCell(raw),
    raw,
    ref: sheet.ref(row, col),
    formula: sheet.formula(row, col),
    numberFormat: sheet.numberFormat(row, col),
  };
}

function textAt(sheet: SheetView, row: number, col: number): TextField {
  const raw = sheet.value(row, col);
  const value = raw === null || raw === "" ? null : String(raw).trim() || null;
  return { value, raw, ref: sheet.ref(row, col) };
}

const filled = (sheet: SheetView, row: number, col: number): boolean => {
  const v = sheet.value(row, col);
  return v !== null && (typeof v !== "string" || v.trim() !== "");
};

/** The first cell in rows [from, to] whose folded label passes `test`. */
function findIn(
  sheet: SheetView,
  from: number,
  to: number,
  test: (label: string) => boolean,
): { row: number; col: number } | null {
  for (let r = Math.max(from, sheet.top); r <= Math.min(to, sheet.bottom); r++)
    for (let c = sheet.left; c <= sheet.right; c++) {
      const label = sheet.label(r, c);
      if (label !== "" && test(label)) return { row: r, col: c };
    }
  return null;
}

/** 1. 保有予定者: the rows under the 名称 | 所在地 | 保有予定量 header, up to 配分予定なし or 2. 帰属先. */
function readHolders(
  sheet: SheetView,
  heading: { row: number; col: number },
  end: number,
): Pick<AllocationBlock, "holders" | "holdersRef" | "unallocated"> {
  const header = findIn(sheet, heading.row + 1, heading.row + HEADING_REACH, (l) =>
    l.startsWith(HOLDER_NAME),
  );
  const nameCol = header?.col ?? heading.col;
  let addressCol = nameCol + 1;
  let amountCol = nameCol + 2;
  if (header) {
    for (let c = nameCol + 1; c <= Math.min(sheet.right, nameCol + 8); c++) {
      const label = sheet.label(header.row, c);
      if (label.startsWith(HOLDER_ADDRESS)) addressCol = c;
      else if (label.startsWith(HOLDER_AMOUNT)) amountCol = c;
    }
  }
  const attribution = formPart("allocation:attribution");
  const first = (header?.row ?? heading.row) + 1;
  const holders: AllocationHolder[] = [];
  let unallocated: NumberField | null = null;
  for (let r = first; r <= Math.min(end, sheet.bottom); r++) {
    const label = sheet.label(r, nameCol);
    if (label.startsWith(UNALLOCATED)) {
      const right = filled(sheet, r, amountCol) ? null : sheet.valueRightOf(r, nameCol, 8);
      unallocated = numberAt(sheet, r, right?.col ?? amountCol);
      break;
    }
    if (labelNamesPart(label, attribution) || label.startsWith("注")) break;
    if (![nameCol, addressCol, amountCol].some((c) => filled(sheet, r, c))) continue;
    holders.push({
      name: textAt(sheet, r, nameCol),
      address: textAt(sheet, r, addressCol),
      amount: numberAt(sheet, r, amountCol),
    });
  }
  return { holders, holdersRef: sheet.ref(first, nameCol), unallocated };
}

/** 2. 帰属先: the first text under its heading (a note is none); its input cell, blank, when there is none. */
function readAttribution(sheet: SheetView, heading: { row: number; col: number }, end: number): TextField {
  for (let r = heading.row + 1; r <= Math.min(end, heading.row + HEADING_REACH, sheet.bottom); r++)
    for (let c = sheet.left; c <= sheet.right; c++) {
      if (!filled(sheet, r, c)) continue;
      const label = sheet.label(r, c);
      if (label.startsWith("注") || label.startsWith("※")) return textAt(sheet, heading.row + 1, heading.col);
      return textAt(sheet, r, c);
    }
  return textAt(sheet, heading.row + 1, heading.col);
}

export function readAllocation(sheet: SheetView): AllocationBlock[] {
  const blocks: AllocationBlock[] = [];
  const labels = sheet.find((label) => label.includes("削減相当量") && label.includes("tco2"), "量");
  const holdersPart = formPart("allocation:holders");
  const attributionPart = formPart("allocation:attribution");
  labels.forEach((hit, i) => {
    const right = sheet.valueRightOf(hit.row, hit.col);
    if (!right) return;
    const tonnes = numberAt(sheet, hit.row, right.col);
    let powerSold: NumberField | null = null;
    for (let r = hit.row + 1; r <= Math.min(sheet.bottom, hit.row + 3); r++) {
      if (sheet.label(r, hit.col).startsWith("販売電力量")) {
        const p = sheet.valueRightOf(r, hit.col);
        if (p) powerSold = numberAt(sheet, r, p.col);
      }
    }
    // the block's own rows: from 3 above its tCO2 row to 4 above the next block's
    const next = labels[i + 1]?.row ?? sheet.bottom + 4;
    const facilityName = readAllocationFacility(sheet, hit.row, hit.row - 3, Math.min(next - 4, hit.row + 4));
    // its 1. and 2. sit between its tCO2 row and the next block's title
    const end = next - 2;
    const holdersHeading = findIn(sheet, hit.row + 1, end, (l) => labelNamesPart(l, holdersPart));
    const attributionHeading = findIn(sheet, hit.row + 1, end, (l) => labelNamesPart(l, attributionPart));
    const holders = holdersHeading
      ? readHolders(sheet, holdersHeading, attributionHeading ? attributionHeading.row - 1 : end)
      : { holders: null, holdersRef: null, unallocated: null };
    const attribution = attributionHeading ? readAttribution(sheet, attributionHeading, end) : null;
    blocks.push({ tonnes, powerSold, facilityName, ...holders, attribution });
  });
  return blocks;
}
