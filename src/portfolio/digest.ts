// A workbook's digest: the few facts that workbooks are compared on (承認番号, names, addresses, periods, the compared
// quantities, 1.6), each with its cell; small and plain, so that many files' digests can be kept and sent between
// threads while their grids are let go.
import type { CellRef, Finding, Message, Severity } from "../types";
import type { DateField, NumberField, ProjectList, Submission, TextField } from "../forms/submission";
import { methodologyOf } from "../forms/submission";
import { facilityKey } from "../forms/names";
import { Decimal, normalizeText } from "../numbers";
import { DEFAULT_BOILER_EFFICIENCY_LHV, FUEL_DEFAULTS } from "../methodology";
import type { MethodologyDeclaration } from "../methodology";
import { planChanges } from "../checks/rules/planText/statements";
import { isoDate } from "../validate";
import type { ValidationReport } from "../validate";

/** A text read from a cell, with the key it is compared by. */
export interface KeyedText {
  value: string;
  key: string;
  ref: CellRef;
}

/** A number read from a cell, as exact decimal text. */
export interface DigestNumber {
  value: string;
  ref: CellRef;
}

/** ISO dates ("2020-04-01"); null where the cell holds no date. */
export interface DigestPeriod {
  start: string | null;
  end: string | null;
  /** The start cell (5.1 of a row, 1.5 of the plan), where the period is shown. */
  ref: CellRef | null;
}

/**
 * 方法1: the facility's own CEF/ε (measured, evidenced); 方法2: the fuel defaults, accepted for existing facilities
 * (the seed's JQA report: 「既設であることから「方法2」を選択してデフォルト値を用いている」).
 */
export type FactorMethod = "方法1" | "方法2";

export interface FacilityDigest {
  /** 0-based position in 別紙1. */
  index: number;
  approvalNumber: KeyedText | null;
  /** 1.1; its key is the engine's one facility key (src/forms/names.ts). */
  name: KeyedText | null;
  /** 1.2, keyed by normalizeText. */
  address: KeyedText | null;
  /** 5.1–5.2, or 1.5 where the row gives none. */
  period: DigestPeriod;
  /** The quantities the year-on-year comparison reads, and CEF/ε, by key. */
  values: Record<string, DigestNumber>;
  /** Where the methodology takes fuel defaults: whether this row's CEF/ε are the defaults (方法2) or not. */
  method: FactorMethod | null;
}

export interface DigestFinding {
  rule: string;
  severity: Severity;
  ref: CellRef;
  message: Message;
}

export interface WorkbookDigest {
  /** The path as given (or found under a folder given). */
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  recognized: boolean;
  methodology: {
    /** The code the submission determines (1.3, or headers only one methodology has), or null. */
    code: string | null;
    /** The declaration it was checked under (the reader's one answer), whose thresholds apply. */
    checkedAs: string;
    provisional: boolean;
    /** The 1.3 tick, or the table. */
    ref: CellRef | null;
  };
  /** 申請者 (証書発行事業者), as the plan's 2.1 names it: 「運営・管理者（証書発行事業者：…）」. */
  issuer: { value: string; ref: CellRef } | null;
  period: DigestPeriod;
  facilities: FacilityDigest[];
  /** 別紙1's 合計 (tCO2) as declared. */
  totalTonnes: DigestNumber | null;
  /** 1.6: changes from the approved plan. */
  changes: { state: "none" | "yes" | "stated"; text: string | null; ref: CellRef | null };
  /** 2.2's stated fuel defaults (灯油 0.0678 …). */
  fuelStatements: { fuel: string; figure: string; ref: CellRef }[];
  /** The 方法 2.2 states for CEF/ε: 「方法2」 or 「方法1」 written out, else デフォルト値 (方法2) or 実測 (方法1). */
  statedMethod: { value: FactorMethod; ref: CellRef } | null;
  counts: { errors: number; warnings: number; infos: number };
  /** The first of the most severe findings (an error before any warning, a warning before any note). */
  firstFinding: DigestFinding | null;
}

/** 「（2）運営・管理者（証書発行事業者：日本自然エネルギー株式会社）」 (seed 2.1): the issuer's name after the colon. */
const ISSUER_IN_TEXT = /証書発行事業者\s*[:：]\s*([^）)\n]+)/;
/** A name left out of a published copy. */
const REDACTED = /^\[?REDACTED\]?$|^[-—―ー－]$/i;

function issuerOf(s: Submission): WorkbookDigest["issuer"] {
  const parts = s.plan?.parts ?? [];
  const ordered = [
    ...parts.filter((p) => p.part === "plan:monitoringStructure"),
    ...parts.filter((p) => p.part !== "plan:monitoringStructure"),
  ];
  for (const part of ordered) {
    for (const t of part.texts) {
      const m = ISSUER_IN_TEXT.exec(t.value ?? "");
      if (m && m[1].trim() !== "") return { value: m[1].trim(), ref: { ...t.ref } };
    }
  }
  // 別紙1添付's 報告書受領者（証書発行事業者）, where a copy names it there
  for (const block of s.attachments) {
    for (const role of block.roles) {
      if (!role.role.startsWith("報告書受領者")) continue;
      const named = role.values.find((v) => v.value !== null && !REDACTED.test(v.value.trim()));
      if (named?.value) return { value: named.value.trim(), ref: { ...named.ref } };
    }
  }
  return null;
}

/** 「方法2」「方法 １」 written out in 2.2. */
const METHOD_NAMED = /方法\s*([12１２])/;

function statedMethodOf(s: Submission): WorkbookDigest["statedMethod"] {
  const texts = s.plan?.parts.find((p) => p.part === "plan:monitoringTargets")?.texts ?? [];
  for (const t of texts) {
    const m = METHOD_NAMED.exec(t.value ?? "");
    if (m) return { value: /[1１]/.test(m[1]) ? "方法1" : "方法2", ref: { ...t.ref } };
  }
  // 2.2's CEF row as the seed prints it: 「デフォルト値を使用 ・燃料の種類：灯油 …」
  const stated = s.fuelStatements[0];
  if (stated) return { value: "方法2", ref: { ...stated.ref } };
  for (const t of texts) {
    if (/デフォルト値/.test(t.value ?? "")) return { value: "方法2", ref: { ...t.ref } };
    if (/実測/.test(t.value ?? "")) return { value: "方法1", ref: { ...t.ref } };
  }
  return null;
}

function keyed(field: TextField | undefined, key: (text: string) => string): KeyedText | null {
  if (!field || field.value === null || field.value.trim() === "") return null;
  const value = field.value.trim();
  const k = key(value);
  return k === "" ? null : { value, key: k, ref: { ...field.ref } };
}

function numberOf(field: NumberField | undefined | null): DigestNumber | null {
  if (!field || field.reading.kind !== "number") return null;
  return { value: field.reading.decimal.toString(), ref: { ...field.ref } };
}

/** 方法2 where CEF is a fuel default and ε is that fuel's 0.98 × LHV/HHV (or the fuel's ratio is not settled). */
export function factorMethod(cef: string | null, eps: string | null): FactorMethod | null {
  if (cef === null) return null;
  const fuel = FUEL_DEFAULTS.find((f) => Decimal.from(f.cef).eq(cef));
  if (!fuel) return "方法1";
  if (eps === null || fuel.lhvPerHhv === null) return "方法2";
  return Decimal.from(DEFAULT_BOILER_EFFICIENCY_LHV).mul(fuel.lhvPerHhv).eq(eps) ? "方法2" : "方法1";
}

/** The keys a digest keeps for a methodology: what the year-on-year comparison reads, CEF/ε and the tonnes. */
export function comparedKeys(m: MethodologyDeclaration): string[] {
  const keys = new Set<string>();
  for (const q of m.quantities) {
    if (!q.priorYear) continue;
    keys.add(q.key);
    if (q.priorYear.per) keys.add(q.priorYear.per);
  }
  if (m.form.fuelDefaults) for (const k of ["cefFuel", "epsBl"]) keys.add(k);
  keys.add(m.form.tonnesKey);
  return [...keys];
}

function periodOf(start: DateField | null | undefined, end: DateField | null | undefined): DigestPeriod {
  return {
    start: start ? isoDate(start.reading) : null,
    end: end ? isoDate(end.reading) : null,
    ref: start ? { ...start.ref } : null,
  };
}

/** Each facility row of a list, with what the comparisons read. */
export function facilityDigests(
  list: ProjectList | null,
  m: MethodologyDeclaration,
  fallback: DigestPeriod,
): FacilityDigest[] {
  if (!list) return [];
  const keys = comparedKeys(m);
  return list.rows.map((row, index) => {
    const values: Record<string, DigestNumber> = {};
    for (const key of keys) {
      const n = numberOf(row.numbers[key]);
      if (n) values[key] = n;
    }
    const own = periodOf(row.dates.startDate, row.dates.endDate);
    const period: DigestPeriod = {
      start: own.start ?? fallback.start,
      end: own.end ?? fallback.end,
      ref: own.ref ?? fallback.ref,
    };
    return {
      index,
      approvalNumber: keyed(row.text.approvalNumber, normalizeText),
      name: keyed(row.text.facilityName, facilityKey),
      address: keyed(row.text.address, normalizeText),
      period,
      values,
      method: m.form.fuelDefaults
        ? factorMethod(values.cefFuel?.value ?? null, values.epsBl?.value ?? null)
        : null,
    };
  });
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The first finding of the most severe kind, in the report's order. */
export function firstOfMostSevere(findings: readonly Finding[]): DigestFinding | null {
  let best: Finding | null = null;
  for (const f of findings)
    if (best === null || severityRank[f.severity] < severityRank[best.severity]) best = f;
  return best
    ? { rule: best.rule, severity: best.severity, ref: { ...best.ref }, message: best.message }
    : null;
}

/**
 * The digest of a workbook read by readSubmission (and checked, where `report` is given: a previous year's or a
 * plan's workbook is only read). `read` replaces 別紙1 and the methodology it is read under where the caller read it
 * otherwise (a 様式1-2's 事業リスト, under its 1.3 tick).
 */
export function digestSubmission(
  submission: Submission,
  file: { path: string; sha256: string },
  report: ValidationReport | null,
  read: { list: ProjectList | null; declaration: MethodologyDeclaration } = {
    list: submission.projectList,
    declaration: methodologyOf(submission),
  },
): WorkbookDigest {
  const { list, declaration: m } = read;
  const period = periodOf(submission.period.start, submission.period.end);
  const changes = planChanges(submission.plan);
  const tick = submission.methodology.checked.length === 1 ? submission.methodology.checked[0].ref : null;
  const tableRef = tick ?? submission.methodology.tableRef;
  return {
    file: file.path,
    sha256: file.sha256,
    recognized: submission.recognized,
    methodology: {
      code: read.declaration === methodologyOf(submission) ? submission.methodology.resolved.code : m.code,
      checkedAs: m.code,
      provisional: m.provisional,
      ref: tableRef ? { ...tableRef } : null,
    },
    issuer: issuerOf(submission),
    period,
    facilities: facilityDigests(list, m, period),
    totalTonnes: numberOf(list?.totalTonnes),
    changes: {
      state: changes.state,
      text: changes.texts[0]?.value ?? null,
      ref: changes.texts[0] ? { ...changes.texts[0].ref } : changes.heading ? { ...changes.heading } : null,
    },
    fuelStatements: submission.fuelStatements.map((f) => ({
      fuel: f.fuel,
      figure: f.figure,
      ref: { ...f.ref },
    })),
    statedMethod: statedMethodOf(submission),
    counts: report
      ? { errors: report.summary.errors, warnings: report.summary.warnings, infos: report.summary.infos }
      : { errors: 0, warnings: 0, infos: 0 },
    firstFinding: report ? firstOfMostSevere(report.findings) : null,
  };
}
