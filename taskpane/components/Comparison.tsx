// 前年度と比較: choose the previous year's 実績 and list what comparing the open workbook with it found.
import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { comparisonMessage } from "../controller";
import { formatRef } from "../../src/forms/a1";
import { strings, tr } from "../i18n";
import { FilePicker } from "./FilePicker";
import type { PaneSectionProps } from "./props";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  item: { overflowWrap: "anywhere", minWidth: 0 },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
});

const INTENT = { error: "error", warning: "warning", info: "info" } as const;

export function Comparison({ state, pane, disabled }: PaneSectionProps): React.JSX.Element {
  const styles = useStyles();
  const { lang, comparison } = state;
  const t = (m: { ja: string; en: string }) => tr(m, lang);
  return (
    <section aria-label={t(strings.comparePrevious)} className={styles.root}>
      <div className={styles.row}>
        <FilePicker
          label={t(strings.comparePrevious)}
          inputLabel={strings.comparePreviousFile.ja}
          disabled={disabled}
          onFile={(f) => void pane.comparePrevious(f)}
        />
        {comparison && (
          <Caption1 data-testid="comparison" className={styles.item}>
            {t(comparisonMessage(comparison.previous, comparison.findings))}
          </Caption1>
        )}
      </div>
      {comparison && comparison.findings.length > 0 && (
        <div role="list" className={styles.list}>
          {comparison.findings.map((f, i) => (
            <MessageBar role="listitem" key={i} intent={INTENT[f.severity]} data-testid="comparison-finding">
              <MessageBarBody className={styles.item}>
                {f.at.ref && (
                  <Button
                    size="small"
                    appearance="transparent"
                    disabled={state.mode !== "excel"}
                    onClick={() => void pane.selectComparison(f)}
                  >
                    {formatRef(f.at.ref)}
                  </Button>
                )}
                {t(f.message)}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
    </section>
  );
}
