// Every custom function declared once: Excel's metadata (en/ja), the cell implementation, gec eval, docs and README.
// The declarations live in catalog/ (steam, methodology, the cell wrappers); this is the one list and what is made from it.
import { EXAMPLES } from "./catalog/examples";
import type { FunctionExample } from "./catalog/examples";
import { METHODOLOGY_FUNCTIONS } from "./catalog/methodology";
import { STEAM_FUNCTIONS } from "./catalog/steam";
import type { FunctionDeclaration } from "./catalog/types";

export type { CellAnswer, FunctionDeclaration, ParameterDeclaration } from "./catalog/types";
export { EXAMPLES } from "./catalog/examples";
export type { FunctionExample } from "./catalog/examples";

export const FUNCTIONS: readonly FunctionDeclaration[] = [...STEAM_FUNCTIONS, ...METHODOLOGY_FUNCTIONS];

/** "Q_WB(Q_BL, E_PS, [factor])" */
export function signature(f: FunctionDeclaration): string {
  return `${f.id}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

function exampleCall(f: FunctionDeclaration, e: FunctionExample): string {
  return `=GEC.${e.call ?? f.id}(${e.args.map((a) => (typeof a === "string" ? `"${a}"` : String(a))).join(", ")})`;
}

/** The README's function table, made from the declarations (a test fails when the README differs). */
export function functionTable(): string {
  const rows = ["| function | arguments (units) | example | result |", "| --- | --- | --- | --- |"];
  const shown = new Set<string>();
  for (const f of FUNCTIONS) {
    if (shown.has(f.id)) continue;
    const e = EXAMPLES[f.id];
    if (!e) continue;
    const other = e.with ? FUNCTIONS.find((x) => x.id === e.with) : undefined;
    if (other) shown.add(other.id);
    const name = `\`${signature(f)}\`${other ? ` / \`${signature(other)}\`` : ""}${e.provisional ? " *" : ""}`;
    rows.push(`| ${name} | ${e.units} | \`${exampleCall(f, e)}\` | ${e.result} |`);
  }
  return rows.join("\n");
}

/** docs/functions.md: every function with its parameters in Japanese and English. */
export function functionsMarkdown(): string {
  const out = [
    "# GEC custom functions / カスタム関数",
    "",
    "Generated from `functions/catalog.ts` by `npm run docs`; do not edit by hand.",
    "",
  ];
  for (const f of FUNCTIONS) {
    out.push(`## ${f.id}`, "", `\`=GEC.${signature(f)}\``, "", f.description.ja, "", f.description.en, "");
    out.push("| parameter | 説明 | description |", "| --- | --- | --- |");
    for (const p of f.parameters)
      out.push(
        `| \`${p.name}\`${p.optional ? " (optional)" : ""} | ${p.description.ja} | ${p.description.en} |`,
      );
    out.push("", `結果 / result: ${f.result.ja} / ${f.result.en}`, "");
    const e = EXAMPLES[f.id];
    if (e) out.push(`例 / example: \`${exampleCall(f, e)}\` → ${e.result}`, "");
  }
  return out.join("\n");
}

/** Excel's functions.json (lang "en") or its Japanese override (lang "ja"): same ids, names and parameters. */
export function functionsMetadata(lang: "en" | "ja"): { functions: unknown[] } {
  return {
    functions: FUNCTIONS.map((f) => ({
      id: f.id,
      name: f.id,
      description: f.description[lang],
      parameters: f.parameters.map((p) => ({
        name: p.name,
        description: p.description[lang],
        type: "any",
        dimensionality: "matrix",
        ...(p.optional ? { optional: true } : {}),
      })),
      result: { dimensionality: "matrix" },
    })),
  };
}
