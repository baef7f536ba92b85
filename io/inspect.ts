// Cheap checks on the raw bytes of an .xlsx before anything is inflated: signatures and the declared sizes.
import {
  MAX_RATIO,
  MAX_UNCOMPRESSED_BYTES,
  MAX_ZIP_ENTRIES,
  RATIO_FLOOR_BYTES,
  XlsxError,
  checkFileSize,
  corrupt,
  mb,
} from "./errors";

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Little-endian reads with bounds checks: a short read means a damaged file, never a RangeError. */
class Reader {
  constructor(private readonly bytes: Uint8Array) {}
  has(offset: number, length: number): boolean {
    return Number.isInteger(offset) && offset >= 0 && offset + length <= this.bytes.length;
  }
  private need(offset: number, length: number): void {
    if (!this.has(offset, length)) {
      throw corrupt({
        ja: "ZIP の目次がファイルの外を指しています",
        en: "the ZIP directory points outside the file",
      });
    }
  }
  u16(offset: number): number {
    this.need(offset, 2);
    return this.bytes[offset] | (this.bytes[offset + 1] << 8);
  }
  u32(offset: number): number {
    this.need(offset, 4);
    return (
      (this.bytes[offset] |
        (this.bytes[offset + 1] << 8) |
        (this.bytes[offset + 2] << 16) |
        (this.bytes[offset + 3] << 24)) >>>
      0
    );
  }
  /** 64-bit sizes as a number: exact below 2^53, and anything above is refused by the limits anyway. */
  u64(offset: number): number {
    return this.u32(offset) + this.u32(offset + 4) * 0x1_0000_0000;
  }
  is(offset: number, signature: number): boolean {
    return this.has(offset, 4) && this.u32(offset) === signature;
  }
  bytesEqual(offset: number, expected: number[]): boolean {
    if (!this.has(offset, expected.length)) return false;
    return expected.every((b, i) => this.bytes[offset + i] === b);
  }
}

const WORKBOOK_ENTRY = Array.from("xl/workbook.xml", (c) => c.charCodeAt(0));
const WORKBOOK_ENTRY_SLASH = [0x2f, ...WORKBOOK_ENTRY];

interface CentralDirectory {
  offset: number;
  size: number;
  entries: number;
  /** Where the directory must end: the (ZIP64) end record. */
  end: number;
}

function findCentralDirectory(r: Reader, length: number): CentralDirectory {
  // The EOCD record is 22 bytes plus a comment of up to 65535 bytes, at the very end of the file.
  let eocd = -1;
  for (let i = length - 22; i >= 0 && i >= length - 22 - 0xffff; i--) {
    if (r.is(i, SIG_EOCD)) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw corrupt({ ja: "ZIP の終端レコードがありません", en: "no ZIP end-of-central-directory record" });
  }
  let entries = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  let end = eocd;
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (r.is(locator, SIG_ZIP64_LOCATOR)) {
      const zip64 = r.u64(locator + 8);
      if (!r.is(zip64, SIG_ZIP64_EOCD)) {
        throw corrupt({ ja: "ZIP64 の終端レコードが見つかりません", en: "ZIP64 end record not found" });
      }
      entries = r.u64(zip64 + 32);
      size = r.u64(zip64 + 40);
      offset = r.u64(zip64 + 48);
      end = zip64;
    }
  }
  return { offset, size, entries, end };
}

/** One entry as the central directory lists it (what Excel, LibreOffice and Python's zipfile follow). */
export interface CentralEntry {
  name: string;
  /** The raw bytes of the name, compared byte for byte with the local header's. */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  compressed: number;
  uncompressed: number;
  /** Offset of the local header in `bytes` (corrected for data prepended to the archive). */
  offset: number;
}

/** The central directory: every entry, and where the directory starts (no entry's data may reach into it). */
export interface CentralListing {
  entries: CentralEntry[];
  start: number;
}

const utf8Name = new TextDecoder("utf-8");

function decodeName(bytes: Uint8Array): string {
  // bit 11 or not, Excel writes ASCII names; anything else is read as UTF-8 (a bad byte shows as U+FFFD)
  return utf8Name.decode(bytes);
}

/** Throws unless the bytes look like an .xlsx whose declared contents are of a sane size. */
export function inspectXlsx(bytes: Uint8Array): void {
  centralDirectory(bytes);
}

/** The checks of inspectXlsx, returning the central directory's entries in directory order. */
export function centralDirectory(bytes: Uint8Array): CentralListing {
  const r = refuseNonZip(bytes);
  const cd = findCentralDirectory(r, bytes.length);
  // Data prepended to the archive shifts every offset; JSZip tolerates it, so find the directory the same way.
  let at = cd.offset;
  if (!r.is(at, SIG_CENTRAL) && cd.entries > 0) at = cd.end - cd.size;
  if (cd.entries > 0 && !r.is(at, SIG_CENTRAL)) {
    throw corrupt({ ja: "ZIP の目次が見つかりません", en: "ZIP central directory not found" });
  }
  const start = at;
  const shift = at - cd.offset;

  const entries: CentralEntry[] = [];
  let total = 0;
  let hasWorkbook = false;
  // Walk by signature, as JSZip does, so that a lying entry count cannot hide entries.
  while (r.is(at, SIG_CENTRAL)) {
    if (entries.length + 1 > MAX_ZIP_ENTRIES) throw tooManyEntries(entries.length + 1);
    const { entry, next } = centralEntry(r, bytes, at, shift);
    total += entry.uncompressed;
    refuseBomb(total, entry);
    if (isWorkbookEntry(r, at + 46, entry.nameBytes.length)) hasWorkbook = true;
    entries.push(entry);
    at = next;
  }
  if (!hasWorkbook) {
    throw new XlsxError("xlsx.notXlsx", {
      ja: "ZIP ファイルですが Excel ブックではありません（xl/workbook.xml がありません。Word や PowerPoint のファイルではありませんか）。.xlsx ファイルを選んでください。",
      en: "This is a ZIP file but not an Excel workbook (no xl/workbook.xml; is it a Word or PowerPoint file?). Choose an .xlsx file.",
    });
  }
  return { entries, start };
}

/** A reader of the bytes once they are a ZIP of sane size: empty, too large, .xls/encrypted and non-ZIP refused. */
function refuseNonZip(bytes: Uint8Array): Reader {
  if (bytes.length === 0) {
    throw new XlsxError("xlsx.empty", {
      ja: "ファイルが空です（0 バイト）。保存し直したブックを選んでください。",
      en: "The file is empty (0 bytes). Choose a saved workbook.",
    });
  }
  checkFileSize(bytes.length);
  const r = new Reader(bytes);
  if (r.bytesEqual(0, OLE_MAGIC)) {
    throw new XlsxError("xlsx.legacyOrEncrypted", {
      ja: "古い形式（.xls）か、パスワードで保護されたブックです。Excel でパスワードを外し、「Excel ブック (*.xlsx)」で保存し直してください。",
      en: "This is an old-format (.xls) or password-protected workbook. Remove the password in Excel and save as “Excel Workbook (*.xlsx)”.",
    });
  }
  if (!r.is(0, SIG_LOCAL)) {
    throw new XlsxError("xlsx.notZip", {
      ja: "Excel ブック（.xlsx）ではありません。.xlsx ファイルを選んでください（.xls・.csv・PDF は読めません）。",
      en: "This is not an Excel workbook (.xlsx). Choose an .xlsx file (.xls, .csv and PDF cannot be read).",
    });
  }
  return r;
}

/** The central directory record at `at`, and where the next one starts. */
function centralEntry(
  r: Reader,
  bytes: Uint8Array,
  at: number,
  shift: number,
): { entry: CentralEntry; next: number } {
  // the fixed fields first, in record order: a record cut short fails on the first field outside the file
  const flags = r.u16(at + 8);
  const method = r.u16(at + 10);
  const compressed = r.u32(at + 20);
  const uncompressed = r.u32(at + 24);
  const nameLength = r.u16(at + 28);
  const extraLength = r.u16(at + 30);
  const commentLength = r.u16(at + 32);
  const offset = r.u32(at + 42);
  const name = at + 46;
  if (!r.has(name, nameLength + extraLength + commentLength)) {
    throw corrupt({ ja: "ZIP の目次が途中で切れています", en: "the ZIP directory is cut short" });
  }
  const sizes = zip64Sizes(r, name + nameLength, extraLength, { compressed, uncompressed, offset });
  const nameBytes = bytes.subarray(name, name + nameLength);
  return {
    entry: {
      name: decodeName(nameBytes),
      nameBytes,
      flags,
      method,
      compressed: sizes.compressed,
      uncompressed: sizes.uncompressed,
      offset: sizes.offset + shift,
    },
    next: name + nameLength + extraLength + commentLength,
  };
}

interface EntrySizes {
  compressed: number;
  uncompressed: number;
  offset: number;
}

/**
 * ZIP64 extended information (in the extra field at `extra`): only the fields that overflowed, in the order
 * uncompressed, compressed, offset.
 */
function zip64Sizes(r: Reader, extra: number, extraLength: number, sizes: EntrySizes): EntrySizes {
  let { compressed, uncompressed, offset } = sizes;
  if (compressed !== 0xffffffff && uncompressed !== 0xffffffff && offset !== 0xffffffff) return sizes;
  for (let e = extra; e + 4 <= extra + extraLength;) {
    const id = r.u16(e);
    const size = r.u16(e + 2);
    if (id === 0x0001) {
      let f = e + 4;
      if (uncompressed === 0xffffffff && f + 8 <= e + 4 + size) {
        uncompressed = r.u64(f);
        f += 8;
      }
      if (compressed === 0xffffffff && f + 8 <= e + 4 + size) {
        compressed = r.u64(f);
        f += 8;
      }
      if (offset === 0xffffffff && f + 8 <= e + 4 + size) offset = r.u64(f);
      break;
    }
    e += 4 + size;
  }
  return { compressed, uncompressed, offset };
}

/** Refuses contents that expand past the total, or an entry that expands beyond the ratio a workbook has. */
function refuseBomb(total: number, entry: CentralEntry): void {
  if (
    total > MAX_UNCOMPRESSED_BYTES ||
    (entry.uncompressed > RATIO_FLOOR_BYTES && entry.uncompressed > entry.compressed * MAX_RATIO)
  ) {
    throw new XlsxError("xlsx.zipBomb", {
      ja: `圧縮されたデータが異常に大きく展開されます（展開後 ${mb(total)} MB 以上）。安全のため読み込みません。作成元に確認し、Excel で保存し直したブックを使ってください。`,
      en: `The compressed contents expand to an abnormal size (${mb(total)} MB or more); refused for safety. Check the file's origin and use a workbook re-saved in Excel.`,
    });
  }
}

/** xl/workbook.xml (or /xl/workbook.xml), compared as bytes. */
function isWorkbookEntry(r: Reader, name: number, nameLength: number): boolean {
  return (
    (nameLength === WORKBOOK_ENTRY.length && r.bytesEqual(name, WORKBOOK_ENTRY)) ||
    (nameLength === WORKBOOK_ENTRY_SLASH.length && r.bytesEqual(name, WORKBOOK_ENTRY_SLASH))
  );
}

function tooManyEntries(n: number): XlsxError {
  return new XlsxError("xlsx.tooManyEntries", {
    ja: `ZIP 内のファイル数が多すぎます（${n} 個以上、上限 ${MAX_ZIP_ENTRIES}）。様式3-2 のブックか確認してください。`,
    en: `The archive holds too many entries (${n} or more, limit ${MAX_ZIP_ENTRIES}). Check that this is a Form 3-2 workbook.`,
  });
}
