// The working paper of the open workbook as .xlsx bytes, for the pane's download (standalone) and for a new Excel
// workbook (Excel.createWorkbook): the same paper `gec report` writes. The engine loads this module on first use,
// with the report and the writer in it (one chunk: nothing of it is in the page until a paper is asked for).
import type { Grid } from "../src/types";
import { gridDigest, paperWorkbook, verificationPaper } from "../src/report";
import type { ReportSource } from "../src/report";
import { sha256 } from "../src/sha256";
import { templateToXlsxBytes } from "../io/xlsxWrite";
import { TOOL_VERSION, localDate } from "./version";

export type PaperLang = "ja" | "en";

/** The paper of `grid`, named after `source`, as .xlsx bytes. */
export function paperBytes(grid: Grid, source: ReportSource, lang: PaperLang): Uint8Array {
  const paper = verificationPaper(grid, {
    source,
    options: { toolVersion: TOOL_VERSION, date: localDate() },
  });
  return templateToXlsxBytes(paperWorkbook(paper, lang), new Date());
}

/** The source of a paper made from a file's bytes (standalone): the digest of the bytes checked. */
export function fileSource(fileName: string, bytes: Uint8Array): ReportSource {
  return { fileName, digestOf: "file", sha256: sha256(bytes), size: bytes.length };
}

/** The source of a paper made in Excel: the pane has the cells, not the bytes. */
export function cellsSource(workbookName: string, grid: Grid): ReportSource {
  return { fileName: workbookName, digestOf: "cells", sha256: gridDigest(grid), size: null };
}
