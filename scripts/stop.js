// `npm stop`: stops the server `npm start` runs (by the pid it recorded) and unregisters its desktop sideload.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const { OFFICE_ADDIN_DEBUGGING, readState, removeState } = require("./dev-state");

const root = path.resolve(__dirname, "..");
const say = (text) => process.stdout.write(`[gec] ${text}\n`);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

async function main() {
  const state = readState();
  if (!state) {
    say("npm start は動いていません / npm start is not running");
    return;
  }
  if (state.sideloaded) {
    // the registration office-addin-debugging made for desktop Excel
    spawnSync("npx", ["--yes", OFFICE_ADDIN_DEBUGGING, "stop", state.manifest, "desktop"], {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
  }
  if (alive(state.pid)) {
    process.kill(state.pid, "SIGTERM");
    // it writes webpack's cache as it closes (tens of MB): give it time before forcing
    for (let i = 0; i < 600 && alive(state.pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(state.pid)) process.kill(state.pid, "SIGKILL");
  }
  removeState(state.pid);
  say(`停止しました / stopped (pid ${state.pid}, ${state.url})`);
}

main().catch((e) => {
  process.stderr.write(`[gec] ${e.message}\n`);
  process.exit(1);
});
