// The findings of 検証: filtered by severity, sheet and facility, a page at a time, with 次の指摘 / 前の指摘.
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Select,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Message, Severity } from "../../src/types";
import { formatRef } from "../../src/forms/a1";
import { facetsOf, pageOf } from "../findings";
import type { FindingPage } from "../findings";
import type { PaneController, PaneState } from "../controller";
import { strings, tr } from "../i18n";
import type { Lang } from "../i18n";
import { groupDigits, rangeMessage, showExpected } from "../format";
import { WhyButton } from "./Derivation";
import type { PaneProps, PaneSectionProps } from "./props";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  filter: { flex: "1 1 120px", minWidth: 0 },
  // a facility's name can be longer than the pane: the select takes the width there is, not its longest option
  select: { width: "100%", minWidth: 0 },
  nav: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  range: { flexGrow: 1, fontVariantNumeric: "tabular-nums" },
  list: { listStyle: "none", margin: 0, padding: 0, minWidth: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  selectable: { cursor: "pointer", ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover } },
  current: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  head: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  cell: { fontWeight: tokens.fontWeightSemibold },
  facility: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  values: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
});

const ALL = "";

/** One filter: its label, the value chosen (null: all), the choices as value and text, and how to choose. */
interface FilterChoice {
  label: Message;
  value: string | null;
  options: [string, string][];
  choose: React.Dispatch<string | null>;
  testId: string;
}

/** "エラー (2)": a choice of a filter with how many findings it keeps. */
function choice(label: string, n: number, lang: Lang): string {
  return `${label} (${groupDigits(String(n), lang)})`;
}

/** One filter's select, its first choice all the findings (ALL). */
function FilterSelect(props: FilterChoice & { lang: Lang; all: number }): React.JSX.Element {
  const { label, value, options, choose, testId, lang, all } = props;
  const styles = useStyles();
  const t = (m: Message) => tr(m, lang);
  return (
    <Field label={t(label)} size="small" className={styles.filter}>
      <Select
        size="small"
        value={value ?? ALL}
        onChange={(_, d) => choose(d.value === ALL ? null : d.value)}
        className={styles.select}
        data-testid={testId}
      >
        <option value={ALL}>{choice(t(strings.all), all, lang)}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The filters by severity, sheet (when more than one) and facility (when any), each choice with its count. */
function FindingFilters({ state, pane }: PaneProps): React.JSX.Element {
  const { lang } = state;
  const report = state.report!;
  const styles = useStyles();
  const t = (m: Message) => tr(m, lang);
  const facets = facetsOf(report);
  const all = report.findings.length;
  return (
    <div className={styles.filters}>
      <FilterSelect
        label={strings.severity}
        value={state.filter.severity}
        options={facets.severities.map(([s, n]) => [s, choice(t(strings[s]), n, lang)])}
        choose={(v) => pane.setFilter({ severity: v as Severity | null })}
        testId="filter-severity"
        lang={lang}
        all={all}
      />
      {facets.sheets.length > 1 && (
        <FilterSelect
          label={strings.sheet}
          value={state.filter.sheet}
          options={facets.sheets.map(([s, n]) => [s, choice(s, n, lang)])}
          choose={(v) => pane.setFilter({ sheet: v })}
          testId="filter-sheet"
          lang={lang}
          all={all}
        />
      )}
      {facets.facilities.length > 0 && (
        <FilterSelect
          label={strings.facility}
          value={state.filter.facility}
          options={facets.facilities.map(([f, n]) => [f, choice(f, n, lang)])}
          choose={(v) => pane.setFilter({ facility: v })}
          testId="filter-facility"
          lang={lang}
          all={all}
        />
      )}
    </div>
  );
}

/** 次の指摘 / 前の指摘, which of the findings are shown, and the pages (when more than one). */
function FindingNav(props: { state: PaneState; pane: PaneController; page: FindingPage }): React.JSX.Element {
  const { state, pane, page } = props;
  const styles = useStyles();
  const t = (m: Message) => tr(m, state.lang);
  return (
    <div className={styles.nav}>
      <Button size="small" onClick={() => void pane.previousFinding()}>
        {t(strings.previousFinding)}
      </Button>
      <Button size="small" onClick={() => void pane.nextFinding()}>
        {t(strings.nextFinding)}
      </Button>
      <Caption1 className={styles.range} data-testid="finding-range">
        {t(rangeMessage(page.offset + 1, page.offset + page.findings.length, page.total))}
      </Caption1>
      {page.pages > 1 && (
        <>
          <Button
            size="small"
            disabled={state.page === 0}
            onClick={() => pane.setPage(state.page - 1)}
            data-testid="previous-page"
          >
            {t(strings.previousPage)}
          </Button>
          <Button
            size="small"
            disabled={state.page >= page.pages - 1}
            onClick={() => pane.setPage(state.page + 1)}
            data-testid="next-page"
          >
            {t(strings.nextPage)}
          </Button>
        </>
      )}
    </div>
  );
}

export function FindingsList(props: PaneSectionProps): React.JSX.Element {
  const { state, pane, disabled } = props;
  const { lang } = state;
  const report = state.report!;
  const styles = useStyles();
  const t = (m: Message) => tr(m, lang);
  const page = pageOf(state);
  const list = React.useRef<HTMLUListElement>(null);

  // 次の指摘 / 前の指摘: the finding moved to is scrolled into view (the live region reads it; the focus stays on the
  // button, so that pressing it again goes on)
  React.useEffect(() => {
    if (state.current === null) return;
    list.current?.querySelector(`[data-index="${state.current}"]`)?.scrollIntoView({ block: "nearest" });
  }, [state.current, state.page]);

  return (
    <section aria-label={t(strings.findings)} className={styles.root}>
      {report.findings.length > 1 && <FindingFilters state={state} pane={pane} />}
      {page.total > 1 && <FindingNav state={state} pane={pane} page={page} />}
      {report.findings.length === 0 ? (
        <Caption1>{t(strings.noFindings)}</Caption1>
      ) : page.total === 0 ? (
        <Caption1>{t(strings.noneMatch)}</Caption1>
      ) : (
        <ul className={styles.list} ref={list} aria-label={t(strings.findings)}>
          {page.findings.map((f, i) => (
            <FindingItem
              key={`${page.offset + i}-${f.rule}`}
              finding={f}
              index={page.offset + i}
              current={state.current === page.offset + i}
              lang={lang}
              pane={pane}
              selectable={pane.selectsCells}
              disabled={disabled}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One finding: its cell, severity and facility; the message; expected and actual; the t affected; なぜ？ and 修正. */
const FindingItem = React.memo(function FindingItem(props: {
  finding: Finding;
  index: number;
  current: boolean;
  lang: Lang;
  pane: PaneController;
  selectable: boolean;
  disabled: boolean;
}): React.JSX.Element {
  const { finding: f, index, current, lang, pane, selectable, disabled } = props;
  const styles = useStyles();
  const t = (m: Message) => tr(m, lang);
  const cell = formatRef(f.ref);
  return (
    <li
      data-testid="finding"
      data-cell={cell}
      data-severity={f.severity}
      data-index={index}
      aria-current={current ? "true" : undefined}
      tabIndex={selectable ? 0 : -1}
      className={mergeClasses(styles.item, selectable && styles.selectable, current && styles.current)}
      onClick={selectable ? () => void pane.selectFinding(f) : undefined}
      onKeyDown={
        selectable
          ? (e) => {
              if (e.key === "Enter" && e.target === e.currentTarget) void pane.selectFinding(f);
            }
          : undefined
      }
    >
      <div className={styles.head}>
        <span className={styles.cell}>{cell}</span>
        <span className={styles[f.severity]}>{t(strings[f.severity])}</span>
        {f.facility && (
          <span className={styles.facility} data-testid="finding-facility">
            {f.facility}
          </span>
        )}
      </div>
      <div>{t(f.message)}</div>
      {(f.expected !== undefined || f.actual !== undefined) && (
        <div className={styles.values}>
          {f.expected !== undefined && (
            <span>{`${t(strings.expected)}: ${showExpected(f.expected, lang)}`}</span>
          )}
          {f.actual !== undefined && <span>{`${t(strings.actual)}: ${showExpected(f.actual, lang)}`}</span>}
        </div>
      )}
      {f.materiality && <Caption1 data-testid="materiality">{t(f.materiality.message)}</Caption1>}
      {f.derivation && <WhyButton steps={f.derivation} lang={lang} />}
      {f.fix && (
        <div>
          <Button
            size="small"
            disabled={disabled}
            onClick={(e) => {
              e.stopPropagation();
              pane.fix(f);
            }}
          >
            {t(strings.fix)}
          </Button>
        </div>
      )}
    </li>
  );
});
