// What a pane component is handed: the pane's state, its controller, and whether the actions are disabled (busy).
import type { PaneController, PaneState } from "../controller";

export interface PaneProps {
  state: PaneState;
  pane: PaneController;
}

export interface PaneSectionProps extends PaneProps {
  disabled: boolean;
}
