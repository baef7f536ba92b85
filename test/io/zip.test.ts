// The CLI's inflater (Node's zlib, cli/inflate.ts) gives the bytes fflate gives, and keeps every budget.
import * as fs from "fs";
import * as path from "path";
import { readGrid } from "../../io/read";
import { XlsxError } from "../../io/errors";
import { readAllEntries, useNativeInflate, zipEntries } from "../../io/zip";
import type { NativeInflate } from "../../io/zip";
import { zlibInflate as cliInflate } from "../../cli/inflate";

const FIXTURES = path.join(__dirname, "..", "fixtures", "xlsx");
const PUBLISHED = ["H002-1-published.xlsx", "H002-2-published.xlsx"];
const never = () => undefined;

const zlib = cliInflate();
if (zlib === null) throw new Error("Node 20.16 or later has process.getBuiltinModule");
let calls = 0;
const zlibInflate: NativeInflate = (compressed, maxOutput) => {
  calls++;
  return zlib(compressed, maxOutput);
};

/** `f` once through fflate and once through zlib (the native path counted, so a test cannot pass on fflate twice). */
function bothWays<T>(f: () => T): { fflate: T; zlib: T; nativeCalls: number } {
  useNativeInflate(null);
  const fflate = f();
  calls = 0;
  useNativeInflate(zlibInflate);
  try {
    return { fflate, zlib: f(), nativeCalls: calls };
  } finally {
    useNativeInflate(null);
  }
}

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    return (e as XlsxError).reason;
  }
  return "read";
}

afterEach(() => useNativeInflate(null));

/** Bytes of a linear congruential generator: deterministic, and deflate cannot shrink them much. */
function lcgBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("zlib in place of fflate", () => {
  it.each(PUBLISHED)("inflates every part of %s to the same bytes and reads the same Grid", (file) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
    const entries = bothWays(() => readAllEntries(bytes, never));
    expect(entries.nativeCalls).toBeGreaterThan(5); // the published workbooks' parts are deflated
    expect(entries.zlib).toEqual(entries.fflate);
    const grids = bothWays(() => readGrid(bytes));
    expect(grids.zlib).toEqual(grids.fflate);
  });

  const zeros = (n: number) => new Uint8Array(n);
  /** A package of the given entries first, then the xl/workbook.xml every .xlsx has. */
  const pack = (entries: { name: string; data: Uint8Array }[]) =>
    zipEntries([...entries, { name: "xl/workbook.xml", data: new TextEncoder().encode("<workbook/>") }]);
  const deflated = (n: number) => pack([{ name: "a.xml", data: zeros(n) }]);

  it("takes an entry of exactly the entry budget and refuses one byte more (inflation stops at the budget)", () => {
    const exact = bothWays(() => readAllEntries(deflated(4096), never, { entryBytes: 4096 }));
    expect(exact.zlib[0].data.length).toBe(4096);
    expect(exact.nativeCalls).toBe(1); // "<workbook/>" is stored: too small to deflate
    for (const inflate of [null, zlibInflate]) {
      useNativeInflate(inflate);
      expect(refusal(() => readAllEntries(deflated(4097), never, { entryBytes: 4096 }))).toBe(
        "xlsx.overBudget",
      );
      // 100 KB that hardly compress (so that no ratio check refuses them first): inflation stops at the budget
      const noise = pack([{ name: "a.xml", data: lcgBytes(100_000) }]);
      expect(refusal(() => readAllEntries(noise, never, { entryBytes: 4096 }))).toBe("xlsx.overBudget");
    }
  });

  it("keeps the budget over all entries", () => {
    const two = pack([
      { name: "a.xml", data: zeros(3000) },
      { name: "b.xml", data: zeros(3000) },
    ]);
    for (const inflate of [null, zlibInflate]) {
      useNativeInflate(inflate);
      expect(refusal(() => readAllEntries(two, never, { totalBytes: 6010 }))).toBe("xlsx.overBudget");
      expect(readAllEntries(two, never, { totalBytes: 6011 }).map((e) => e.data.length)).toEqual([
        3000, 3000, 11,
      ]);
    }
  });

  it("refuses damaged deflate data as corrupt, as fflate does", () => {
    const text = new TextEncoder().encode("<x>" + "abcdefgh".repeat(500) + "</x>");
    const bytes = pack([{ name: "a.xml", data: text }]);
    // the local header is 30 bytes + the name: the deflate stream starts right after it
    const damaged = bytes.slice();
    damaged[30 + "a.xml".length] = 0xff; // a reserved block type (BTYPE 11)
    const result = bothWays(() => refusal(() => readAllEntries(damaged, never)));
    expect(result).toMatchObject({ fflate: "xlsx.corrupt", zlib: "xlsx.corrupt" });
  });
});
