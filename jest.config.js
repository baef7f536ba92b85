/**
 * jest, in four projects (type-checking is done once by `npm run typecheck`):
 * - unit: the in-process suites, no child process, browser, LibreOffice or webpack (`npm run test:unit`, the inner
 *   loop). jest-light-runner (scripts/jest/lightRunner.mjs) runs them one after another in each of its processes,
 *   TypeScript through tsx: the engine is loaded and warmed once per process, not once per suite in a fresh vm
 *   context as jest's own runner does (37 s → about 20 s on 2 cores).
 * - unit (isolated): the in-process suites that need jest's module registry per suite (jest.mock, a methodology
 *   registered at start-up): ts-jest, jest's runner. `npm run test:unit` runs both unit projects.
 * - integration: suites that start processes (the CLI as a shell runs it, LibreOffice, Chromium);
 * - build: the webpack builds, sharing one production build (test/build/globalSetup.js).
 * `npm test` runs all four. test/projects.test.ts fails when a suite is in no project or in two, when a unit suite
 * reaches child_process, a browser, LibreOffice or webpack, or when a suite that mocks a module is not isolated.
 */
const path = require("path");

/** Folders of in-process suites (a folder not created yet costs nothing). */
const UNIT_FOLDERS = [
  "checks",
  "domain",
  "cli",
  "explain",
  "fill",
  "fixtures",
  "forms",
  "functions",
  "io",
  "methodology",
  "numbers",
  "portfolio",
  "properties",
  "report",
  "steam",
  "taskpane",
  "template",
];
/** Suites at the top of test/. */
const UNIT_FILES = [
  "layers.test.ts",
  "manifest.test.ts",
  "projects.test.ts",
  "readme.test.ts",
  "validate.test.ts",
];
/** In-process suites that need a module registry of their own (jest.mock, a methodology registered at start-up). */
const ISOLATED_FILES = [
  "checks/chainFailure.test.ts",
  "methodology/registry.test.ts",
  "taskpane/adapter.test.ts",
  "taskpane/controller.test.ts",
  "taskpane/paper.test.ts",
];
/** Suites inside a unit folder that start a process: they run in the integration project. */
const INTEGRATION_FILES = [
  "bin/gec.test.ts",
  "build/ciCount.test.ts",
  "cli/eval.test.ts",
  "cli/evalStream.test.ts",
  "cli/files.test.ts",
  "cli/fillFidelity.test.ts",
  "cli/libreoffice.test.ts",
  "cli/libreofficeMonitoring.test.ts",
  "cli/libreofficeNoise.test.ts",
  "cli/portfolio.test.ts",
  "cli/portfolioEdges.test.ts",
  "cli/portfolioTty.test.ts",
  "fixtures/hostile/hostile.test.ts",
  "layersLint.test.ts",
  "report/print.test.ts",
  "scripts/validate.test.ts",
  "template/print.test.ts",
];
const INTEGRATION_FOLDERS = ["e2e"];
const BUILD_FOLDERS = ["build"];

const SUITE = "*.test.{ts,tsx}";
const inFolders = (folders) => folders.map((f) => `<rootDir>/test/${f}/**/${SUITE}`);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** testPathIgnorePatterns are regular expressions over the absolute path. */
const ignoreFiles = (files) => files.map((f) => `${escape(path.join(__dirname, "test", f))}$`);

/**
 * ExcelJS as one file, bundled by esbuild once per installed version (node_modules/.cache/gec-jest): jest compiles
 * every module again for every suite, and ExcelJS's ~200 files cost each suite that loads it 0.45 s, one file 0.15 s.
 * The same code: tests still read and write through ExcelJS.
 */
function exceljsInOneFile() {
  const fs = require("fs");
  const { version } = require("exceljs/package.json");
  const out = path.join(__dirname, "node_modules", ".cache", "gec-jest", `exceljs-${version}.js`);
  if (!fs.existsSync(out)) {
    const tmp = `${out}.${process.pid}.tmp`;
    require("esbuild").buildSync({
      entryPoints: [require.resolve("exceljs")],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      outfile: tmp,
      logLevel: "error",
    });
    fs.renameSync(tmp, out); // whole or not at all, should two runs build it at once
  }
  return out;
}

const common = {
  rootDir: __dirname,
  moduleNameMapper: { "^exceljs$": exceljsInOneFile() },
  roots: ["<rootDir>/test"],
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
};

module.exports = {
  testTimeout: 60000,
  // every core: jest's default leaves one idle, which on the 2-core CI machine ran the suites one at a time
  // (`npm test` 132 s → 90 s; each suite that starts LibreOffice or Chromium gives it its own profile folder and port)
  maxWorkers: "100%",
  projects: [
    {
      rootDir: __dirname,
      roots: ["<rootDir>/test"],
      displayName: "unit",
      runner: "<rootDir>/scripts/jest/lightRunner.mjs",
      setupFiles: ["<rootDir>/scripts/jest/lightSetup.cjs"],
      testMatch: [...inFolders(UNIT_FOLDERS), ...UNIT_FILES.map((f) => `<rootDir>/test/${f}`)],
      testPathIgnorePatterns: ["/node_modules/", ...ignoreFiles([...INTEGRATION_FILES, ...ISOLATED_FILES])],
    },
    {
      ...common,
      displayName: "unit (isolated)",
      testMatch: ISOLATED_FILES.map((f) => `<rootDir>/test/${f}`),
    },
    {
      ...common,
      displayName: "integration",
      testMatch: [...inFolders(INTEGRATION_FOLDERS), ...INTEGRATION_FILES.map((f) => `<rootDir>/test/${f}`)],
    },
    {
      ...common,
      displayName: "build",
      testMatch: inFolders(BUILD_FOLDERS),
      testPathIgnorePatterns: ["/node_modules/", ...ignoreFiles(INTEGRATION_FILES)],
      globalSetup: "<rootDir>/test/build/globalSetup.js",
      globalTeardown: "<rootDir>/test/build/globalTeardown.js",
    },
  ],
};
