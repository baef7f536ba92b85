// Where `npm start` records its process, port and sideloaded manifest, so that `npm stop` can undo both.
"use strict";
const fs = require("fs");
const path = require("path");

// GEC_STATE_FILE: the tests run their own npm start beside a developer's
const STATE_FILE =
  process.env.GEC_STATE_FILE || path.resolve(__dirname, "../node_modules/.cache/gec/start.json");

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
  } catch {
    return null;
  }
}

/** Removes the record, only if it is this process's (a newer `npm start` may have replaced it). */
function removeState(pid) {
  const state = readState();
  if (state && (pid === undefined || state.pid === pid)) fs.rmSync(STATE_FILE, { force: true });
}

module.exports = { STATE_FILE, readState, removeState };
