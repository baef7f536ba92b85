// The pane's engine: calls posted to the engine worker and answered by id, or run in the page where no worker starts.
import type { Engine } from "./api";
import { transferables } from "./protocol";
import type { Call, Method, Reply } from "./protocol";

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
  verificationTable: true,
  openDocument: true,
  newDocument: true,
  applyToDocument: true,
  insertIntoDocument: true,
  saveDocument: true,
} satisfies Record<Method, true>) as Method[];

/** An Engine whose every call is a message to `worker`; a worker that fails to start fails every pending call. */
export function workerEngine(worker: WorkerLike): Engine {
  let next = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  worker.addEventListener("message", (e) => {
    const reply = e.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(reply.error);
  });
  worker.addEventListener("error", (e) => {
    const error = { message: e.message || "the engine worker failed" };
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  });
  const call =
    (method: Method) =>
    (...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        // a file's bytes are handed over, not copied (the page keeps no copy of them)
        worker.postMessage({ id, method, args }, args.flatMap(transferables));
      });
  return Object.fromEntries(METHODS.map((m) => [m, call(m)])) as unknown as Engine;
}

/** The engine in the page itself, loaded on first use (no Worker: an old WebView, or `?worker=off` for the bench). */
export function pageEngine(): Engine {
  let service: Promise<Engine> | null = null;
  const load = () => (service ??= import("./service").then((m) => m.engineService()));
  const call =
    (method: Method) =>
    async (...args: unknown[]): Promise<unknown> =>
      ((await load())[method] as (...a: unknown[]) => Promise<unknown>)(...args);
  return Object.fromEntries(METHODS.map((m) => [m, call(m)])) as unknown as Engine;
}
