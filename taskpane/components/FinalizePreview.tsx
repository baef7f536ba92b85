// 提出用に確定's preview: each GEC. formula beside the value that replaces it, one row a cell, the columns apart.
import * as React from "react";
import type { PaneController, Preview } from "../controller";
import { strings, tr } from "../i18n";
import type { Lang } from "../i18n";
import { showValue } from "../format";
import { WritesPreview } from "./WritesPreview";

export function FinalizePreview(props: {
  preview: Preview;
  lang: Lang;
  busy: boolean;
  pane: PaneController;
}): React.JSX.Element {
  const { lang } = props;
  const title = `${tr(strings.previewTitle, lang)}（${tr(strings.finalize, lang)}）`;
  return (
    <WritesPreview
      {...props}
      title={title}
      testId="finalize-preview"
      rowTestId="finalize-row"
      // 別紙1!N5 | =GEC.Q_WB(L5,M5) | 186,081,657
      cellWidth="cellColumn"
      columns={[
        {
          heading: strings.formula,
          width: "formulaColumn",
          monospace: true,
          show: (w) => w.previousFormula ?? "",
        },
        {
          heading: strings.value,
          width: "valueColumn",
          numeric: true,
          show: (w) => showValue(w.value, lang),
        },
      ]}
    />
  );
}
