// The pane: validate, fix, fill with preview and revert, insert templates — in Excel or on a .xlsx file. State and
// actions are the controller's (taskpane/controller.ts); this lays out its components.
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PaneController } from "./controller";
import { usePane } from "./usePane";
import { strings, tr } from "./i18n";
import type { Lang } from "./i18n";
import type { Message } from "../src/types";
import { Summary } from "./components/Summary";
import { FindingsList } from "./components/FindingsList";
import { ExplainCell, Explanation } from "./components/Explanation";
import { FillPreview } from "./components/FillPreview";
import { FinalizePreview } from "./components/FinalizePreview";
import { Templates } from "./components/Templates";
import { FileBar } from "./components/FileBar";
import { Comparison } from "./components/Comparison";
import type { PaneSectionProps } from "./components/props";

export type { HostMode } from "./controller";

const useStyles = makeStyles({
  // read by screen readers without taking the focus; on screen it takes no room (Fluent's visually hidden style)
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  main: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalMNudge,
    minWidth: 0,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  toolbar: { flexWrap: "wrap", padding: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  report: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The pane's title, and the button that switches between Japanese and English. */
function PaneHeader({ pane, lang }: { pane: PaneController; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  const t = (m: Message) => tr(m, lang);
  return (
    <div className={styles.header}>
      <Subtitle1 as="h1">{t(strings.title)}</Subtitle1>
      <Button size="small" appearance="subtle" onClick={() => pane.setLang(lang === "ja" ? "en" : "ja")}>
        {t(strings.language)}
      </Button>
    </div>
  );
}

/** The actions on the workbook: 検証, 記入, 確定, 元に戻す (only after a write). */
function PaneToolbar(props: PaneSectionProps): React.JSX.Element {
  const { state, pane, disabled } = props;
  const styles = useStyles();
  const t = (m: Message) => tr(m, state.lang);
  return (
    <Toolbar aria-label={t(strings.title)} size="small" className={styles.toolbar}>
      <ToolbarButton appearance="primary" disabled={disabled} onClick={() => void pane.validate()}>
        {t(strings.validate)}
      </ToolbarButton>
      <ToolbarButton disabled={disabled} onClick={() => void pane.fill()}>
        {t(strings.fill)}
      </ToolbarButton>
      <ToolbarButton disabled={disabled} onClick={() => void pane.finalize()}>
        {t(strings.finalize)}
      </ToolbarButton>
      <ToolbarButton disabled={disabled || state.applied.length === 0} onClick={() => void pane.revert()}>
        {t(strings.revert)}
      </ToolbarButton>
    </Toolbar>
  );
}

/** Excel only: marking the flagged cells, clearing the marks, and the report as a workbook. */
function ExcelMarks(props: PaneSectionProps): React.JSX.Element {
  const { state, pane, disabled } = props;
  const styles = useStyles();
  const t = (m: Message) => tr(m, state.lang);
  return (
    <div className={styles.row}>
      <Checkbox
        checked={state.marking}
        onChange={(_, d) => pane.setMarking(d.checked === true)}
        label={t(strings.mark)}
      />
      <Button size="small" disabled={disabled} onClick={() => void pane.clearMarks()}>
        {t(strings.clearMarks)}
      </Button>
      <Button size="small" disabled={disabled} onClick={() => void pane.downloadReport()}>
        {t(strings.reportInExcel)}
      </Button>
    </div>
  );
}

export function App({ pane }: { pane: PaneController }): React.JSX.Element {
  const state = usePane(pane);
  const styles = useStyles();
  const { lang, busy, ready, mode, preview, report, explained, announcement } = state;
  const t = (m: Message) => tr(m, lang);
  const disabled = busy || !ready;

  React.useEffect(() => {
    void pane.start();
  }, [pane]);

  return (
    <>
      {/* outside <main>: what it says is also on screen, where the pane's own text is found */}
      <div aria-live="polite" role="status" lang={lang} data-testid="live" className={styles.visuallyHidden}>
        {announcement && <span key={announcement.n}>{t(announcement.text)}</span>}
      </div>
      <main lang={lang} className={styles.main}>
        <PaneHeader pane={pane} lang={lang} />
        {mode === "standalone" && <Caption1>{t(strings.standalone)}</Caption1>}
        {mode === "standalone" && <FileBar state={state} pane={pane} />}
        <PaneToolbar state={state} pane={pane} disabled={disabled} />
        {mode === "excel" && <ExcelMarks state={state} pane={pane} disabled={disabled} />}
        {mode === "excel" && state.fileError && (
          <MessageBar intent="error">
            <MessageBarBody>{t(state.fileError)}</MessageBarBody>
          </MessageBar>
        )}
        <ExplainCell pane={pane} lang={lang} cellText={state.cellText} disabled={disabled} />
        {explained && <Explanation explained={explained} lang={lang} />}
        {busy && <Spinner size="tiny" label={t(strings.working)} />}
        {state.notices.map((n, i) => (
          <MessageBar key={i} intent={n.intent}>
            <MessageBarBody>{t(n.text)}</MessageBarBody>
          </MessageBar>
        ))}
        {preview &&
          (preview.kind === "finalize" ? (
            <FinalizePreview preview={preview} lang={lang} busy={busy} pane={pane} />
          ) : (
            <FillPreview preview={preview} lang={lang} busy={busy} pane={pane} />
          ))}
        {report && (
          <section aria-label={t(strings.validate)} className={styles.report}>
            <Summary report={report} lang={lang} />
            <FindingsList state={state} pane={pane} disabled={disabled} />
          </section>
        )}
        <Comparison state={state} pane={pane} disabled={disabled} />
        <Templates state={state} pane={pane} disabled={busy || (!ready && mode === "excel")} />
      </main>
    </>
  );
}
