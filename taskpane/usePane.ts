// The pane's state in React: components re-render when the controller changes it.
import * as React from "react";
import type { PaneController, PaneState } from "./controller";

export function usePane(pane: PaneController): PaneState {
  return React.useSyncExternalStore(pane.subscribe, pane.getState);
}
