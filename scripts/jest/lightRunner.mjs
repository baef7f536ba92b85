// The runner of jest's "unit" project: jest-light-runner's child processes, each running suite after suite with
// Node's own module cache (no vm context per suite), TypeScript through tsx. Suites that mock a module or register a
// methodology at start-up need jest's isolation and run in "unit (isolated)" (jest.config.js).
import fs from "fs";
import os from "os";
import path from "path";
import { fileURLToPath } from "url";
import LightRunner from "jest-light-runner/child-process";

/** Loaded into each child before tinypool: its results reach jest whatever a failed expectation holds. */
const PRELOAD = fileURLToPath(new URL("./childPreload.cjs", import.meta.url));

/**
 * A unit suite takes seconds (the longest about 7 s). One that has no result after this long means a stuck runner
 * process (seen once, under three concurrent runs): the run stops with the suite's name rather than wait forever.
 */
const SUITE_LIMIT_MS = 5 * 60_000;

export default class UnitRunner extends LightRunner {
  #inBand;
  #globalConfig;

  constructor(globalConfig, ...rest) {
    super(globalConfig, ...rest);
    this.#globalConfig = globalConfig;
    // jest-light-runner runs the suites in jest's own process when jest runs one worker (-i, or a single suite)
    this.#inBand = globalConfig.maxWorkers === 1;
  }

  async runTests(tests, watcher, onStart, onResult, onFailure) {
    const running = new Map();
    const watchdog = setInterval(() => {
      for (const [suite, since] of running) {
        if (Date.now() - since < SUITE_LIMIT_MS) continue;
        process.stderr.write(
          `\n${suite}: no result after ${SUITE_LIMIT_MS / 60_000} minutes; a unit runner process is stuck. Stopping.\n`,
        );
        process.exit(1);
      }
    }, 5_000);
    watchdog.unref();
    const tracked = [
      (test) => (running.set(test.path, Date.now()), onStart(test)),
      (test, result) => (running.delete(test.path), onResult(test, result)),
      (test, error) => (running.delete(test.path), onFailure(test, error)),
    ];
    try {
      return await this.#run(tests, watcher, ...tracked);
    } finally {
      clearInterval(watchdog);
    }
  }

  /**
   * The children are forked during runTests with this process's environment: tsx and the preload for them, not for
   * jest's other processes.
   */
  async #run(...args) {
    if (this.#inBand) {
      await import("tsx");
      return super.runTests(...args);
    }
    const [tests] = args;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "gec-unit-"));
    const workerDataFile = path.join(folder, "worker-data.json");
    // what jest-light-runner would send each child over IPC (childPreload.cjs reads it instead)
    const workerData = {
      globalConfig: this.#globalConfig,
      projectConfig: tests[0]?.context.config,
      runtime: "child_process",
    };
    fs.writeFileSync(workerDataFile, JSON.stringify(workerData));
    const before = {
      NODE_OPTIONS: process.env.NODE_OPTIONS,
      GEC_UNIT_WORKER_DATA: process.env.GEC_UNIT_WORKER_DATA,
    };
    process.env.NODE_OPTIONS = [before.NODE_OPTIONS, "--import tsx", `--require ${JSON.stringify(PRELOAD)}`]
      .filter(Boolean)
      .join(" ");
    process.env.GEC_UNIT_WORKER_DATA = workerDataFile;
    try {
      return await super.runTests(...args);
    } finally {
      for (const [name, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}
