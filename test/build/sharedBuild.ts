// The production build test/build/globalSetup.js made for https://example.org/gec/, shared by the build suites.
import * as fs from "fs";
import * as path from "path";

export const BASE = "https://example.org/gec/";

/** The build: `web` (dist/web as a host serves it) and `chunks` (chunks.json: each chunk's source modules). */
export function sharedBuild(): { web: string; chunks: string } {
  const dir = process.env.GEC_TEST_BUILD_DIR;
  if (!dir || !fs.existsSync(path.join(dir, "web", "manifest.xml")))
    throw new Error("no shared build: run the build suites through jest (test/build/globalSetup.js)");
  return { web: path.join(dir, "web"), chunks: path.join(dir, "chunks.json") };
}
