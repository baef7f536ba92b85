// The CLI's inflater for .xlsx parts: Node's zlib in place of fflate, for the modules that read workbooks.
import { useNativeInflate } from "../io/zip";
import type { NativeInflate } from "../io/zip";

/**
 * Node's zlib inflates the workbook's parts (io/zip.ts): the same bytes as fflate, natively. Loaded when called, not
 * when this module is: a startup snapshot cannot hold zlib's native handle (Node 20.16+; fflate before).
 */
export function useZlibInflate(): void {
  const inflate = zlibInflate();
  if (inflate) useNativeInflate(inflate);
}

/** zlib's raw inflate within a bound, or null before Node 20.16 (no process.getBuiltinModule). */
export function zlibInflate(): NativeInflate | null {
  if (typeof process.getBuiltinModule !== "function") return null;
  const { inflateRawSync } = process.getBuiltinModule("zlib");
  const { MAX_LENGTH } = process.getBuiltinModule("buffer").constants;
  return (compressed, maxOutput) => {
    try {
      return inflateRawSync(compressed, { maxOutputLength: Math.min(maxOutput, MAX_LENGTH) });
    } catch (err) {
      if ((err as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") return null;
      throw err;
    }
  };
}
