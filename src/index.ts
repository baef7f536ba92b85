// The pure core of the GEC add-in: what `require("gec-addin")` gives Node code.
export * from "./types";
export * from "./errors";
export * as steam from "./steam";
export * as numbers from "./numbers";
export * as methodology from "./methodology";
export * as engine from "./engine";
