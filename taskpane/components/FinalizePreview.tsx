// 提出用に確定's preview: each GEC. formula beside the value that replaces it, one row a cell, the columns apart.
import * as React from "react";
import { Button, Subtitle2 } from "@fluentui/react-components";
import { formatRef } from "../../src/forms/a1";
import type { PaneController, Preview } from "../controller";
import { strings, tr } from "../i18n";
import type { Lang } from "../i18n";
import { showValue } from "../format";
import { usePreviewStyles } from "./previewTable";

export function FinalizePreview(props: {
  preview: Preview;
  lang: Lang;
  busy: boolean;
  pane: PaneController;
}): React.JSX.Element {
  const { preview, lang, busy, pane } = props;
  const styles = usePreviewStyles();
  const t = (m: { ja: string; en: string }) => tr(m, lang);
  const title = `${t(strings.previewTitle)}（${t(strings.finalize)}）`;
  return (
    <section aria-label={title} data-testid="finalize-preview">
      <Subtitle2 as="h2" className={styles.heading}>
        {title}
      </Subtitle2>
      <table className={styles.table} aria-label={title}>
        <colgroup>
          <col className={styles.cellColumn} />
          <col className={styles.formulaColumn} />
          <col className={styles.valueColumn} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {t(strings.cell)}
            </th>
            <th scope="col" className={styles.head}>
              {t(strings.formula)}
            </th>
            <th scope="col" className={`${styles.head} ${styles.number}`}>
              {t(strings.value)}
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.writes.map((w) => (
            <tr key={formatRef(w.ref)} data-testid="finalize-row">
              <td className={styles.cell}>{formatRef(w.ref)}</td>
              <td className={`${styles.cell} ${styles.formula}`}>{w.previousFormula ?? ""}</td>
              <td className={`${styles.cell} ${styles.number}`}>{showValue(w.value, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
