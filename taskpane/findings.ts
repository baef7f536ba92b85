// What the findings list shows: the facets of a report, the findings a filter keeps and the page of them.
import type { Finding, Severity } from "../src/types";
import type { ValidationReport } from "./engine/api";

export const PAGE_SIZE = 50;

/** Which findings the list shows; null: all. */
export interface FindingFilter {
  severity: Severity | null;
  sheet: string | null;
  facility: string | null;
}

/** What the list needs of the pane's state. */
export interface ListState {
  report: ValidationReport | null;
  filter: FindingFilter;
  /** The page shown, 0-based, and how many findings a page holds (Infinity: all on one). */
  page: number;
  pageSize: number;
}

export interface Facets {
  severities: [Severity, number][];
  sheets: [string, number][];
  facilities: [string, number][];
}

const facetCache = new WeakMap<ValidationReport, Facets>();

/** The severities, sheets and facilities the findings have, each with its count, in the report's order. */
export function facetsOf(report: ValidationReport): Facets {
  const cached = facetCache.get(report);
  if (cached) return cached;
  const count = <K>(keys: (K | undefined)[]) => {
    const m = new Map<K, number>();
    for (const k of keys) if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m];
  };
  const facets: Facets = {
    severities: count(report.findings.map((f) => f.severity)),
    sheets: count(report.findings.map((f) => f.ref.sheet)),
    facilities: count(report.findings.map((f) => f.facility)),
  };
  facetCache.set(report, facets);
  return facets;
}

const filterCache = new WeakMap<ValidationReport, { key: string; findings: Finding[] }>();

/** The findings that pass the filter, in the report's order. */
export function filteredFindings(state: Pick<ListState, "report" | "filter">): Finding[] {
  const { report, filter } = state;
  if (!report) return [];
  const key = JSON.stringify(filter);
  const cached = filterCache.get(report);
  if (cached?.key === key) return cached.findings;
  const findings = report.findings.filter(
    (f) =>
      (filter.severity === null || f.severity === filter.severity) &&
      (filter.sheet === null || f.ref.sheet === filter.sheet) &&
      (filter.facility === null || f.facility === filter.facility),
  );
  filterCache.set(report, { key, findings });
  return findings;
}

export interface FindingPage {
  /** The findings on the page, and the index of the first in the filtered list. */
  findings: Finding[];
  offset: number;
  total: number;
  pages: number;
}

export function pageOf(state: ListState): FindingPage {
  const all = filteredFindings(state);
  const pages = Math.max(1, Math.ceil(all.length / state.pageSize));
  const page = Math.min(state.page, pages - 1);
  const offset = Number.isFinite(state.pageSize) ? page * state.pageSize : 0;
  return {
    findings: Number.isFinite(state.pageSize) ? all.slice(offset, offset + state.pageSize) : all,
    offset,
    total: all.length,
    pages,
  };
}
