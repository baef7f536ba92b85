// The standalone workbook, held by the engine worker: the opened .xlsx bytes and the writes since, saved by patching.
import type { CellWrite, Grid, WritePlan } from "../../src/types";
import type { TemplateWorkbook } from "../../src/template/types";
import { readGrid } from "../../io/read";
import { patchPackage } from "../../io/patch";
import { XlsxError } from "../../io/errors";

/**
 * What was opened (or made from a template) and every write applied since, in order. The download is the
 * original package with those cells rewritten (io/patch): charts, images and every other part carried over.
 */
export class StandaloneDocument {
  private base: Uint8Array | null;
  private writes: CellWrite[] = [];
  private grid: Grid | null = null;

  private constructor(base: Uint8Array | null) {
    this.base = base;
  }

  /** Reads the file through the same bounded reader as `gec check`; throws an XlsxError that says what to do. */
  static open(bytes: Uint8Array): StandaloneDocument {
    const doc = new StandaloneDocument(bytes);
    doc.grid = readGrid(bytes);
    return doc;
  }

  /** A new, empty workbook (テンプレート挿入 with no file open). */
  static empty(): StandaloneDocument {
    const doc = new StandaloneDocument(null);
    doc.grid = { sheets: [] };
    return doc;
  }

  /** The Grid as it is now: re-read from the patched package, so it is what the download will hold. */
  readGrid(): Grid {
    if (this.grid === null) this.grid = this.base ? readGrid(this.save()) : { sheets: [] };
    return this.grid;
  }

  /** Records a plan; refuses it whole (nothing recorded) when a sheet is missing or a value cannot be written. */
  apply(plan: WritePlan): void {
    if (plan.length === 0) return;
    if (this.base === null) {
      throw new XlsxError("xlsx.noSheet", {
        ja: "ブックにシートがありません。先にファイルを開くか、テンプレートを挿入してください。",
        en: "The workbook has no sheets. Open a file or insert a template first.",
      });
    }
    patchPackage(this.base, [...this.writes, ...plan]); // checks every write before any is kept
    this.writes.push(...plan);
    this.grid = null;
  }

  /** The bytes to download. */
  save(): Uint8Array {
    if (this.base === null) {
      throw new XlsxError("xlsx.noSheet", {
        ja: "保存するシートがありません。ファイルを開くか、テンプレートを挿入してください。",
        en: "There is no sheet to save. Open a file or insert a template.",
      });
    }
    return this.writes.length === 0 ? this.base : patchPackage(this.base, this.writes);
  }

  /**
   * Adds the template's sheets. New sheets need ExcelJS (loaded only here); the package is rebuilt by it, so a
   * workbook with charts loses them in this one case — the writes recorded so far are kept.
   */
  async insertTemplate(template: TemplateWorkbook): Promise<string[]> {
    const xlsx = await import("../../io/xlsx");
    const wb = this.base ? await xlsx.loadWorkbook(this.save()) : xlsx.newWorkbook();
    const names = xlsx.addTemplate(wb, template);
    this.base = await xlsx.saveWorkbook(wb);
    this.writes = [];
    this.grid = null;
    return names;
  }
}
