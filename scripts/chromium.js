// Debian's Chromium for the browser tests and the taskpane bench: one way to launch it, offline (only 127.0.0.1).
"use strict";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A persistent context with every request that is not to 127.0.0.1 aborted (office.js from the CDN included). */
async function launchOffline(profileDir, options = {}) {
  const { chromium } = require("playwright-core");
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => route.abort(),
  );
  return context;
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, launchOffline };
