// Set up each child of the "unit" project's runner: jest's testTimeout from jest.config.js, which jest-circus reads
// from this global outside jest's own runtime; and an exit once jest is gone (its watchdog stops the run when a suite
// never ends: the child must not outlive it).
"use strict";
globalThis[Symbol.for("TEST_TIMEOUT_SYMBOL")] = require("../../jest.config.js").testTimeout;
if (typeof process.send === "function") process.on("disconnect", () => process.exit(1));
