// ESLint: the Office add-in conventions (eslint-plugin-office-addins), strict typing for the core, and its layers.
import { builtinModules, createRequire } from "node:module";
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const { layers, adapters, forbiddenPackages } = createRequire(import.meta.url)("./scripts/layers.json");

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/**
 * How a file of src/ imports a folder or root file of src/: "../checks/x" or "../validate" from a folder's file,
 * "./checks/x" or "./validate" from a root file.
 */
const importOf = (path, fromRoot) => {
  const prefix = fromRoot ? "^\\./" : "^\\.\\./";
  return path.endsWith(".ts")
    ? `${prefix}${escape(path.slice(0, -3))}(\\.ts)?$`
    : `${prefix}${escape(path)}(/.*)?$`;
};

const layerRules = layers.flatMap((layer, rank) =>
  Object.entries(layer).map(([unit, paths]) => {
    const fromRoot = paths.every((p) => p.endsWith(".ts"));
    const above = layers.slice(rank).flatMap((l) =>
      Object.entries(l)
        .filter(([other]) => other !== unit)
        .map(([other, otherPaths]) => ({
          regex: otherPaths.map((p) => importOf(p, fromRoot)).join("|"),
          message: `${unit} may not import ${other}: it is ${l === layer ? "beside it" : "above it"} in scripts/layers.json (move the shared code down, or pass it in).`,
        })),
    );
    return {
      files: paths.map((p) => (p.endsWith(".ts") ? `src/${p}` : `src/${p}/**/*.{ts,tsx}`)),
      rules: {
        "no-restricted-imports": [
          "error",
          {
            paths: builtinModules.map((name) => ({
              name,
              message: "src/ does no I/O: Node modules belong to the adapters.",
            })),
            patterns: [
              ...above,
              {
                regex: `^(\\.\\./)+(${adapters.join("|")})(/|$)`,
                message:
                  "src/ may not import an adapter folder (cli/, io/, taskpane/, functions/): they call the core.",
              },
              {
                regex: "^node:",
                message: "src/ does no I/O: Node modules belong to the adapters.",
              },
              {
                regex: `^(${forbiddenPackages.map(escape).join("|")})(/|$)`,
                message:
                  "src/ is pure: no React, Fluent UI, Office.js or .xlsx library (those are the adapters').",
              },
            ],
          },
        ],
      },
    };
  }),
);

export default [
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      "coverage/**",
      "test/fixtures/**",
      "test/e2e/screenshots/**",
      ".ci/out/**",
    ],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.node,
        ...globals.browser,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
      },
    },
    rules: {
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
  ...layerRules,
  {
    // ExcelJS code, not Office.js: the office-addins load/sync rules misread its getCell().value
    files: ["io/**", "cli/**", "bench/**", "test/io/**", "test/cli/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
];
