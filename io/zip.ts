// Inflates the parts of an .xlsx that its central directory lists (as Excel does), counting bytes as they come out.
import { Inflate, zipSync } from "fflate";
import type { Zippable } from "fflate";
import type { Message } from "../src/types";
import { BUDGET, XlsxError, corrupt, overBudget } from "./errors";
import { centralDirectory } from "./inspect";
import type { CentralEntry } from "./inspect";

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

/**
 * A host's own raw-deflate inflater (Node's zlib): the inflated bytes, or null when more than `maxOutput` bytes would
 * come out. fflate runs as plain JavaScript, interpreted at first: a small workbook's parts inflate several times
 * faster natively in a short `gec check`, and the bytes that come out are the same.
 */
export type NativeInflate = (compressed: Uint8Array, maxOutput: number) => Uint8Array | null;
let nativeInflate: NativeInflate | null = null;
/** Entries up to this many compressed bytes go to the native inflater whole; larger ones stream through fflate. */
const NATIVE_MAX_COMPRESSED = 1024 * 1024;

/** Hands entries to a host's inflater (the CLI gives zlib's); null goes back to fflate for every entry. */
export function useNativeInflate(inflate: NativeInflate | null): void {
  nativeInflate = inflate;
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

function disagree(name: string, what: Message): XlsxError {
  const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  return corrupt({
    ja: `ZIP の目次とファイル見出しが一致しません: ${shown} の${what.ja}`,
    en: `the ZIP directory and the local header disagree on the ${what.en} of ${shown}`,
  });
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/**
 * Where an entry's data lies, after checking that its local header says what the central directory says (name,
 * method, sizes) at the offset the directory gives: Excel follows the directory, and a file whose two copies
 * disagree shows one thing in Excel and could show another to a reader that follows the local headers.
 */
function dataOf(bytes: Uint8Array, e: CentralEntry, directoryStart: number): { start: number; end: number } {
  const at = e.offset;
  if (!(at >= 0 && at + 30 <= directoryStart) || u32(bytes, at) !== 0x04034b50) {
    throw disagree(e.name, { ja: "位置（見出しがありません）", en: "offset (no local header there)" });
  }
  const flags = u16(bytes, at + 6);
  const method = u16(bytes, at + 8);
  let compressed = u32(bytes, at + 18);
  let uncompressed = u32(bytes, at + 22);
  const nameLength = u16(bytes, at + 26);
  const extraLength = u16(bytes, at + 28);
  const start = at + 30 + nameLength + extraLength;
  if (start > directoryStart) throw disagree(e.name, { ja: "位置", en: "offset" });
  const name = bytes.subarray(at + 30, at + 30 + nameLength);
  if (name.length !== e.nameBytes.length || name.some((b, i) => b !== e.nameBytes[i])) {
    throw disagree(e.name, { ja: "名前", en: "name" });
  }
  if (method !== e.method) throw disagree(e.name, { ja: "圧縮方式", en: "compression method" });
  if (compressed === 0xffffffff || uncompressed === 0xffffffff) {
    for (let x = at + 30 + nameLength; x + 4 <= start;) {
      const id = u16(bytes, x);
      const size = u16(bytes, x + 2);
      if (id === 0x0001 && size >= 16 && x + 4 + size <= start) {
        uncompressed = u32(bytes, x + 4) + u32(bytes, x + 8) * 0x1_0000_0000;
        compressed = u32(bytes, x + 12) + u32(bytes, x + 16) * 0x1_0000_0000;
        break;
      }
      x += 4 + size;
    }
  }
  // with a data descriptor (bit 3) the local header may leave the sizes 0; otherwise they must be the directory's
  const deferred = (flags & 8) !== 0 && compressed === 0 && uncompressed === 0;
  if (!deferred && (compressed !== e.compressed || uncompressed !== e.uncompressed)) {
    throw disagree(e.name, { ja: "大きさ", en: "sizes" });
  }
  const end = start + e.compressed;
  if (end > directoryStart) {
    throw corrupt({ ja: `${e.name} が途中で切れています`, en: `${e.name} is cut short` });
  }
  return { start, end };
}

/** Refuses an archive with an unsafe or duplicate entry name, before anything is inflated. */
function checkNames(entries: readonly CentralEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (unsafeName(e.name)) throw refuseName(e.name);
    if (seen.has(e.name)) {
      throw corrupt({ ja: `同じ名前のファイルが 2 つあります: ${e.name}`, en: `duplicate entry ${e.name}` });
    }
    seen.add(e.name);
  }
}

/** The inflated-bytes budgets of one read, and the bytes inflated so far across its entries. */
interface InflateBudget {
  entryLimit: number;
  totalLimit: number;
  total: number;
}

/** An entry over its own budget. */
function entryOverBudget(name: string, limit: number): XlsxError {
  return overBudget({ ja: `${name} の展開後の大きさ`, en: `The inflated bytes of ${name}` }, limit);
}

/** The package over its total budget. */
function totalOverBudget(limit: number): XlsxError {
  return overBudget({ ja: "展開後の合計の大きさ", en: "The inflated bytes in total" }, limit);
}

/** One entry's inflated bytes on their way to its sink, each step counted against the entry's and the total budget. */
class EntryOutput {
  size = 0;

  constructor(
    readonly name: string,
    private readonly sink: EntrySink,
    private readonly budget: InflateBudget,
  ) {}

  take(data: Uint8Array): void {
    this.size += data.length;
    this.budget.total += data.length;
    if (this.size > this.budget.entryLimit) throw entryOverBudget(this.name, this.budget.entryLimit);
    if (this.budget.total > this.budget.totalLimit) throw totalOverBudget(this.budget.totalLimit);
    if (data.length > 0) this.sink.data(data);
  }
}

/** A stored (method 0) entry's bytes, handed on in large steps; always complete. */
function copyStored(data: Uint8Array, out: EntryOutput, tick: () => void): boolean {
  for (let at = 0; at < data.length; at += CHUNK * 64) {
    tick();
    out.take(data.subarray(at, Math.min(at + CHUNK * 64, data.length)));
  }
  return true;
}

/** A small deflated entry inflated whole by the host's inflater, never past what the budgets leave. */
function inflateNative(
  inflate: NativeInflate,
  data: Uint8Array,
  out: EntryOutput,
  budget: InflateBudget,
  tick: () => void,
): boolean {
  tick();
  const entryRoom = budget.entryLimit - out.size;
  const totalRoom = budget.totalLimit - budget.total;
  // one byte more than the budget, so that reaching it is told apart from passing it (take() throws)
  const inflated = inflate(data, Math.min(entryRoom, totalRoom) + 1);
  if (inflated === null) {
    if (entryRoom <= totalRoom) throw entryOverBudget(out.name, budget.entryLimit);
    throw totalOverBudget(budget.totalLimit);
  }
  // a plain Uint8Array over the same memory: a Node Buffer's slice() is a view where Uint8Array's copies
  out.take(new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength));
  return true;
}

/** A deflated entry streamed through fflate in small steps; whether the deflate stream came to its end. */
function inflateStreaming(data: Uint8Array, out: EntryOutput, tick: () => void): boolean {
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    out.take(chunk);
    if (final) ended = true;
  });
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  for (let at = 0; at < data.length; at += CHUNK) {
    tick();
    const stop = Math.min(at + CHUNK, data.length);
    inflater.push(data.subarray(at, stop), stop === data.length);
  }
  return ended;
}

/**
 * Inflates one entry's data into its output; whether it came out whole. Anything but a budget's or the read's own
 * error is the entry's corruption.
 */
function inflateEntry(
  data: Uint8Array,
  method: number,
  out: EntryOutput,
  budget: InflateBudget,
  tick: () => void,
): boolean {
  try {
    if (method === 0) return copyStored(data, out, tick);
    if (nativeInflate !== null && data.length <= NATIVE_MAX_COMPRESSED) {
      return inflateNative(nativeInflate, data, out, budget, tick);
    }
    return inflateStreaming(data, out, tick);
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw corrupt({ ja: `${out.name} を展開できません`, en: `${out.name} cannot be inflated` });
  }
}

/**
 * Walks the entries of the central directory in its order, as Excel does; each local header must agree with
 * it. Entries the caller opens are inflated in small steps, each step's output counted against the per-entry
 * and total budgets; duplicate and unsafe names are refused. Returns every name.
 */
export function unzipEntries(bytes: Uint8Array, options: UnzipOptions): string[] {
  const budget: InflateBudget = {
    entryLimit: options.entryBytes ?? BUDGET.entryBytes,
    totalLimit: options.totalBytes ?? BUDGET.totalBytes,
    total: 0,
  };
  const listing = centralDirectory(bytes);
  const names: string[] = [];
  checkNames(listing.entries);
  for (const e of listing.entries) {
    const name = e.name;
    names.push(name);
    const { start, end } = dataOf(bytes, e, listing.start);
    const sink = options.open(name);
    if (sink === null) continue;
    if (e.method !== 0 && e.method !== 8) {
      throw corrupt({ ja: `未対応の圧縮方式 ${e.method}`, en: `unsupported compression ${e.method}` });
    }
    const out = new EntryOutput(name, sink, budget);
    const ended = inflateEntry(bytes.subarray(start, end), e.method, out, budget, () => options.tick());
    if (!ended) throw corrupt({ ja: `${name} が途中で切れています`, en: `${name} is cut short` });
    if (out.size !== e.uncompressed) {
      throw disagree(name, { ja: "展開後の大きさ", en: "inflated size" });
    }
    sink.end();
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
