// Taskpane entry: waits for Office where the page is hosted in it, picks language and theme, starts the engine worker
// and renders the pane over Excel or over a file opened in the page.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { App } from "./App";
import { PaneController } from "./controller";
import { PAGE_SIZE } from "./findings";
import { detectHost, hostedInOffice } from "./host";
import type { HostInfo } from "./host";
import { excelBackend } from "./backend";
import { startEngine } from "./engine/spawn";
import { downloadFile } from "./web/download";
import { useUnsavedWarning } from "./web/standalone";
import { THEMES, initialLanguage, rememberLanguage, themeFor } from "./prefs";
import type { ThemeSignals } from "./prefs";

const useStyles = makeStyles({
  page: { minHeight: "100vh" },
  connecting: { minHeight: "100vh", padding: tokens.spacingHorizontalM },
});

const media = (query: string): boolean =>
  typeof window.matchMedia === "function" && window.matchMedia(query).matches;

function browserSignals(): ThemeSignals {
  return {
    prefersDark: media("(prefers-color-scheme: dark)"),
    forcedColors: media("(forced-colors: active)"),
  };
}

/** The pane's controller for the host; `?paging=off` lists every finding at once (the bench's baseline only). */
function controllerFor(host: HostInfo): PaneController {
  const engine = startEngine();
  const pageSize = /[?&]paging=off\b/.test(window.location.search) ? Infinity : PAGE_SIZE;
  const initialLang = initialLanguage(host.mode === "excel" ? host.displayLanguage : undefined);
  return host.mode === "excel"
    ? new PaneController({
        mode: "excel",
        engine,
        backend: excelBackend(),
        // the working paper opens as a new workbook beside the one checked (ExcelApi 1.8)
        saveFile: async (file) => (await import("./excel/newWorkbook")).openFileInExcel(file),
        workbookName: async () => (await import("./excel/newWorkbook")).workbookName(),
        initialLang,
        rememberLanguage,
        pageSize,
      })
    : new PaneController({
        mode: "standalone",
        engine,
        saveFile: downloadFile,
        initialLang,
        rememberLanguage,
        pageSize,
      });
}

function Standalone({ pane }: { pane: PaneController }): React.JSX.Element {
  useUnsavedWarning(pane);
  return <App pane={pane} />;
}

/** Office may take a while to start the runtime: say so rather than show an empty pane. */
function Connecting(): React.JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={THEMES[themeFor(browserSignals())]} className={styles.connecting}>
      <Spinner size="small" label="Excel に接続しています… / Connecting to Excel…" />
    </FluentProvider>
  );
}

function Root({ host }: { host: HostInfo }): React.JSX.Element {
  // outside Office the browser's colour scheme and forced colours are followed as they change
  const [signals, setSignals] = React.useState<ThemeSignals>(browserSignals);
  const [pane] = React.useState(() => controllerFor(host));
  const styles = useStyles();
  React.useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const queries = ["(prefers-color-scheme: dark)", "(forced-colors: active)"].map((q) =>
      window.matchMedia(q),
    );
    const update = () => setSignals(browserSignals());
    queries.forEach((q) => q.addEventListener?.("change", update));
    return () => queries.forEach((q) => q.removeEventListener?.("change", update));
  }, []);
  const theme = themeFor({ ...signals, officeTheme: host.mode === "excel" ? host.officeTheme : undefined });
  return (
    <FluentProvider theme={THEMES[theme]} data-theme={theme} className={styles.page}>
      {host.mode === "excel" ? <App pane={pane} /> : <Standalone pane={pane} />}
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  if (hostedInOffice()) root.render(<Connecting />);
  void detectHost().then((host) => root.render(<Root host={host} />));
}
