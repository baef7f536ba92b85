// Building findings: one place for the shape, the A1 text and the one-cell fix.
import type { CellRef, CellValue, Finding, Message, Severity } from "../types";
import { formatRef } from "../forms/a1";

export function finding(
  rule: string,
  severity: Severity,
  ref: CellRef,
  message: Message,
  extra: {
    expected?: number | string;
    actual?: number | string;
    fix?: { value: CellValue; previous: CellValue };
  } = {},
): Finding {
  const f: Finding = { rule, severity, ref, message };
  if (extra.expected !== undefined) f.expected = extra.expected;
  if (extra.actual !== undefined) f.actual = extra.actual;
  if (extra.fix) f.fix = { ref, value: extra.fix.value, previous: extra.fix.previous };
  return f;
}

/** "別紙1!P7" for messages. */
export const at = formatRef;
