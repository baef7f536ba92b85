// Which facility a cell belongs to: its 別紙1 row, or the 別紙2 block, 別紙1添付 block or 熱実績管理表 that names it.
import type { CellRef, Finding } from "../types";
import type { ProjectRow, Submission } from "../forms/submission";
import { NameIndex, facilityKey, withoutFiscalYear } from "../forms/names";
import { matchBlocks } from "./blocks";
import { matchTables } from "./monitoring";

/** Rows `from` … `to` (0-based, inclusive) of a sheet that belong to one facility. */
interface Span {
  from: number;
  to: number;
  facility: string;
}

/** A facility as 別紙1 names it, without its (yyyy年度): the same name for its row, blocks and tables. */
function nameOf(row: ProjectRow): string | null {
  const name = row.text.facilityName?.value;
  return name ? withoutFiscalYear(name).trim() : null;
}

/** 別紙1's facility names by row, keyed `sheet\0row`, over the list and every further visible list. */
function facilityRows(submission: Submission): Map<string, string> {
  const rows = new Map<string, string>();
  const lists = [submission.projectList, ...submission.otherProjectLists].flatMap((l) => (l ? [l] : []));
  for (const list of lists)
    for (const row of list.rows) {
      const name = nameOf(row);
      if (name) rows.set(`${list.sheet}\u0000${row.row}`, name);
    }
  return rows;
}

/** 別紙1's name for a typed name (exactly or one character off), else the typed name itself. */
function facilityNamer(listRows: ProjectRow[]): (typed: string | null | undefined) => string | null {
  const named = listRows.flatMap((row) => {
    const name = row.text.facilityName?.value;
    return name ? [{ row, key: facilityKey(name) }] : [];
  });
  const index = new NameIndex(named, (n) => n.key);
  return (typed) => {
    if (!typed) return null;
    const match = index.match(typed);
    return (match ? nameOf(match.item.row) : null) ?? withoutFiscalYear(typed).trim();
  };
}

/** Adds the span of `refs` on `sheet` (the rows from the first to the last of them) to `facility`, if it has both. */
function addSpan(
  spans: Map<string, Span[]>,
  sheet: string,
  refs: (CellRef | null | undefined)[],
  facility: string | null,
): void {
  const inSheet = refs.filter((r): r is CellRef => !!r && r.sheet === sheet).map((r) => r.row);
  if (!facility || inSheet.length === 0) return;
  const list = spans.get(sheet) ?? [];
  list.push({ from: Math.min(...inSheet), to: Math.max(...inSheet), facility });
  spans.set(sheet, list);
}

/** The rows of each sheet that belong to a facility: its 別紙2 blocks, 別紙1添付 blocks and 熱実績管理表, sorted by row. */
function facilitySpans(submission: Submission, listRows: ProjectRow[]): Map<string, Span[]> {
  const facilityNamed = facilityNamer(listRows);
  const spans = new Map<string, Span[]>();
  const blocks = submission.allocationPlan;
  const matches = matchBlocks(blocks, listRows);
  blocks.forEach((b, i) => {
    const match = matches[i];
    const facility = match ? nameOf(listRows[match.row]) : facilityNamed(b.facilityName?.value);
    addSpan(
      spans,
      b.tonnes.ref.sheet,
      [
        b.tonnes.ref,
        b.powerSold?.ref,
        b.facilityName?.ref,
        b.holdersRef,
        b.unallocated?.ref,
        b.attribution?.ref,
        ...(b.holders ?? []).flatMap((h) => [h.name.ref, h.address.ref, h.amount.ref]),
      ],
      facility,
    );
  });
  for (const a of submission.attachments) {
    const sheet = a.methodologyName.ref.sheet;
    addSpan(
      spans,
      sheet,
      [
        { sheet, row: a.rows.from, col: 0 },
        { sheet, row: a.rows.to - 1, col: 0 },
      ],
      facilityNamed(a.facilityName?.value),
    );
  }
  const tables = matchTables(submission.monitoring, listRows);
  for (const t of submission.monitoring) {
    const row = tables.get(t)?.row;
    addSpan(
      spans,
      t.sheet,
      [
        t.headerRef,
        t.facilityName?.ref,
        ...t.months.map((m) => ({ sheet: t.sheet, row: m.row, col: 0 })),
        ...t.totals.map((x) => x.ref),
      ],
      row ? nameOf(row) : facilityNamed(t.facilityName?.value),
    );
  }
  for (const list of spans.values()) list.sort((a, b) => a.from - b.from);
  return spans;
}

/** The facility of the last span (sorted by row) starting at or above `row`, where it reaches down to `row`. */
function facilityInSpans(list: Span[], row: number): string | null {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].from <= row) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && list[found].to >= row ? list[found].facility : null;
}

/**
 * A lookup from a cell to the facility it belongs to, null where it belongs to none (the plan sheet, a 合計, a header).
 * Blocks and tables are paired with 別紙1 rows as the checks pair them (matchBlocks, matchTables, the name index), so a
 * facility has one name wherever its findings are; a block naming no 別紙1 facility keeps the name it gives.
 */
function facilityLocator(submission: Submission): (ref: CellRef) => string | null {
  const rows = facilityRows(submission);
  const spans = facilitySpans(submission, submission.projectList?.rows ?? []);
  return (ref) => {
    const byRow = rows.get(`${ref.sheet}\u0000${ref.row}`);
    if (byRow) return byRow;
    const list = spans.get(ref.sheet);
    return list ? facilityInSpans(list, ref.row) : null;
  };
}

/** Sets each finding's `facility` where its cell belongs to one. */
export function nameFacilities(submission: Submission, findings: Finding[]): void {
  const facilityAt = facilityLocator(submission);
  for (const f of findings) {
    const facility = facilityAt(f.ref);
    if (facility) f.facility = facility;
  }
}
