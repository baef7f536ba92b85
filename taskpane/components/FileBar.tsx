// Standalone: open an .xlsx, download it with the writes, download its 検証結果一覧表; the open file's name.
import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { strings, tr } from "../i18n";
import { FilePicker } from "./FilePicker";
import type { PaneProps } from "./props";

const useStyles = makeStyles({
  root: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1, flexBasis: "100%" },
});

export function FileBar({ state, pane }: PaneProps): React.JSX.Element {
  const styles = useStyles();
  const { lang, busy, file } = state;
  return (
    <div className={styles.root}>
      <FilePicker
        label={tr(strings.openFile, lang)}
        inputLabel={strings.openFile.ja}
        disabled={busy}
        onFile={(f) => void pane.openFile(f)}
      />
      <Button size="small" disabled={!file || busy} onClick={() => void pane.download()}>
        {tr(strings.download, lang)}
      </Button>
      <Button size="small" disabled={!file || busy} onClick={() => void pane.downloadReport()}>
        {tr(strings.report, lang)}
      </Button>
      {file && (
        <Caption1 data-testid="file-name" className={styles.name}>
          {file.name}
        </Caption1>
      )}
      {state.fileError && (
        <Caption1 role="alert" className={styles.error}>
          {tr(state.fileError, lang)}
        </Caption1>
      )}
    </div>
  );
}
