// The look of the two preview tables: a real table whose cells wrap (a formula has no spaces to wrap at).
import { makeStyles, tokens } from "@fluentui/react-components";
import type { CellWrite } from "../../src/types";

export const usePreviewStyles = makeStyles({
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  head: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  cell: {
    verticalAlign: "top",
    overflowWrap: "anywhere",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  formula: { fontFamily: tokens.fontFamilyMonospace },
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
    flexWrap: "wrap",
  },
  // column widths: 別紙1!N5 | 186,081,857 | 186,081,657; 別紙1!N5 | =GEC.Q_WB(L5,M5) | 186,081,657
  third: { width: "33%" },
  cellColumn: { width: "26%" },
  formulaColumn: { width: "44%" },
  valueColumn: { width: "30%" },
  heading: { display: "block", margin: `0 0 ${tokens.spacingVerticalXS}` },
});

export type PreviewStyles = ReturnType<typeof usePreviewStyles>;

/** A column after the cell's address: its heading, width, and what a write shows in it. */
export interface PreviewColumn {
  heading: { ja: string; en: string };
  width: keyof PreviewStyles;
  numeric?: boolean;
  monospace?: boolean;
  show(write: CellWrite): string;
}
