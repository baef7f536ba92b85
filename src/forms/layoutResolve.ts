// Decides which methodology's 別紙1 layout a workbook holds, from the 1.3 tick and the list headers together.
import { METHODOLOGIES } from "../methodology";
import type { MethodologyDeclaration } from "../methodology";
import { labelNamesColumn, projectColumns } from "./layout";
import type { ProjectColumn } from "./layout";
import { isHiddenSheet } from "./sheet";
import type { SheetView } from "./sheet";
import { findHeaders, listKeys } from "./projectListRead";
import type { FoundHeader, ListKeys } from "./projectListRead";
import type { ResolvedMethodology } from "./submission";

/** A 別紙1 layout and the registered methodologies that share it (the heat ones, the power ones, …). */
export interface LayoutCandidate {
  columns: ProjectColumn[];
  declarations: MethodologyDeclaration[];
  keys: ListKeys;
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

export interface LayoutReading {
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
export function resolveMethodology(
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

/**
 * Every registered 別紙1 layout, read from every sheet: the methodology is then decided once, from the tick and the
 * headers together.
 */
export function layoutReadings(sheets: SheetView[]): LayoutReading[] {
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
