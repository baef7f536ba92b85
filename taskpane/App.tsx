// The pane: validate, fix, fill with preview and revert, insert templates — in Excel or on a .xlsx file.
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  SpinButton,
  Spinner,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Toolbar,
  ToolbarButton,
  tokens,
} from "@fluentui/react-components";
import type { CellValue, CellWrite, Finding, Materiality, Message, WritePlan } from "../src/types";
import { previewMessage } from "../src/checks/materialityText";
import { formatRef } from "../src/forms/a1";
import { LISTED } from "../src/text";
import type { Backend, SkippedWrite, WorkbookFactory } from "./backend";
import { loadEngine } from "./engineApi";
import type { EngineApi, ValidationReport } from "./engineApi";
import { strings, tr } from "./i18n";
import type { Lang } from "./i18n";
import { describeError } from "./errors";
import { countMessage, groupDigits, showExpected, showValue } from "./format";
import { rememberLanguage } from "./prefs";
import type { DerivationStep } from "../src/formula/expr";
import type { CellExplanation } from "./engineApi";

export type HostMode = "excel" | "standalone";

interface Notice {
  intent: "error" | "warning" | "success" | "info";
  text: Message;
}

interface Preview {
  writes: WritePlan;
  title: Message;
  /** What the writes do to the certified t (a fill's plan, a fix's finding): 「排出削減量（t）は変わりません」. */
  materiality?: Materiality;
}

function writeText(w: CellWrite, lang: Lang): string {
  return w.formula !== undefined ? w.formula : showValue(w.value, lang);
}

function previousText(w: CellWrite, lang: Lang): string {
  return w.previousFormula ? w.previousFormula : showValue(w.previous as CellValue, lang);
}

/** Read by screen readers without taking the focus; on screen it takes no room (Fluent's visually hidden style). */
const VISUALLY_HIDDEN: React.CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};

/** What the standalone file bar needs from the pane. */
export interface FileBarProps {
  lang: Lang;
  busy: boolean;
}

/** Called as a render function (not mounted as a component), so the file input keeps its state. */
export type RenderFileBar = React.FC<FileBarProps>;

export interface AppProps {
  mode: HostMode;
  backend: Backend | null;
  /** Standalone only: the file picker and download, rendered above the toolbar. */
  fileBar?: RenderFileBar;
  /** Standalone only: set once a workbook is open. */
  ready?: boolean;
  /** Standalone only: a new empty workbook for テンプレート挿入 when no file is open. */
  createWorkbook?: WorkbookFactory;
  /** Office's display language or the remembered choice (taskpane/prefs). */
  initialLang?: Lang;
}

export function App({
  mode,
  backend,
  fileBar: renderFileBar,
  ready = true,
  createWorkbook,
  initialLang = "ja",
}: AppProps): React.JSX.Element {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  // the live region's text: a new key each time, so the same summary twice is announced twice
  const [announcement, setAnnouncement] = React.useState<{ text: Message; n: number } | null>(null);
  const announce = (text: Message) => setAnnouncement((a) => ({ text, n: (a?.n ?? 0) + 1 }));
  const [busy, setBusy] = React.useState(false);
  const [report, setReport] = React.useState<ValidationReport | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [preview, setPreview] = React.useState<Preview | null>(null);
  const [applied, setApplied] = React.useState<CellWrite[]>([]);
  const [engine, setEngine] = React.useState<EngineApi | null>(null);
  const [methodology, setMethodology] = React.useState("H002-2");
  const [facilities, setFacilities] = React.useState(1);
  const [withMonitoring, setWithMonitoring] = React.useState(false);
  const [fiscalYear, setFiscalYear] = React.useState<number | null>(null);
  const [marking, setMarking] = React.useState(false);
  const [marked, setMarked] = React.useState(false);
  const [cellText, setCellText] = React.useState("");
  const [explained, setExplained] = React.useState<CellExplanation | null>(null);
  const t = (m: Message) => tr(m, lang);

  React.useEffect(() => {
    void loadEngine().then(setEngine, () => undefined);
  }, []);

  // Another workbook (standalone: a new file): its findings, preview and Revert do not carry over.
  React.useEffect(() => {
    setReport(null);
    setPreview(null);
    setApplied([]);
    setExplained(null);
  }, [backend]);

  /** Runs one user action with a spinner; every failure becomes a MessageBar. */
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setNotices([]);
    try {
      await action();
    } catch (e) {
      const text = describeError(e);
      setNotices([{ intent: "error", text }]);
      announce(text);
    } finally {
      setBusy(false);
    }
  };

  const skippedNotices = (skipped: SkippedWrite[]): Notice[] =>
    skipped.map((s) => ({ intent: "warning", text: s.reason }));

  /** What a fill plan leaves alone, refusals (fill.refused.*) first as warnings, at most LISTED, then a count. */
  const planNotices = (skipped: Finding[]): Notice[] => {
    const refusedFirst = [...skipped].sort(
      (a, b) => Number(!a.rule.startsWith("fill.refused.")) - Number(!b.rule.startsWith("fill.refused.")),
    );
    const shown: Notice[] = refusedFirst.slice(0, LISTED).map((f) => ({
      intent: f.rule.startsWith("fill.refused.") ? "warning" : "info",
      text: f.message,
    }));
    const more = skipped.length - shown.length;
    return more > 0 ? [...shown, { intent: "info", text: countMessage(more, "moreLeft") }] : shown;
  };

  const validate = () =>
    run(async () => {
      if (!backend) throw { code: "NoWorkbook" };
      const api = await loadEngine();
      const grid = await backend.readGrid();
      const r = api.validateGrid(grid);
      setReport(r);
      setPreview(null);
      const out: Notice[] = [];
      if (!r.summary.recognized) out.push({ intent: "warning", text: strings.notForm });
      announce(
        r.summary.recognized
          ? r.summary.text
          : {
              ja: `${r.summary.text.ja} ${strings.notForm.ja}`,
              en: `${r.summary.text.en} ${strings.notForm.en}`,
            },
      );
      // Markers of the previous run go either way; new ones only when asked for.
      if (marking && backend.mark) {
        await backend.mark(r.findings.map((f) => f.ref));
        setMarked(true);
      } else if (marked && backend.clearMarks) {
        await backend.clearMarks();
        setMarked(false);
      }
      setNotices(out);
    });

  const fill = () =>
    run(async () => {
      if (!backend) throw { code: "NoWorkbook" };
      const api = await loadEngine();
      const grid = await backend.readGrid();
      const plan = api.planFill(grid, { formulas: false });
      const left = planNotices(plan.skipped);
      if (plan.writes.length === 0) {
        setNotices([{ intent: "info", text: strings.nothingToFill }, ...left]);
        announce(joinMessages([strings.nothingToFill, ...left.map((n) => n.text)]));
      } else {
        setNotices(left);
        setPreview({ writes: plan.writes, title: strings.fill, materiality: plan.materiality });
        announce(joinMessages([countMessage(plan.writes.length, "toWrite"), ...left.map((n) => n.text)]));
      }
    });

  /** 提出用に確定: a preview of every GEC. formula and the value that replaces it; what has no value is said. */
  const finalize = () =>
    run(async () => {
      if (!backend) throw { code: "NoWorkbook" };
      const api = await loadEngine();
      const plan = api.planFinalize(await backend.readGrid());
      const left: Notice[] = plan.skipped.map((s) => ({ intent: "warning", text: s.message }));
      if (plan.writes.length === 0) {
        setNotices([
          ...left,
          ...(left.length ? [] : [{ intent: "info" as const, text: strings.nothingToFinalize }]),
        ]);
        announce(left.length ? left[0].text : strings.nothingToFinalize);
        return;
      }
      setNotices([{ intent: "info", text: strings.finalizeNote }, ...left]);
      setPreview({ writes: plan.writes, title: strings.finalize });
      announce(countMessage(plan.writes.length, "toWrite"));
    });

  const fixOne = (f: Finding) => {
    if (!f.fix) return;
    setPreview({ writes: [f.fix], title: strings.fix, materiality: f.materiality });
    announce(countMessage(1, "toWrite"));
  };

  const commit = () =>
    run(async () => {
      if (!backend || !preview) return;
      const result = await backend.apply(preview.writes);
      setApplied(result.applied);
      setPreview(null);
      const written = countMessage(result.applied.length, "written");
      setNotices([{ intent: "success", text: written }, ...skippedNotices(result.skipped)]);
      announce(joinMessages([written, ...result.skipped.map((x) => x.reason)]));
      setReport(await loadEngine().then(async (api) => api.validateGrid(await backend.readGrid())));
    });

  const revert = () =>
    run(async () => {
      if (!backend || applied.length === 0) return;
      const result = await backend.revert(applied);
      setApplied([]);
      const restored = countMessage(result.applied.length, "restored");
      setNotices([{ intent: "success", text: restored }, ...skippedNotices(result.skipped)]);
      announce(joinMessages([restored, ...result.skipped.map((x) => x.reason)]));
      setReport(await loadEngine().then(async (api) => api.validateGrid(await backend.readGrid())));
    });

  const insertTemplate = () =>
    run(async () => {
      const api = await loadEngine();
      const target =
        backend && ready
          ? backend
          : await createWorkbook?.create(`${methodology}-${facilities}-template.xlsx`);
      if (!target) throw { code: "NoWorkbook" };
      const monitored =
        withMonitoring && api.methodologies.find((m) => m.code === methodology)?.monitoringTable;
      const created = await target.insertTemplate(
        api.buildTemplate(
          methodology,
          facilities,
          monitored ? (fiscalYear ?? api.lastFiscalYear) : undefined,
        ),
      );
      const text = {
        ja: strings.inserted.ja + created.join("、"),
        en: strings.inserted.en + created.join(", "),
      };
      setNotices([{ intent: "success", text }]);
      announce(text);
    });

  /** このセルの計算根拠: the selected cell in Excel, the typed one standalone. */
  const explainSelected = () =>
    run(async () => {
      if (!backend) throw { code: "NoWorkbook" };
      const api = await loadEngine();
      const ref = backend.activeCell ? await backend.activeCell() : api.parseCell(cellText);
      if (!ref) {
        setNotices([{ intent: "warning", text: strings.badCell }]);
        announce(strings.badCell);
        return;
      }
      const result = api.explainCell(await backend.readGrid(), ref);
      if (result.kind === "notDerived") {
        setExplained(null);
        setNotices([{ intent: "info", text: result.message }]);
        announce(result.message);
        return;
      }
      setExplained(result.explanation);
      const e = result.explanation;
      announce({
        ja: `${formatRef(e.ref)} ${e.symbol}: ${strings.shouldBe.ja} ${e.expected ?? "—"}、${e.agrees ? strings.agrees.ja : strings.differs.ja}`,
        en: `${formatRef(e.ref)} ${e.symbol}: ${strings.shouldBe.en} ${e.expected ?? "—"}, ${e.agrees ? strings.agrees.en : strings.differs.en}`,
      });
    });

  const clearMarks = () =>
    run(async () => {
      if (backend?.clearMarks) await backend.clearMarks();
      setMarked(false);
    });

  const disabled = busy || !backend || !ready;
  const bySheet = new Map<string, Finding[]>();
  for (const f of report?.findings ?? []) bySheet.set(f.ref.sheet, [...(bySheet.get(f.ref.sheet) ?? []), f]);

  return (
    <>
      {/* outside <main>: what it says is also on screen, where the pane's own text is found */}
      <div aria-live="polite" role="status" lang={lang} data-testid="live" style={VISUALLY_HIDDEN}>
        {announcement && <span key={announcement.n}>{t(announcement.text)}</span>}
      </div>
      <main lang={lang} style={{ padding: 12, display: "flex", flexDirection: "column", gap: 10 }}>
        <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 8 }}>
          <Subtitle1 as="h1">{t(strings.title)}</Subtitle1>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => {
              const next = lang === "ja" ? "en" : "ja";
              setLang(next);
              rememberLanguage(next);
            }}
          >
            {t(strings.language)}
          </Button>
        </div>
        {mode === "standalone" && <Caption1>{t(strings.standalone)}</Caption1>}
        {renderFileBar?.({ lang, busy })}
        <Toolbar aria-label={t(strings.title)} size="small" style={{ flexWrap: "wrap", padding: 0 }}>
          <ToolbarButton appearance="primary" disabled={disabled} onClick={() => void validate()}>
            {t(strings.validate)}
          </ToolbarButton>
          <ToolbarButton disabled={disabled} onClick={() => void fill()}>
            {t(strings.fill)}
          </ToolbarButton>
          <ToolbarButton disabled={disabled} onClick={() => void finalize()}>
            {t(strings.finalize)}
          </ToolbarButton>
          <ToolbarButton disabled={disabled || applied.length === 0} onClick={() => void revert()}>
            {t(strings.revert)}
          </ToolbarButton>
        </Toolbar>
        {mode === "excel" && (
          <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
            <Checkbox
              checked={marking}
              onChange={(_, d) => setMarking(d.checked === true)}
              label={t(strings.mark)}
            />
            <Button size="small" disabled={disabled} onClick={() => void clearMarks()}>
              {t(strings.clearMarks)}
            </Button>
          </div>
        )}
        <section
          aria-label={t(strings.explainCell)}
          style={{ display: "flex", gap: 8, alignItems: "end", flexWrap: "wrap" }}
        >
          {!backend?.activeCell && (
            <Field label={t(strings.cellToExplain)}>
              <Input
                value={cellText}
                onChange={(_, d) => setCellText(d.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") void explainSelected();
                }}
                style={{ width: 140 }}
                data-testid="explain-cell"
              />
            </Field>
          )}
          <Button size="small" disabled={disabled} onClick={() => void explainSelected()}>
            {t(strings.explainCell)}
          </Button>
        </section>
        {explained && (
          <section aria-label={t(strings.explainCell)} data-testid="explanation">
            <Subtitle2 as="h2">
              {formatRef(explained.ref)} {explained.column ?? ""} {explained.symbol} {t(explained.label)}
            </Subtitle2>
            <Caption1>
              {`${t(strings.shouldBe)}: ${explained.expected === null ? "—" : showExpected(explained.expected, lang)}\u3000${t(strings.holds)}: ${showValue(explained.actual, lang)}\u3000`}
              <strong>{t(explained.agrees ? strings.agrees : strings.differs)}</strong>
            </Caption1>
            {explained.failure ? (
              <Caption1 as="p">{t(explained.failure)}</Caption1>
            ) : (
              <DerivationList steps={explained.steps} lang={lang} />
            )}
          </section>
        )}
        {busy && <Spinner size="tiny" label={t(strings.working)} />}
        {notices.map((n, i) => (
          <MessageBar key={i} intent={n.intent}>
            <MessageBarBody>{t(n.text)}</MessageBarBody>
          </MessageBar>
        ))}
        {preview && (
          <section aria-label={t(strings.previewTitle)}>
            <Subtitle2 as="h2">
              {t(strings.previewTitle)}（{t(preview.title)}）
            </Subtitle2>
            <Table size="small" aria-label={t(strings.previewTitle)}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t(strings.cell)}</TableHeaderCell>
                  <TableHeaderCell>{t(strings.current)}</TableHeaderCell>
                  <TableHeaderCell>{t(strings.newValue)}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.writes.map((w) => (
                  <TableRow key={formatRef(w.ref)}>
                    <TableCell>{formatRef(w.ref)}</TableCell>
                    <TableCell>{previousText(w, lang)}</TableCell>
                    <TableCell>{writeText(w, lang)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {preview.materiality && (
              <Caption1 as="p" data-testid="preview-materiality">
                {t(previewMessage(preview.materiality))}
              </Caption1>
            )}
            <div style={{ display: "flex", gap: 8, marginTop: 8 }}>
              <Button appearance="primary" disabled={busy} onClick={() => void commit()}>
                {t(strings.apply)}
              </Button>
              <Button disabled={busy} onClick={() => setPreview(null)}>
                {t(strings.cancel)}
              </Button>
            </div>
          </section>
        )}
        {report && (
          <section aria-label={t(strings.validate)}>
            <MessageBar
              intent={
                report.summary.errors > 0 ? "error" : report.summary.warnings > 0 ? "warning" : "success"
              }
            >
              <MessageBarBody>
                {report.summary.methodologyName && (
                  <MessageBarTitle>
                    {report.summary.methodology} {t(report.summary.methodologyName)}
                  </MessageBarTitle>
                )}
                <span data-testid="summary">{t(report.summary.text)}</span>
              </MessageBarBody>
            </MessageBar>
            {report.summary.notice && (
              <MessageBar intent="warning" data-testid="provisional">
                <MessageBarBody>{t(report.summary.notice)}</MessageBarBody>
              </MessageBar>
            )}
            {report.findings.length === 0 ? (
              <Caption1>{t(strings.noFindings)}</Caption1>
            ) : (
              [...bySheet].map(([sheet, findings]) => (
                <div key={sheet} style={{ marginTop: 8 }}>
                  <Subtitle2 as="h2">{sheet}</Subtitle2>
                  <Table size="small" aria-label={`${t(strings.validate)} ${sheet}`} data-testid="findings">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell style={{ width: 64 }}>{t(strings.cell)}</TableHeaderCell>
                        <TableHeaderCell style={{ width: 52 }}>{t(strings.severity)}</TableHeaderCell>
                        <TableHeaderCell>{t(strings.message)}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {findings.map((f, i) => (
                        <TableRow
                          key={`${f.rule}-${i}`}
                          data-testid="finding"
                          data-cell={formatRef(f.ref)}
                          data-severity={f.severity}
                          tabIndex={backend?.select ? 0 : undefined}
                          onClick={backend?.select ? () => void run(() => backend.select!(f.ref)) : undefined}
                          onKeyDown={
                            backend?.select
                              ? (e) => {
                                  if (e.key === "Enter") void run(() => backend.select!(f.ref));
                                }
                              : undefined
                          }
                          style={{ cursor: backend?.select ? "pointer" : undefined }}
                        >
                          <TableCell>{formatRef(f.ref).split("!").pop()}</TableCell>
                          <TableCell>
                            <SeverityText severity={f.severity} lang={lang} />
                          </TableCell>
                          <TableCell>
                            <div>{t(f.message)}</div>
                            {(f.expected !== undefined || f.actual !== undefined) && (
                              <Caption1>
                                {f.expected !== undefined &&
                                  `${t(strings.expected)}: ${showExpected(f.expected, lang)}\u3000`}
                                {f.actual !== undefined &&
                                  `${t(strings.actual)}: ${showExpected(f.actual, lang)}`}
                              </Caption1>
                            )}
                            {f.materiality && (
                              <div>
                                <Caption1 data-testid="materiality">{t(f.materiality.message)}</Caption1>
                              </div>
                            )}
                            {f.derivation && <WhyButton steps={f.derivation} lang={lang} />}
                            {f.fix && (
                              <div>
                                <Button
                                  size="small"
                                  disabled={disabled}
                                  onClick={(e) => {
                                    e.stopPropagation();
                                    fixOne(f);
                                  }}
                                >
                                  {t(strings.fix)}
                                </Button>
                              </div>
                            )}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              ))
            )}
          </section>
        )}
        <section
          aria-label={t(strings.insertTemplate)}
          style={{ display: "flex", gap: 8, alignItems: "end", flexWrap: "wrap" }}
        >
          <Field label={t(strings.methodology)}>
            <Dropdown
              value={methodology}
              selectedOptions={[methodology]}
              onOptionSelect={(_, d) => d.optionValue && setMethodology(d.optionValue)}
              style={{ minWidth: 120 }}
            >
              {(engine?.methodologies ?? [{ code: "H002-2", name: { ja: "", en: "" } }]).map((m) => (
                <Option key={m.code} value={m.code} text={m.code}>
                  {`${m.code} ${t(m.name)}`}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t(strings.facilities)}>
            <SpinButton
              value={facilities}
              min={1}
              max={200}
              onChange={(_, d) => {
                const v = d.value ?? Number(d.displayValue);
                if (Number.isInteger(v) && v >= 1 && v <= 200) setFacilities(v);
              }}
              style={{ width: 80 }}
            />
          </Field>
          {engine?.methodologies.find((m) => m.code === methodology)?.monitoringTable && (
            <>
              <Checkbox
                checked={withMonitoring}
                onChange={(_, d) => setWithMonitoring(d.checked === true)}
                label={t(strings.withMonitoring)}
              />
              {withMonitoring && (
                <Field label={t(strings.fiscalYear)}>
                  <SpinButton
                    value={fiscalYear ?? engine.lastFiscalYear}
                    min={2000}
                    max={2100}
                    onChange={(_, d) => {
                      const v = d.value ?? Number(d.displayValue);
                      if (Number.isInteger(v) && v >= 2000 && v <= 2100) setFiscalYear(v);
                    }}
                    style={{ width: 90 }}
                  />
                </Field>
              )}
            </>
          )}
          <Button disabled={busy || (disabled && !createWorkbook)} onClick={() => void insertTemplate()}>
            {t(strings.insertTemplate)}
          </Button>
        </section>
      </main>
    </>
  );
}

/** なぜ？: a finding's derivation, opened on demand under its message. */
function WhyButton({ steps, lang }: { steps: DerivationStep[]; lang: Lang }): React.JSX.Element {
  const [open, setOpen] = React.useState(false);
  const id = React.useId();
  return (
    <div>
      <Button
        size="small"
        appearance="subtle"
        aria-expanded={open}
        aria-controls={id}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(!open);
        }}
        data-testid="why"
      >
        {tr(open ? strings.hideWhy : strings.why, lang)}
      </Button>
      {open && (
        <div id={id}>
          <DerivationList steps={steps} lang={lang} />
        </div>
      )}
    </div>
  );
}

/** One line per step: "Q_WB = ROUNDDOWN(E_PS × 9.484, 0) = ROUNDDOWN(7,538,025 × 9.484, 0) = 71,490,629". */
function DerivationList({ steps, lang }: { steps: DerivationStep[]; lang: Lang }): React.JSX.Element {
  return (
    <ol
      aria-label={tr(strings.derivation, lang)}
      data-testid="derivation"
      style={{ margin: "4px 0", paddingLeft: 20 }}
    >
      {steps.map((s, i) => {
        const result = groupDigits(s.result, lang);
        const line =
          s.formula === s.substituted
            ? `${s.symbol} = ${s.formula} = ${result}`
            : `${s.symbol} = ${s.formula} = ${s.substituted} = ${result}`;
        return (
          <li key={i} style={{ fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 }}>
            <span>{line}</span>
            {s.label && (
              <span style={{ color: tokens.colorNeutralForeground2 }}>
                {` — ${tr(s.label, lang)}${s.unit ? ` (${s.unit})` : ""}`}
              </span>
            )}
            {s.cells.length > 0 && (
              <div style={{ color: tokens.colorNeutralForeground3 }}>
                {`${tr(strings.cellsRead, lang)}: ${s.cells.join(", ")}`}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function joinMessages(messages: Message[]): Message {
  return { ja: messages.map((m) => m.ja).join(" "), en: messages.map((m) => m.en).join(" ") };
}

function SeverityText({ severity, lang }: { severity: Finding["severity"]; lang: Lang }): React.JSX.Element {
  // theme tokens, so the colours hold in dark and high-contrast themes
  const color =
    severity === "error"
      ? tokens.colorPaletteRedForeground1
      : severity === "warning"
        ? tokens.colorPaletteDarkOrangeForeground1
        : tokens.colorNeutralForeground2;
  return (
    <span style={{ color, fontWeight: severity === "error" ? 600 : 400 }}>{tr(strings[severity], lang)}</span>
  );
}
