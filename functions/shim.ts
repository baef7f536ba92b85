// Lets the functions bundle load where Excel's runtime is absent (standalone page, office.js unreachable).
const host = globalThis as { CustomFunctions?: { associate?: unknown } };
if (typeof host.CustomFunctions === "undefined") {
  // functions/index.ts associates every declared function; outside Excel that does nothing.
  host.CustomFunctions = { associate: () => undefined };
}
export {};
