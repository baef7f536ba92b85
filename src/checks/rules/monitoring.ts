// Rule family 9: each monitoring table (熱実績管理表) re-derived month by month by the steam procedure, its months
// against the facility's period, and its 合計 against 別紙1 3.1 / 3.2 / 3.6 / 3.7 (docs/domain.md §5, §5.1).
// One pass per table: its months (./monitoring/months.ts, plausibility.ts), coverage and 合計 (coverage.ts) and
// targets (targets.ts) report in table order, so they are one module; this file matches tables to 別紙1's facilities.
import { isGecError } from "../../errors";
import { facilityKey } from "../../forms/names";
import type { MonitoringTable } from "../../forms/monitoring";
import { methodologyOf } from "../../forms/submission";
import type { ProjectRow, Submission } from "../../forms/submission";
import {
  countedMonths,
  countedTable,
  duplicateOf,
  matchTables,
  monitoringTargetsOf,
  negativeKeys,
  procedureFor,
  withoutNegatives,
} from "../../domain/monitoring";
import type { FacilityProcedure, MonitoringTargetColumn } from "../../domain/monitoring";
import type { CellRef, Finding } from "../../types";
import { at, reporter } from "../finding";
import { shortened } from "../../text";
import type { RuleMeta, RuleModule } from "../rule";
import { MONTH_RULES, checkMonth, checkSigns } from "./monitoring/months";
import { PLAUSIBILITY_RULES } from "./monitoring/plausibility";
import { COVERAGE_RULES, checkCoverage, checkTotalRows } from "./monitoring/coverage";
import { TARGET_RULES, checkTargets, conventionNote, unconfirmedTargets } from "./monitoring/targets";
import { monitoringRule } from "./monitoring/cells";

export const FACILITY_RULES: RuleMeta[] = [
  monitoringRule(
    "monitoring.facility.unmatched",
    "warning",
    false,
    "熱実績管理表の熱設備名称が別紙1 のどの施設とも一致しない（または名称がない）。",
    "A monitoring table's 熱設備名称 matches no facility of 別紙1 (or it has none).",
  ),
  monitoringRule(
    "monitoring.facility.nearMiss",
    "warning",
    false,
    "熱実績管理表の熱設備名称が別紙1 の施設名と 1 文字だけ違う（稚板/単板 のような誤記。照合はする）。",
    "A monitoring table's 熱設備名称 is one character apart from a 別紙1 facility (a slip such as 稚板/単板; matched all the same).",
  ),
  monitoringRule(
    "monitoring.facility.duplicateTable",
    "error",
    false,
    "別紙1 の 1 施設に熱実績管理表が 2 つ以上ある（どちらから 3.1 を得るか決められない）。",
    "Two or more monitoring tables belong to one 別紙1 facility (which gives its 3.1 cannot be told).",
  ),
  monitoringRule(
    "monitoring.chain.failed",
    "error",
    false,
    "熱実績管理表の計算がエンジンの例外で止まった（そのセルから先は照合していない。ほかの施設は照合する）。",
    "The computation of a monitoring table stopped on an engine error (not checked from that cell on; other facilities are).",
  ),
  monitoringRule(
    "monitoring.table.hidden",
    "warning",
    false,
    "熱実績管理表が非表示のシートにある（表示されている表があればそちらを照合し、なければ照合するが自動入力は 3.1 をそこから書かない）。",
    "A monitoring table is on a hidden sheet (a visible table for the facility is the one checked; otherwise it is checked, but fill writes no 3.1 from it).",
  ),
  monitoringRule(
    "monitoring.facility.noTable",
    "info",
    false,
    "熱実績管理表のあるブックで、別紙1 の施設に熱実績管理表がない。",
    "In a workbook with monitoring tables, a facility of 別紙1 has none.",
  ),
];

const { finding } = reporter(FACILITY_RULES);

/** One table's months, totals and 別紙1 row; an engine failure inside it is a finding, and the others go on. */
function checkTable(
  table: MonitoringTable,
  row: ProjectRow | null,
  tables: MonitoringTable[],
  matches: Map<MonitoringTable, { row: ProjectRow }>,
  findings: Finding[],
  proc: FacilityProcedure,
  targets: MonitoringTargetColumn[],
): void {
  const selection = countedMonths(table, row);
  const counted = countedTable(table, selection);
  const other = duplicateOf(table, tables, matches);
  let current: CellRef = table.headerRef;
  try {
    for (const month of table.months) {
      current = month.month.ref;
      checkSigns(month, findings);
      checkMonth(withoutNegatives(month), findings, proc);
    }
    current = table.headerRef;
    checkCoverage(table, row, selection, findings);
    checkTotalRows(table, selection, findings);
    if (row && other) {
      const listName = row.text.facilityName?.value ?? "";
      findings.push(
        finding(
          "monitoring.facility.duplicateTable",
          table.headerRef,
          {
            ja: `${at(table.headerRef)} と ${at(other.headerRef)} の熱実績管理表はどちらも別紙1 の「${shortened(listName)}」のものです。どちらの表から 3.1 を得るか決められないため、3.1 などは照合しません。1 施設 1 表にしてください。`,
            en: `The monitoring tables at ${at(table.headerRef)} and ${at(other.headerRef)} both belong to 別紙1's "${shortened(listName)}": which gives its 3.1 cannot be told, so 3.1 etc. are not checked. Keep one table per facility.`,
          },
          { actual: `${at(table.headerRef)}, ${at(other.headerRef)}` },
        ),
      );
    } else if (row) {
      current = table.headerRef;
      const negative = selection.valid.flatMap((m) => negativeKeys(m).map((k) => m.cells[k].ref));
      if (negative.length > 0) unconfirmedTargets(table, row, negative, findings, targets);
      else {
        const note = conventionNote(counted, row, checkTargets(counted, row, findings, proc, targets));
        if (note) findings.push(note);
      }
    }
  } catch (e) {
    if (!isGecError(e)) throw e;
    findings.push(
      finding("monitoring.chain.failed", current, {
        ja: `${at(current)} から先の熱実績管理表 ${at(table.headerRef)} の計算ができません: ${e.text.ja}`,
        en: `The monitoring table at ${at(table.headerRef)} cannot be computed from ${at(current)} on: ${e.text.en}`,
      }),
    );
  }
}

/** Each table's 別紙1 facility, as matchTables finds it by 熱設備名称. */
type TableMatches = Map<MonitoringTable, { row: ProjectRow; nearMiss: boolean }>;

/** monitoring.facility.nearMiss: a 熱設備名称 one character apart from its 別紙1 facility (matched all the same). */
function nearMissName(table: MonitoringTable, matches: TableMatches): Finding | null {
  const match = matches.get(table);
  if (!match?.nearMiss || !table.facilityName) return null;
  const name = table.facilityName.value ?? null;
  const ref = table.facilityName.ref;
  const listName = match.row.text.facilityName?.value ?? "";
  return finding(
    "monitoring.facility.nearMiss",
    ref,
    {
      ja: `${at(ref)} の熱設備名称「${shortened(name)}」は別紙1 の「${shortened(listName)}」と 1 文字違います（同じ施設として照合しました）。どちらかを直してください。`,
      en: `${at(ref)}: 熱設備名称 "${shortened(name)}" is one character apart from 別紙1's "${shortened(listName)}" (matched as the same facility); correct one of them.`,
    },
    { expected: shortened(listName), actual: shortened(name) },
  );
}

/**
 * monitoring.table.hidden: a table on a hidden sheet that is checked (its facility has no other), or that a visible
 * table of the same facility stands for (an old copy: warned, not checked). Null for a table not hidden, or hidden and
 * unmatched with no visible stand-in (monitoring.facility.unmatched then speaks for it).
 */
function hiddenTable(
  table: MonitoringTable,
  row: ProjectRow | null,
  tables: MonitoringTable[],
  matches: TableMatches,
): Finding | null {
  const name = table.facilityName?.value ?? null;
  const key = name === null ? null : facilityKey(name);
  const shadowed =
    table.hidden &&
    row === null &&
    key !== null &&
    tables.some((t) => !t.hidden && matches.has(t) && facilityKey(t.facilityName?.value ?? "") === key);
  if (!table.hidden || (row === null && !shadowed)) return null;
  const used = row !== null;
  return finding("monitoring.table.hidden", table.headerRef, {
    ja: used
      ? `${at(table.headerRef)} の熱実績管理表は非表示のシート「${shortened(table.sheet)}」にあります。この施設の表はほかにないため照合しましたが、自動入力は 3.1 をこの表から書きません。表示するか、表示されているシートに移してください。`
      : `${at(table.headerRef)} の熱実績管理表は非表示のシート「${shortened(table.sheet)}」にあります（古い版とみなし、表示されている表を照合しました）。不要なら削除してください。`,
    en: used
      ? `The monitoring table at ${at(table.headerRef)} is on the hidden sheet "${shortened(table.sheet)}". No other table names its facility, so it was checked, but fill writes no 3.1 from it; unhide it or move it to a visible sheet.`
      : `The monitoring table at ${at(table.headerRef)} is on the hidden sheet "${shortened(table.sheet)}" (taken for an old copy: the visible table was checked). Delete it if it is not needed.`,
  });
}

/** monitoring.facility.unmatched: a table with data whose 熱設備名称 names no 別紙1 facility, or that has none. */
function unmatchedTable(table: MonitoringTable): Finding | null {
  // an empty table (a fresh template) is not yet anyone's
  const hasData = table.months.some((m) => Object.values(m.cells).some((c) => c.reading.kind === "number"));
  if (!hasData) return null;
  const name = table.facilityName?.value ?? null;
  const ref: CellRef = table.facilityName?.ref ?? table.headerRef;
  return finding(
    "monitoring.facility.unmatched",
    ref,
    {
      ja: name
        ? `${at(ref)} の熱設備名称「${shortened(name)}」は別紙1 のどの施設とも一致しません（期間と 3.1 との照合はできません）。`
        : `${at(table.headerRef)} の熱実績管理表に熱設備名称がありません（別紙1 の施設と照合できません）。`,
      en: name
        ? `${at(ref)}: 熱設備名称 "${shortened(name)}" matches no facility of 別紙1 (its period and 3.1 cannot be checked).`
        : `The monitoring table at ${at(table.headerRef)} has no 熱設備名称 (it cannot be matched to 別紙1).`,
    },
    name ? { actual: shortened(name) } : {},
  );
}

/** monitoring.facility.noTable: the named 別紙1 facilities no table was matched to. */
function facilitiesWithoutTable(rows: ProjectRow[], covered: Set<ProjectRow>): Finding[] {
  const out: Finding[] = [];
  for (const row of rows) {
    const field = row.text.facilityName;
    if (covered.has(row) || !field?.value) continue;
    out.push(
      finding("monitoring.facility.noTable", field.ref, {
        ja: `${at(field.ref)} の施設「${shortened(field.value)}」には熱実績管理表がありません（3.1 は月次記録と照合されていません）。`,
        en: `${at(field.ref)}: facility "${shortened(field.value)}" has no monitoring table (its 3.1 is not checked against monthly records).`,
      }),
    );
  }
  return out;
}

/** Every monitoring table of the submission against its 別紙1 row. */
export function checkMonitoring(submission: Submission): Finding[] {
  const tables = submission.monitoring;
  if (tables.length === 0) return [];
  const findings: Finding[] = [];
  const rows = submission.projectList?.rows ?? [];
  const matches = matchTables(tables, rows);
  // the 別紙1 inputs a table gives, as the checked methodology declares them (none for power)
  const targets = monitoringTargetsOf(methodologyOf(submission));
  const covered = new Set<ProjectRow>();
  for (const table of tables) {
    const row = matches.get(table)?.row ?? null;
    const nearMiss = nearMissName(table, matches);
    if (nearMiss) findings.push(nearMiss);
    const hidden = hiddenTable(table, row, tables, matches);
    if (hidden) {
      findings.push(hidden);
      if (row === null) continue; // an old copy: not checked
    }
    if (row) covered.add(row);
    else {
      const unmatched = unmatchedTable(table);
      if (unmatched) findings.push(unmatched);
    }
    checkTable(table, row, tables, matches, findings, procedureFor(submission, table, row), targets);
  }
  findings.push(...facilitiesWithoutTable(rows, covered));
  return findings;
}

// ---- pressure cells, wet steam and spreadsheet precision (checkMonth, checkPlausibility) -------------------

/**
 * A gauge mean at or above this many "MPa" is no steam pressure in MPa: IAPWS-IF97 ends at 100 MPa and a biomass
 * boiler runs below 10. Read as kPa it is one (741 kPa = 0.741 MPa).
 */

/**
 * Every monitoring table against its 別紙1 row. Its metas are those of the parts it runs in one pass per table: their
 * findings stay in table order.
 */
export const monitoringModule: RuleModule = {
  metas: [...FACILITY_RULES, ...MONTH_RULES, ...PLAUSIBILITY_RULES, ...COVERAGE_RULES, ...TARGET_RULES],
  check: ({ submission }) => checkMonitoring(submission),
};
