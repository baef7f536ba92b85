// Preloaded (--require) into each child process of the "unit" project's runner, before tinypool's entry binds
// process.send:
// - a child sends each suite's results to jest through Node's IPC, as JSON, and a failed expectation on a Decimal (a
//   bigint inside) or on a cyclic value made that send throw, so the result was lost and the run hung. Bigints go as
//   "123n" and cycles as "[Circular]", as jest prints them.
// - a child asks jest-light-runner for its configuration over IPC, and the answer reaches whichever children have a
//   task at that moment, so a child not yet listening lost it and waited forever (1 run in 5 of a small folder hung).
//   The runner writes the configuration to a file (GEC_UNIT_WORKER_DATA) and the child answers its own question.
"use strict";
const fs = require("fs");

const WORKER_DATA_REQUEST = "jest-light-runner-get-worker-data";

function jsonSafe(message) {
  const ancestors = [];
  const text = JSON.stringify(message, function (_key, value) {
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value !== "object" || value === null) return value;
    // `this` is the object holding value: drop the ancestors that are not on its path
    while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
    if (ancestors.includes(value)) return "[Circular]";
    ancestors.push(value);
    return value;
  });
  return text === undefined ? message : JSON.parse(text);
}

// once, though NODE_OPTIONS may name this file twice (a child started from a child)
if (typeof process.send === "function" && !process.send.jsonSafe) {
  const send = process.send.bind(process);
  const workerDataFile = process.env.GEC_UNIT_WORKER_DATA;
  process.send = (message, ...rest) => {
    if (message === WORKER_DATA_REQUEST && workerDataFile) {
      const workerData = JSON.parse(fs.readFileSync(workerDataFile, "utf8"));
      // as the runner's reply would arrive: after the asker has started listening
      setImmediate(() => process.emit("message", { type: "jest-light-runner-worker-data", workerData }));
      return true;
    }
    return send(jsonSafe(message), ...rest);
  };
  process.send.jsonSafe = true;
}
