// The pane's state and actions, without React: each button calls one method, the components render `state`.
import type { CellWrite, Finding, Materiality, Message, WritePlan } from "../src/types";
import { formatRef } from "../src/forms/a1";
import { LISTED } from "../src/text";
import { checkFileSize } from "../io/errors";
import { PAGE_SIZE, facetsOf, filteredFindings, pageOf } from "./findings";
import type { FindingFilter } from "./findings";
import type { Backend, SkippedWrite } from "./backend";
import { documentBackend } from "./backend";
import type { CellExplanation, Engine, EngineInfo, PortfolioFinding, ValidationReport } from "./engine/api";
import { strings } from "./i18n";
import type { Lang } from "./i18n";
import { describeError } from "./errors";
import { countMessage, showExpected } from "./format";

export type HostMode = "excel" | "standalone";

export interface Notice {
  intent: "error" | "warning" | "success" | "info";
  text: Message;
}

/** fill and fix write values over values; finalize writes values over GEC. formulas (its own table). */
export type PreviewKind = "fill" | "fix" | "finalize";

export interface Preview {
  kind: PreviewKind;
  writes: WritePlan;
  /** What the writes do to the certified t (a fill's plan, a fix's finding): 「排出削減量（t）は変わりません」. */
  materiality?: Materiality;
}

export interface TemplateChoice {
  methodology: string;
  facilities: number;
  withMonitoring: boolean;
  /** null: the fiscal year a 実績 form reports today. */
  fiscalYear: number | null;
}

/** Standalone: the workbook open in the page. */
export interface OpenFile {
  name: string;
  /** Written to since it was opened or downloaded: closing the tab would lose it. */
  unsaved: boolean;
}

/** A file the pane made, for the person to keep. */
export interface FileToSave {
  name: string;
  bytes: Uint8Array;
}

export interface PaneState {
  mode: HostMode;
  lang: Lang;
  busy: boolean;
  /** The live region's text: a new `n` each time, so the same text twice is announced twice. */
  announcement: { text: Message; n: number } | null;
  notices: Notice[];
  report: ValidationReport | null;
  filter: FindingFilter;
  /** The page of the (filtered) findings shown, 0-based. */
  page: number;
  pageSize: number;
  /** The finding 次の指摘 / 前の指摘 moved to, an index into the filtered findings. */
  current: number | null;
  preview: Preview | null;
  /** What the last 書き込む wrote, for 元に戻す. */
  applied: CellWrite[];
  info: EngineInfo | null;
  template: TemplateChoice;
  /** Excel: mark flagged cells after 検証; whether marks are in the workbook now. */
  marking: boolean;
  marked: boolean;
  /** Standalone: the cell typed for このセルの計算根拠. */
  cellText: string;
  explained: CellExplanation | null;
  /** Whether a workbook is there to act on (Excel: always; standalone: once a file is open). */
  ready: boolean;
  file: OpenFile | null;
  /** Standalone: why the file could not be opened or saved (shown by the file bar as an alert). */
  fileError: Message | null;
  /** 前年度と比較: the previous 実績 chosen and what comparing with it found. */
  comparison: { previous: string; findings: PortfolioFinding[] } | null;
}

export interface PaneDeps {
  mode: HostMode;
  engine: Engine;
  /** Excel: the workbook. Standalone: none until a file is opened or a template makes one. */
  backend?: Backend | null;
  /**
   * Hands a file the pane made to the person (standalone: a download; Excel: the working paper opened as a new
   * workbook) and says so, for the live region.
   */
  saveFile?: (file: FileToSave) => Promise<Message>;
  /** Excel: the open workbook's name, which the working paper names as its input. */
  workbookName?: () => Promise<string>;
  rememberLanguage?: (lang: Lang) => void;
  initialLang?: Lang;
  /** Findings shown at once; Infinity shows them all (the bench's baseline, `?paging=off`). */
  pageSize?: number;
}

const NO_WORKBOOK = { code: "NoWorkbook" };

/** What 前年度と比較 found, for the live region and the section's heading. */
export function comparisonMessage(previous: string, findings: PortfolioFinding[]): Message {
  const warnings = findings.filter((f) => f.severity !== "info").length;
  return findings.length === 0
    ? {
        ja: `前年度（${previous}）と比べて指摘はありません。`,
        en: `No findings against the previous year (${previous}).`,
      }
    : {
        ja: `前年度（${previous}）との比較: ${findings.length} 件（うち警告・エラー ${warnings} 件）。`,
        en: `Against the previous year (${previous}): ${findings.length} findings (${warnings} warnings or errors).`,
      };
}

function joinMessages(messages: Message[]): Message {
  return { ja: messages.map((m) => m.ja).join(" "), en: messages.map((m) => m.en).join(" ") };
}

/** What a fill plan leaves alone, refusals (fill.refused.*) first as warnings, at most LISTED, then a count. */
function planNotices(skipped: Finding[]): Notice[] {
  const refused = (f: Finding) => f.rule.startsWith("fill.refused.");
  const refusedFirst = [...skipped].sort((a, b) => Number(!refused(a)) - Number(!refused(b)));
  const shown: Notice[] = refusedFirst
    .slice(0, LISTED)
    .map((f) => ({ intent: refused(f) ? "warning" : "info", text: f.message }));
  const more = skipped.length - shown.length;
  return more > 0 ? [...shown, { intent: "info", text: countMessage(more, "moreLeft") }] : shown;
}

const skippedNotices = (skipped: SkippedWrite[]): Notice[] =>
  skipped.map((s) => ({ intent: "warning", text: s.reason }));

export class PaneController {
  private snapshot: PaneState;
  private readonly listeners = new Set<() => void>();
  private backend: Backend | null;
  private readonly engine: Engine;
  private readonly deps: PaneDeps;

  constructor(deps: PaneDeps) {
    this.deps = deps;
    this.engine = deps.engine;
    this.backend = deps.backend ?? null;
    this.snapshot = {
      mode: deps.mode,
      lang: deps.initialLang ?? "ja",
      busy: false,
      announcement: null,
      notices: [],
      report: null,
      filter: { severity: null, sheet: null, facility: null },
      page: 0,
      pageSize: deps.pageSize ?? PAGE_SIZE,
      current: null,
      preview: null,
      applied: [],
      info: null,
      template: { methodology: "H002-2", facilities: 1, withMonitoring: false, fiscalYear: null },
      marking: false,
      marked: false,
      cellText: "",
      explained: null,
      ready: this.backend !== null,
      file: null,
      fileError: null,
      comparison: null,
    };
  }

  get state(): PaneState {
    return this.snapshot;
  }

  /** For React's useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PaneState => this.snapshot;

  /** Whether the workbook can tell its selected cell (Excel), or the person types one (standalone). */
  get selectsCells(): boolean {
    return this.backend?.select !== undefined;
  }

  get readsActiveCell(): boolean {
    return this.backend?.activeCell !== undefined;
  }

  private set(patch: Partial<PaneState>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }

  private announce(text: Message): void {
    this.set({ announcement: { text, n: (this.snapshot.announcement?.n ?? 0) + 1 } });
  }

  /** Loads what テンプレート挿入 offers (the methodologies, this fiscal year); the pane works without it meanwhile. */
  async start(): Promise<void> {
    try {
      this.set({ info: await this.engine.info() });
    } catch {
      // the template choices keep their defaults; the first action that needs the engine reports its failure
    }
  }

  /** Runs one action with the spinner; every failure becomes a notice, also announced. */
  private async run(action: () => Promise<void>): Promise<void> {
    this.set({ busy: true, notices: [] });
    try {
      await action();
    } catch (e) {
      const text = describeError(e);
      this.set({ notices: [{ intent: "error", text }] });
      this.announce(text);
    } finally {
      this.set({ busy: false });
    }
  }

  private workbook(): Backend {
    if (!this.backend) throw NO_WORKBOOK;
    return this.backend;
  }

  /** Another workbook: its findings, preview, Revert and explanation do not carry over. */
  private useBackend(backend: Backend, file: OpenFile | null): void {
    this.backend = backend;
    this.set({
      ready: true,
      file,
      fileError: null,
      report: null,
      preview: null,
      applied: [],
      explained: null,
      comparison: null,
      filter: { severity: null, sheet: null, facility: null },
      page: 0,
      current: null,
    });
  }

  setLang(lang: Lang): void {
    this.set({ lang });
    this.deps.rememberLanguage?.(lang);
  }

  setMarking(marking: boolean): void {
    this.set({ marking });
  }

  setCellText(cellText: string): void {
    this.set({ cellText });
  }

  setTemplate(patch: Partial<TemplateChoice>): void {
    this.set({ template: { ...this.snapshot.template, ...patch } });
  }

  setFilter(patch: Partial<FindingFilter>): void {
    this.set({ filter: { ...this.snapshot.filter, ...patch }, page: 0, current: null });
  }

  setPage(page: number): void {
    const { pages } = pageOf(this.snapshot);
    this.set({ page: Math.max(0, Math.min(page, pages - 1)) });
  }

  /** 検証: the findings of the workbook as it is now, and the summary announced. */
  validate(): Promise<void> {
    return this.run(async () => {
      const backend = this.workbook();
      const report = await this.engine.validate(await backend.source());
      this.showReport(report);
      this.set({ preview: null });
      const notices: Notice[] = report.summary.recognized
        ? []
        : [{ intent: "warning", text: strings.notForm }];
      this.announce(
        report.summary.recognized
          ? report.summary.text
          : joinMessages([report.summary.text, strings.notForm]),
      );
      // markers of the previous run go either way; new ones only when asked for
      if (this.snapshot.marking && backend.mark) {
        await backend.mark(report.findings.map((f) => f.ref));
        this.set({ marked: true });
      } else if (this.snapshot.marked && backend.clearMarks) {
        await backend.clearMarks();
        this.set({ marked: false });
      }
      this.set({ notices });
    });
  }

  /** A new report keeps the filter where it still selects something, and the page where it still exists. */
  private showReport(report: ValidationReport): void {
    const facets = facetsOf(report);
    const { filter } = this.snapshot;
    const kept: FindingFilter = {
      severity: facets.severities.some(([s]) => s === filter.severity) ? filter.severity : null,
      sheet: facets.sheets.some(([s]) => s === filter.sheet) ? filter.sheet : null,
      facility: facets.facilities.some(([f]) => f === filter.facility) ? filter.facility : null,
    };
    this.set({ report, filter: kept, current: null });
    this.setPage(this.snapshot.page);
  }

  /** 自動入力: the plan of every derived cell, previewed before anything is written. */
  fill(): Promise<void> {
    return this.run(async () => {
      const plan = await this.engine.planFill(await this.workbook().source(), { formulas: false });
      const left = planNotices(plan.skipped);
      if (plan.writes.length === 0) {
        this.set({ preview: null, notices: [{ intent: "info", text: strings.nothingToFill }, ...left] });
        this.announce(joinMessages([strings.nothingToFill, ...left.map((n) => n.text)]));
        return;
      }
      this.set({
        notices: left,
        preview: { kind: "fill", writes: plan.writes, materiality: plan.materiality },
      });
      this.announce(joinMessages([countMessage(plan.writes.length, "toWrite"), ...left.map((n) => n.text)]));
    });
  }

  /** 提出用に確定: a preview of every GEC. formula and the value that replaces it; what has no value is said. */
  finalize(): Promise<void> {
    return this.run(async () => {
      const plan = await this.engine.planFinalize(await this.workbook().source());
      const left: Notice[] = plan.skipped.map((s) => ({ intent: "warning", text: s.message }));
      if (plan.writes.length === 0) {
        const notices = left.length ? left : [{ intent: "info" as const, text: strings.nothingToFinalize }];
        this.set({ preview: null, notices });
        this.announce(notices[0].text);
        return;
      }
      this.set({
        notices: [{ intent: "info", text: strings.finalizeNote }, ...left],
        preview: { kind: "finalize", writes: plan.writes },
      });
      this.announce(countMessage(plan.writes.length, "toWrite"));
    });
  }

  /** 修正 on one finding: its one-cell fix, previewed. */
  fix(finding: Finding): void {
    if (!finding.fix) return;
    this.set({
      preview: { kind: "fix", writes: [finding.fix], materiality: finding.materiality },
      notices: [],
    });
    this.announce(countMessage(1, "toWrite"));
  }

  cancelPreview(): void {
    this.set({ preview: null });
  }

  /** 書き込む: the preview written; the findings and the explanation shown refreshed from the workbook as written. */
  commit(): Promise<void> {
    return this.run(async () => {
      const preview = this.snapshot.preview;
      if (!preview) return;
      const backend = this.workbook();
      const result = await backend.apply(preview.writes);
      const written = countMessage(result.applied.length, "written");
      this.set({
        applied: result.applied,
        preview: null,
        notices: [{ intent: "success", text: written }, ...skippedNotices(result.skipped)],
        file: this.changed(result.applied.length > 0),
      });
      this.announce(joinMessages([written, ...result.skipped.map((x) => x.reason)]));
      await this.refresh(backend);
    });
  }

  /** 元に戻す: what the last 書き込む replaced, restored; refreshed as after a write. */
  revert(): Promise<void> {
    return this.run(async () => {
      const applied = this.snapshot.applied;
      if (applied.length === 0) return;
      const backend = this.workbook();
      const result = await backend.revert(applied);
      const restored = countMessage(result.applied.length, "restored");
      this.set({
        applied: [],
        notices: [{ intent: "success", text: restored }, ...skippedNotices(result.skipped)],
        file: this.changed(result.applied.length > 0),
      });
      this.announce(joinMessages([restored, ...result.skipped.map((x) => x.reason)]));
      await this.refresh(backend);
    });
  }

  private changed(wrote: boolean): OpenFile | null {
    const file = this.snapshot.file;
    return file && wrote ? { ...file, unsaved: true } : file;
  }

  /** After a write: the workbook read once, for the findings and for the explanation on screen (it would be stale). */
  private async refresh(backend: Backend): Promise<void> {
    const source = await backend.source();
    const explained = this.snapshot.explained;
    const [report, explanation] = await Promise.all([
      this.engine.validate(source),
      explained ? this.engine.explain(source, explained.ref) : Promise.resolve(null),
    ]);
    this.showReport(report);
    if (explanation)
      this.set({ explained: explanation.kind === "explained" ? explanation.explanation : null });
  }

  /** テンプレート挿入: into the open workbook; standalone with none open, into a new one. */
  insertTemplate(): Promise<void> {
    return this.run(async () => {
      const { methodology, facilities, withMonitoring, fiscalYear } = this.snapshot.template;
      const monitored =
        withMonitoring &&
        this.snapshot.info?.methodologies.find((m) => m.code === methodology)?.monitoringTable;
      const year = monitored ? (fiscalYear ?? this.snapshot.info?.lastFiscalYear) : undefined;
      const template = await this.engine.buildTemplate(methodology, facilities, year);
      if (!this.backend && this.snapshot.mode === "standalone") {
        await this.engine.newDocument();
        this.useBackend(documentBackend(this.engine), {
          name: `${methodology}-${facilities}-template.xlsx`,
          unsaved: false,
        });
      }
      const created = await this.workbook().insertTemplate(template);
      const text = {
        ja: strings.inserted.ja + created.join("、"),
        en: strings.inserted.en + created.join(", "),
      };
      this.set({ notices: [{ intent: "success", text }], file: this.changed(true) });
      this.announce(text);
    });
  }

  /** このセルの計算根拠: the selected cell in Excel, the typed one standalone; a bad entry clears the last one. */
  explain(): Promise<void> {
    return this.run(async () => {
      const backend = this.workbook();
      const ref = backend.activeCell
        ? await backend.activeCell()
        : await this.engine.parseCell(this.snapshot.cellText);
      if (!ref) {
        this.set({ explained: null, notices: [{ intent: "warning", text: strings.badCell }] });
        this.announce(strings.badCell);
        return;
      }
      const result = await this.engine.explain(await backend.source(), ref);
      if (result.kind === "notDerived") {
        this.set({ explained: null, notices: [{ intent: "info", text: result.message }] });
        this.announce(result.message);
        return;
      }
      const e = result.explanation;
      this.set({ explained: e });
      const expected = e.expected === null ? "—" : showExpected(e.expected, "ja");
      const expectedEn = e.expected === null ? "—" : showExpected(e.expected, "en");
      this.announce({
        ja: `${formatRef(e.ref)} ${e.symbol}: ${strings.shouldBe.ja} ${expected}、${e.agrees ? strings.agrees.ja : strings.differs.ja}`,
        en: `${formatRef(e.ref)} ${e.symbol}: ${strings.shouldBe.en} ${expectedEn}, ${e.agrees ? strings.agrees.en : strings.differs.en}`,
      });
    });
  }

  clearMarks(): Promise<void> {
    return this.run(async () => {
      await this.backend?.clearMarks?.();
      this.set({ marked: false });
    });
  }

  /** A finding clicked: its cell selected in Excel, and it becomes the current one. */
  selectFinding(finding: Finding): Promise<void> {
    const i = filteredFindings(this.snapshot).indexOf(finding);
    if (i >= 0) this.set({ current: i });
    const backend = this.backend;
    if (!backend?.select) return Promise.resolve();
    return this.run(() => backend.select!(finding.ref));
  }

  nextFinding(): Promise<void> {
    return this.step(1);
  }

  previousFinding(): Promise<void> {
    return this.step(-1);
  }

  /** 次の指摘 / 前の指摘: the page follows; Excel selects the cell; the finding is announced. */
  private async step(delta: 1 | -1): Promise<void> {
    const findings = filteredFindings(this.snapshot);
    if (findings.length === 0) return;
    const at = this.snapshot.current;
    const i =
      at === null
        ? delta > 0
          ? 0
          : findings.length - 1
        : Math.max(0, Math.min(findings.length - 1, at + delta));
    const page = Number.isFinite(this.snapshot.pageSize) ? Math.floor(i / this.snapshot.pageSize) : 0;
    this.set({ current: i, page });
    const f = findings[i];
    const n = findings.length;
    this.announce({
      ja: `${i + 1} / ${n} 件目 ${formatRef(f.ref)}: ${f.message.ja}`,
      en: `${i + 1} of ${n}, ${formatRef(f.ref)}: ${f.message.en}`,
    });
    const backend = this.backend;
    if (backend?.select) await this.run(() => backend.select!(f.ref));
  }

  // ---- standalone: the file bar ------------------------------------------------------------------------------

  /** Opens a chosen .xlsx: its size checked before a byte is read; read and kept by the engine (off the page). */
  openFile(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> {
    return this.run(async () => {
      this.set({ fileError: null });
      try {
        checkFileSize(file.size); // a 2 GB file is refused at once, not read whole into memory first
        await this.engine.openDocument(new Uint8Array(await file.arrayBuffer()));
      } catch (e) {
        const text = describeError(e); // what is wrong with the file and what to do
        this.set({ fileError: text });
        this.announce(text);
        return;
      }
      this.useBackend(documentBackend(this.engine), { name: file.name, unsaved: false });
    });
  }

  /**
   * 前年度と比較: the open workbook against a second file, its previous 実績 (standalone and in Excel alike: the file
   * is chosen in the pane and read by the engine's bounded reader). Each facility's Q_BL, E_PS/Q_BL, S_B, ε, CEF and
   * t against the year before, under the methodology's thresholds.
   */
  comparePrevious(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> {
    return this.run(async () => {
      try {
        checkFileSize(file.size);
        const current = this.snapshot.file?.name ?? (await this.deps.workbookName?.()) ?? "workbook";
        const findings = await this.engine.compareWithPrevious(
          await this.workbook().source(),
          new Uint8Array(await file.arrayBuffer()),
          { current, previous: file.name },
        );
        this.set({ comparison: { previous: file.name, findings } });
        this.announce(comparisonMessage(file.name, findings));
      } catch (e) {
        const text = describeError(e);
        this.set({ comparison: null, notices: [{ intent: "error", text }] });
        this.announce(text);
      }
    });
  }

  /** A comparison finding's cell in the open workbook, selected (Excel). */
  selectComparison(f: PortfolioFinding): Promise<void> {
    const backend = this.backend;
    const ref = f.at.ref;
    if (!backend?.select || !ref) return Promise.resolve();
    return this.run(() => backend.select!(ref));
  }

  /** ダウンロード: the opened package with only the written cells changed, as `gec fill` writes it. */
  download(): Promise<void> {
    const file = this.snapshot.file;
    if (!file) return Promise.resolve();
    return this.deliver(
      async () => ({
        name: file.name.replace(/(\.xlsx)?$/i, "-gec.xlsx"),
        bytes: await this.engine.saveDocument(),
      }),
      () => this.set({ file: this.snapshot.file && { ...this.snapshot.file, unsaved: false } }),
    );
  }

  /**
   * 検証結果一覧表: the verifier's working paper of the workbook, as `gec report` writes it — a download standalone, a
   * new workbook in Excel (saveFile says which).
   */
  downloadReport(): Promise<void> {
    const file = this.snapshot.file;
    return this.deliver(async () => {
      const name = file?.name ?? (await this.deps.workbookName?.()) ?? "workbook";
      return {
        name: name.replace(/(\.xlsx)?$/i, "-report.xlsx"),
        bytes: await this.engine.workingPaper(await this.workbook().source(), this.snapshot.lang, name),
      };
    });
  }

  /**
   * An action that makes a file: made by the engine, handed to the person by `saveFile` (a download standalone), and
   * confirmed in the live region with what saveFile says it did. A failure is the file bar's alert.
   */
  private deliver(make: () => Promise<FileToSave>, saved?: () => void): Promise<void> {
    const saveFile = this.deps.saveFile;
    if (!saveFile) return Promise.resolve();
    return this.run(async () => {
      this.set({ fileError: null });
      try {
        const confirmation = await saveFile(await make());
        saved?.();
        this.announce(confirmation);
      } catch (e) {
        const text = describeError(e);
        this.set({ fileError: text });
        this.announce(text);
      }
    });
  }
}
