// One workbook's check, as a worker thread runs it: read within the reader's budgets, hash, check, digest. What goes
// back is small (a digest, and the findings only when they are written out), so the main thread holds no grid.
import { createHash } from "crypto";
import type { Message } from "../../src/types";
import { readGrid } from "../../io/read";
import { useZlibInflate } from "../inflate";
import { MAX_XLSX_BYTES } from "../../io/errors";
import { readSubmission } from "../../src/forms/read";
import { validateSubmission } from "../../src/validate";
import { digestSubmission } from "../../src/portfolio";
import type { WorkbookDigest } from "../../src/portfolio";
import { readRegularFile } from "../io";
import { fileMessage } from "../commands/workbook";
import { findingJson } from "../commands/check";
import type { FindingJson } from "../commands/check";

useZlibInflate(); // this process reads workbooks: their parts inflate through zlib

export interface Job {
  id: number;
  path: string;
  /** "check": every rule, as `gec check FILE`; "digest": only read (a previous year's workbook). */
  mode: "check" | "digest";
  /** Whether the findings go back (to be written to the summary or as JSON), or only their counts. */
  findings: boolean;
}

export type JobResult =
  | {
      id: number;
      kind: "checked";
      digest: WorkbookDigest;
      code: 0 | 1;
      findings: FindingJson[] | null;
      /** The summary's line (様式3-2 H002-2、3 施設…) and a provisional methodology's notice. */
      text: Message;
      notice: Message | null;
    }
  | { id: number; kind: "digested"; digest: WorkbookDigest }
  | { id: number; kind: "unreadable"; path: string; sha256: string | null; message: Message };

export async function runJob(job: Job): Promise<JobResult> {
  const unreadable = (sha256: string | null, e: unknown): JobResult => ({
    id: job.id,
    kind: "unreadable",
    path: job.path,
    sha256,
    message: fileMessage(e, job.path),
  });
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(job.path, MAX_XLSX_BYTES);
  } catch (e) {
    return unreadable(null, e);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  try {
    const grid = readGrid(bytes);
    const submission = readSubmission(grid);
    const file = { path: job.path, sha256 };
    if (job.mode === "digest")
      return { id: job.id, kind: "digested", digest: digestSubmission(submission, file, null) };
    const report = validateSubmission(submission, grid);
    return {
      id: job.id,
      kind: "checked",
      digest: digestSubmission(submission, file, report),
      code: report.summary.errors > 0 ? 1 : 0,
      findings: job.findings ? report.findings.map(findingJson) : null,
      text: report.summary.text,
      notice: report.summary.notice,
    };
  } catch (e) {
    return unreadable(sha256, e);
  }
}
