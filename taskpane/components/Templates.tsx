// テンプレート挿入: a blank 様式3-2 for a methodology and a number of facilities, with 熱実績管理表 where it has them.
import * as React from "react";
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Option,
  SpinButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { strings, tr } from "../i18n";
import type { PaneSectionProps } from "./props";

const useStyles = makeStyles({
  root: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  methodology: { minWidth: "120px", maxWidth: "100%" },
  facilities: { width: "80px" },
  year: { width: "90px" },
});

/** A whole number typed or stepped within [min, max], else null. */
function within(value: number | null | undefined, display: string | undefined, min: number, max: number) {
  const v = value ?? Number(display);
  return Number.isInteger(v) && v >= min && v <= max ? v : null;
}

export function Templates(props: PaneSectionProps): React.JSX.Element {
  const { state, pane, disabled } = props;
  const styles = useStyles();
  const { lang, template, info } = state;
  const t = (m: { ja: string; en: string }) => tr(m, lang);
  const methodologies = info?.methodologies ?? [
    { code: "H002-2", name: { ja: "", en: "" }, monitoringTable: true },
  ];
  const monitored = info?.methodologies.find((m) => m.code === template.methodology)?.monitoringTable;
  return (
    <section aria-label={t(strings.insertTemplate)} className={styles.root}>
      <Field label={t(strings.methodology)}>
        <Dropdown
          value={template.methodology}
          selectedOptions={[template.methodology]}
          onOptionSelect={(_, d) => d.optionValue && pane.setTemplate({ methodology: d.optionValue })}
          className={styles.methodology}
        >
          {methodologies.map((m) => (
            <Option key={m.code} value={m.code} text={m.code}>
              {`${m.code} ${t(m.name)}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t(strings.facilities)}>
        <SpinButton
          value={template.facilities}
          min={1}
          max={200}
          onChange={(_, d) => {
            const v = within(d.value, d.displayValue, 1, 200);
            if (v !== null) pane.setTemplate({ facilities: v });
          }}
          className={styles.facilities}
        />
      </Field>
      {monitored && info && (
        <>
          <Checkbox
            checked={template.withMonitoring}
            onChange={(_, d) => pane.setTemplate({ withMonitoring: d.checked === true })}
            label={t(strings.withMonitoring)}
          />
          {template.withMonitoring && (
            <Field label={t(strings.fiscalYear)}>
              <SpinButton
                value={template.fiscalYear ?? info.lastFiscalYear}
                min={2000}
                max={2100}
                onChange={(_, d) => {
                  const v = within(d.value, d.displayValue, 2000, 2100);
                  if (v !== null) pane.setTemplate({ fiscalYear: v });
                }}
                className={styles.year}
              />
            </Field>
          )}
        </>
      )}
      <Button disabled={disabled} onClick={() => void pane.insertTemplate()}>
        {t(strings.insertTemplate)}
      </Button>
    </section>
  );
}
