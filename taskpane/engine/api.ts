// What the pane asks of the engine: validation, plans, derivations, templates and the standalone document, all async
// (the engine runs in a Web Worker, so reading and validating a large workbook never freezes the pane).
import type { CellRef, Grid, WritePlan } from "../../src/types";
import type { FillPlan, FinalizePlan, ValidationReport } from "../../src/engine";
import type { TemplateWorkbook } from "../../src/template/types";
import type { ExplainResult } from "../../src/explain";
import type { Lang } from "../i18n";
import type { PortfolioFinding } from "../../src/portfolio";

export type { PortfolioFinding } from "../../src/portfolio";

export type { ValidationReport } from "../../src/engine";
export type { FillPlan, FinalizePlan } from "../../src/engine";
export type { ExplainResult, CellExplanation } from "../../src/explain";
export type { TemplateWorkbook } from "../../src/template/types";

/**
 * Where the engine finds the workbook: the Grid read just now (Excel: Office.js reads on the main thread), or the
 * standalone document the engine holds (the opened .xlsx bytes and the writes since, never copied to the page). A
 * large Grid goes to the worker in slices of rows first (engine/client.ts) and is then named by its number.
 */
export type GridSource = { grid: Grid } | { document: true } | { staged: number };

/** A methodology for テンプレート挿入. */
export interface MethodologyChoice {
  code: string;
  name: { ja: string; en: string };
  monitoringTable: boolean;
}

export interface EngineInfo {
  methodologies: MethodologyChoice[];
  /** The fiscal year a 実績 form reports today. */
  lastFiscalYear: number;
}

export interface Engine {
  info(): Promise<EngineInfo>;
  validate(source: GridSource): Promise<ValidationReport>;
  planFill(source: GridSource, options: { formulas?: boolean }): Promise<FillPlan>;
  /** 提出用に確定: every GEC. formula replaced by its value. */
  planFinalize(source: GridSource): Promise<FinalizePlan>;
  /** このセルの計算根拠: the derivation of the value a cell should hold. */
  explain(source: GridSource, ref: CellRef): Promise<ExplainResult>;
  /** "別紙1!U6" → a CellRef, null for anything else. */
  parseCell(text: string): Promise<CellRef | null>;
  /** A blank 様式3-2; with `monitoringYear`, a 熱実績管理表 per facility for that fiscal year's months. */
  buildTemplate(
    methodologyCode: string,
    facilities: number,
    monitoringYear?: number,
  ): Promise<TemplateWorkbook>;
  /**
   * 検証結果一覧表: the verifier's working paper of the workbook as .xlsx bytes, as `gec report` writes it, named after
   * `fileName` and the digest of what was checked (the standalone document's bytes; in Excel, the cells read).
   */
  workingPaper(source: GridSource, lang: Lang, fileName: string): Promise<Uint8Array>;
  /**
   * 前年度と比較: the workbook against its previous 実績 (a second .xlsx, read and checked like any other): each
   * facility paired by 承認番号 or name, its values compared under the methodology's thresholds.
   */
  compareWithPrevious(
    source: GridSource,
    previous: Uint8Array,
    names: { current: string; previous: string },
  ): Promise<PortfolioFinding[]>;
  /** Standalone: reads a chosen .xlsx (the bytes are handed over, not copied); throws an XlsxError that says what to do. */
  openDocument(bytes: Uint8Array): Promise<void>;
  /** Standalone: a new, empty workbook (テンプレート挿入 with no file open). */
  newDocument(): Promise<void>;
  /** Standalone: records a plan in the document; refuses it whole when a sheet is missing or a value cannot be written. */
  applyToDocument(plan: WritePlan): Promise<void>;
  /** Standalone: adds the template's sheets to the document; returns their names. */
  insertIntoDocument(template: TemplateWorkbook): Promise<string[]>;
  /** Standalone: the bytes to download, the opened package with only the written cells changed. */
  saveDocument(): Promise<Uint8Array>;
}
