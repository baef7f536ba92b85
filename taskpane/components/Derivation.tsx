// How a value comes about, one step a list item: each side of "=" wraps as a unit, so a step fits 320 px.
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { DerivationStep } from "../../src/formula/expr";
import { stepParts } from "../../src/formula/steps";
import { strings, tr } from "../i18n";
import type { Lang } from "../i18n";
import { groupDigits } from "../format";

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    minWidth: 0,
  },
  step: { minWidth: 0, overflowWrap: "anywhere" },
  equation: { fontVariantNumeric: "tabular-nums" },
  // one side of "=": kept whole where the line has room, broken inside only when it alone is wider than the pane
  side: { display: "inline-block", maxWidth: "100%", marginRight: tokens.spacingHorizontalXS },
  symbol: { fontWeight: tokens.fontWeightSemibold },
  label: { color: tokens.colorNeutralForeground2 },
  cells: { color: tokens.colorNeutralForeground3 },
});

/** "Q_WB", "= Q_BL − ROUNDDOWN(E_PS × 9.484, 0)", "= 257,572,286 − 71,490,629", "= 186,081,657". */
function sides(step: DerivationStep, lang: Lang): string[] {
  return stepParts(step, (result) => groupDigits(result, lang)).map((p, i) => (i === 0 ? p : `= ${p}`));
}

/** One item a step: its equation, what it is (label and unit, or the formula it is part of), the cells it read. */
export function DerivationList({ steps, lang }: { steps: DerivationStep[]; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  return (
    <ol aria-label={tr(strings.derivation, lang)} data-testid="derivation" className={styles.list}>
      {steps.map((s, i) => (
        <li key={i} className={styles.step}>
          <div className={styles.equation}>
            {sides(s, lang).map((side, j) => (
              <React.Fragment key={j}>
                <span className={j === 0 ? `${styles.side} ${styles.symbol}` : styles.side}>{side}</span>{" "}
              </React.Fragment>
            ))}
          </div>
          {s.label && (
            <div className={styles.label}>{`${tr(s.label, lang)}${s.unit ? ` (${s.unit})` : ""}`}</div>
          )}
          {s.cells.length > 0 && (
            <div className={styles.cells}>{`${tr(strings.cellsRead, lang)}: ${s.cells.join(", ")}`}</div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** なぜ？: a finding's derivation, opened on demand under its message. */
export function WhyButton({ steps, lang }: { steps: DerivationStep[]; lang: Lang }): React.JSX.Element {
  const [open, setOpen] = React.useState(false);
  const id = React.useId();
  return (
    <div>
      <Button
        size="small"
        appearance="subtle"
        aria-expanded={open}
        aria-controls={id}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(!open);
        }}
        data-testid="why"
      >
        {tr(open ? strings.hideWhy : strings.why, lang)}
      </Button>
      {open && (
        <div id={id}>
          <DerivationList steps={steps} lang={lang} />
        </div>
      )}
    </div>
  );
}
