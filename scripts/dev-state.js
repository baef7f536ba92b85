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

/**
 * office-addin-debugging, at a fixed version, fetched only where there is a desktop Excel to sideload into (npm
 * start registers the manifest with it, npm stop unregisters it): as a devDependency every `npm ci` would install
 * it, and through office-addin-dev-settings' optional @microsoft/m365agentstoolkit-cli it brings keytar, whose
 * install script downloads a binary from GitHub or Node's headers from nodejs.org (on Linux, 6.x and 7.x fail
 * `npm ci` outright; 5.1.6 adds 340 packages and tries both).
 */
const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@7.0.0";

module.exports = { OFFICE_ADDIN_DEBUGGING, STATE_FILE, readState, removeState };
