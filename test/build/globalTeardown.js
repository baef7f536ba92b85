// After the build suites: the shared production build is removed.
"use strict";
const fs = require("fs");

module.exports = async function globalTeardown() {
  const dir = process.env.GEC_TEST_BUILD_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
