// The workbooks under the paths given: every .xlsx, folders recursively, symbolic links inside folders not followed.
import * as fs from "fs";
import * as path from "path";
import type { Message } from "../../src/types";
import { readFailure } from "../io";

export interface Walked {
  /** The files to check, in order: each path given in turn, a folder's entries sorted by name. */
  files: string[];
  /** Entries passed over: not named .xlsx (or an Excel lock file ~$…), or a symbolic link inside a folder. */
  skipped: number;
  /** Folders that could not be listed (permissions): their workbooks are not checked, and the run says so. */
  unlisted: Message[];
}

const isWorkbookName = (name: string): boolean => /\.xlsx$/i.test(name) && !name.startsWith("~$");

/**
 * Collects the files. A path given on the command line is taken as it is (a link given by name is followed, as `ls`
 * would); inside folders links are passed over and counted, so no folder is visited twice and nothing outside is read.
 * An entry named .xlsx that is no regular file (a FIFO, a device) is kept: reading it refuses it, as for one file.
 * `exclude` (the summary being written) is never a file to check.
 */
export async function walk(paths: string[], exclude: string[] = []): Promise<Walked> {
  const out: Walked = { files: [], skipped: 0, unlisted: [] };
  const excluded = new Set(exclude.map((p) => path.resolve(p)));
  const visit = async (dir: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      // one folder that cannot be read does not stop the others
      out.unlisted.push(readFailure(dir, e));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isSymbolicLink()) out.skipped++;
      else if (e.isDirectory()) await visit(full);
      else if (!isWorkbookName(e.name) || excluded.has(path.resolve(full))) out.skipped++;
      else out.files.push(full);
    }
  };
  for (const p of paths) {
    let st: fs.Stats | null = null;
    try {
      st = await fs.promises.stat(p);
    } catch {
      // missing or unreadable: kept, so that its line says why, as `gec check FILE` would
    }
    if (st?.isDirectory()) await visit(p);
    else out.files.push(p);
  }
  return out;
}
