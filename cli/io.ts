// Process I/O behind an interface, so that commands are testable without spawning a process; files read and written safely.
// named imports: a bundled `import * as fs` copies every export of fs into a new object at start-up
import {
  close as fsClose,
  constants as fsConstants,
  fstat as fsFstat,
  open as fsOpen,
  promises as fsPromises,
  read as readFd,
  realpath as fsRealpath,
  stat as fsStat,
  writeSync,
} from "fs";
import type { Stats } from "fs";
import * as path from "path";
import type { Message } from "../src/types";

/** A callback of fs as a promise of its one result. */
const settle =
  <T>(resolve: (value: T) => void, reject: (e: unknown) => void) =>
  (e: NodeJS.ErrnoException | null, value: T): void =>
    e ? reject(e) : resolve(value);

/**
 * The read path through fs's callback API: `fsPromises` loads about 15 more modules (readline, watchers, …), some
 * 3 ms of every `gec check` start (bench/startup.js); `util.promisify` of each costs more at start-up than these
 * lines. Writing, which is rarer, keeps `fsPromises`.
 */
const fsRead = {
  stat: (file: string) => new Promise<Stats>((resolve, reject) => fsStat(file, settle(resolve, reject))),
  realpath: (file: string) =>
    new Promise<string>((resolve, reject) => fsRealpath(file, settle(resolve, reject))),
  open: (file: string, flags: number) =>
    new Promise<number>((resolve, reject) => fsOpen(file, flags, settle(resolve, reject))),
  fstat: (fd: number) => new Promise<Stats>((resolve, reject) => fsFstat(fd, settle(resolve, reject))),
  read: (fd: number, buffer: Buffer, offset: number, length: number, position: number) =>
    new Promise<number>((resolve, reject) =>
      readFd(fd, buffer, offset, length, position, settle(resolve, reject)),
    ),
  close: (fd: number) =>
    new Promise<void>((resolve, reject) => fsClose(fd, (e) => (e ? reject(e) : resolve()))),
};

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input as a stream of chunks. */
  stdin(): AsyncIterable<string | Buffer>;
  /** A regular file's bytes; anything else (a folder, a device, a FIFO) or more than `maxBytes` is refused unopened. */
  readFile(path: string, maxBytes?: number): Promise<Uint8Array>;
  /**
   * Writes atomically (temporary file in the same folder, then moved into place); never over `input`, nor over a
   * non-file, nor over an existing file unless `force` (the move itself refuses one that appeared meanwhile).
   */
  writeFile(path: string, data: Uint8Array, input?: string, force?: boolean): Promise<void>;
  /** Refuses an output the command could not write (the input, an existing file without `force`) before any work. */
  checkOutput(path: string, input?: string, force?: boolean): Promise<void>;
  fileSize(path: string): Promise<number>;
  /** Standard error is a terminal (its width): `gec check` of many files draws its progress line there. */
  stderrTty?: { readonly columns: number } | null;
}

/** Thrown for a file the command cannot use; main prints its message and exits 2. */
export class FileError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

const codeOf = (e: unknown): string => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
};

function kindOf(st: Stats): Message {
  if (st.isDirectory()) return { ja: "フォルダ", en: "a folder" };
  if (st.isFIFO()) return { ja: "名前付きパイプ（FIFO）", en: "a named pipe (FIFO)" };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { ja: "デバイス", en: "a device" };
  if (st.isSocket()) return { ja: "ソケット", en: "a socket" };
  return { ja: "通常のファイル以外", en: "not a regular file" };
}

/** Why a file could not be read, in both languages, with what to do. */
export function readFailure(file: string, e: unknown): Message {
  switch (codeOf(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return {
        ja: `${file}: ファイルがありません。パスを確認してください。`,
        en: `${file}: no such file. Check the path.`,
      };
    case "EACCES":
    case "EPERM":
      return {
        ja: `${file}: 読み込む権限がありません。ファイルの権限を確認してください。`,
        en: `${file}: permission denied. Check the file's permissions.`,
      };
    case "EISDIR":
      return {
        ja: `${file}: フォルダです。.xlsx ファイルを指定してください。`,
        en: `${file}: is a folder. Give an .xlsx file.`,
      };
    default:
      return {
        ja: `${file}: 読み込めませんでした（${codeOf(e) || "I/O"}）。ファイルを確認してください。`,
        en: `${file}: could not be read (${codeOf(e) || "I/O error"}). Check the file.`,
      };
  }
}

export function writeFailure(file: string, e: unknown): Message {
  const folder = path.dirname(path.resolve(file));
  switch (codeOf(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return {
        ja: `${file} を書き出せません: フォルダ ${folder} がありません。既存のフォルダを指定してください。`,
        en: `Cannot write ${file}: the folder ${folder} does not exist. Give an existing folder.`,
      };
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return {
        ja: `${file} を書き出せません: フォルダ ${folder} に書き込む権限がないか、読み取り専用です。別の場所を指定してください。`,
        en: `Cannot write ${file}: the folder ${folder} is read-only or not writable. Choose another place.`,
      };
    case "ENOSPC":
    case "EDQUOT":
      return {
        ja: `${file} を書き出せません: ディスクの空きがありません。空きを作るか、別の場所を指定してください。`,
        en: `Cannot write ${file}: no space left on the device. Free some space or choose another place.`,
      };
    default:
      return {
        ja: `${file} を書き出せません（${codeOf(e) || "I/O"}）。別の場所を指定してください。`,
        en: `Cannot write ${file} (${codeOf(e) || "I/O error"}). Choose another place.`,
      };
  }
}

async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await fsRead.stat(file);
  } catch {
    return null;
  }
}

async function realOrNull(file: string): Promise<string | null> {
  try {
    return await fsRead.realpath(file);
  } catch {
    return null;
  }
}

export async function readRegularFile(file: string, maxBytes = Infinity): Promise<Uint8Array> {
  let st: Stats;
  try {
    st = await fsRead.stat(file);
  } catch (e) {
    throw new FileError(readFailure(file, e));
  }
  const refuse = (s: Stats) => {
    const kind = kindOf(s);
    return new FileError({
      ja: `${file}: ${kind.ja}です。通常の .xlsx ファイルを指定してください。`,
      en: `${file}: is ${kind.en}. Give a regular .xlsx file.`,
    });
  };
  // Checked before opening: opening a FIFO with no writer would block.
  if (!st.isFile()) throw refuse(st);
  const tooLarge = (size: number) => {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return new FileError({
      ja: `${file}: ${mb(size)} MB は大きすぎます（上限 ${mb(maxBytes)} MB）。様式3-2 のブックか確認してください。`,
      en: `${file}: ${mb(size)} MB is too large (limit ${mb(maxBytes)} MB). Check that this is a Form 3-2 workbook.`,
    });
  };
  if (st.size > maxBytes) throw tooLarge(st.size);
  let fd: number;
  try {
    fd = await fsRead.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new FileError(readFailure(file, e));
  }
  try {
    const again = await fsRead.fstat(fd);
    if (!again.isFile()) throw refuse(again); // swapped between the two looks
    const limit = Math.min(again.size, maxBytes) + 1;
    const buffer = Buffer.alloc(limit);
    let length = 0;
    for (;;) {
      const bytesRead = await fsRead.read(fd, buffer, length, limit - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length >= limit) break;
    }
    if (length > maxBytes) throw tooLarge(length);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(readFailure(file, e));
  } finally {
    await fsRead.close(fd);
  }
}

/** An existing output is kept unless --force: `cp -n`, not `cp`. */
function existsMessage(file: string): Message {
  return {
    ja: `出力先 ${file} は既にあります。置き換えるには --force を付けてください（または別のファイル名を指定してください）。`,
    en: `The output ${file} already exists. Add --force to replace it, or give another file name.`,
  };
}

/** What writeFileAtomic would refuse, told before the command does its work (the write checks again). */
export async function checkOutputFile(file: string, input?: string, force = false): Promise<void> {
  await refuseOutput(file, await statOrNull(file), input, force);
}

async function refuseOutput(file: string, target: Stats | null, input: string | undefined, force: boolean) {
  if (input !== undefined) {
    const source = await statOrNull(input);
    const sameNode =
      source !== null && target !== null && source.dev === target.dev && source.ino === target.ino;
    const [a, b] = await Promise.all([realOrNull(input), realOrNull(file)]);
    if (sameNode || path.resolve(input) === path.resolve(file) || (a !== null && a === b)) {
      // the original stays as it was, so that every change can be compared and undone
      throw new FileError({
        ja: `出力先 ${file} は入力ファイルと同じです（リンクを含む）。別のファイル名を指定してください。`,
        en: `The output ${file} is the input file (also through a link); give another file name.`,
      });
    }
  }
  if (target !== null && !target.isFile()) {
    const kind = kindOf(target);
    throw new FileError({
      ja: `${file} を書き出せません: ${kind.ja}です。通常のファイル名を指定してください。`,
      en: `Cannot write ${file}: it is ${kind.en}. Give a regular file name.`,
    });
  }
  if (target !== null && !force) throw new FileError(existsMessage(file));
}

/** Puts the finished temporary file in place without replacing a file that is there (a hard link fails on one). */
async function placeNew(temp: string, file: string): Promise<void> {
  try {
    await fsPromises.link(temp, file);
  } catch (e) {
    if (codeOf(e) === "EEXIST") throw new FileError(existsMessage(file));
    // a file system without hard links (FAT, some network shares): look, then move
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"].includes(codeOf(e))) throw e;
    if ((await statOrNull(file)) !== null) throw new FileError(existsMessage(file));
    await fsPromises.rename(temp, file);
    return;
  }
  await fsPromises.rm(temp, { force: true });
}

/** A fresh temporary name in `file`'s folder, so that the finished file can be linked or renamed into place. */
export async function tempPathBeside(file: string): Promise<string> {
  const folder = path.dirname(path.resolve(file));
  // crypto is loaded here only: `gec check` never writes and starts faster without it
  const { randomBytes } = await import("crypto");
  return path.join(folder, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Puts a temporary file written by a stream (`gec check --summary`) at `file`, as writeFileAtomic puts its bytes:
 * never over an existing file unless `force`, never over `input`; the temporary file is removed either way.
 */
export async function placeTempFile(
  temp: string,
  file: string,
  force = false,
  input?: string,
): Promise<void> {
  await intoPlace(temp, file, force, async () => refuseOutput(file, await statOrNull(file), input, force));
}

/**
 * Runs `step` (writing or checking the temporary file), then puts the temporary file at `file`: over one there only
 * with `force`. On any failure the temporary file is removed and the error names `file`.
 */
async function intoPlace(
  temp: string,
  file: string,
  force: boolean,
  step: () => Promise<void>,
): Promise<void> {
  try {
    await step();
    if (force) await fsPromises.rename(temp, file);
    else await placeNew(temp, file);
  } catch (e) {
    await fsPromises.rm(temp, { force: true }).catch(() => undefined);
    if (e instanceof FileError) throw e;
    throw new FileError(writeFailure(file, e));
  }
}

export async function writeFileAtomic(
  file: string,
  data: Uint8Array,
  input?: string,
  force = false,
): Promise<void> {
  const target = await statOrNull(file);
  await refuseOutput(file, target, input, force);
  const temp = await tempPathBeside(file);
  let handle: fsPromises.FileHandle;
  try {
    handle = await fsPromises.open(temp, "wx", target ? target.mode & 0o777 : 0o666);
  } catch (e) {
    throw new FileError(writeFailure(file, e));
  }
  await intoPlace(temp, file, force, async () => {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

let pipesWatched = false;

/** What a failed write of standard output or error does: a reader that went away (EPIPE) ends the command quietly. */
function outputFailed(e: unknown): never {
  if (codeOf(e) !== "EPIPE") {
    try {
      writeSync(2, `gec: 出力できません / cannot write output (${codeOf(e) || "I/O"})\n`);
    } catch {
      // standard error is gone too
    }
  }
  process.exit(codeOf(e) === "EPIPE" ? 0 : 2);
}

/** `gec eval | head -1`: a reader that goes away ends the command quietly, not with an EPIPE stack trace. */
function watchPipes(): void {
  if (pipesWatched) return;
  pipesWatched = true;
  for (const stream of [process.stdout, process.stderr]) stream.on("error", outputFailed);
}

let pause: Int32Array | null = null;

/**
 * All of `text` written to a standard descriptor, in order and before it returns. Node leaves a child's standard
 * descriptors blocking; one set non-blocking by whoever opened it (EAGAIN) is waited on a millisecond at a time.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      if (codeOf(e) !== "EAGAIN") outputFailed(e);
      Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
    }
  }
}

/**
 * Standard output and error. On Linux and macOS they are written with writeSync: process.stdout and
 * process.stderr are streams whose first use loads Node's net, stream and tty modules, some 3 ms of a small
 * `gec check` (bench/startup.js). On Windows the streams stay: a console takes UTF-16 through them, where bytes would
 * show in the console's code page (CP932).
 */
function standardWriters(): { stdout: (text: string) => void; stderr: (text: string) => void } {
  if (process.platform !== "win32") {
    return { stdout: (text) => writeAll(1, text), stderr: (text) => writeAll(2, text) };
  }
  watchPipes();
  return { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };
}

export function nodeIo(): CliIo {
  return {
    ...standardWriters(),
    stdin: () => process.stdin,
    readFile: readRegularFile,
    writeFile: writeFileAtomic,
    checkOutput: checkOutputFile,
    fileSize: async (file) => (await fsRead.stat(file)).size,
    // asked only by `gec check` of many files: process.stderr is not made (nor tty loaded) for one
    get stderrTty() {
      return process.stderr.isTTY
        ? {
            get columns() {
              return process.stderr.columns || 80;
            },
          }
        : null;
    },
  };
}
