// Formulas as data: one expression per quantity gives its value, its Excel formula and its derivation.
export * from "./expr";
export * from "./evaluate";
export * from "./steps";
export * from "./excel";
export * from "./noise";
