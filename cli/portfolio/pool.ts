// Worker threads that check workbooks in parallel and hand the results back in the order of the files: a file is
// sent only while few results wait for an earlier one, so what is held stays small whatever the number of files.
// A worker that dies (out of its heap, or past the time limit) costs its one file an exit-2 line, and is replaced.
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { Message } from "../../src/types";
import type { Job, JobResult } from "./job";

/**
 * The worker, started from the compiled file; from TypeScript sources (tests, `npm run gec` before a build) through
 * the project's transpile-only require hook.
 */
function startWorker(heapMb: number, youngMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: youngMb };
  if (__filename.endsWith(".js")) return new Worker(path.join(__dirname, "worker.js"), { resourceLimits });
  const hook = path.join(__dirname, "..", "..", "scripts", "require-ts.js");
  const entry = path.join(__dirname, "worker.ts");
  // transpiled once into a cache the workers share (TypeScript itself takes seconds to load in each)
  const cacheDir = path.join(os.tmpdir(), `gec-ts-${process.getuid?.() ?? "user"}`);
  return new Worker(
    `require(${JSON.stringify(hook)}).installTsRequire({ cacheDir: ${JSON.stringify(cacheDir)} }); require(${JSON.stringify(entry)});`,
    { eval: true, resourceLimits },
  );
}

/** Why a file's worker stopped without answering. */
function stopped(
  reason: "heap" | "time" | "crash",
  file: string,
  timeoutMs: number,
  heapMb: number,
): Message {
  switch (reason) {
    case "heap":
      return {
        ja: `${file}: 読み込みにメモリを使いすぎるため中止しました（上限 ${heapMb} MiB）。不要なシートやセルを削除して Excel で保存し直してください。`,
        en: `${file}: stopped for using too much memory (limit ${heapMb} MiB). Delete unneeded sheets or cells and re-save it in Excel.`,
      };
    case "time":
      return {
        ja: `${file}: 検証に時間がかかりすぎるため中止しました（上限 ${timeoutMs / 1000} 秒）。このファイルだけを gec check で確かめてください。`,
        en: `${file}: stopped for taking too long (limit ${timeoutMs / 1000} s). Check this file alone with gec check.`,
      };
    default:
      return {
        ja: `${file}: 内部エラーで検証できませんでした。このファイルだけを gec check で確かめ、直らなければ開発者に知らせてください。`,
        en: `${file}: could not be checked (internal error). Check this file alone with gec check; if it persists, tell the developers.`,
      };
  }
}

export interface PoolOptions {
  /** Worker threads (at most one per file of a run). */
  jobs: number;
  /** A file's check is stopped after this long (the reader's own budget is 8 s of reading). */
  timeoutMs: number;
  /** V8 heap of each worker, MiB: a workbook that needs more is refused, and only that one. */
  heapMb: number;
  /**
   * V8's young generation of each worker, MiB. Small: a file's short-lived objects are many and small, and a young
   * generation grown to V8's default (16 MiB and more) is memory held between files for no gain in time.
   */
  youngMb?: number;
  /** How many results may wait for an earlier file, per worker. */
  window?: number;
  /**
   * A worker is replaced after this many files: what a thread keeps between files (bounded caches of names and
   * readings, V8's grown heap, the allocator's arenas) is given back, so the run's memory stays flat however many.
   */
  recycleAfter?: number;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
  /** The run its job belongs to, and where the current run takes an answer. */
  run: number;
  /** Files its current worker has answered. */
  handled: number;
  settle: (result: JobResult, run: number) => void;
}

/** Worker threads kept for several runs (the previous year's files, then this year's). */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private closing = false;
  private runs = 0;

  constructor(private readonly options: PoolOptions) {}

  /** Starts the slot's worker; one that exits with a file in hand answers for that file and is started again. */
  private attach(slot: Slot): void {
    const worker = startWorker(this.options.heapMb, this.options.youngMb ?? 16);
    slot.worker = worker;
    slot.handled = 0;
    let failure: "heap" | "crash" = "crash";
    worker.on("message", (result: JobResult) => {
      if (slot.worker === worker && slot.job && result.id === slot.job.id) this.done(slot, result);
    });
    worker.on("error", (e: unknown) => {
      if ((e as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY") failure = "heap";
      if (process.env.GEC_DEBUG === "1")
        process.stderr.write(`gec: worker: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    });
    worker.on("exit", () => {
      // a worker retired after its share of files has been replaced already
      if (this.closing || slot.worker !== worker) return;
      const job = slot.job;
      this.attach(slot);
      if (job) {
        const { timeoutMs, heapMb } = this.options;
        this.done(slot, {
          id: job.id,
          kind: "unreadable",
          path: job.path,
          sha256: null,
          message: stopped(slot.timedOut ? "time" : failure, job.path, timeoutMs, heapMb),
        });
      }
    });
  }

  private done(slot: Slot, result: JobResult): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (++slot.handled >= (this.options.recycleAfter ?? Infinity)) {
      const retired = slot.worker;
      this.attach(slot);
      void retired.terminate();
    }
    slot.settle(result, slot.run);
  }

  /**
   * Runs `makeJob(i)` for i in [0, count); yields each result in index order. A file is sent only while fewer than
   * `window` results wait for an earlier one.
   */
  async *run(
    count: number,
    makeJob: (index: number) => Job,
    onStart?: (index: number) => void,
  ): AsyncGenerator<JobResult> {
    const size = Math.max(1, Math.min(this.options.jobs, count));
    const window = size * (this.options.window ?? 4);
    const runId = ++this.runs;
    const ready = new Map<number, JobResult>();
    let next = 0;
    let emitted = 0;
    let wake: (() => void) | null = null;
    const settle = (result: JobResult, run: number) => {
      // an answer for a run given up (its consumer stopped) is not this run's
      if (run !== runId) return;
      ready.set(result.id, result);
      const w = wake;
      wake = null;
      w?.();
    };
    while (this.slots.length < size) {
      const slot = {
        job: null,
        timer: null,
        timedOut: false,
        run: runId,
        handled: 0,
        settle,
      } as unknown as Slot;
      this.attach(slot);
      this.slots.push(slot);
    }
    for (const slot of this.slots) slot.settle = settle;
    const dispatch = () => {
      for (const slot of this.slots) {
        if (slot.job !== null) continue;
        if (next >= count || next >= emitted + window) return;
        const job = makeJob(next++);
        slot.job = job;
        slot.run = runId;
        slot.timedOut = false;
        const worker = slot.worker;
        slot.timer = setTimeout(() => {
          slot.timedOut = true;
          void worker.terminate();
        }, this.options.timeoutMs);
        onStart?.(job.id);
        worker.postMessage(job);
      }
    };
    while (emitted < count) {
      dispatch();
      const result = ready.get(emitted);
      if (result) {
        ready.delete(emitted);
        emitted++;
        yield result;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  /** Stops every worker (again: a no-op). */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await Promise.all(
      this.slots.map((s) => {
        if (s.timer) clearTimeout(s.timer);
        return s.worker.terminate();
      }),
    );
  }
}
