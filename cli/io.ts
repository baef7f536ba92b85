// Process I/O behind an interface, so that commands are testable without spawning a process.
import * as fs from "fs";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input as a stream of chunks. */
  stdin(): AsyncIterable<string | Buffer>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  fileSize(path: string): Promise<number>;
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: () => process.stdin,
    readFile: async (path) => new Uint8Array(await fs.promises.readFile(path)),
    writeFile: (path, data) => fs.promises.writeFile(path, data),
    fileSize: async (path) => (await fs.promises.stat(path)).size,
  };
}
