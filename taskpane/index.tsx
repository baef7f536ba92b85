// Taskpane entry: waits for Office where the page is hosted in it, picks language and theme, renders Excel or standalone.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner } from "@fluentui/react-components";
import { App } from "./App";
import { detectHost, hostedInOffice } from "./host";
import type { HostInfo } from "./host";
import { excelBackend } from "./backend";
import { StandaloneApp } from "./web/standalone";
import { THEMES, initialLanguage, themeFor } from "./prefs";
import type { ThemeSignals } from "./prefs";

const media = (query: string): boolean =>
  typeof window.matchMedia === "function" && window.matchMedia(query).matches;

function browserSignals(): ThemeSignals {
  return {
    prefersDark: media("(prefers-color-scheme: dark)"),
    forcedColors: media("(forced-colors: active)"),
  };
}

function Root({ host }: { host: HostInfo }): React.JSX.Element {
  // outside Office the browser's colour scheme and forced colours are followed as they change
  const [signals, setSignals] = React.useState<ThemeSignals>(browserSignals);
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
  const lang = initialLanguage(host.mode === "excel" ? host.displayLanguage : undefined);
  return (
    <FluentProvider theme={THEMES[theme]} data-theme={theme} style={{ minHeight: "100vh" }}>
      {host.mode === "excel" ? (
        <App mode="excel" backend={excelBackend()} initialLang={lang} />
      ) : (
        <StandaloneApp initialLang={lang} />
      )}
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  if (hostedInOffice()) {
    // Office may take a while to start the runtime: say so rather than show an empty pane
    root.render(
      <FluentProvider theme={THEMES[themeFor(browserSignals())]} style={{ minHeight: "100vh", padding: 12 }}>
        <Spinner size="small" label="Excel に接続しています… / Connecting to Excel…" />
      </FluentProvider>,
    );
  }
  void detectHost().then((host) => root.render(<Root host={host} />));
}
