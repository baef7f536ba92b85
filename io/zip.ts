// Inflates the parts of an .xlsx through fflate's streaming Unzip, counting bytes as they come out (never trusting headers).
import { Unzip, UnzipInflate, zipSync } from "fflate";
import type { Zippable } from "fflate";
import { BUDGET, XlsxError, corrupt, overBudget } from "./errors";

/** Receives one entry's inflated bytes in order; `end` once it is complete. */
export interface EntrySink {
  data(chunk: Uint8Array): void;
  end(): void;
}

export interface UnzipOptions {
  /** A sink to inflate the entry into, or null to skip it uninflated. */
  open(name: string): EntrySink | null;
  /** Throws when the read has run out of time (checked between input chunks). */
  tick(): void;
  entryBytes?: number;
  totalBytes?: number;
}

/** Compressed bytes handed to the inflater at a time: at most ~1,032× this (16.5 MiB) comes out of one push (smaller steps make fflate much slower). */
const CHUNK = 16 * 1024;

/** Entry names that could mean something else than a file inside the package. */
function unsafeName(name: string): boolean {
  return (
    name === "" ||
    name.includes("\\") ||
    name.includes("\0") ||
    name.startsWith("/") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((part) => part === ".." || part === ".")
  );
}

function refuseName(name: string): XlsxError {
  const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  return new XlsxError("xlsx.unsafeName", {
    ja: `ZIP 内に不正なファイル名があります（${JSON.stringify(shown)}）。安全のため読み込みません。Excel で保存し直したブックを使ってください。`,
    en: `The archive holds an unsafe entry name (${JSON.stringify(shown)}); refused for safety. Use a workbook re-saved in Excel.`,
  });
}

/**
 * Walks the local entries in file order. Entries the caller opens are inflated in small steps, each step's output
 * counted against the per-entry and total budgets; duplicate and unsafe names are refused. Returns every name.
 */
export function unzipEntries(bytes: Uint8Array, options: UnzipOptions): string[] {
  const entryLimit = options.entryBytes ?? BUDGET.entryBytes;
  const totalLimit = options.totalBytes ?? BUDGET.totalBytes;
  const names: string[] = [];
  const seen = new Set<string>();
  const open = new Set<string>();
  let total = 0;
  let failure: unknown = null;
  const unzip = new Unzip((file) => {
    if (failure !== null) return;
    const name = file.name;
    if (unsafeName(name)) throw refuseName(name);
    if (seen.has(name)) {
      throw corrupt({ ja: `同じ名前のファイルが 2 つあります: ${name}`, en: `duplicate entry ${name}` });
    }
    seen.add(name);
    names.push(name);
    const sink = options.open(name);
    if (sink === null) return;
    if (file.compression !== 0 && file.compression !== 8) {
      throw corrupt({
        ja: `未対応の圧縮方式 ${file.compression}`,
        en: `unsupported compression ${file.compression}`,
      });
    }
    let size = 0;
    open.add(name);
    file.ondata = (err, data, final) => {
      if (failure !== null) return;
      try {
        if (err) throw corrupt({ ja: `${name} を展開できません`, en: `${name} cannot be inflated` });
        size += data.length;
        total += data.length;
        if (size > entryLimit) {
          throw overBudget(
            { ja: `${name} の展開後の大きさ`, en: `The inflated bytes of ${name}` },
            entryLimit,
          );
        }
        if (total > totalLimit) {
          throw overBudget({ ja: "展開後の合計の大きさ", en: "The inflated bytes in total" }, totalLimit);
        }
        if (data.length > 0) sink.data(data);
        if (final) {
          open.delete(name);
          sink.end();
        }
      } catch (e) {
        failure = e;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && failure === null; at += CHUNK) {
      options.tick();
      const end = Math.min(at + CHUNK, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (e) {
    if (failure === null) failure = e;
  }
  if (failure !== null) {
    if (failure instanceof XlsxError) throw failure;
    throw corrupt({ ja: "ZIP として読めません", en: "not a readable ZIP archive" });
  }
  if (open.size > 0) {
    throw corrupt({ ja: `${[...open][0]} が途中で切れています`, en: `${[...open][0]} is cut short` });
  }
  return names;
}

/** A sink that keeps the bytes (for the parts the writer copies or patches). */
export function collect(): EntrySink & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  return {
    data(chunk) {
      chunks.push(chunk);
      length += chunk.length;
    },
    end() {
      done = true;
    },
    bytes() {
      if (!done) throw corrupt({ ja: "途中で切れた部分があります", en: "a part is cut short" });
      if (chunks.length === 1) return chunks[0];
      const out = new Uint8Array(length);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
  };
}

/** Every entry of a package, in order, inflated within the budgets. */
export function readAllEntries(
  bytes: Uint8Array,
  tick: () => void,
  limits: { entryBytes?: number; totalBytes?: number } = {},
): { name: string; data: Uint8Array }[] {
  const sinks = new Map<string, ReturnType<typeof collect>>();
  const names = unzipEntries(bytes, {
    ...limits,
    tick,
    open(name) {
      const sink = collect();
      sinks.set(name, sink);
      return sink;
    },
  });
  return names.map((name) => ({ name, data: sinks.get(name)?.bytes() ?? new Uint8Array(0) }));
}

/** Zips entries in the given order (deflate level 6; tiny entries stored, as Excel does with small parts). */
export function zipEntries(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  const files: Zippable = {};
  for (const { name, data } of entries) files[name] = [data, { level: data.length < 64 ? 0 : 6 }];
  return zipSync(files, { mtime: new Date(Date.UTC(1980, 0, 1)) });
}
