// Set up each child of the "unit" project's runner: jest's testTimeout from jest.config.js, which jest-circus reads
// from this global when run outside jest's own runtime.
"use strict";
globalThis[Symbol.for("TEST_TIMEOUT_SYMBOL")] = require("../../jest.config.js").testTimeout;
