// このセルの計算根拠: the cell to explain (Excel: the selected one; standalone: typed), and its derivation.
import * as React from "react";
import { Button, Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { formatRef } from "../../src/forms/a1";
import type { CellExplanation } from "../engine/api";
import type { PaneController } from "../controller";
import { strings, tr } from "../i18n";
import type { Lang } from "../i18n";
import { showExpected, showValue } from "../format";
import { DerivationList } from "./Derivation";

const useStyles = makeStyles({
  ask: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  cellInput: { width: "140px", maxWidth: "100%" },
  explanation: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // a heading of its own line: Fluent's typography is inline, and the caption ran into it (「排出削減量あるべき値:」)
  heading: { display: "block", margin: 0, overflowWrap: "anywhere" },
  facts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  fact: { display: "flex", gap: tokens.spacingHorizontalXS },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontVariantNumeric: "tabular-nums" },
  verdict: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  failure: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

export function ExplainCell(props: {
  pane: PaneController;
  lang: Lang;
  cellText: string;
  disabled: boolean;
}): React.JSX.Element {
  const { pane, lang, cellText, disabled } = props;
  const styles = useStyles();
  return (
    <section aria-label={tr(strings.explainCell, lang)} className={styles.ask}>
      {!pane.readsActiveCell && (
        <Field label={tr(strings.cellToExplain, lang)}>
          <Input
            value={cellText}
            onChange={(_, d) => pane.setCellText(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") void pane.explain();
            }}
            className={styles.cellInput}
            data-testid="explain-cell"
          />
        </Field>
      )}
      <Button size="small" disabled={disabled} onClick={() => void pane.explain()}>
        {tr(strings.explainCell, lang)}
      </Button>
    </section>
  );
}

/** The cell, its quantity and facility; the value it should hold, what it holds, whether they agree; the steps. */
export function Explanation({
  explained,
  lang,
}: {
  explained: CellExplanation;
  lang: Lang;
}): React.JSX.Element {
  const styles = useStyles();
  const t = (m: { ja: string; en: string }) => tr(m, lang);
  const heading = [formatRef(explained.ref), explained.column, explained.symbol, t(explained.label)]
    .filter(Boolean)
    .join(" ");
  return (
    <section aria-label={t(strings.explainCell)} data-testid="explanation" className={styles.explanation}>
      <Subtitle2 as="h2" className={styles.heading}>
        {heading}
      </Subtitle2>
      <dl className={styles.facts}>
        {explained.facility && (
          <div className={styles.fact}>
            <dt className={styles.term}>{t(strings.facility)}:</dt>{" "}
            <dd className={styles.value}>{explained.facility}</dd>
          </div>
        )}
        <div className={styles.fact}>
          <dt className={styles.term}>{t(strings.shouldBe)}:</dt>{" "}
          <dd className={styles.value}>
            {explained.expected === null ? "—" : showExpected(explained.expected, lang)}
          </dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>{t(strings.holds)}:</dt>{" "}
          <dd className={styles.value}>{showValue(explained.actual, lang)}</dd>
        </div>
      </dl>
      <p className={styles.verdict}>{t(explained.agrees ? strings.agrees : strings.differs)}</p>
      {explained.convention && <p className={styles.failure}>{t(explained.convention)}</p>}
      {explained.failure ? (
        <p className={styles.failure}>{t(explained.failure)}</p>
      ) : (
        <DerivationList steps={explained.steps} lang={lang} />
      )}
    </section>
  );
}
