// A Fluent button that opens the browser's file dialog for one .xlsx: the native input stays hidden (its own button
// would speak the browser's language), and the same file can be chosen again.
import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { Handler } from "./handler";

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface FilePickerProps {
  /** The button's text. */
  label: string;
  /** The hidden input's accessible name (tests and assistive technology find the input by it). */
  inputLabel: string;
  disabled: boolean;
  onFile: Handler<File>;
}

export function FilePicker({ label, inputLabel, disabled, onFile }: FilePickerProps): React.JSX.Element {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={inputLabel}
        accept={XLSX_TYPES}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = ""; // the same file can be chosen again after a change
          if (f) onFile(f);
        }}
      />
      <Button size="small" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
