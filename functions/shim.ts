// Lets the functions bundle load where Excel's runtime is absent (standalone page, office.js unreachable).
const host = globalThis as { CustomFunctions?: { associate?: unknown } };
if (typeof host.CustomFunctions === "undefined") {
  // The metadata plugin appends CustomFunctions.associate(...) calls to the function files; outside Excel they do nothing.
  host.CustomFunctions = { associate: () => undefined };
}
export {};
