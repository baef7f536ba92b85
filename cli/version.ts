// The version of the installed package, read from its package.json (the CLI runs from cli/ in tests, dist/cli/ built).
import * as fs from "fs";
import * as path from "path";

const PACKAGE_NAME = "gec-addin";

/** package.json's version, found by walking up from this file; "unknown" where no such package.json is found. */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    try {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") return pkg.version;
    } catch {
      // no package.json here (or not ours): look further up
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}
