// The pane's engine: calls posted to the engine worker and answered by id, or run in the page where no worker starts.
import type { Grid, SheetGrid } from "../../src/types";
import type { Engine, GridSource } from "./api";
import { transferables } from "./protocol";
import type { Call, Method, Reply, SheetRows, SheetShape } from "./protocol";

/** The subset of a Worker the client uses (a test or another host may give its own). */
export interface WorkerLike {
  postMessage(message: Call, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (e: MessageEvent<Reply>) => void): void;
  addEventListener(type: "error", listener: (e: ErrorEvent) => void): void;
}

/** Every method of Engine, once (the compiler checks the list is complete). */
const METHODS = Object.keys({
  info: true,
  validate: true,
  planFill: true,
  planFinalize: true,
  explain: true,
  parseCell: true,
  buildTemplate: true,
  workingPaper: true,
  compareWithPrevious: true,
  openDocument: true,
  newDocument: true,
  applyToDocument: true,
  insertIntoDocument: true,
  saveDocument: true,
} satisfies Record<keyof Engine, true>) as (keyof Engine)[];

/** Rows a message of a handed-over Grid holds: one copy of them is a short task on the page's thread. */
export const SLICE_ROWS = 1000;

/** The next task: what the page has to do (a click, a paint) comes first. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Pending {
  method: Method;
  args: unknown[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** The page's side of the conversation with the worker: the calls waiting for an answer, and how it has gone. */
interface Conversation {
  pending: Map<number, Pending>;
  /** The worker has answered once: its script loaded, and a failure now is not the fallback's business. */
  answered: boolean;
  /** The worker failed before its first answer: every call goes to the fallback. */
  failed: boolean;
}

/** A call posted to the worker, answered by its reply. */
type Post = (method: Method, args: unknown[]) => Promise<unknown>;
/** A message whose answer is not waited for. */
type Send = (method: Method, args: unknown[]) => void;

/** A large Grid's staging in the worker: its id there, when its last slice is sent, the calls using it. */
interface StagedGrid {
  id: number;
  ready: Promise<void>;
  users: number;
}

/**
 * Settles the waiting calls from the worker's replies; when the worker fails, hands them to the fallback (before its
 * first answer) or fails them.
 */
function listen(
  worker: WorkerLike,
  talk: Conversation,
  fallback: Engine | undefined,
  inFallback: (p: Pending) => void,
): void {
  worker.addEventListener("message", (e) => {
    talk.answered = true;
    const reply = e.data;
    const p = talk.pending.get(reply.id);
    if (!p) return;
    talk.pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(reply.error);
  });
  worker.addEventListener("error", (e) => {
    const waiting = [...talk.pending.values()];
    talk.pending.clear();
    if (!talk.answered && fallback) {
      talk.failed = true;
      waiting.forEach(inFallback);
      return;
    }
    const error = { message: e.message || "the engine worker failed" };
    for (const p of waiting) p.reject(error);
  });
}

/** A sheet's rows from `from`, one slice: the values, and the formulas and number formats where the sheet has them. */
function rowSlice(s: SheetGrid, from: number): SheetRows {
  const to = from + SLICE_ROWS;
  return {
    values: s.values.slice(from, to),
    ...(s.formulas ? { formulas: s.formulas.slice(from, to) } : {}),
    ...(s.numberFormats ? { numberFormats: s.numberFormats.slice(from, to) } : {}),
  };
}

/** Sends a Grid to the worker as `id`: its sheets' shapes, then their rows in slices, a task each. */
async function stageGrid(grid: Grid, id: number, send: Send): Promise<number> {
  const sheets: SheetShape[] = grid.sheets.map((s) => ({
    name: s.name,
    origin: s.origin,
    ...(s.visibility ? { visibility: s.visibility } : {}),
  }));
  send("stageGrid", [id, sheets]);
  for (const [i, s] of grid.sheets.entries())
    for (let from = 0; from < s.values.length; from += SLICE_ROWS) {
      await nextTask();
      send("stageRows", [id, i, rowSlice(s, from)]);
    }
  return id;
}

/**
 * The calls whose first argument is a GridSource. A large Grid (Excel's read) goes over in slices, once for the calls
 * that use it at the same time (after a write, the findings and the explanation); the worker lets it go when the last
 * of them is answered.
 */
function gridCalls(post: Post, send: Send): Post {
  let nextGrid = 1;
  const staged = new WeakMap<Grid, StagedGrid>();
  return async (method, args) => {
    const source = args[0] as GridSource;
    const grid = "grid" in source ? source.grid : null;
    if (!grid || grid.sheets.every((s) => s.values.length <= SLICE_ROWS)) return post(method, args);
    let entry = staged.get(grid);
    if (!entry) {
      const made: StagedGrid = { id: 0, ready: Promise.resolve(), users: 0 };
      made.ready = stageGrid(grid, nextGrid++, send).then((id) => void (made.id = id));
      staged.set(grid, (entry = made));
    }
    entry.users++;
    try {
      await entry.ready;
      return await post(method, [{ staged: entry.id }, ...args.slice(1)]);
    } finally {
      if (--entry.users === 0) {
        staged.delete(grid);
        send("dropGrid", [entry.id]);
      }
    }
  };
}

/**
 * An Engine whose every call is a message to `worker`. A worker that fails before its first answer (its script could
 * not load) hands its calls, and every later one, to `fallback`; a failure after that fails the calls waiting.
 */
export function workerEngine(worker: WorkerLike, fallback?: Engine): Engine {
  let next = 1;
  const talk: Conversation = { pending: new Map<number, Pending>(), answered: false, failed: false };
  const inFallback = (p: Pending) =>
    (fallback![p.method as keyof Engine] as (...a: unknown[]) => Promise<unknown>)(...p.args).then(
      p.resolve,
      p.reject,
    );
  listen(worker, talk, fallback, inFallback);
  const post: Post = (method, args) =>
    new Promise((resolve, reject) => {
      if (talk.failed) return void inFallback({ method, args, resolve, reject });
      const id = next++;
      talk.pending.set(id, { method, args, resolve, reject });
      // a file's bytes are handed over, not copied (the page keeps no copy of them)
      worker.postMessage({ id, method, args }, args.flatMap(transferables));
    });

  /** A message whose answer is not waited for (a failed slice fails the call that names the grid). */
  const send: Send = (method, args) => void post(method, args).catch(() => undefined);
  const withGrid = gridCalls(post, send);
  const call =
    (method: Method) =>
    (...args: unknown[]): Promise<unknown> =>
      GRID_METHODS.has(method) && !talk.failed ? withGrid(method, args) : post(method, args);
  return Object.fromEntries(METHODS.map((m) => [m, call(m)])) as unknown as Engine;
}

/** The calls whose first argument is a GridSource. */
const GRID_METHODS = new Set<Method>([
  "validate",
  "planFill",
  "planFinalize",
  "explain",
  "workingPaper",
  "compareWithPrevious",
]);

/** The engine in the page itself, loaded on first use (no Worker: an old WebView, or `?worker=off` for the bench). */
export function pageEngine(): Engine {
  let service: Promise<Engine> | null = null;
  const load = () => (service ??= import("./service").then((m) => m.engineService()));
  const call =
    (method: keyof Engine) =>
    async (...args: unknown[]): Promise<unknown> =>
      ((await load())[method] as (...a: unknown[]) => Promise<unknown>)(...args);
  return Object.fromEntries(METHODS.map((m) => [m, call(m)])) as unknown as Engine;
}
