// Every custom function by its Excel id, so that `gec eval` calls exactly what Excel calls.
import * as steam from "./steam";
import * as methodology from "./methodology";

export type CustomFunction = (...args: unknown[]) => unknown;

function collect(...modules: Record<string, unknown>[]): Map<string, CustomFunction> {
  const registry = new Map<string, CustomFunction>();
  for (const module of modules) {
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function" && /^[A-Z][A-Z0-9_]*$/.test(name))
        registry.set(name, value as CustomFunction);
    }
  }
  return registry;
}

export const customFunctions: ReadonlyMap<string, CustomFunction> = collect(steam, methodology);
