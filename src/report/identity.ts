// What a working paper was made from and by: the checked file and its digest, the tool, the rules and the parameters.
import type { Grid, Message } from "../types";

/** The checked input as the adapter read it. */
export interface ReportSource {
  fileName: string;
  /**
   * What `sha256` is the digest of: the file's bytes (CLI, standalone page) or, in Excel, where the pane has no file
   * bytes, the cells it read (`gridDigest`).
   */
  digestOf: "file" | "cells";
  /** Lower-case hex, 64 digits. */
  sha256: string;
  /** Bytes of the file; null for cells read in Excel. */
  size: number | null;
}

/** One parameter value the recomputation used (9.484, a fuel's CEF_fuel,BL), with where it comes from. */
export interface ReportParameter {
  name: Message;
  value: string;
  unit: string;
  /** Source and vintage ("seed 2.2 (0.0678tCO2/GJ)"). */
  source: string;
}

export interface ReportMethodologyStatus {
  code: string;
  name: Message;
  status: "confirmed" | "provisional";
}

export interface ReportIdentity extends ReportSource {
  /** The workbook's sheets in order. */
  sheets: string[];
  toolVersion: string;
  /** SHA-256 (hex) of the rule set: every rule's id, family and severity, and the methodology registry's version. */
  rulesDigest: string;
  parameters: ReportParameter[];
  methodologies: ReportMethodologyStatus[];
  /** The day the paper was made, YYYY-MM-DD (given by the adapter: src/ reads no clock). */
  date: string;
}

export interface ReportOptions {
  toolVersion: string;
  /** YYYY-MM-DD. */
  date: string;
}
