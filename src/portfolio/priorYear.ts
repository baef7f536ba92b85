// Each facility against its previous 実績: paired by 承認番号, then by name (the engine's one matcher), and compared
// quantity by quantity under the thresholds its methodology declares (QuantityDeclaration.priorYear).
import type { CellRef, Grid, Message } from "../types";
import { Decimal, fiscalYearOfDate } from "../numbers";
import {
  findMethodology,
  fuelFactorText,
  fuelFactorsOfValue,
  fuelRevisionOfFiscalYear,
} from "../methodology";
import type { MethodologyDeclaration, QuantityDeclaration } from "../methodology";
import { differsInNumber, isNearMiss } from "../forms/names";
import { readSubmission } from "../forms/read";
import { grouped } from "../formula";
import { digestSubmission } from "./digest";
import type { DigestNumber, DigestPeriod, FacilityDigest, WorkbookDigest } from "./digest";
import { periodText, placeText, portfolioFinding } from "./finding";
import type { Place, PortfolioFinding } from "./finding";

/** A facility of the previous year's workbooks, and whether this year's have paired it. */
interface Previous {
  file: string;
  facility: FacilityDigest;
  paired: boolean;
}

const abs = (d: Decimal): Decimal => (d.isNegative() ? d.mul(-1) : d);

/** Places a change ratio is worked to before it is printed as a percentage. */
const RATIO_PLACES = 6;

/** "+100.0%", "−35.2%". */
function percentText(ratio: Decimal): string {
  const pct = ratio.mul(100).roundHalfUp(1);
  return `${pct.isNegative() ? "−" : "+"}${abs(pct).toFixed(1)}%`;
}

function shareOf(values: Record<string, DigestNumber>, key: string, per: string): Decimal | null {
  const a = values[key];
  const b = values[per];
  if (!a || !b || Decimal.from(b.value).isZero()) return null;
  return Decimal.from(a.value).div(b.value, 12, "halfUp");
}

/** "3.1 Q_BL", or "E_PS/Q_BL" for a share. */
function quantityName(m: MethodologyDeclaration, q: QuantityDeclaration): string {
  const per = q.priorYear?.per ? m.quantities.find((x) => x.key === q.priorYear?.per) : undefined;
  if (per) return `${q.symbol}/${per.symbol}（${q.column ?? ""} ÷ ${per.column ?? ""}）`;
  return `${q.column ?? ""} ${q.symbol}`.trim();
}

/** One quantity of a paired facility in both years, as its findings name and show it. */
interface QuantityPair {
  /** The facility's name (else its 承認番号, else its position). */
  label: string;
  /** "3.1 Q_BL", or "E_PS/Q_BL" for a share. */
  name: string;
  /** The previous year's value (or share), and this year's. */
  a: Decimal;
  b: Decimal;
  here: Place;
  there: Place;
  /** A share to 4 places, a quantity grouped. */
  shown: (d: Decimal) => string;
}

/** A quantity (or its share of `per`) of a facility in both years; null where either year lacks it. */
function quantityPair(
  current: WorkbookDigest,
  f: FacilityDigest,
  previous: Previous,
  m: MethodologyDeclaration,
  q: QuantityDeclaration,
  per: string | undefined,
): QuantityPair | null {
  const now = f.values[q.key];
  const before = previous.facility.values[q.key];
  if (!now || !before) return null;
  const a = per ? shareOf(previous.facility.values, q.key, per) : Decimal.from(before.value);
  const b = per ? shareOf(f.values, q.key, per) : Decimal.from(now.value);
  if (a === null || b === null) return null;
  return {
    label: f.name?.value ?? f.approvalNumber?.value ?? `#${f.index + 1}`,
    name: quantityName(m, q),
    a,
    b,
    here: { file: current.file, ref: now.ref },
    there: { file: previous.file, ref: before.ref },
    shown: (d: Decimal) => (per ? d.roundHalfUp(4).toString() : grouped(d)),
  };
}

/** portfolio.priorYear.change: a quantity moved by more than its relative threshold (any move from a previous 0). */
function relativeChange(
  { label, name, a, b, here, there, shown }: QuantityPair,
  relative: number,
  previousPeriod: DigestPeriod,
): PortfolioFinding | null {
  const change = b.sub(a);
  const beyond = a.isZero() ? !b.isZero() : abs(change).cmp(abs(a).mul(relative)) > 0;
  if (!beyond) return null;
  const ratio = a.isZero() ? null : change.div(abs(a), RATIO_PLACES, "halfUp");
  const pct = ratio ? `（${percentText(ratio)}、閾値 ±${relative * 100}%）` : "（前年度 0）";
  const pctEn = ratio ? ` (${percentText(ratio)}, threshold ±${relative * 100} %)` : " (0 the year before)";
  return portfolioFinding(
    "portfolio.priorYear.change",
    here,
    there,
    {
      ja: `施設「${label}」の ${name} が前年度 ${shown(a)}（${placeText(there)}、${periodText(previousPeriod)}）から ${shown(b)} に変わりました${pct}。理由を確認してください。`,
      en: `Facility "${label}": ${name} moved from ${shown(a)} the year before (${placeText(there)}, ${periodText(previousPeriod)}) to ${shown(b)}${pctEn}; check why.`,
    },
    { expected: shown(a), actual: shown(b) },
  );
}

/**
 * A factor that changed where its threshold is any change 1.6 does not declare: the same fuel's value under each
 * period's 算定省令 revision (factorVintage), else declared in 1.6 or not (factorDeclared / factorChanged).
 */
function factorChange(
  current: WorkbookDigest,
  { label, name, a, b, here, there, shown }: QuantityPair,
  q: QuantityDeclaration,
  previousPeriod: DigestPeriod,
  period: DigestPeriod,
): PortfolioFinding {
  const vintage = q.reference === "fuelFactor" ? revisionStep(a, b, previousPeriod, period) : null;
  if (vintage) {
    // the same fuel's factor in each year's 算定省令 revision: the factor followed its vintage, no plan change
    return portfolioFinding(
      "portfolio.priorYear.factorVintage",
      here,
      there,
      {
        ja: `施設「${label}」の ${name} が前年度 ${shown(a)}（${vintage.before.ja}）から ${shown(b)}（${vintage.after.ja}）に変わりました。同じ燃料の算定省令の改正による値で、期間の年度に合っています。`,
        en: `Facility "${label}": ${name} changed from ${shown(a)} (${vintage.before.en}) to ${shown(b)} (${vintage.after.en}): the same fuel's value under each period's revision of the SHK ordinance.`,
      },
      { expected: shown(a), actual: shown(b) },
    );
  }
  const declared = current.changes.state !== "none";
  return portfolioFinding(
    declared ? "portfolio.priorYear.factorDeclared" : "portfolio.priorYear.factorChanged",
    here,
    there,
    declared
      ? {
          ja: `施設「${label}」の ${name} が前年度 ${shown(a)}（${placeText(there)}）から ${shown(b)} に変わり、1.6 に変更「${current.changes.text ?? "有り"}」が記載されています。記載と合うか確認してください。`,
          en: `Facility "${label}": ${name} changed from ${shown(a)} (${placeText(there)}) to ${shown(b)}, and 1.6 declares "${current.changes.text ?? "有り"}": check that they agree.`,
        }
      : {
          ja: `施設「${label}」の ${name} が前年度 ${shown(a)}（${placeText(there)}）から ${shown(b)} に変わりましたが、1.6 は認定計画からの変更を「無し」としています。変更を 1.6 に記載するか、値を確認してください。`,
          en: `Facility "${label}": ${name} changed from ${shown(a)} (${placeText(there)}) to ${shown(b)}, but 1.6 declares no change from the approved plan: declare the change in 1.6, or check the value.`,
        },
    { expected: shown(a), actual: shown(b) },
  );
}

/**
 * The previous year's facilities, indexed once; `compare` pairs this year's workbooks with them one at a time, and
 * `disappeared` names what was never paired.
 */
export class PreviousYear {
  private readonly byApproval = new Map<string, Previous[]>();
  private readonly byName = new Map<string, Previous[]>();
  private readonly byAddress = new Map<string, Previous[]>();
  private readonly all: Previous[] = [];

  constructor(previous: Iterable<WorkbookDigest>) {
    for (const d of previous) this.addPrevious(d);
  }

  /** One more workbook of the previous year. */
  addPrevious(d: WorkbookDigest): void {
    for (const facility of d.facilities) {
      const p: Previous = { file: d.file, facility, paired: false };
      this.all.push(p);
      const index = (map: Map<string, Previous[]>, key: string | undefined) => {
        if (!key) return;
        const list = map.get(key);
        if (list) list.push(p);
        else map.set(key, [p]);
      };
      index(this.byApproval, facility.approvalNumber?.key);
      index(this.byName, facility.name?.key);
      index(this.byAddress, facility.address?.key);
    }
  }

  /** The previous facility this one continues: by 承認番号, else by name (equal, or one character off at the same address). */
  private pair(f: FacilityDigest): Previous | null {
    const pick = (candidates: Previous[]): Previous | null => {
      if (candidates.length === 0) return null;
      // the latest period that ends before this one starts; else the latest
      const start = f.period.start ?? "9999-12-31";
      const before = candidates.filter((c) => (c.facility.period.end ?? "") < start);
      const pool = before.length > 0 ? before : candidates;
      return pool.reduce((a, c) => ((c.facility.period.end ?? "") > (a.facility.period.end ?? "") ? c : a));
    };
    const slip = (a: string, b: string) => isNearMiss(a, b) && !differsInNumber(a, b);
    // a 承認番号 pairs where the name or the address agrees too: a number typed from another facility's row
    // (14-BB-002 on あわら温泉) must not compare two facilities' figures
    const agrees = (c: Previous) => {
      const name = c.facility.name;
      const address = c.facility.address;
      if (!f.name && !f.address) return true;
      return (
        (f.name !== null && name !== null && (name.key === f.name.key || slip(name.key, f.name.key))) ||
        (f.address !== null && address !== null && address.key === f.address.key)
      );
    };
    const byNumber = f.approvalNumber
      ? pick((this.byApproval.get(f.approvalNumber.key) ?? []).filter(agrees))
      : null;
    if (byNumber) return byNumber;
    if (!f.name) return null;
    const byName = pick(this.byName.get(f.name.key) ?? []);
    if (byName) return byName;
    const key = f.name.key;
    const near = (f.address ? (this.byAddress.get(f.address.key) ?? []) : []).filter(
      (c) => c.facility.name !== null && slip(c.facility.name.key, key),
    );
    return pick(near);
  }

  /** This workbook's facilities against the previous year: changes beyond the thresholds, and new facilities. */
  compare(current: WorkbookDigest): PortfolioFinding[] {
    const m = findMethodology(current.methodology.checkedAs);
    const out: PortfolioFinding[] = [];
    for (const f of current.facilities) {
      const previous = this.pair(f);
      const where: Place = { file: current.file, ref: f.name?.ref ?? f.approvalNumber?.ref ?? null };
      if (!previous) {
        const label = f.name?.value ?? f.approvalNumber?.value ?? `#${f.index + 1}`;
        out.push(
          portfolioFinding("portfolio.priorYear.appeared", where, null, {
            ja: `施設「${label}」（承認番号 ${f.approvalNumber?.value ?? "なし"}）は前年度の実績にありません（新しい施設か、承認番号と名称が変わったか）。`,
            en: `Facility "${label}" (approval number ${f.approvalNumber?.value ?? "none"}) is not in the previous 実績 (a new facility, or its number and name changed).`,
          }),
        );
        continue;
      }
      previous.paired = true;
      if (m) out.push(...this.changes(current, f, previous, m));
    }
    return out;
  }

  /** A paired facility's quantities against the previous year's, under the thresholds its methodology declares. */
  private changes(
    current: WorkbookDigest,
    f: FacilityDigest,
    previous: Previous,
    m: MethodologyDeclaration,
  ): PortfolioFinding[] {
    const out: PortfolioFinding[] = [];
    for (const q of m.quantities) {
      const threshold = q.priorYear;
      if (!threshold) continue;
      const pair = quantityPair(current, f, previous, m, q, threshold.per);
      if (!pair) continue;
      if (threshold.relative !== undefined) {
        const finding = relativeChange(pair, threshold.relative, previous.facility.period);
        if (finding) out.push(finding);
      } else if (threshold.unlessDeclared && !pair.a.eq(pair.b)) {
        out.push(factorChange(current, pair, q, previous.facility.period, f.period));
      }
    }
    return out;
  }

  /** The previous year's facilities no workbook of this year continued (call once every workbook is compared). */
  disappeared(): PortfolioFinding[] {
    return this.all
      .filter((p) => !p.paired)
      .map((p) => {
        const f = p.facility;
        const label = f.name?.value ?? f.approvalNumber?.value ?? `#${f.index + 1}`;
        const ref: CellRef | null = f.name?.ref ?? f.approvalNumber?.ref ?? null;
        return portfolioFinding("portfolio.priorYear.disappeared", { file: p.file, ref }, null, {
          ja: `前年度の施設「${label}」（承認番号 ${f.approvalNumber?.value ?? "なし"}、${periodText(f.period)}）が今年度のどのブックにもありません。`,
          en: `The previous year's facility "${label}" (approval number ${f.approvalNumber?.value ?? "none"}, ${periodText(f.period)}) is in none of this year's workbooks.`,
        });
      });
  }
}

/** This year's workbooks against the previous year's, all at hand: changes, new facilities, facilities gone. */
export function compareWithPreviousYear(
  current: Iterable<WorkbookDigest>,
  previous: Iterable<WorkbookDigest>,
): PortfolioFinding[] {
  const years = new PreviousYear(previous);
  const out: PortfolioFinding[] = [];
  for (const d of current) out.push(...years.compare(d));
  return [...out, ...years.disappeared()];
}

/**
 * One workbook against its earlier copy, as Grids (what the pane's 前年度と比較 has: the open workbook and a second
 * file). No hash is needed: the names are the workbooks' labels in the findings.
 */
export function compareGrids(
  current: { grid: Grid; name: string },
  previous: { grid: Grid; name: string },
): PortfolioFinding[] {
  const digest = (w: { grid: Grid; name: string }) =>
    digestSubmission(readSubmission(w.grid), { path: w.name, sha256: "" }, null);
  return compareWithPreviousYear([digest(current)], [digest(previous)]);
}

/** The fiscal year (April–March) a period starts in, from its YYYY-MM-DD start. */
function fiscalYearOfPeriod(period: DigestPeriod): number | null {
  const m = /^(\d{4})-(\d{2})/.exec(period.start ?? "");
  return m ? fiscalYearOfDate(Number(m[1]), Number(m[2])) : null;
}

/**
 * Whether a CEF_fuel,BL moved from one 算定省令 revision's value of a fuel to the next revision's value of the same
 * fuel, each the revision of its own period (灯油 0.0678 in FY2023 → 0.0686 in FY2024): the vintages, named.
 */
function revisionStep(
  before: Decimal,
  after: Decimal,
  beforePeriod: DigestPeriod,
  afterPeriod: DigestPeriod,
): { before: Message; after: Message } | null {
  const fyBefore = fiscalYearOfPeriod(beforePeriod);
  const fyAfter = fiscalYearOfPeriod(afterPeriod);
  if (fyBefore === null || fyAfter === null) return null;
  const revBefore = fuelRevisionOfFiscalYear(fyBefore).id;
  const revAfter = fuelRevisionOfFiscalYear(fyAfter).id;
  if (revBefore === revAfter) return null;
  for (const x of fuelFactorsOfValue(before).filter((f) => f.revision === revBefore))
    for (const y of fuelFactorsOfValue(after).filter((f) => f.revision === revAfter))
      if (x.fuel === y.fuel) return { before: fuelFactorText(x), after: fuelFactorText(y) };
  return null;
}
