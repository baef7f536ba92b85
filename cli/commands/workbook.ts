// Reading and writing .xlsx files for the CLI: size limit before reading, every failure as a person-readable line.
import type { CliIo } from "../io";
import { UsageError } from "../args";
import { isGecError } from "../../src/errors";
import type { Message } from "../../src/types";
import type * as Xlsx from "../../io/xlsx";

export type XlsxModule = typeof Xlsx;
export type Workbook = Awaited<ReturnType<XlsxModule["loadWorkbook"]>>;

export const loadXlsx = (): Promise<XlsxModule> => import("../../io/xlsx");

/** Thrown for a file the command cannot use; main prints its message and exits 2. */
export class FileError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

function fileMessage(e: unknown, path: string): Message {
  if (isGecError(e)) return { ja: `${path}: ${e.text.ja}`, en: `${path}: ${e.text.en}` };
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return { ja: `${path}: ファイルがありません。`, en: `${path}: no such file.` };
  if (code === "EISDIR") return { ja: `${path}: フォルダです。`, en: `${path}: is a directory.` };
  if (code === "EACCES")
    return { ja: `${path}: 読み書きの権限がありません。`, en: `${path}: permission denied.` };
  const text = e instanceof Error ? e.message : String(e);
  return { ja: `${path}: 読み込めません（${text}）。`, en: `${path}: cannot be read (${text}).` };
}

/** Loads an .xlsx; a file over the size limit is refused before it is read into memory. */
export async function readWorkbook(io: CliIo, path: string): Promise<{ xlsx: XlsxModule; wb: Workbook }> {
  const xlsx = await loadXlsx();
  try {
    const size = await io.fileSize(path);
    if (size > xlsx.MAX_XLSX_BYTES) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      throw new FileError({
        ja: `${path}: ${mb(size)} MB は大きすぎます（上限 ${mb(xlsx.MAX_XLSX_BYTES)} MB）。様式3-2 のブックか確認してください。`,
        en: `${path}: ${mb(size)} MB is too large (limit ${mb(xlsx.MAX_XLSX_BYTES)} MB). Check that this is a Form 3-2 workbook.`,
      });
    }
    const bytes = await io.readFile(path);
    return { xlsx, wb: await xlsx.loadWorkbook(bytes) };
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(fileMessage(e, path));
  }
}

export async function writeWorkbook(io: CliIo, xlsx: XlsxModule, wb: Workbook, path: string): Promise<void> {
  try {
    await io.writeFile(path, await xlsx.saveWorkbook(wb));
  } catch (e) {
    throw new FileError(fileMessage(e, path));
  }
}

export type Lang = "ja" | "en";

/** Japanese unless --lang en: the users are Japanese staff. */
export function langOf(value: string | undefined): Lang {
  if (value === undefined || value === "ja") return "ja";
  if (value === "en") return "en";
  throw new UsageError(`--lang は ja か en です / --lang is ja or en: ${value}`);
}
