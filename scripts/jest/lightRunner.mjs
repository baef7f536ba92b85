// The runner of jest's "unit" project: jest-light-runner's child processes, each running suite after suite with
// Node's own module cache (no vm context per suite), TypeScript through tsx. Suites that mock a module or register a
// methodology at start-up need jest's isolation and run in "unit (isolated)" (jest.config.js).
import LightRunner from "jest-light-runner/child-process";

export default class UnitRunner extends LightRunner {
  #inBand;

  constructor(globalConfig, ...rest) {
    super(globalConfig, ...rest);
    // jest-light-runner runs the suites in jest's own process when jest runs one worker (-i, or a single suite)
    this.#inBand = globalConfig.maxWorkers === 1;
  }

  /** The children are forked during runTests with this process's environment: tsx for them, not for jest's others. */
  async runTests(...args) {
    if (this.#inBand) {
      await import("tsx");
      return super.runTests(...args);
    }
    const before = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = [before, "--import tsx"].filter(Boolean).join(" ");
    try {
      return await super.runTests(...args);
    } finally {
      if (before === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = before;
    }
  }
}
