// Standalone mode (no Excel): the pane over a .xlsx opened in the page, read and written by the engine worker through
// io/read and io/patch, like `gec`; a download keeps the writes.
import * as React from "react";
import type { PaneController } from "../controller";

/** Asks before the tab closes with changes written and not downloaded (they would be lost). */
export function useUnsavedWarning(pane: PaneController): void {
  React.useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!pane.state.file?.unsaved) return;
      e.preventDefault();
      e.returnValue = ""; // older browsers ask only when returnValue is set
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pane]);
}
