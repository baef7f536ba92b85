// Reading and writing .xlsx files for the CLI: regular files only, size limit before reading, every failure as a person-readable line.
import type { CliIo } from "../io";
import { FileError, readFailure } from "../io";
import { UsageError } from "../args";
import { isGecError } from "../../src/errors";
import type { Grid, Message } from "../../src/types";
import { MAX_XLSX_BYTES } from "../../io/errors";
import { readGrid } from "../../io/read";
import { useZlibInflate } from "../inflate";
import type * as Xlsx from "../../io/xlsx";

useZlibInflate(); // this process reads workbooks: their parts inflate through zlib

export { FileError } from "../io";
export type XlsxModule = typeof Xlsx;
export type Workbook = Awaited<ReturnType<XlsxModule["loadWorkbook"]>>;

/** A failure of ours keeps its text; anything else is named without a library's internals. */
export function fileMessage(e: unknown, path: string): Message {
  if (e instanceof FileError) return e.text;
  if (isGecError(e)) return { ja: `${path}: ${e.text.ja}`, en: `${path}: ${e.text.en}` };
  if (typeof (e as { code?: unknown } | null)?.code === "string") return readFailure(path, e);
  return {
    ja: `${path}: 読み込めませんでした（内部エラー）。Excel で開いて保存し直したブックで試し、直らなければ開発者に知らせてください。`,
    en: `${path}: could not be read (internal error). Try a copy re-saved in Excel; if that fails too, tell the developers.`,
  };
}

/** A workbook's bytes and its Grid, through the bounded reader; a file over the size limit is refused unread. */
export async function readInput(io: CliIo, path: string): Promise<{ bytes: Uint8Array; grid: Grid }> {
  try {
    const bytes = await io.readFile(path, MAX_XLSX_BYTES);
    return { bytes, grid: readGrid(bytes) };
  } catch (e) {
    throw new FileError(fileMessage(e, path));
  }
}

/** Writes bytes atomically; never over `input`, nor over an existing file unless `force` (--force). */
export async function writeBytes(
  io: CliIo,
  path: string,
  bytes: Uint8Array,
  input?: string,
  force = false,
): Promise<void> {
  try {
    await io.writeFile(path, bytes, input, force);
  } catch (e) {
    if (e instanceof FileError) throw e;
    const why = (e as { code?: unknown } | null)?.code;
    throw new FileError({
      ja: `${path} を書き出せません（${typeof why === "string" ? why : "I/O"}）。別の場所を指定してください。`,
      en: `Cannot write ${path} (${typeof why === "string" ? why : "I/O error"}). Choose another place.`,
    });
  }
}

/** Refuses the -o file before any work: the input itself, or an existing file without --force. */
export async function checkOutput(
  io: CliIo,
  path: string,
  input: string | undefined,
  force: boolean,
): Promise<void> {
  try {
    await io.checkOutput(path, input, force);
  } catch (e) {
    if (e instanceof FileError) throw e;
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
