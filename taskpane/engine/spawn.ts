// Starts the engine worker: webpack emits taskpane/engine/worker.ts as its own file from this `new URL(…)` (webpack 5).
import type { Engine } from "./api";
import { pageEngine, workerEngine } from "./client";

/**
 * The engine in a Web Worker; in the page where Worker is missing, the worker's script does not load, or `?worker=off`
 * asks for it (the bench's baseline).
 */
export function startEngine(search: string = globalThis.location?.search ?? ""): Engine {
  if (typeof Worker === "undefined" || /[?&]worker=off\b/.test(search)) return pageEngine();
  try {
    return workerEngine(
      new Worker(
        /* webpackChunkName: "engine-worker" */
        // @ts-ignore -- import.meta is ES module syntax: webpack reads it here; tsc checks this file as CommonJS
        new URL("./worker.ts", import.meta.url),
      ),
      pageEngine(),
    );
  } catch {
    return pageEngine();
  }
}
