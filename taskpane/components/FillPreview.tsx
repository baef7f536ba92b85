// 書き込む前の確認 of 自動入力 and 修正: each cell with what it holds and what it gets, and what that does to the t.
import * as React from "react";
import { Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import type { CellValue, CellWrite } from "../../src/types";
import { previewMessage } from "../../src/domain/materialityText";
import { formatRef } from "../../src/forms/a1";
import type { PaneController, Preview } from "../controller";
import { strings, tr } from "../i18n";
import type { Lang } from "../i18n";
import { showValue } from "../format";
import { usePreviewStyles } from "./previewTable";

function shown(value: CellValue | undefined, formula: string | null | undefined, lang: Lang): string {
  return formula ? formula : showValue(value, lang);
}

export function FillPreview(props: {
  preview: Preview;
  lang: Lang;
  busy: boolean;
  pane: PaneController;
}): React.JSX.Element {
  const { preview, lang, busy, pane } = props;
  const styles = usePreviewStyles();
  const t = (m: { ja: string; en: string }) => tr(m, lang);
  const title = t(strings.previewTitle);
  const what = t(preview.kind === "fix" ? strings.fix : strings.fill);
  return (
    <section aria-label={title} data-testid="fill-preview">
      <Subtitle2 as="h2" className={styles.heading}>
        {title}（{what}）
      </Subtitle2>
      <table className={styles.table} aria-label={title}>
        <colgroup>
          <col className={styles.third} />
          <col className={styles.third} />
          <col className={styles.third} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {t(strings.cell)}
            </th>
            <th scope="col" className={`${styles.head} ${styles.number}`}>
              {t(strings.current)}
            </th>
            <th scope="col" className={`${styles.head} ${styles.number}`}>
              {t(strings.newValue)}
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.writes.map((w: CellWrite) => (
            <tr key={formatRef(w.ref)}>
              <td className={styles.cell}>{formatRef(w.ref)}</td>
              <td className={`${styles.cell} ${styles.number}`}>
                {shown(w.previous, w.previousFormula, lang)}
              </td>
              <td className={`${styles.cell} ${styles.number}`}>{shown(w.value, w.formula, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.materiality && (
        <Caption1 as="p" data-testid="preview-materiality">
          {t(previewMessage(preview.materiality))}
        </Caption1>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void pane.commit()}>
          {t(strings.apply)}
        </Button>
        <Button disabled={busy} onClick={() => pane.cancelPreview()}>
          {t(strings.cancel)}
        </Button>
      </div>
    </section>
  );
}
