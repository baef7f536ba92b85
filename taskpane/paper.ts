// The working paper of the open workbook as .xlsx bytes, for the pane's download (standalone) and for a new Excel
// workbook (Excel.createWorkbook): the same paper `gec report` writes.
import type { Grid } from "../src/types";
import type { ReportSource } from "../src/report";
import { TOOL_VERSION, localDate } from "./version";

export type PaperLang = "ja" | "en";

/** The paper of `grid`, named after `source`, as .xlsx bytes (the report and the writer load on first use). */
export async function paperBytes(grid: Grid, source: ReportSource, lang: PaperLang): Promise<Uint8Array> {
  const [{ paperWorkbook, verificationPaper }, { templateToXlsxBytes }] = await Promise.all([
    import("../src/report"),
    import("../io/xlsxWrite"),
  ]);
  const paper = verificationPaper(grid, {
    source,
    options: { toolVersion: TOOL_VERSION, date: localDate() },
  });
  return templateToXlsxBytes(paperWorkbook(paper, lang), new Date());
}

/** The source of a paper made from a file's bytes (standalone): the digest of the bytes checked. */
export async function fileSource(fileName: string, bytes: Uint8Array): Promise<ReportSource> {
  const { sha256 } = await import("../src/sha256");
  return { fileName, digestOf: "file", sha256: sha256(bytes), size: bytes.length };
}

/** The source of a paper made in Excel: the pane has the cells, not the bytes. */
export async function cellsSource(workbookName: string, grid: Grid): Promise<ReportSource> {
  const { gridDigest } = await import("../src/report");
  return { fileName: workbookName, digestOf: "cells", sha256: gridDigest(grid), size: null };
}
