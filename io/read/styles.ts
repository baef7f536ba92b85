// xl/styles.xml: each cell style's number format, built-in or the workbook's own, and whether it shows a date.
import type { Handlers } from "./xml";

/** Built-in number formats that have a fixed code (ids 27–36, 50–58 are locale-dependent and read as none). */
export const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A format shows a date when, outside quotes and brackets, it has a date or time letter (as Excel and ExcelJS). */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  let outside = "";
  let quote = false;
  let bracket = false;
  for (const ch of format) {
    if (quote) quote = ch !== '"';
    else if (bracket) bracket = ch !== "]";
    else if (ch === '"') quote = true;
    else if (ch === "[") bracket = true;
    else outside += ch;
  }
  return /[ymdhMsb]/.test(outside);
}

export interface StylesPart {
  formats: Map<number, string>;
  xfs: number[];
}

export function styleHandlers(out: StylesPart): Handlers {
  let inCellXfs = false;
  return {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined)
        out.formats.set(parseInt(a.numFmtId, 10), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) out.xfs.push(parseInt(a.numFmtId ?? "0", 10));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  };
}

/** The number format of cell style `style` (the `s` attribute), or null for none or the default. */
export function formatOf(styles: StylesPart | null, style: number): string | null {
  if (!styles || !(style > 0)) return null;
  const id = styles.xfs[style];
  if (!id) return null;
  return styles.formats.get(id) ?? BUILTIN_FORMATS[id] ?? null;
}
