// Taskpane entry: waits for Office where office.js is present, and renders the pane in Excel or standalone.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { detectHost } from "./host";
import { excelBackend } from "./backend";
import { StandaloneApp } from "./web/standalone";

const container = document.getElementById("root");
if (container) {
  void detectHost().then((mode) => {
    createRoot(container).render(
      <FluentProvider theme={webLightTheme}>
        {mode === "excel" ? <App mode="excel" backend={excelBackend()} /> : <StandaloneApp />}
      </FluentProvider>,
    );
  });
}
