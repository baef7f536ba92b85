// The same facility claimed in two workbooks (別紙1 ※1: 「重複した…認証申請がなされていないか、チェックするため」),
// found as workbooks arrive: each digest is compared with those before it through small indexes, never with grids.
import type { CellRef } from "../types";
import { differsInNumber, isNearMiss } from "../forms/names";
import type { WorkbookDigest } from "./digest";
import type { DigestPeriod } from "./digest";
import { periodText, periodsOverlap, placeText, portfolioFinding } from "./finding";
import type { PortfolioFinding } from "./finding";

/** What is kept of a facility once its workbook has been compared: keys, period and cells, nothing else. */
interface Entry {
  file: number;
  /** The 承認番号 as typed, for messages (the maps hold its key). */
  approval: string | null;
  approvalRef: CellRef | null;
  name: string | null;
  nameKey: string | null;
  nameRef: CellRef | null;
  period: DigestPeriod;
}

/** The cross-workbook rules over digests added one at a time (portfolio.approvalNumber/facility/file.duplicate). */
export class CrossWorkbookIndex {
  private readonly files: string[] = [];
  private readonly bySha = new Map<string, number>();
  private readonly byApproval = new Map<string, Entry[]>();
  private readonly byAddress = new Map<string, Entry[]>();

  /** The findings this workbook brings against the workbooks added before it. */
  add(d: WorkbookDigest): PortfolioFinding[] {
    const copyOf = this.bySha.get(d.sha256);
    if (copyOf !== undefined) {
      const first = this.files[copyOf];
      return [
        portfolioFinding(
          "portfolio.file.duplicate",
          { file: d.file, ref: null },
          { file: first, ref: null },
          {
            ja: `${d.file} は ${first} と同じ内容のファイルです（SHA-256 ${d.sha256.slice(0, 12)}…）。2 つ目の施設はブック間の照合に含めていません。`,
            en: `${d.file} is the same file as ${first} (SHA-256 ${d.sha256.slice(0, 12)}…); its facilities are not compared again.`,
          },
        ),
      ];
    }
    const file = this.files.push(d.file) - 1;
    this.bySha.set(d.sha256, file);
    const out: PortfolioFinding[] = [];
    for (const f of d.facilities) {
      const entry: Entry = {
        file,
        approval: f.approvalNumber?.value ?? null,
        approvalRef: f.approvalNumber?.ref ?? null,
        name: f.name?.value ?? null,
        nameKey: f.name?.key ?? null,
        nameRef: f.name?.ref ?? null,
        period: f.period,
      };
      const reported = new Set<Entry>();
      if (f.approvalNumber) {
        const same = this.byApproval.get(f.approvalNumber.key) ?? [];
        for (const e of same) {
          if (e.file === file || !periodsOverlap(e.period, f.period)) continue;
          reported.add(e);
          const here = { file: d.file, ref: f.approvalNumber.ref };
          const there = { file: this.files[e.file], ref: e.approvalRef };
          out.push(
            portfolioFinding("portfolio.approvalNumber.duplicate", here, there, {
              ja: `承認番号 ${f.approvalNumber.value} が ${placeText(there)}（${e.name ?? "名称なし"}、${periodText(e.period)}）にもあり、申請期間（${periodText(f.period)}）が重なります。同じ削減量の重複申請でないか確認してください。`,
              en: `Approval number ${f.approvalNumber.value} is also at ${placeText(there)} (${e.name ?? "no name"}, ${periodText(e.period)}) and the periods overlap (${periodText(f.period)}): check that the same reduction is not applied for twice.`,
            }),
          );
        }
        if (same.length === 0) this.byApproval.set(f.approvalNumber.key, same);
        same.push(entry);
      }
      if (f.address && f.name) {
        const nameKey = f.name.key;
        const same = this.byAddress.get(f.address.key) ?? [];
        for (const e of same) {
          if (e.file === file || reported.has(e) || e.nameKey === null) continue;
          // one character off is a slip (稚板/単板), but not a number (1号機/2号機: two units at one site)
          if (
            e.nameKey !== nameKey &&
            (!isNearMiss(e.nameKey, nameKey) || differsInNumber(e.nameKey, nameKey))
          )
            continue;
          if (!periodsOverlap(e.period, f.period)) continue;
          const here = { file: d.file, ref: f.name.ref };
          const there = { file: this.files[e.file], ref: e.nameRef };
          const near = e.nameKey !== nameKey;
          out.push(
            portfolioFinding("portfolio.facility.duplicate", here, there, {
              ja: `施設「${f.name.value}」（${f.address.value}）は ${placeText(there)} の「${e.name}」${near ? "（1 文字違い）" : ""}と同じ所在地の同じ施設で、申請期間（${periodText(f.period)} と ${periodText(e.period)}）が重なります（承認番号 ${f.approvalNumber?.value ?? "なし"} と ${e.approval ?? "なし"}）。重複申請でないか確認してください。`,
              en: `Facility "${f.name.value}" (${f.address.value}) is "${e.name}" at ${placeText(there)}${near ? " (one character off)" : ""}, at the same address, and the periods overlap (${periodText(f.period)} and ${periodText(e.period)}; approval numbers ${f.approvalNumber?.value ?? "none"} and ${e.approval ?? "none"}): check that it is not applied for twice.`,
            }),
          );
        }
        if (same.length === 0) this.byAddress.set(f.address.key, same);
        same.push(entry);
      }
    }
    return out;
  }
}

/** Every cross-workbook finding of a set of digests, in the order given (the pane, or a test, with all at hand). */
export function crossWorkbookFindings(digests: Iterable<WorkbookDigest>): PortfolioFinding[] {
  const index = new CrossWorkbookIndex();
  const out: PortfolioFinding[] = [];
  for (const d of digests) out.push(...index.add(d));
  return out;
}
