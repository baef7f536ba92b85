// The one preview of planned writes: a real table of cells with the columns each preview names, then 書き込む / 取消.
import * as React from "react";
import { Button, Subtitle2 } from "@fluentui/react-components";
import { formatRef } from "../../src/forms/a1";
import type { PaneController, Preview } from "../controller";
import { strings, tr } from "../i18n";
import type { Lang } from "../i18n";
import { usePreviewStyles } from "./previewTable";
import type { PreviewColumn, PreviewStyles } from "./previewTable";

export function WritesPreview(props: {
  preview: Preview;
  lang: Lang;
  busy: boolean;
  pane: PaneController;
  title: string;
  testId: string;
  rowTestId?: string;
  cellWidth: keyof PreviewStyles;
  columns: PreviewColumn[];
  /** What follows the table (the fill's effect on the tonnes). */
  children?: React.ReactNode;
}): React.JSX.Element {
  const { preview, lang, busy, pane, title, columns } = props;
  const styles = usePreviewStyles();
  const t = (m: { ja: string; en: string }) => tr(m, lang);
  const classes = (c: PreviewColumn, base: string) =>
    [base, c.numeric ? styles.number : "", c.monospace ? styles.formula : ""].filter(Boolean).join(" ");
  return (
    <section aria-label={title} data-testid={props.testId}>
      <Subtitle2 as="h2" className={styles.heading}>
        {title}
      </Subtitle2>
      <table className={styles.table} aria-label={title}>
        <colgroup>
          <col className={styles[props.cellWidth]} />
          {columns.map((c, i) => (
            <col key={i} className={styles[c.width]} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {t(strings.cell)}
            </th>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? `${styles.head} ${styles.number}` : styles.head}>
                {t(c.heading)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.writes.map((w) => (
            <tr key={formatRef(w.ref)} data-testid={props.rowTestId}>
              <td className={styles.cell}>{formatRef(w.ref)}</td>
              {columns.map((c, i) => (
                <td key={i} className={classes(c, styles.cell)}>
                  {c.show(w)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.children}
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
