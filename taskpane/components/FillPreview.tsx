// 書き込む前の確認 of 自動入力 and 修正: each cell with what it holds and what it gets, and what that does to the t.
import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import type { CellValue } from "../../src/types";
import { previewMessage } from "../../src/domain/materialityText";
import type { PaneController, Preview } from "../controller";
import { strings, tr } from "../i18n";
import type { Lang } from "../i18n";
import { showValue } from "../format";
import { WritesPreview } from "./WritesPreview";

function shown(value: CellValue | undefined, formula: string | null | undefined, lang: Lang): string {
  return formula ? formula : showValue(value, lang);
}

export function FillPreview(props: {
  preview: Preview;
  lang: Lang;
  busy: boolean;
  pane: PaneController;
}): React.JSX.Element {
  const { preview, lang } = props;
  const what = tr(preview.kind === "fix" ? strings.fix : strings.fill, lang);
  return (
    <WritesPreview
      {...props}
      title={`${tr(strings.previewTitle, lang)}（${what}）`}
      testId="fill-preview"
      // 別紙1!N5 | 186,081,857 | 186,081,657
      cellWidth="third"
      columns={[
        {
          heading: strings.current,
          width: "third",
          numeric: true,
          show: (w) => shown(w.previous, w.previousFormula, lang),
        },
        {
          heading: strings.newValue,
          width: "third",
          numeric: true,
          show: (w) => shown(w.value, w.formula, lang),
        },
      ]}
    >
      {preview.materiality && (
        <Caption1 as="p" data-testid="preview-materiality">
          {tr(previewMessage(preview.materiality), lang)}
        </Caption1>
      )}
    </WritesPreview>
  );
}
