// 別紙2 blocks paired with 別紙1 facilities: by the name a block gives (exactly or one character off), else by position
// — the one pairing the checks, the fill, explain, the facility locator and the report use.
import type { Decimal } from "../numbers";
import type { AllocationBlock, ProjectRow } from "../forms/submission";
import { NameIndex, facilityKey, withoutFiscalYear } from "../forms/names";
import { shortened } from "../text";

export interface BlockMatch {
  /** Index of the 別紙1 row. */
  row: number;
  /** By the block's 設備名称 (exactly, or one character off), or by position for a block that names none. */
  by: "name" | "nearMiss" | "position";
}

/**
 * Each block's 別紙1 row: the facility its 設備名称 names; a block naming none (the seed's), or naming no facility
 * of 別紙1 (identity.facilityName.allocation says so), by position where there is one block per facility.
 */
export function matchBlocks(blocks: AllocationBlock[], rows: ProjectRow[]): (BlockMatch | null)[] {
  const keyed = rows.flatMap((row, i) => {
    const name = row.text.facilityName?.value;
    return name ? [{ i, key: facilityKey(name) }] : [];
  });
  const positional = blocks.length === rows.length && blocks.length > 1;
  const index = new NameIndex(keyed, (k) => k.key);
  return blocks.map((b, i) => {
    const name = b.facilityName?.value;
    const m = name ? index.match(name) : null;
    if (m) return { row: m.item.i, by: m.nearMiss ? "nearMiss" : "name" };
    return positional ? { row: i, by: "position" } : null;
  });
}

/**
 * The other facility whose tCO2 a block labelled with `row` holds (a block labelled セイホク holding 津別's t): the
 * label or the figure is wrong, and that other facility's block is this one. Null when the figure is no other's.
 */
export function heldFacility(
  match: BlockMatch | null,
  actual: Decimal | null,
  rowTonnes: (Decimal | null)[],
): number | null {
  if (!match || match.by === "position" || actual === null) return null;
  const expected = rowTonnes[match.row];
  if (expected && expected.eq(actual)) return null;
  const k = rowTonnes.findIndex((t, i) => i !== match.row && t !== null && t.eq(actual));
  return k >= 0 ? k : null;
}

/** A facility's name for messages: as 別紙1 gives it, without its (yyyy年度), or its row number. */
export function facilityLabel(row: ProjectRow, i: number): string {
  const name = row.text.facilityName?.value;
  return name ? shortened(withoutFiscalYear(name)) : `No. ${i + 1}`;
}
