// The registered plan (様式1-2, the 認定計画) against a 実績: methodology, facilities, CEF/ε and 方法1/方法2, and 1.6
// against what actually differs (JQA's criterion 5: 「認定グリーンエネルギーCO2削減計画から変更された点…について、運営規則
// 及び方法論に照らし適切であること」).
import type { Grid, Message } from "../types";
import { Decimal } from "../numbers";
import { readPlannedProjectList, readSubmission } from "../forms/read";
import { methodologyOf } from "../forms/submission";
import { NameIndex } from "../forms/names";
import { findMethodology } from "../methodology";
import { digestSubmission } from "./digest";
import type { FacilityDigest, WorkbookDigest } from "./digest";
import { placeText, portfolioFinding } from "./finding";
import type { Place, PortfolioFinding } from "./finding";

/**
 * A 様式1-2 read as far as the 実績 reader goes: the plan sheet's parts (1.3, 1.6, 2.1, 2.2) as in a 様式3-2, and its
 * 別紙1 事業リスト (計画), which has the facility columns and none of the 実績 quantities.
 */
export function readApprovedPlan(grid: Grid, file: { path: string; sha256: string }): WorkbookDigest {
  const submission = readSubmission(grid);
  // the 1.3 tick decides: a planned list has no 実績 columns for its headers to vote with (its 3.4, 3.5 would
  // otherwise read as a power list's numbers)
  const ticked = submission.methodology.code ? findMethodology(submission.methodology.code) : undefined;
  const declaration = ticked ?? methodologyOf(submission);
  const list =
    submission.projectList && methodologyOf(submission) === declaration
      ? submission.projectList
      : readPlannedProjectList(grid, declaration);
  return digestSubmission(submission, file, null, { list, declaration });
}

/** One thing of the 実績 that is not as the plan registered it. */
interface Difference {
  what: Message;
  at: Place;
  plan: Place;
  expected: string;
  actual: string;
}

const same = (a: string, b: string): boolean => Decimal.from(a).eq(b);

/** The plan's 方法 for a facility: its own CEF/ε where the plan lists them, else what 2.2 states. */
function plannedMethod(
  plan: WorkbookDigest,
  f: FacilityDigest | null,
): { value: string; place: Place } | null {
  if (f?.method) return { value: f.method, place: { file: plan.file, ref: f.values.cefFuel?.ref ?? null } };
  return plan.statedMethod
    ? { value: plan.statedMethod.value, place: { file: plan.file, ref: plan.statedMethod.ref } }
    : null;
}

/** A 実績 facility (f), the plan's facility it is paired with (p), and the name its differences give. */
interface PairedFacility {
  label: string;
  f: FacilityDigest;
  p: FacilityDigest;
}

/** 1.3's methodology, where the 実績 and the plan each give one and they differ. */
function methodologyDifference(plan: WorkbookDigest, actual: WorkbookDigest): Difference | null {
  const planCode = plan.methodology.code;
  const actualCode = actual.methodology.code;
  if (!planCode || !actualCode || planCode === actualCode) return null;
  return {
    what: { ja: "方法論", en: "the methodology" },
    at: { file: actual.file, ref: actual.methodology.ref },
    plan: { file: plan.file, ref: plan.methodology.ref },
    expected: planCode,
    actual: actualCode,
  };
}

/** The plan's facility for a 実績 facility: by 承認番号, else by name (exactly or one character off) among the unpaired. */
function planFacilityMatcher(
  plan: WorkbookDigest,
): (f: FacilityDigest, paired: Set<FacilityDigest>) => FacilityDigest | undefined {
  const byNumber = new Map(
    plan.facilities.filter((f) => f.approvalNumber).map((f) => [f.approvalNumber?.key as string, f]),
  );
  const names = new NameIndex(
    plan.facilities.filter((f) => f.name),
    (f) => f.name?.key ?? "",
  );
  return (f, paired) =>
    (f.approvalNumber ? byNumber.get(f.approvalNumber.key) : undefined) ??
    (f.name ? names.match(f.name.value, (c) => !paired.has(c))?.item : undefined);
}

/** A 実績 facility the registered plan does not list. */
function unplannedFacility(
  plan: WorkbookDigest,
  actual: WorkbookDigest,
  f: FacilityDigest,
  label: string,
): Difference {
  return {
    what: {
      ja: `施設「${label}」（認定計画にない施設）`,
      en: `facility "${label}" (not in the registered plan)`,
    },
    at: { file: actual.file, ref: f.name?.ref ?? null },
    plan: { file: plan.file, ref: null },
    expected: "—",
    actual: label,
  };
}

/**
 * 3.4 CEF_fuel,BL and 3.5 ε_BL against the plan's facility's own, or (CEF where the plan lists none of its own)
 * against 2.2's stated figures, which stand for every such facility.
 */
function factorDifferences(
  plan: WorkbookDigest,
  actual: WorkbookDigest,
  { label, f, p }: PairedFacility,
  statedFigures: string[],
): Difference[] {
  const found: Difference[] = [];
  for (const [key, symbol] of [
    ["cefFuel", "3.4 CEF_fuel,BL"],
    ["epsBl", "3.5 ε_BL"],
  ] as const) {
    const now = f.values[key];
    const registered = p.values[key];
    if (!now) continue;
    if (registered && !same(registered.value, now.value)) {
      found.push({
        what: { ja: `施設「${label}」の ${symbol}`, en: `${symbol} of facility "${label}"` },
        at: { file: actual.file, ref: now.ref },
        plan: { file: plan.file, ref: registered.ref },
        expected: registered.value,
        actual: now.value,
      });
    } else if (!registered && key === "cefFuel" && statedFigures.length > 0) {
      if (!statedFigures.some((x) => same(x, now.value))) {
        found.push({
          what: {
            ja: `施設「${label}」の ${symbol}（認定計画 2.2 の燃料にない値）`,
            en: `${symbol} of facility "${label}" (none of the plan's 2.2 fuels)`,
          },
          at: { file: actual.file, ref: now.ref },
          plan: { file: plan.file, ref: plan.fuelStatements[0].ref },
          expected: statedFigures.join(" / "),
          actual: now.value,
        });
      }
    }
  }
  return found;
}

/** What differs between a 実績 facility and its plan facility: 1.2 所在地, CEF/ε, and 方法1/方法2, in that order. */
function facilityDifferences(
  plan: WorkbookDigest,
  actual: WorkbookDigest,
  pair: PairedFacility,
  statedFigures: string[],
): Difference[] {
  const { label, f, p } = pair;
  const found: Difference[] = [];
  if (f.address && p.address && f.address.key !== p.address.key) {
    found.push({
      what: { ja: `施設「${label}」の所在地`, en: `the address of facility "${label}"` },
      at: { file: actual.file, ref: f.address.ref },
      plan: { file: plan.file, ref: p.address.ref },
      expected: p.address.value,
      actual: f.address.value,
    });
  }
  found.push(...factorDifferences(plan, actual, pair, statedFigures));
  const planned = plannedMethod(plan, p);
  if (planned && f.method && planned.value !== f.method) {
    found.push({
      what: {
        ja: `施設「${label}」の CEF/ε の方法（方法1/方法2）`,
        en: `the CEF/ε method of facility "${label}" (方法1/方法2)`,
      },
      at: { file: actual.file, ref: f.values.cefFuel?.ref ?? null },
      plan: planned.place,
      expected: planned.value,
      actual: f.method,
    });
  }
  return found;
}

/** Everything of the 実績 not as the plan registered it, and the plan's facilities the 実績 does not list. */
function differences(
  plan: WorkbookDigest,
  actual: WorkbookDigest,
): { found: Difference[]; absent: FacilityDigest[] } {
  const found: Difference[] = [];
  const methodology = methodologyDifference(plan, actual);
  if (methodology) found.push(methodology);
  const planFacilityOf = planFacilityMatcher(plan);
  const paired = new Set<FacilityDigest>();
  // 2.2's stated figures stand for every facility the plan lists without its own CEF
  const statedFigures = plan.fuelStatements.map((s) => s.figure).filter((x) => /^[0-9.]+$/.test(x));
  for (const f of actual.facilities) {
    const label = f.name?.value ?? f.approvalNumber?.value ?? `#${f.index + 1}`;
    const p = planFacilityOf(f, paired);
    if (!p) {
      found.push(unplannedFacility(plan, actual, f, label));
      continue;
    }
    paired.add(p);
    found.push(...facilityDifferences(plan, actual, { label, f, p }, statedFigures));
  }
  return { found, absent: plan.facilities.filter((f) => !paired.has(f)) };
}

/** The 実績 against the registered plan: each difference, judged by what 1.6 declares; 1.6 against what differs. */
export function compareWithPlan(plan: WorkbookDigest, actual: WorkbookDigest): PortfolioFinding[] {
  const { found, absent } = differences(plan, actual);
  const declared = actual.changes.state !== "none";
  const out: PortfolioFinding[] = found.map((d) =>
    declared
      ? portfolioFinding(
          "portfolio.plan.changed",
          d.at,
          d.plan,
          {
            ja: `${d.what.ja} が認定計画（${placeText(d.plan)}: ${d.expected}）と違います（実績: ${d.actual}）。1.6 の変更「${actual.changes.text ?? "有り"}」に含まれ、運営規則・方法論に照らして適切か確認してください。`,
            en: `${d.what.en} differs from the registered plan (${placeText(d.plan)}: ${d.expected}; 実績: ${d.actual}). Check that 1.6's change ("${actual.changes.text ?? "有り"}") covers it and that it is proper under the rules and the methodology.`,
          },
          { expected: d.expected, actual: d.actual },
        )
      : portfolioFinding(
          "portfolio.plan.undeclared",
          d.at,
          d.plan,
          {
            ja: `${d.what.ja} が認定計画（${placeText(d.plan)}: ${d.expected}）と違います（実績: ${d.actual}）が、1.6 は「無し」です。変更を 1.6 に記載し、必要なら変更申請をしてください。`,
            en: `${d.what.en} differs from the registered plan (${placeText(d.plan)}: ${d.expected}; 実績: ${d.actual}), but 1.6 says 無し: declare the change in 1.6 (and apply for the change where the rules require it).`,
          },
          { expected: d.expected, actual: d.actual },
        ),
  );
  if (declared && found.length === 0) {
    out.push(
      portfolioFinding(
        "portfolio.plan.changeUnseen",
        { file: actual.file, ref: actual.changes.ref },
        { file: plan.file, ref: null },
        {
          ja: `1.6 に変更「${actual.changes.text ?? "有り"}」が記載されていますが、認定計画（${plan.file}）と比べた方法論・施設・CEF/ε・方法1/方法2 に違いはありません。変更の内容を根拠資料で確認してください。`,
          en: `1.6 declares a change ("${actual.changes.text ?? "有り"}"), but the methodology, facilities, CEF/ε and 方法1/方法2 are as the registered plan (${plan.file}) has them: check the change against its evidence.`,
        },
      ),
    );
  }
  for (const f of absent) {
    const label = f.name?.value ?? f.approvalNumber?.value ?? `#${f.index + 1}`;
    out.push(
      portfolioFinding(
        "portfolio.plan.facilityAbsent",
        { file: plan.file, ref: f.name?.ref ?? f.approvalNumber?.ref ?? null },
        { file: actual.file, ref: null },
        {
          ja: `認定計画の施設「${label}」は ${actual.file} にありません（この期間の実績がないか、別のブックにあるか）。`,
          en: `The registered plan's facility "${label}" is not in ${actual.file} (no 実績 this period, or in another workbook).`,
        },
      ),
    );
  }
  return out;
}
