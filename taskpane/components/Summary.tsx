// The 検証 summary: methodology, facilities, period and counts, with the 暫定 notice of a provisional methodology.
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ValidationReport } from "../engine/api";
import { tr } from "../i18n";
import type { Lang } from "../i18n";

export function Summary({ report, lang }: { report: ValidationReport; lang: Lang }): React.JSX.Element {
  const { summary } = report;
  const intent = summary.errors > 0 ? "error" : summary.warnings > 0 ? "warning" : "success";
  return (
    <>
      <MessageBar intent={intent}>
        <MessageBarBody>
          {summary.methodologyName && (
            <MessageBarTitle>
              {summary.methodology} {tr(summary.methodologyName, lang)}
            </MessageBarTitle>
          )}
          <span data-testid="summary">{tr(summary.text, lang)}</span>
        </MessageBarBody>
      </MessageBar>
      {summary.notice && (
        <MessageBar intent="warning" data-testid="provisional">
          <MessageBarBody>{tr(summary.notice, lang)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
