// Taskpane entry: waits for Office where office.js is present, and renders the pane in Excel or standalone.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import type { HostMode } from "./App";

/** Office.onReady resolves with no host outside Office; office.js may also be missing altogether. */
async function detectHost(): Promise<HostMode> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return "standalone";
  const timeout = new Promise<HostMode>((resolve) => setTimeout(() => resolve("standalone"), 3000));
  const ready = office.onReady().then((info) => (info && info.host ? "excel" : "standalone") as HostMode);
  return Promise.race([ready, timeout]);
}

const container = document.getElementById("root");
if (container) {
  void detectHost().then((mode) => {
    createRoot(container).render(
      <FluentProvider theme={webLightTheme}>
        <App mode={mode} />
      </FluentProvider>,
    );
  });
}
